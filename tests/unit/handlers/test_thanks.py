"""The teams a farmer's thanks name: in full, for short, or by the town they serve."""

from __future__ import annotations

from core.config import Config
from handlers.thanks import teams_named
from tests.support.config_edits import with_area_aliases


def test_a_town_thanked_by_its_alias_names_its_teams_as_its_name_does(
    demo_config: Config,
) -> None:
    cfg = with_area_aliases(demo_config, "longtan", "龙滩镇")
    by_name = teams_named(cfg, "谢谢龙潭镇的师傅")
    assert "curing-longtan" in by_name
    assert teams_named(cfg, "谢谢龙滩镇的师傅") == by_name

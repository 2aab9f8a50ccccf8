"""Leaders and supervisors: the config's first, then those an invite made so, each once."""

from __future__ import annotations

from datetime import UTC, datetime

from core.config import parse_config
from core.enums import Role
from core.model import Membership
from core.ranks import team_leaders, unique
from tests.support.minimal_config import MINIMAL

_NOW = datetime(2026, 12, 5, tzinfo=UTC)


def _config_with_leaders(*leaders: int) -> str:
    listed = ", ".join(str(uid) for uid in leaders)
    return MINIMAL.replace(
        "{id: t1, name: 一队, line: curing, areas: [a1]}",
        f"{{id: t1, name: 一队, line: curing, areas: [a1], leaders: [{listed}]}}",
    )


def _member(user_id: int, role: Role, team_id: str | None = "t1") -> Membership:
    return Membership(user_id, role, _NOW, team_id=team_id)


def test_configured_leaders_come_first_then_those_by_invite_each_once() -> None:
    cfg = parse_config(_config_with_leaders(30, 10))
    memberships = [
        _member(20, Role.LEADER),
        _member(10, Role.LEADER),  # in the config too
        _member(40, Role.MEMBER),
    ]
    assert team_leaders(cfg, "t1", memberships) == [30, 10, 20]


def test_a_team_the_config_no_longer_has_keeps_its_leaders_by_invite() -> None:
    cfg = parse_config(MINIMAL)
    assert team_leaders(cfg, "gone", [_member(7, Role.LEADER, "gone")]) == [7]


def test_unique_keeps_first_order() -> None:
    assert unique([3, 1, 3, 2, 1]) == [3, 1, 2]

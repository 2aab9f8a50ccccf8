"""The config's YAML read strictly: keys written twice, includes, business hours."""

from __future__ import annotations

from datetime import date

import pytest

from core.config import ConfigError, parse_config
from core.yaml_text import DuplicateKeys, load_yaml
from routing.keywords_yaml import KeywordsError, parse_keywords_yaml
from tests.support.minimal_config import MINIMAL

KEYWORDS = "keywords:\n  curing:\n    words: {烤房: 3}\n"


def errors_of(
    text: str, files: dict[str, str] | None = None, source: str | None = None
) -> list[str]:
    def read(name: str) -> str:
        if files is None or name not in files:
            raise FileNotFoundError(2, "No such file or directory")
        return files[name]

    with pytest.raises(ConfigError) as caught:
        parse_config(text, read, source=source)
    return caught.value.errors


def test_a_team_written_twice_in_a_mapping_is_refused_not_lost() -> None:
    text = MINIMAL.replace(
        "  - {id: t2, name: 分派台, line: triage}\n",
        "  - id: t2\n    name: 分派台\n    line: triage\n    name: 分派组\n",
    )
    assert errors_of(text, source="bureau.yaml") == [
        "bureau.yaml: teams[1].name: written twice (lines 16 and 18); only one of them would count"
    ]


def test_a_top_level_key_written_twice_is_refused() -> None:
    text = MINIMAL + "teams:\n  - {id: t9, name: 九队, line: curing}\n"
    [error] = errors_of(text)
    assert error.startswith("teams: written twice (lines 13 and 16)")


def test_a_key_repeated_on_one_line_names_that_line() -> None:
    [error] = errors_of(MINIMAL.replace("{id: a1, name: 一区}", "{id: a1, id: a2, name: 一区}"))
    assert error == "areas[0].id: written twice (line 9); only one of them would count"


def test_a_yaml_merge_key_may_still_override_what_it_merges() -> None:
    assert load_yaml("base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\n") == {
        "base": {"x": 1, "y": 2},
        "other": {"x": 1, "y": 3},
    }


def test_a_keyword_written_twice_in_an_include_names_that_file() -> None:
    twice = "keywords:\n  curing:\n    words: {烤房: 3, 停电: 2, 烤房: 1}\n"
    errors = errors_of(
        "include: [kw.yaml]\n" + MINIMAL, {"kw.yaml": twice}, source="conf/bureau.yaml"
    )
    assert errors == [
        "conf/kw.yaml: keywords.curing.words.烤房: written twice (line 3); "
        "only one of them would count"
    ]
    with pytest.raises(KeywordsError, match=r"keywords\.curing\.words\.烤房: written twice"):
        parse_keywords_yaml(twice)


def test_duplicate_keys_error_lists_every_one() -> None:
    with pytest.raises(DuplicateKeys) as caught:
        load_yaml("a: 1\nb: {c: 1, c: 2}\na: 3\n")
    assert [e.split(":")[0] for e in caught.value.errors] == ["b.c", "a"]


@pytest.mark.parametrize(
    ("include", "error"),
    [
        ("include: {file: kw.yaml}", "include: must be a list of file names, e.g. [a.yaml]"),
        ("include: 3", "include: must be a list of file names, e.g. [a.yaml]"),
        ("include: [kw.yaml, 7]", "include[1]: not a file name: 7"),
        ("include: [kw.yaml, '']", "include[1]: not a file name: ''"),
        ("include: [[kw.yaml]]", "include[0]: not a file name: ['kw.yaml']"),
    ],
)
def test_an_include_that_is_not_a_list_of_file_names_is_refused(include: str, error: str) -> None:
    assert errors_of(include + "\n" + MINIMAL, {"kw.yaml": KEYWORDS}, "b.yaml") == [
        f"b.yaml: {error}"
    ]


def test_one_include_written_without_brackets_still_works() -> None:
    cfg = parse_config("include: kw.yaml\n" + MINIMAL, {"kw.yaml": KEYWORDS}.__getitem__)
    assert cfg.keywords["curing"].words == {"烤房": 3}


def test_an_include_that_is_not_utf8_names_the_file() -> None:
    def read(name: str) -> str:
        return "keywords: {curing: {words: {烤房: 3}}}".encode("gbk").decode("utf-8")

    with pytest.raises(ConfigError) as caught:
        parse_config("include: [kw.yaml]\n" + MINIMAL, read, source="c/b.yaml")
    [error] = caught.value.errors
    assert error.startswith("c/kw.yaml: not UTF-8 text (byte 0x")


def test_an_error_in_an_included_key_names_the_included_file() -> None:
    bad = "keywords:\n  curing:\n    words: {烤房: many}\n"
    [error] = errors_of("include: [kw.yaml]\n" + MINIMAL, {"kw.yaml": bad}, "c/b.yaml")
    assert error.startswith("c/kw.yaml: keywords.curing.words.烤房: ")
    [error] = errors_of(
        "include: [kw.yaml]\n" + MINIMAL,
        {"kw.yaml": "keywords: {growing: {words: {施肥: 2}}}"},
        "c/b.yaml",
    )
    assert error == "c/kw.yaml: keywords.growing: unknown service line 'growing'"


@pytest.mark.parametrize(
    ("hours", "error"),
    [
        ("business_hours: []", "business_hours: needs at least one working period"),
        (
            "business_hours: [{start: '08:30', end: '12:00'}, {start: '11:00', end: '17:00'}]",
            "business_hours: 08:30-12:00 and 11:00-17:00 overlap",
        ),
        (
            "business_hours: [{start: '14:00', end: '17:00'}, {start: '08:00', end: '14:30'}]",
            "business_hours: 08:00-14:30 and 14:00-17:00 overlap",
        ),
    ],
)
def test_business_hours_empty_or_overlapping_are_refused(hours: str, error: str) -> None:
    [found] = errors_of(MINIMAL + hours + "\n", source="b.yaml")
    assert found.startswith(f"b.yaml: {error}")


def test_business_hours_that_touch_are_fine() -> None:
    text = (
        MINIMAL
        + "business_hours: [{start: '08:00', end: '12:00'}, {start: '12:00', end: '17:00'}]\n"
    )
    assert len(parse_config(text).business_hours) == 2


@pytest.mark.parametrize(
    "season", ["{start: '13-01', end: '10-31'}", "{start: '07-01', end: '02-30'}"]
)
def test_a_curing_season_day_not_in_the_calendar_is_refused(season: str) -> None:
    [found] = errors_of(MINIMAL + f"curing_season: {season}\n", source="b.yaml")
    assert "curing_season" in found and "not a month-day" in found


def test_a_curing_season_over_the_new_year_contains_december_and_january() -> None:
    season = parse_config(MINIMAL + "curing_season: {start: '11-01', end: '02-29'}\n").curing_season
    assert season.wraps
    assert [season.contains(date(2027, m, d)) for m, d in ((12, 5), (1, 15), (3, 1), (10, 31))] == [
        True, True, False, False
    ]  # fmt: skip


def test_a_season_from_02_29_starts_on_the_28th_in_a_year_without_it() -> None:
    # As the reports' season window has it (CuringSeason.first_day), so that a ticket's
    # off-season policy and /stats 本烘烤季 agree on the season's first day.
    season = parse_config(MINIMAL + "curing_season: {start: '02-29', end: '01-31'}\n").curing_season
    assert season.first_day(2027) == date(2027, 2, 28)
    assert [season.contains(date(2027, 2, d)) for d in (27, 28)] == [False, True]


def test_an_off_season_policy_that_does_not_exist_is_refused() -> None:
    text = MINIMAL.replace(
        "{id: curing, name: 烘烤110, sla: standard}",
        "{id: curing, name: 烘烤110, sla: standard, off_season_sla: office}",
    )
    assert errors_of(text, source="b.yaml") == [
        "b.yaml: service_lines[0].off_season_sla: unknown policy 'office'"
    ]


def test_a_danger_word_that_is_no_emergency_word_is_refused() -> None:
    routing = "routing:\n  emergency_words: {着火: 4}\n  danger_words: [着火, 触电]\n"
    [error] = errors_of(MINIMAL + routing)
    assert "触电" in error and "emergency_words" in error


def test_a_personal_trouble_that_is_no_emergency_word_is_refused() -> None:
    routing = "routing:\n  emergency_words: {没电: 3}\n  personal_troubles: {停电: [手机]}\n"
    [error] = errors_of(MINIMAL + routing)
    assert "停电" in error and "emergency_words" in error


@pytest.mark.parametrize(
    ("team_id", "error"),
    [
        ("curing:qingshan", "teams[0].id: 'curing:qingshan' must not be blank or hold a colon"),
        ("青山镇烟叶烘烤一百一十服务队值班组", "is 51 bytes in UTF-8; a button's data leaves room"),
    ],
)
def test_a_team_id_that_would_not_fit_or_read_back_in_a_button_is_refused(
    team_id: str, error: str
) -> None:
    [found] = errors_of(MINIMAL.replace("{id: t1,", f"{{id: '{team_id}',"))
    assert error in found


def test_the_longest_team_id_a_button_can_carry_is_fine() -> None:
    parse_config(MINIMAL.replace("{id: t1,", "{id: " + "t" * 42 + ","))


def test_an_area_id_that_would_not_fit_in_a_button_is_refused() -> None:
    long_area = "a" * 58
    text = MINIMAL.replace("{id: a1,", f"{{id: {long_area},").replace("[a1]", f"[{long_area}]")
    [error] = errors_of(text)
    assert "areas[0].id" in error and "58 bytes" in error


def test_a_team_id_one_byte_too_long_for_a_button_is_refused() -> None:
    [error] = errors_of(MINIMAL.replace("{id: t1,", "{id: " + "t" * 43 + ","))
    assert "43 bytes" in error


@pytest.mark.parametrize(
    ("written", "blank", "error"),
    [
        ("bureau: 测试局", "bureau: ''", "bureau: must not be blank"),
        ("{id: a1, name: 一区}", "{id: a1, name: '　'}", "areas[0].name: must not be blank"),
        ("{id: triage, name: 分派,", "{id: triage, name: ' ',", "service_lines[1].name: must"),
        ("{id: t1, name: 一队,", "{id: t1, name: '',", "teams[0].name: must not be blank"),
        (
            "teams:",
            "sites: [{code: S1, name: ' ', area: a1, lat: 26, lon: 106}]\nteams:",
            "sites[0].name: must not be blank",
        ),
    ],
)
def test_a_blank_name_is_refused_with_its_path(written: str, blank: str, error: str) -> None:
    [found] = errors_of(MINIMAL.replace(written, blank, 1), source="b.yaml")
    assert found.startswith(f"b.yaml: {error}")


def test_yaml_that_cannot_be_read_is_one_line_naming_the_file_line_and_column() -> None:
    [error] = errors_of("bureau: [unclosed\n", source="config/b.yaml")
    assert error == (
        "config/b.yaml: invalid YAML: line 2, column 1: expected ',' or ']', but got "
        "'<stream end>' (while parsing a flow sequence that starts at line 1, column 9)"
    )


def test_a_tab_indenting_the_yaml_is_placed_by_line_and_column() -> None:
    [error] = errors_of("areas:\n\t- {id: a, name: 甲}\n", source="b.yaml")
    assert error.startswith("b.yaml: invalid YAML: line 2, column 1: found character '\\t'")
    assert "<unicode string>" not in error and "\n" not in error


def test_a_keyword_file_that_cannot_be_read_as_yaml_says_where_in_one_line() -> None:
    with pytest.raises(KeywordsError) as caught:
        parse_keywords_yaml("keywords:\n  curing:\n    words: {烤房: 3\n")
    assert str(caught.value).startswith("invalid YAML: line 4, column 1: ")
    assert "<unicode string>" not in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("written", ["8点半", "24:00", "8:75", "08:30:00", "25:00"])
def test_a_time_of_day_that_is_none_says_how_to_write_one(written: str) -> None:
    [error] = errors_of(
        MINIMAL + f"quiet_hours: {{start: {written}, end: '07:00'}}\n", None, "b.yaml"
    )
    assert error.startswith(f"b.yaml: quiet_hours.start: not a time of day: '{written}'")
    assert error.endswith('(write it as "08:30")')


def test_a_time_of_day_unquoted_is_read_as_written() -> None:
    cfg = parse_config(MINIMAL + "quiet_hours: {start: 22:30, end: 07:00}\n")
    assert cfg.quiet_hours is not None
    assert (cfg.quiet_hours.start.isoformat(), cfg.quiet_hours.end.isoformat()) == (
        "22:30:00",
        "07:00:00",
    )


@pytest.mark.parametrize("written", ["8:30:00", "22:30:00", "0700"])
def test_an_unquoted_time_with_seconds_is_refused_as_written(written: str) -> None:
    [error] = errors_of(
        MINIMAL + f"quiet_hours: {{start: {written}, end: '07:00'}}\n", None, "b.yaml"
    )
    # Before: YAML's base-60 or octal number turned back into text ('510:00', '448').
    assert (
        error
        == f"""b.yaml: quiet_hours.start: not a time of day: '{written}' (write it as "08:30")"""
    )


def test_a_whole_hour_unquoted_is_read_as_that_hour() -> None:
    cfg = parse_config(MINIMAL + "quiet_hours: {start: 22, end: 7}\n")
    assert cfg.quiet_hours is not None
    # Before: 00:22 to 00:07, minutes past midnight.
    assert (cfg.quiet_hours.start.isoformat(), cfg.quiet_hours.end.isoformat()) == (
        "22:00:00",
        "07:00:00",
    )


@pytest.mark.parametrize(
    ("rates", "error"),
    [
        (
            "{response: -1, resolution: 0, satisfaction: 0}",
            "rates.response: Input should be greater than or equal to 0",
        ),
        (
            "{response: 0, resolution: 0, satisfaction: 0}",
            "rates: at least one of response, resolution, satisfaction must be above 0",
        ),
        ("{resolution: .inf}", "rates.resolution: Input should be a finite number"),
    ],
)
def test_rate_weights_that_make_no_composite_score_are_refused(rates: str, error: str) -> None:
    assert errors_of(MINIMAL + f"rates: {rates}\n", source="b.yaml") == [f"b.yaml: {error}"]


def test_a_rate_weight_of_zero_beside_others_is_fine() -> None:
    cfg = parse_config(MINIMAL + "rates: {response: 0, resolution: 0.6, satisfaction: 0.4}\n")
    assert cfg.rates.response == 0

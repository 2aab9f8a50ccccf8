"""`jinye110 check-config` and `jinye110 db upgrade` as an operator runs them."""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import time_machine
from alembic.script import ScriptDirectory

from bot.cli import build_parser, main
from bot.cli_core import schedule_unknown
from core.config import Config, WorkingDays
from storage.migrate import alembic_config
from tests.conftest import DEMO_CONFIG, _run_outside_loop
from tests.support.minimal_config import MINIMAL
from tests.support.scratch_db import pg_admin


def _head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


BROKEN = (
    MINIMAL.replace("resolve_within: 1d", "resolve_within: soon").replace(
        "urgent_sla: standard", "urgent_sla: missing"
    )
    + "  - {id: t3, name: 二队, line: curing, areas: [nowhere]}\n"
    + "  - {id: t4, name: 三队, line: curing, sla: fast}\n"
)

CROSS_REF = BROKEN.replace("resolve_within: soon", "resolve_within: 21h").replace(
    "  - {id: t4, name: 三队, line: curing, sla: fast}\n", ""
)


def test_demo_config_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", str(DEMO_CONFIG)]) == 0
    assert "OK" in capsys.readouterr().out


def test_structural_errors_carry_their_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "sla_policies[0].resolve_within: not a duration: 'soon'" in err
    assert "teams[3].sla: Extra inputs are not permitted" in err


def test_blank_names_are_refused_each_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name people read (这里是  服务台) that says nothing: a slip of the editor."""
    path = tmp_path / "blank.yaml"
    text = (
        MINIMAL.replace("bureau: 测试局", 'bureau: "  "')
        .replace("{id: a1, name: 一区}", "{id: a1, name: ''}")
        .replace("{id: t2, name: 分派台,", "{id: t2, name: ' ',")
    )
    path.write_text(text, encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 1)[1] for line in err[:-1]] == [
        "bureau: must not be blank",
        "areas[0].name: must not be blank",
        "teams[1].name: must not be blank",
    ]
    assert all(line.startswith(str(path)) for line in err[:-1]) and "3 error(s)" in err[-1]


def test_an_areas_alias_blank_or_naming_another_area_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A town's other name (城关镇 for 城区) that is blank, or another town's: typed, it
    would name whichever is listed first."""
    path = tmp_path / "aliases.yaml"
    areas = "areas: [{id: a1, name: 一区, aliases: ['', 二区]}, {id: a2, name: 二区}]"
    path.write_text(MINIMAL.replace("areas: [{id: a1, name: 一区}]", areas), encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "areas[0].aliases[0]: must not be blank" in err
    assert "areas[0].aliases[1]: '二区' names area 'a2' too" in err


def test_reference_errors_are_all_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "refs.yaml"
    path.write_text(CROSS_REF, encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "urgent_sla: unknown policy 'missing'" in err
    assert "teams[2].areas[0]: unknown area 'nowhere'" in err
    assert "2 error(s)" in err


def test_an_oversight_line_must_be_one_and_neither_triage_nor_110(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "oversight.yaml"
    lines = (
        "  - {id: curing, name: 烘烤110, sla: standard, oversight: true}\n"
        "  - {id: triage, name: 分派, sla: standard, triage: true, oversight: true}\n"
    )
    two = CROSS_REF.replace(
        "  - {id: curing, name: 烘烤110, sla: standard}\n"
        "  - {id: triage, name: 分派, sla: standard, triage: true}\n",
        lines,
    )
    path.write_text(two, encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "service_lines: at most one line may have oversight: true" in err
    assert "service_lines[1]: an oversight line is neither triage nor 110" in err


def test_own_words_are_the_oversight_lines_only_and_not_blank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "own_words.yaml"
    lines = (
        "  - {id: curing, name: 烘烤110, sla: standard, own_words: [烘烤]}\n"
        "  - {id: triage, name: 分派, sla: standard, triage: true}\n"
        "  - {id: conduct, name: 作风监督, sla: standard, oversight: true,"
        " own_words: [纪检, ' ']}\n"
    )
    text = CROSS_REF.replace(
        "  - {id: curing, name: 烘烤110, sla: standard}\n"
        "  - {id: triage, name: 分派, sla: standard, triage: true}\n",
        lines,
    )
    path.write_text(text, encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert "service_lines[0].own_words: only the oversight line has them" in err
    assert "service_lines[2].own_words: a word must not be blank" in err


def test_missing_and_unparsable_files_fail_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-config", str(tmp_path / "none.yaml")]) == 2
    (tmp_path / "bad.yaml").write_text("teams: [unclosed", encoding="utf-8")
    assert main(["check-config", str(tmp_path / "bad.yaml")]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and "invalid YAML" in err


def test_db_upgrade_then_check_config_on_a_fresh_sqlite_file(tmp_path: Path) -> None:
    env = {"JINYE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}", "PATH": ""}
    for args in (["db", "upgrade"], ["db", "current"], ["check-config", str(DEMO_CONFIG)]):
        done = subprocess.run(
            [sys.executable, "-m", "bot.cli", *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        if args == ["db", "current"]:
            assert done.stdout.strip() == _head_revision()
    assert "OK" in done.stdout


def test_db_upgrade_on_a_fresh_postgresql_database(pg_url: str, tmp_path: Path) -> None:
    name = f"jinye_cli_{uuid.uuid4().hex[:8]}"
    _run_outside_loop(pg_admin(f'CREATE DATABASE "{name}"'))
    url = pg_url.rsplit("/", 1)[0] + f"/{name}"
    try:
        for args in (["db", "upgrade"], ["db", "current"]):
            done = subprocess.run(
                [sys.executable, "-m", "bot.cli", *args],
                env={"JINYE_DATABASE_URL": url, "PATH": ""},
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == _head_revision()
    finally:
        _run_outside_loop(pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def test_a_file_not_in_utf8_is_one_line_with_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(CROSS_REF.encode("gbk"))
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: not UTF-8 text (byte 0x" in err and "Traceback" not in err


def test_an_include_not_in_utf8_names_the_included_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kw.yaml").write_bytes("keywords: {curing: {words: {烤房: 3}}}".encode("gbk"))
    path = tmp_path / "main.yaml"
    path.write_text(
        "include: [kw.yaml]\n"
        + DEMO_CONFIG.read_text(encoding="utf-8").replace("include: [keywords.yaml]", ""),
        encoding="utf-8",
    )
    assert main(["check-config", str(path)]) == 2
    assert f"{tmp_path / 'kw.yaml'}: not UTF-8 text" in capsys.readouterr().err


def test_a_utf8_file_with_a_byte_order_mark_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + CROSS_REF.encode("utf-8"))
    assert main(["check-config", str(path)]) == 2
    assert "urgent_sla: unknown policy 'missing'" in capsys.readouterr().err


def test_check_config_names_the_file_and_path_of_a_key_written_twice_or_a_zero_repeat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "twice.yaml"
    text = CROSS_REF.replace("urgent_sla: missing", "urgent_sla: standard\nurgent_sla: standard")
    path.write_text(text.replace("repeat_every: 1h", "repeat_every: 0m"), encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    assert f"{path}: urgent_sla: written twice (lines 4 and 5)" in capsys.readouterr().err
    path.write_text(CROSS_REF.replace("repeat_every: 1h", "repeat_every: 0m"), encoding="utf-8")
    assert main(["check-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: ladders[0].repeat_every: must be longer than zero, not '0m'" in err


def test_db_upgrade_prints_the_revision_the_database_reached_not_the_one_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    assert main(["db", "upgrade", "0005"]) == 0
    assert capsys.readouterr().out.strip().endswith("is at revision 0005")
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.strip().endswith(f"is at revision {_head_revision()}")
    assert main(["db", "upgrade", "0005"]) == 0
    stays = f"is at revision {_head_revision()} (asked for 0005; db upgrade never goes back)"
    assert capsys.readouterr().out.strip().endswith(stays)


def test_db_upgrade_to_an_unknown_revision_is_one_line_naming_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite3'}")
    assert main(["db", "upgrade", "nosuch"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"jinye110 db upgrade: no revision 'nosuch'; the newest is {_head_revision()}"
    ]
    assert main(["db", "upgrade", "00"]) == 2
    assert capsys.readouterr().err.startswith("jinye110 db upgrade: Multiple revisions start with")
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["db", "upgrade", "+1"]) == 2
    assert "Relative revision +1 didn't produce 1 migrations" in capsys.readouterr().err


def test_db_upgrade_of_a_database_at_a_revision_unknown_here_names_that_revision(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Stamped by a newer release and rolled back from: not "no revision 'head'"."""
    path = tmp_path / "db.sqlite3"
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite+aiosqlite:///{path}")
    assert main(["db", "upgrade"]) == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    capsys.readouterr()
    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "0099" in err and "'head'" not in err


def _commands() -> list[str]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_help_describes_the_command_without_the_code_behind_it(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    shown = capsys.readouterr().out
    for note in (".py", "argparse", "bot/", "sub-command"):
        assert note not in shown, f"{command} --help: {note}"


@pytest.mark.parametrize(
    ("today", "unknown"),
    [
        (date(2025, 12, 7), []),  # the packages know 2025 and 2026
        (date(2026, 6, 1), []),  # the next year's notice is not due before October
        (date(2030, 3, 1), [2030]),
        (date(2030, 12, 7), [2030, 2031]),
    ],
)
def test_a_year_whose_days_off_nobody_gave_the_desk_is_named(
    demo_config: Config, today: date, unknown: list[int]
) -> None:
    assert schedule_unknown(demo_config, today) == unknown


def test_a_year_given_in_working_days_is_not_named_again(demo_config: Config) -> None:
    given = demo_config.model_copy(
        update={"working_days": WorkingDays(workdays=frozenset({date(2031, 2, 1)}))}
    )
    assert schedule_unknown(given, date(2030, 12, 7)) == [2030]


def test_a_local_day_off_alone_does_not_give_the_years_schedule(demo_config: Config) -> None:
    local = demo_config.model_copy(
        update={"working_days": WorkingDays(holidays=frozenset({date(2030, 7, 15)}))}
    )
    assert schedule_unknown(local, date(2030, 3, 1)) == [2030]


def test_check_config_notes_the_unknown_year_after_its_ok_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with time_machine.travel(datetime(2030, 3, 1, 2, tzinfo=UTC), tick=False):
        assert main(["check-config", str(DEMO_CONFIG)]) == 0
    ok, note = capsys.readouterr().out.splitlines()
    assert "OK" in ok and "note — 2030's days off and 调休 working days" in note

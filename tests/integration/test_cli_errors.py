"""A database the CLI cannot use is one line and exit status 1, never a traceback; a config
it cannot use is every problem, one a line, and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from storage.migrate import head_revision, upgrade
from tests.support.minimal_config import MINIMAL

# Nothing listens on port 1: the connection is refused at once.
UNREACHABLE = "postgresql+asyncpg://postgres:s3cret@127.0.0.1:1/jinye110"

DB_COMMANDS = [
    ["invite", "--team", "curing", "-o", "i.png"],
    ["invite", "--role", "supervisor", "-o", "s.png"],
    ["report", "ledger", "--from", "2026-11-01", "--to", "2026-11-15", "-o", "l.csv"],
    ["report", "stats", "--period", "week"],
    ["scheduler", "--once"],
    ["scheduler", "--once", "--no-migrate"],
    ["db", "upgrade"],
    ["db", "current"],
]
NEEDS_SCHEMA = [a for a in DB_COMMANDS if a[0] in ("invite", "report") or "--no-migrate" in a]


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "Traceback" not in captured.err, captured.err
    assert not list(Path.cwd().glob("*.png")) and not list(Path.cwd().glob("*.csv"))
    return lines[0]


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("args", DB_COMMANDS, ids=" ".join)
def test_an_unreachable_database_is_one_line_naming_the_url_without_its_password(
    args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JINYE_DATABASE_URL", UNREACHABLE)
    assert main(args) == 1
    line = one_line(capsys)
    command = " ".join(args[:2] if args[0] in ("report", "db") else args[:1])
    assert line.startswith(f"jinye110 {command}: 数据库无法连接：")
    assert line.endswith(
        "(JINYE_DATABASE_URL=postgresql+asyncpg://postgres:***@127.0.0.1:1/jinye110)"
    )


@pytest.mark.parametrize("args", NEEDS_SCHEMA, ids=" ".join)
def test_a_database_never_migrated_asks_for_db_upgrade_and_is_not_created(
    args: list[str],
    in_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = in_tmp / "none.sqlite3"
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite+aiosqlite:///{missing}")
    assert main(args) == 1
    line = one_line(capsys)
    assert "database is not migrated: run jinye110 db upgrade" in line
    assert f"there is no database file {missing}" in line
    assert not missing.exists()
    empty = in_tmp / "empty.sqlite3"
    empty.touch()
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite+aiosqlite:///{empty}")
    assert main(args) == 1
    assert "database is not migrated: run jinye110 db upgrade (12 tables missing" in one_line(
        capsys
    )


def test_a_database_an_upgrade_behind_asks_for_db_upgrade(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{in_tmp / 'old.sqlite3'}"
    upgrade(url, "0001")
    monkeypatch.setenv("JINYE_DATABASE_URL", url)
    assert main(["report", "stats"]) == 1
    assert f"(schema 0001, this version needs {head_revision()};" in one_line(capsys)
    assert main(["db", "upgrade"]) == 0
    capsys.readouterr()
    assert main(["report", "stats"]) == 0


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "数据库地址无效：Could not parse"),
        ("mysql+nodriver://h/db", "数据库地址无效：Can't load plugin"),
        ("postgresql://postgres@127.0.0.1:1/x", "数据库地址无效：driver psycopg is not installed"),
    ],
)
def test_a_database_url_that_is_no_url_says_so(
    url: str, expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JINYE_DATABASE_URL", url)
    assert main(["db", "current"]) == 1
    assert expected in one_line(capsys)


def test_run_and_demo_refuse_an_unreachable_database_or_a_broken_config(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JINYE_DATABASE_URL", UNREACHABLE)
    assert main(["demo"]) == 1
    assert one_line(capsys).startswith("jinye110 demo: 数据库无法连接：")
    monkeypatch.setenv("JINYE_BOT_TOKEN", "123:abc")
    assert main(["run"]) == 1
    assert one_line(capsys).startswith("jinye110 run: 数据库无法连接：")
    monkeypatch.setenv("JINYE_CONFIG", "no-such.yaml")
    assert main(["run"]) == 2
    assert one_line(capsys) == "jinye110 run: no-such.yaml: cannot read: No such file or directory"


# Every command that reads the config, with the name it goes by in its messages.
CONFIG_COMMANDS = [
    (["run"], "run"),
    (["demo"], "demo"),
    (["scheduler", "--once"], "scheduler"),
    (["report", "stats"], "report stats"),
    (["report", "ledger", "--period", "week", "-o", "l.csv"], "report ledger"),
    (["invite", "--team", "t1"], "invite"),
    (["site-qr"], "site-qr"),
    (["staff", "list"], "staff list"),
    (["staff", "remove", "5"], "staff remove"),
    (["route", "烤房停电"], "route"),
]


@pytest.mark.parametrize(("args", "command"), CONFIG_COMMANDS, ids=[c for _, c in CONFIG_COMMANDS])
def test_every_command_lists_a_broken_configs_problems_alike(
    args: list[str],
    command: str,
    in_tmp: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = in_tmp / "bureau.yaml"
    config.write_text(MINIMAL + "rates: {response: -1}\nbogus1: 1\nbogus2: 2\n", "utf-8")
    monkeypatch.setenv("JINYE_CONFIG", str(config))
    monkeypatch.setenv("JINYE_BOT_TOKEN", "123:abc")
    monkeypatch.setenv("JINYE_DATABASE_URL", UNREACHABLE)
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"jinye110 {command}: {config}: {problem}"
        for problem in (
            "rates.response: Input should be greater than or equal to 0",
            "bogus1: Extra inputs are not permitted",
            "bogus2: Extra inputs are not permitted",
        )
    ]


def test_run_without_a_token_refuses_in_its_own_name_before_promising_the_demo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("JINYE_BOT_TOKEN", raising=False)
    monkeypatch.setenv("JINYE_CONFIG", "no-such.yaml")
    assert main(["run"]) == 2
    assert one_line(capsys) == "jinye110 run: no-such.yaml: cannot read: No such file or directory"
    monkeypatch.delenv("JINYE_CONFIG")
    monkeypatch.setenv("JINYE_DATABASE_URL", UNREACHABLE)
    assert main(["run"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("jinye110 run: 数据库无法连接：")
    assert "console demo" not in captured.out


def test_db_current_of_a_missing_file_says_so_and_makes_none(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = in_tmp / "none.sqlite3"
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite+aiosqlite:///{missing}")
    assert main(["db", "current"]) == 1
    assert f"there is no database file {missing}" in one_line(capsys)
    assert not missing.exists()


def test_a_plain_sqlite_url_serves_every_command_after_db_upgrade(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite:///{in_tmp / 'plain.sqlite3'}")
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == head_revision()
    assert main(["report", "stats", "--period", "week"]) == 0
    assert main(["staff", "list", "--team", "curing"]) == 0

"""`jinye110 report ledger` and `jinye110 report stats` as an operator runs them."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from openpyxl import load_workbook

from bot.cli import main
from core.config import Config
from core.enums import Kind, Script
from reports import periods
from reports.ledger_files import export
from storage.uow import Database
from tests.conftest import DEMO_CONFIG
from tests.integration.reports.dataset import build
from tests.support.tickets import T0, new_ticket

AS_OF = "2026-11-19T10:00"  # local: the morning after the constructed day


@pytest.fixture
def env(db: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("JINYE_DATABASE_URL", db.url)
    monkeypatch.setenv("JINYE_CONFIG", str(DEMO_CONFIG))
    return db


async def run(*argv: str) -> int:
    # The CLI runs its own event loop, so it cannot run on the test's.
    return await asyncio.to_thread(main, list(argv))


async def test_ledger_to_xlsx_and_csv(
    env: Database, demo_config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await build(env, demo_config)
    book_path, csv_path = tmp_path / "ledger.xlsx", tmp_path / "ledger.csv"
    dates = ["--from", "2026-11-18", "--to", "2026-11-18", "--as-of", AS_OF]
    assert await run("report", "ledger", *dates, "-o", str(book_path)) == 0
    assert await run("report", "ledger", *dates, "-o", str(csv_path)) == 0
    assert "2026-11-18 written" in capsys.readouterr().out
    book = load_workbook(book_path)
    assert book.sheetnames == ["台账", "汇总", "心愿清单"]
    assert book["台账"].max_row == 2 + 8  # a title line, the header, the day's tickets
    assert book["台账"]["D3"].value == "张德明"
    rows = list(csv.reader(io.StringIO(csv_path.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 1 + 8 and rows[1][3] == "张德明"


async def test_a_csv_ledger_written_in_a_folder_is_named_with_its_period(
    env: Database, demo_config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A CSV has no title line to say what it is (a program reading it takes the first line
    for its columns): given a folder, the file's name says the days it covers."""
    await build(env, demo_config)
    dates = ["--from", "2026-11-18", "--to", "2026-11-19", "--as-of", AS_OF]
    assert await run("report", "ledger", *dates, "--format", "csv", "-o", str(tmp_path)) == 0
    written = tmp_path / "台账_2026-11-18_2026-11-19.csv"
    assert f"{written}: ledger" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(written.read_bytes().decode("utf-8-sig"))))
    assert rows[0][:3] == ["编号", "类型", "提交时间"]  # the header first, for any reader
    assert await run("report", "ledger", *dates, "-o", str(tmp_path)) == 0  # xlsx by default
    assert (tmp_path / "台账_2026-11-18_2026-11-19.xlsx").is_file()


async def test_the_ledger_written_can_be_learned_from_despite_its_title_line(
    env: Database, demo_config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await build(env, demo_config)
    book_path = tmp_path / "ledger.xlsx"
    dates = ["--from", "2026-11-18", "--to", "2026-11-18", "--as-of", AS_OF]
    assert await run("report", "ledger", *dates, "-o", str(book_path)) == 0
    assert load_workbook(book_path)["台账"]["A2"].value == "编号"  # row 1 is the title
    capsys.readouterr()
    argv = [
        "--text-col",
        "诉求内容",
        "--label-col",
        "服务线",
        "--json",
        "--config",
        str(DEMO_CONFIG),
    ]
    assert await run("route", "eval", str(book_path), *argv) == 0, capsys.readouterr().err
    assert json.loads(capsys.readouterr().out)["messages"] == 8


# A request of each of four lines, in the words the router places at once.
LINE_TEXTS = {
    "curing": "烤房温度上不去",
    "monopoly": "许可证快到期了，怎么延续",
    "delivery": "今天送货少了一条中华",
    "staff": "希望食堂增加早餐品种",
}


async def test_the_ledger_written_is_evaluated_against_the_lines_it_names(
    env: Database, demo_config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its 服务线 column names each line (职工服务, not staff): read as the config's line,
    the router placing every ticket where it went is scored right."""
    for line, text in LINE_TEXTS.items():
        team = demo_config.line(line).default_team
        await new_ticket(env, demo_config, text=text, line=line, team_id=team, kind=Kind.REQUEST)
    book_path = tmp_path / "ledger.xlsx"
    dates = ["--from", "2026-11-18", "--to", "2026-11-18", "--as-of", AS_OF]
    assert await run("report", "ledger", *dates, "-o", str(book_path)) == 0
    capsys.readouterr()
    argv = ["--label-col", "服务线", "--json", "--config", str(DEMO_CONFIG)]
    assert await run("route", "eval", str(book_path), *argv) == 0, capsys.readouterr().err
    report = json.loads(capsys.readouterr().out)
    assert sorted(report["per_label"]) == sorted(LINE_TEXTS)
    assert report["accuracy"] == 1.0


async def test_a_traditional_readers_ledger_is_read_by_its_traditional_headers(
    env: Database, demo_config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A supervisor who reads 繁體 gets /ledger with 訴求內容 and 服務線 (職工服務): found as
    the Simplified headers are, and its lines read as the config's."""
    for line, text in LINE_TEXTS.items():
        team = demo_config.line(line).default_team
        await new_ticket(env, demo_config, text=text, line=line, team_id=team, kind=Kind.REQUEST)
    window = periods.parse("2026-11-18", T0, demo_config.zone)
    name, content, *_ = await export(env, demo_config, window, T0, "xlsx", Script.HANT)
    book_path = tmp_path / name
    book_path.write_bytes(content)
    assert load_workbook(book_path).worksheets[0]["J2"].value == "訴求內容"
    argv = ["--json", "--config", str(DEMO_CONFIG)]
    assert await run("route", "eval", str(book_path), *argv) == 0, capsys.readouterr().err
    report = json.loads(capsys.readouterr().out)
    assert sorted(report["per_label"]) == sorted(LINE_TEXTS)
    assert report["accuracy"] == 1.0


async def test_stats_prints_the_table_and_writes_the_chart(
    env: Database, demo_config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await build(env, demo_config)
    chart = tmp_path / "stats.png"
    code = await run(
        "report", "stats", "--period", "2026-11-18", "--as-of", AS_OF, "--chart", str(chart)
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "青山镇烘烤110服务队：受理6 销号4 超时2｜响应67% 解决80% 满意48%" in out
    assert chart.read_bytes().startswith(b"\x89PNG")


async def test_ledger_and_stats_for_the_last_curing_season(
    env: Database, demo_config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    await build(env, demo_config)  # 2026-11-18: after the demo's 07-01..10-31 season
    book_path = tmp_path / "season.xlsx"
    argv = ["--period", "上个烘烤季", "--as-of", AS_OF, "-o", str(book_path)]
    assert await run("report", "ledger", *argv) == 0
    assert "2025-07-01 至 2025-10-31 written" in capsys.readouterr().out
    sheet = load_workbook(book_path)["台账"]  # nothing happened last year
    assert (sheet.max_row, sheet["A3"].value) == (3, "本期没有工单")
    assert await run("report", "stats", "--period", "本烘烤季", "--as-of", AS_OF) == 0
    assert "服务指标 2026年烘烤季（2026-07-01 至 2026-10-31）" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["ledger", "--from", "2026-11-31", "--to", "2026-12-01", "-o", "x.xlsx"],
            "没有这一天：「2026-11-31」（2026年11月只有30天）",
        ),
        (["ledger", "--from", "2026-11", "--to", "2026-12-01", "-o", "x.xlsx"], "日期格式不对"),
        (["stats", "--period", "2026年2月30日"], "没有这一天：「2026年2月30日」"),
        (["ledger", "--from", "2026-11-18", "--to", "2026-11-01", "-o", "x.xlsx"], "早于"),
        (["ledger", "--from", "2026-11-01", "--to", "2026-11-18", "-o", "x.pdf"], ".xlsx or .csv"),
        (["stats", "--period", "someday"], "看不懂时间范围"),
        (["stats", "--period", "9999-12"], "2000-01-01 至 2099-12-31"),
        (["ledger", "--from", "1000-01-01", "--to", "9999-12-31", "-o", "x.xlsx"], "超出范围"),
        (["stats", "--as-of", "9999-12-31T23:00"], "--as-of"),
        (["stats", "--chart", "out.jpg"], "must end in .png"),
        (["stats", "--as-of", "yesterday"], "--as-of"),
        (["stats", "--chart", "no/c.png"], "cannot write no/c.png: there is no folder no"),
        (["ledger", "--from", "2026-11-01", "--to", "2026-11-02", "-o", "no/x.csv"], "no folder"),
        (["ledger", "-o", "x.xlsx"], "either --from and --to, or --period"),
        (["ledger", "--period", "week", "--format", "csv", "-o", "x.xlsx"], "does not match"),
        (["ledger", "--period", "week", "--from", "2026-11-01", "-o", "x.xlsx"], "either"),
        (["ledger", "--from", "2026-11-01", "-o", "x.xlsx"], "--from and --to go together"),
        (["ledger", "--period", "本季", "-o", "x.xlsx"], "是指季度还是烘烤季"),
        (["ledger", "--period", "2099-01", "-o", "x.xlsx"], "（2099-01-01 起）还没开始，暂无数据"),
        (
            ["ledger", "--from", "2099-01-01", "--to", "2099-01-31", "-o", "x.xlsx"],
            "「2099-01-01..2099-01-31」（2099-01-01 起）还没开始，暂无数据",
        ),
    ],
)
async def test_bad_input_exits_2_with_a_clear_message(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("JINYE_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'unused.db'}")
    monkeypatch.setenv("JINYE_CONFIG", str(DEMO_CONFIG))
    assert await run("report", *argv) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize("action", [["stats"], ["ledger", "--period", "month", "-o", "x.xlsx"]])
async def test_a_time_to_come_is_refused_as_of_rather_than_judging_deadlines_not_passed(
    env: Database,
    demo_config: Config,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    action: list[str],
) -> None:
    await build(env, demo_config)
    monkeypatch.chdir(tmp_path)
    assert await run("report", *action, "--as-of", "2099-06-01T00:00") == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "--as-of" in err and "later than now (20" in err
    assert not (tmp_path / "x.xlsx").exists()


async def test_a_week_number_typed_in_january_is_last_years_week(
    env: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before, 第48周 typed in January was refused as that year's week, not begun.
    with time_machine.travel(datetime(2027, 1, 5, 2, tzinfo=UTC), tick=False):
        assert await run("report", "stats", "--period", "第48周") == 0
    assert "2026年第48周（2026-11-23 至 2026-11-29）" in capsys.readouterr().out

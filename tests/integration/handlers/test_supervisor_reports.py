"""Supervisors' /stats and /ledger through the desk, with the real reports wired in."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from bot.reports_port import Reports
from core.config import Config
from core.enums import Action, Script
from routing import to_simplified
from storage.tables import processed_updates
from storage.uow import Database
from tests.integration.reports.dataset import act
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR, T0

QINGSHAN_CHAT = -1001000000001

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
async def desk(db: Database, demo_config: Config) -> Harness:
    harness = Harness(db, demo_config)
    harness.desk.svc.reports = Reports(db, demo_config)
    await harness.seed()
    await harness.send(FARMER, "/110")
    await harness.send(FARMER, "烤房停电了")
    await harness.press(FARMER, "f:site:QS01")
    return harness


async def test_stats_gives_a_table_and_a_chart(desk: Harness) -> None:
    out = await desk.send(SUPERVISOR, "/stats today")
    assert "青山镇烘烤110服务队" in out.replies[0].text
    assert out.replies[1].photo is not None and out.replies[1].photo.startswith(PNG_MAGIC)


async def test_stats_of_a_period_without_tickets_say_so_without_a_blank_chart(
    desk: Harness,
) -> None:
    out = await desk.send(SUPERVISOR, "/stats 2026-10")
    assert "本期没有工单" in texts(out)
    assert [r.photo for r in out.replies] == [None]


async def test_a_repeat_of_stats_asks_for_it_again_rather_than_showing_nothing(
    desk: Harness,
) -> None:
    """The chart is built after the step commits and is not kept: a repeat of the update
    (the bot stopped before showing it) cannot show it, and says to ask again."""
    first = await desk.send(SUPERVISOR, "/stats today", key="tg:900")
    again = await desk.send(SUPERVISOR, "/stats today", key="tg:900")
    assert first.replies[1].photo is not None
    assert again.duplicate and [r.photo for r in again.replies] == [None]
    assert texts(again).strip() == "（如果没有收到刚才的结果，请再发一次刚才的命令。）"


async def test_ledger_sends_the_xlsx_with_the_ticket(desk: Harness) -> None:
    out = await desk.send(SUPERVISOR, "/ledger today")
    document = out.replies[0].document
    assert document is not None and document[0].endswith(".xlsx")
    workbook = load_workbook(io.BytesIO(document[1]))
    values = [c.value for row in workbook.worksheets[0].iter_rows() for c in row]
    assert 10019 in values  # a number, not digits as text


@pytest.mark.parametrize(
    ("language", "said", "name"),
    [
        ("zh-hans", "本期没有工单，表中没有记录", "台账_2026-10-01_2026-10-31.xlsx"),
        ("zh-hant", "本期沒有工單，表中沒有記錄", "臺賬_2026-10-01_2026-10-31.xlsx"),
    ],
)
async def test_ledger_of_a_period_without_tickets_says_so_with_its_file(
    desk: Harness, language: str, said: str, name: str
) -> None:
    """As /stats says 本期没有工单; the file still goes, a period's nil return to file."""
    out = await desk.send(SUPERVISOR, "/ledger 2026-10", language_code=language)
    (reply,) = out.replies
    assert reply.document is not None and reply.document[0] == name
    assert reply.text.startswith(name) and said in reply.text
    # a period with tickets is not said to have none
    caption = texts(await desk.send(SUPERVISOR, "/ledger today"))
    assert "三张表" in caption or "三張表" in caption
    assert "没有" not in caption and "沒有" not in caption


async def test_ledger_of_a_day_without_new_tickets_but_with_a_close_is_no_nil_return(
    desk: Harness, demo_config: Config
) -> None:
    """A day with no new tickets whose 汇总 counts an older one crossed off is not filed
    as a nil return: only a day with nothing at all is."""
    [ticket] = await desk.tickets()
    await act(desk.db, demo_config, ticket, Action.ACCEPT, MEMBER, T0 + timedelta(minutes=5))
    await act(desk.db, demo_config, ticket, Action.RESOLVE, MEMBER, T0 + timedelta(hours=1))
    desk.clock.advance(days=1)
    await act(desk.db, demo_config, ticket, Action.CLOSE, SUPERVISOR, desk.clock.now)
    (reply,) = (await desk.send(SUPERVISOR, "/ledger today")).replies
    assert reply.document is not None
    summary = load_workbook(io.BytesIO(reply.document[1]))["汇总"]
    header, *rows = summary.iter_rows(min_row=3, values_only=True)
    [total] = [row for row in rows if row[0] == "合计"]
    assert total[header.index("销号件数")] == 1
    assert "本期没有新受理的工单" in reply.text and "零报告" in reply.text
    assert "可作本期零报告存档" not in reply.text
    # the day after, nothing happened at all: once it is over, that is the nil return
    desk.clock.advance(days=2)
    (reply,) = (await desk.send(SUPERVISOR, "/ledger yesterday")).replies
    assert "本期没有工单，表中没有记录，可作本期零报告存档" in reply.text


async def test_ledger_of_a_day_whose_summary_counts_only_a_resolution_claims_no_close(
    desk: Harness, demo_config: Config
) -> None:
    """A day with no new tickets whose 汇总 counts only an older ticket resolved in it (its
    time to resolve), none crossed off, rated or late that day: the caption says what the
    汇总 may count, not that something was crossed off, rated or overdue."""
    [ticket] = await desk.tickets()
    await act(desk.db, demo_config, ticket, Action.ACCEPT, MEMBER, T0 + timedelta(minutes=5))
    desk.clock.advance(days=1)
    await act(desk.db, demo_config, ticket, Action.RESOLVE, MEMBER, desk.clock.now)
    (reply,) = (await desk.send(SUPERVISOR, "/ledger today")).replies
    assert reply.document is not None
    summary = load_workbook(io.BytesIO(reply.document[1]))["汇总"]
    header, *rows = summary.iter_rows(min_row=3, values_only=True)
    [total] = [row for row in rows if row[0] == "合计"]
    assert total[header.index("销号件数")] == total[header.index("超时件数")] == 0
    assert total[header.index("满意率")] == "—"
    assert "本期没有新受理的工单" in reply.text and "不作零报告" in reply.text
    assert "办结" in reply.text
    assert "工单销号、评价或超时" not in reply.text


@pytest.mark.parametrize(
    ("language", "so_far"),
    [("zh-hans", "本期还没结束，到目前没有工单"), ("zh-hant", "本期還沒結束，到目前沒有工單")],
)
async def test_an_empty_period_still_running_is_not_offered_as_its_nil_return(
    desk: Harness, language: str, so_far: str
) -> None:
    """On Monday morning nothing has come in this week yet: the week has six days to go,
    so its empty ledger is not to be filed as the week's 零报告."""
    desk.clock.advance(days=5)  # Monday 2026-11-23 09:00; the one call was the Wednesday before
    for period in ("本周", "today"):
        (reply,) = (
            await desk.send(SUPERVISOR, f"/ledger {period}", language_code=language)
        ).replies
        assert reply.document is not None
        assert so_far in reply.text
        assert "可作本期零报告存档" not in reply.text and "可作本期零報告存檔" not in reply.text
    # last week, over, with its one call, is no nil return either way
    (reply,) = (await desk.send(SUPERVISOR, "/ledger 上周", language_code=language)).replies
    assert "零报告" not in reply.text and "零報告" not in reply.text


async def test_bad_period_gets_a_polite_answer(desk: Harness) -> None:
    out = await desk.send(SUPERVISOR, "/stats 下辈子")
    assert out.replies and out.replies[0].photo is None


@pytest.mark.parametrize(
    "command", ["/stats 。", "/ledger 。", "/stats ，", "/ledger ：", "/stats ？"]
)
async def test_punctuation_alone_after_the_command_is_refused_not_read_as_today(
    desk: Harness, command: str
) -> None:
    """A 。 after /stats is no period: refused with the forms to write, as docs/rates.md
    says, rather than today's report as if nothing had been typed."""
    out = await desk.send(SUPERVISOR, command)
    assert [(r.photo, r.document) for r in out.replies] == [(None, None)]
    assert texts(out).startswith(f"看不懂时间范围「{command.split()[1]}」"), texts(out)


@pytest.mark.parametrize(
    ("command", "language", "said"),
    [
        ("/ledger 本月的台账", "zh-hans", "台账_2026-11-01_2026-11-30.xlsx"),
        ("/ledger 本月的臺賬", "zh-hant", "臺賬_2026-11-01_2026-11-30.xlsx"),
        ("/stats 上周的统计", "zh-hans", "服务指标 上周（2026-11-09 至 2026-11-15）"),
        ("/stats 上週的統計", "zh-hant", "服務指標 上週（2026-11-09 至 2026-11-15）"),
        ("/ledger 本月的臺帳", "zh-hant", "臺賬_2026-11-01_2026-11-30.xlsx"),  # t2s: 台帐
        ("/stats 上週的資料", "zh-hant", "服務指標 上週（2026-11-09 至 2026-11-15）"),
    ],
)
async def test_a_period_with_the_reports_name_after_it_is_read(
    desk: Harness, command: str, language: str, said: str
) -> None:
    # Before, 本月的台账 and 上周的统计 were 看不懂时间范围 with the list of forms.
    out = await desk.send(SUPERVISOR, command, language_code=language)
    assert said in texts(out) or any(
        r.document is not None and r.document[0] == said for r in out.replies
    ), texts(out)


async def test_days_in_chinese_numerals_before_the_reports_name_are_asked_about(
    desk: Harness,
) -> None:
    # Before, 七日數據 was the 7th of the month's report, without a word.
    out = await desk.send(SUPERVISOR, "/stats 七日數據", language_code="zh-hant")
    assert [(r.photo, r.document) for r in out.replies] == [(None, None)]
    assert "請寫「近7天」或「7號」" in texts(out), texts(out)


async def test_a_week_by_its_number_is_headed_as_a_week_in_traditional(desk: Harness) -> None:
    # Before, 2026年第46周: OpenCC makes 周 a week only beside a word (本週), not a digit.
    out = await desk.send(SUPERVISOR, "/stats 第46週", language_code="zh-hant")
    assert "服務指標 2026年第46週（2026-11-09 至 2026-11-15）" in texts(out), texts(out)


async def test_the_command_alone_is_todays_report(desk: Harness) -> None:
    for command in ("/stats", "/stats ", "/stats@jinye110_bot"):
        out = await desk.send(SUPERVISOR, command)
        assert "今日" in out.replies[0].text and out.replies[1].photo is not None


async def _tickets_and_outbox(desk: Harness) -> list[tuple[object, ...]]:
    tickets = [(t.id, t.status, t.next_action_at) for t in await desk.tickets()]
    return tickets + [(m.id, m.status) for m in await desk.outbox()]


@pytest.mark.parametrize(
    "command",
    ["/stats 0001-01", "/stats 9999-12", "/ledger 9999-12-31", "/ledger 1000-01-01..9999-12-31"],
)
async def test_a_period_out_of_range_gets_the_usage(desk: Harness, command: str) -> None:
    # Known to read Traditional already (their menu in it is on its way): the bad period
    # alone must change nothing.
    await desk.send(SUPERVISOR, "/help", language_code="zh-hant")
    before = await _tickets_and_outbox(desk)
    out = await desk.send(SUPERVISOR, command, language_code="zh-hant")
    assert [(r.photo, r.document) for r in out.replies] == [(None, None)]
    assert texts(out).startswith("看不懂時間範圍") and "2000-01-01 至 2099-12-31" in texts(out)
    assert await _tickets_and_outbox(desk) == before


@pytest.mark.parametrize(
    ("command", "language", "said"),
    [
        (
            "/stats 2026年2月30日",
            "zh-hans",
            "没有这一天：「2026年2月30日」（2026年2月只有28天）。可以写：",
        ),
        (
            "/ledger 2026/2/29",
            "zh-hans",
            "没有这一天：「2026/2/29」（2026年2月只有28天）。可以写：",
        ),
        (
            "/stats 2026年2月30日",
            "zh-hant",
            "沒有這一天：「2026年2月30日」（2026年2月只有28天）。可以寫：",
        ),
        ("/stats 近0天", "zh-hans", "天数不对：「近0天」，至少是近1天。可以写：今天"),
        ("/stats 近0天", "zh-hant", "天數不對：「近0天」，至少是近1天。可以寫：今天"),
    ],
)
async def test_a_day_that_does_not_exist_is_said_to_be_none_as_typed_with_the_forms(
    desk: Harness, command: str, language: str, said: str
) -> None:
    await desk.send(SUPERVISOR, "/help", language_code=language)  # their menu: not this test's
    before = await _tickets_and_outbox(desk)
    out = await desk.send(SUPERVISOR, command, language_code=language)
    assert [(r.photo, r.document) for r in out.replies] == [(None, None)]
    assert texts(out).startswith(said)
    assert await _tickets_and_outbox(desk) == before


async def test_requesters_cannot_read_the_ledger(desk: Harness) -> None:
    out = await desk.send(FARMER, "/ledger")
    assert "只对督办人员开放" in texts(out)


async def test_requester_can_opt_out_of_the_echo_wall(desk: Harness) -> None:
    await desk.send(FARMER, "/echo off")
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(FARMER)
    assert user is not None and user.echo_opt_out


@pytest.mark.parametrize(
    ("off", "on"),
    [("不公开", "允许"), ("不公開", "允許"), ("关闭", "打开"), ("關閉", "公開"), ("OFF", "On")],
)
async def test_echo_takes_the_words_its_usage_says_in_either_script(
    desk: Harness, off: str, on: str
) -> None:
    """The usage reply reads "/echo off 不公开；/echo on 允许…": either word says it."""
    for word, opted_out, said in ((off, True, "不会出现在"), (on, False, "会匿名出现在")):
        out = await desk.send(FARMER, f"/echo {word}")
        assert said in to_simplified(texts(out))
        async with desk.db.uow(read_only=True) as uow:
            user = await uow.users.get(FARMER)
        assert user is not None and user.echo_opt_out is opted_out


async def test_echo_with_other_words_changes_nothing(desk: Harness) -> None:
    await desk.send(FARMER, "/echo off")
    out = await desk.send(FARMER, "/echo 随便")
    assert "用法" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(FARMER)
    assert user is not None and user.echo_opt_out


async def _committed_updates(db: Database) -> int:
    """Updates handled and committed, as another connection sees them."""
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        query = select(func.count()).select_from(processed_updates)
        return int((await uow.session.execute(query)).scalar_one())


class _WatchingReports(Reports):
    """The real reports, noting how many updates were committed when a report began."""

    committed_at_start: list[int]

    async def stats(
        self, period: str, now: datetime, script: Script, teams: frozenset[str] | None = None
    ) -> tuple[str, bytes]:
        self.committed_at_start.append(await _committed_updates(self.db))
        return await super().stats(period, now, script)


async def test_stats_are_built_after_the_step_commits(desk: Harness) -> None:
    watching = _WatchingReports(desk.db, desk.desk.svc.cfg)
    watching.committed_at_start = []
    desk.desk.svc.reports = watching
    before = await _committed_updates(desk.db)
    out = await desk.send(SUPERVISOR, "/stats today")
    # Another connection already sees the /stats update as handled: the step's transaction
    # (and on SQLite its write lock) was over before the ledger was read.
    assert watching.committed_at_start == [before + 1]
    assert out.replies[1].photo is not None


class _BrokenReports(Reports):
    async def stats(
        self, period: str, now: datetime, script: Script, teams: frozenset[str] | None = None
    ) -> tuple[str, bytes]:
        raise RuntimeError("chart backend missing")


async def test_a_report_that_breaks_gets_an_apology(desk: Harness) -> None:
    desk.desk.svc.reports = _BrokenReports(desk.db, desk.desk.svc.cfg)
    out = await desk.send(SUPERVISOR, "/stats today")
    assert [r.photo for r in out.replies] == [None]
    assert "系统繁忙" in texts(out)


async def test_help_tells_a_supervisor_of_the_report_commands(desk: Harness) -> None:
    out = texts(await desk.send(SUPERVISOR, "/help"))
    assert "/stats" in out and "/ledger" in out and "/queue" in out and "/reassign" in out
    assert "/bindteam" not in out and "服务队群里" not in out  # a team group's, not theirs
    assert "/stats" not in texts(await desk.send(FARMER, "/help"))  # not a requester's business


def _workbook_of(out: object) -> tuple[str, list[str]]:
    """The file name and the sheet names of the one document among the replies."""
    (document,) = [r.document for r in out.replies if r.document is not None]  # type: ignore[attr-defined]
    return document[0], load_workbook(io.BytesIO(document[1])).sheetnames


async def test_a_traditional_supervisor_gets_a_traditional_ledger_in_private(
    desk: Harness,
) -> None:
    out = await desk.send(SUPERVISOR, "/ledger 今日", language_code="zh-hant")
    name, sheets = _workbook_of(out)
    assert name.startswith("臺賬_") and sheets == ["臺賬", "彙總", "心願清單"]
    assert "三張表" in texts(out)
    # and back to Simplified once they choose it
    await desk.press(SUPERVISOR, "lang:hans")
    name, sheets = _workbook_of(await desk.send(SUPERVISOR, "/ledger 今日"))
    assert name.startswith("台账_") and sheets == ["台账", "汇总", "心愿清单"]


async def test_a_ledger_posted_in_a_group_is_the_bureaus_simplified_copy(
    desk: Harness,
) -> None:
    out = await desk.send(SUPERVISOR, "/ledger 今日", chat=-100777, language_code="zh-hant")
    name, sheets = _workbook_of(out)
    assert name.startswith("台账_") and sheets == ["台账", "汇总", "心愿清单"]


class _ScriptNoting(Reports):
    """The real reports, noting the script each chart was asked for in."""

    scripts: list[Script]

    async def stats(
        self, period: str, now: datetime, script: Script, teams: frozenset[str] | None = None
    ) -> tuple[str, bytes]:
        self.scripts.append(script)
        return await super().stats(period, now, script)


async def test_stats_chart_follows_the_reader_in_private_and_the_bureau_in_a_group(
    desk: Harness,
) -> None:
    noting = _ScriptNoting(desk.db, desk.desk.svc.cfg)
    noting.scripts = []
    desk.desk.svc.reports = noting
    private = await desk.send(SUPERVISOR, "/stats 今日", language_code="zh-hant")
    group = await desk.send(SUPERVISOR, "/stats 今日", chat=-100777, language_code="zh-hant")
    assert noting.scripts == [Script.HANT, Script.HANS]
    # The reply text too: the asker's script in private, the group's Simplified in a group.
    assert "服務指標" in texts(private) and "服务指标" in texts(group)


async def test_stats_for_the_curing_season_in_a_traditional_supervisors_words(
    desk: Harness,
) -> None:
    out = await desk.send(SUPERVISOR, "/stats 這個烘烤季", language_code="zh-hant")
    assert "烘烤季（" in texts(out) and "服務指標" in texts(out)
    # The one call is from November, after the season: no tickets, and no blank chart.
    assert "本期沒有工單" in texts(out) and [r.photo for r in out.replies] == [None]


async def test_a_bare_ji_is_asked_back_in_the_supervisors_script(desk: Harness) -> None:
    await desk.send(SUPERVISOR, "/help", language_code="zh-hant")  # their menu: not this test's
    before = await _tickets_and_outbox(desk)
    out = await desk.send(SUPERVISOR, "/ledger 本季", language_code="zh-hant")
    assert [(r.photo, r.document) for r in out.replies] == [(None, None)]
    assert "是指季度還是烘烤季" in texts(out) and "本烘烤季" in texts(out)
    assert await _tickets_and_outbox(desk) == before


async def test_help_tells_a_supervisor_which_periods_to_type(desk: Harness) -> None:
    out = texts(await desk.send(SUPERVISOR, "/help"))
    assert "本烘烤季" in out and "上周" in out


async def test_a_leader_reads_the_figures_of_the_team_they_lead_only(desk: Harness) -> None:
    await desk.file_request(100002, "卷烟订货系统登录不了")  # another team's ticket
    for where in (LEADER, QINGSHAN_CHAT):
        out = await desk.send(LEADER, "/stats today", chat=where)
        table = texts(out)
        assert "青山镇烘烤110服务队 服务指标 今日" in table
        assert "青山镇烘烤110服务队：受理1" in table and "营销服务部" not in table
        assert "合计" not in table  # one team's total is that team's line again
        assert out.replies[1].photo is not None
    assert "台账只对督办人员开放" in texts(await desk.send(LEADER, "/ledger today"))
    # A member is no leader; and in another team's group a leader leads nothing there.
    refused = "/stats 只对督办人员和服务队队长开放；队长在私聊或本队的群里看本队的指标。"
    assert texts(await desk.send(MEMBER, "/stats today")).strip() == refused
    out = await desk.send(LEADER, "/stats today", chat=-1001000000014)
    assert texts(out).strip() == refused
    assert "只对督办人员开放" in texts(await desk.send(MEMBER, "/ledger today"))


async def test_ledger_of_a_day_whose_only_news_is_a_withdrawal_points_to_no_empty_summary(
    desk: Harness, demo_config: Config
) -> None:
    """A day whose only news is an older ticket withdrawn (撤回): the 汇总 says 撤回的不计
    and shows nothing of it, so a caption that sends the reader to the 汇总 for a 撤回
    points to a sheet of zeros."""
    [ticket] = await desk.tickets()
    desk.clock.advance(days=1)
    await act(desk.db, demo_config, ticket, Action.CANCEL, FARMER, desk.clock.now)
    (reply,) = (await desk.send(SUPERVISOR, "/ledger today")).replies
    assert reply.document is not None
    summary = load_workbook(io.BytesIO(reply.document[1]))["汇总"]
    note = str(summary.cell(row=2, column=1).value)
    _header, *rows = summary.iter_rows(min_row=3, values_only=True)
    [total] = [row for row in rows if row[0] == "合计"]
    shown = [value for value in total[1:] if value not in (0, "—", None)]
    assert "撤回的不计" in note and not shown  # the 汇总 shows nothing of the day
    assert "见汇总表" not in reply.text
    assert "以前受理的工单有 1 件在本期撤回（汇总表不计撤回的工单），不作零报告" in reply.text

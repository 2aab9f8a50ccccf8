"""The ledger (台账) written to .xlsx and .csv and read back cell by cell."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from core.config import Config
from core.enums import Action, Kind, Requester, Script
from handlers.i18n import t
from reports.labels import group_label, writer
from reports.ledger import Ledger, load
from reports.ledger_files import LEDGER_COLUMNS, csv_bytes, filename, xlsx
from reports.masking import display_width
from reports.stats import text as stats_text
from storage.uow import Database
from tests.integration.reports.dataset import (
    AFTER,
    RETAILER,
    WISH,
    History,
    act,
    build,
    m,
    window,
)
from tests.support.tickets import FARMER, MEMBER, new_ticket

STAFF_MEMBER = 200081


async def ledger_of(db: Database, cfg: Config) -> Ledger:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        return await load(uow.session, cfg, window(cfg), AFTER)


async def add_wishes(db: Database, cfg: Config) -> None:
    granted = await new_ticket(db, cfg, now=m(180), text="希望食堂增加早餐品种", **WISH)
    await act(db, cfg, granted, Action.ACCEPT, STAFF_MEMBER, m(181))
    await act(db, cfg, granted, Action.RESOLVE, STAFF_MEMBER, m(200), "已与食堂协调")
    await act(db, cfg, granted, Action.CONFIRM, FARMER, m(210))
    await new_ticket(db, cfg, now=m(190), text="希望组织一次体检", **WISH)
    withdrawn = await new_ticket(db, cfg, now=m(195), text="想要一个篮球架", **WISH)
    await act(db, cfg, withdrawn, Action.CANCEL, FARMER, m(196))


def local(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 18, hour, minute)


@pytest.fixture
async def history(db: Database, demo_config: Config) -> History:
    made = await build(db, demo_config)
    await add_wishes(db, demo_config)
    return made


async def test_ledger_rows_are_the_periods_tickets_in_submission_order(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    numbers = [row.number for row in ledger.rows[:8]]
    assert numbers == [history.tickets[k].number for k in "AGHBCDEF"]
    assert ledger.wish_progress == (1, 2)  # the cancelled wish is off the list


async def test_xlsx_ledger_sheet_cell_by_cell(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    book = load_workbook(io.BytesIO(xlsx(ledger)))
    assert book.sheetnames == ["台账", "汇总", "心愿清单"]
    sheet = book["台账"]
    header = [c.value for c in sheet[2]]  # below the title line
    assert header == [title for title, _ in LEDGER_COLUMNS]
    a = [c.value for c in sheet[3]]
    assert a == [
        int(ledger.rows[0].number), "110报警", local(9), "张德明", "138****5678", None, None,
        "青山镇", "青山镇大坪烤房群", "烤房风机不转了，温度上不去", "烘烤110",
        "青山镇烘烤110服务队", "王建国", local(9, 5), local(10), "已上门处理，设备恢复正常",
        "否", "已销号", "已销号", local(11), 5, "满意", "师傅来得很快", None,
    ]  # fmt: skip
    g = {title: cell.value for title, cell in zip(header, sheet[4], strict=True)}
    assert (g["诉求人"], g["联系电话"], g["服务队"]) == (
        "李秀英",
        "0851****1234",
        "白石乡烘烤110服务队",
    )
    h = {title: cell.value for title, cell in zip(header, sheet[5], strict=True)}
    assert (h["是否超时"], h["销号状态"], h["当前状态"], h["办结时间"], h["销号时间"]) == (
        "否",
        "未补充关闭",
        "未补充关闭",
        None,
        None,
    )  # expired: closed, never resolved, so not crossed off; its clock stopped when asked
    b = {title: cell.value for title, cell in zip(header, sheet[6], strict=True)}
    assert (b["是否超时"], b["办结时间"], b["评分"], b["满意度"]) == ("是", local(14), None, None)
    c = {title: cell.value for title, cell in zip(header, sheet[7], strict=True)}
    assert (c["是否超时"], c["销号状态"], c["当前状态"], c["接单人"]) == (
        "是",
        "未销号",
        "待接单",
        None,
    )
    d = {title: cell.value for title, cell in zip(header, sheet[8], strict=True)}
    assert (d["销号状态"], d["是否超时"]) == ("已撤回", "否")
    e = {title: cell.value for title, cell in zip(header, sheet[9], strict=True)}
    assert (e["接单时间"], e["评分"], e["满意度"], e["评价内容"]) == (
        local(11, 5),
        4,
        "基本满意",
        "第二次修好了",
    )  # the current cycle after the reopen
    assert sheet["C3"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == f"A2:X{2 + len(ledger.rows)}"
    widths = {col: sheet.column_dimensions[col].width for col in ("A", "C", "J")}
    assert widths["C"] >= 16 and widths["J"] >= 26 and widths["A"] < widths["J"] <= 30


async def test_ticket_numbers_are_numbers_so_excel_does_not_flag_them_as_text(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    book = load_workbook(io.BytesIO(xlsx(ledger)))
    sheet, wishes = book["台账"], book["心愿清单"]
    numbers = [sheet.cell(row=r, column=1) for r in range(3, 3 + len(ledger.rows))]
    assert [c.value for c in numbers] == [int(row.number) for row in ledger.rows]
    assert all(c.data_type == "n" and c.number_format == "0" for c in numbers)
    assert str(numbers[0].value) == ledger.rows[0].number  # the same digits, none lost
    assert wishes["A3"].value == int(ledger.wishes[0].number)
    assert wishes["A3"].number_format == "0"
    rows = list(csv.reader(io.StringIO(csv_bytes(ledger).decode("utf-8-sig"))))
    assert rows[1][0] == history.tickets["A"].number  # the CSV has no types: as it was


async def test_the_ledger_names_each_kind_as_the_cards_do(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    for script in Script:
        sheet = load_workbook(io.BytesIO(xlsx(ledger, script))).worksheets[0]
        kinds = {sheet.cell(row=r, column=2).value for r in range(3, 3 + len(ledger.rows))}
        assert kinds == {t("kind_emergency", script), t("kind_wish", script)}, script
    assert t("kind_emergency") == "110报警"  # not 紧急求助(110) beside the cards' 110报警
    for kind in Kind:
        assert group_label(demo_config, "kind", kind.value) == t(f"kind_{kind.value}")


async def test_every_sheet_prints_a4_landscape_one_page_wide_with_its_header_on_each_page(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    book = load_workbook(io.BytesIO(xlsx(ledger)))
    header_rows = {"台账": 2, "汇总": 3, "心愿清单": 2}
    for name, header_row in header_rows.items():
        sheet = book[name]
        setup = sheet.page_setup
        assert (setup.orientation, setup.paperSize) == ("landscape", 9), name  # 9: A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), name  # 0: as tall as need be
        assert sheet.print_title_rows == f"${header_row}:${header_row}", name
        assert sheet.oddHeader.center.text == f"青山县烟草专卖局（营销部） {name} 2026-11-18"
        assert sheet.oddFooter.center.text == "第 &P 页 / 共 &N 页"
        assert sheet.oddFooter.right.text == "打印日期 &D"
        assert sheet.freeze_panes == f"A{header_row + 1}", name
        assert sheet.auto_filter.ref.startswith(f"A{header_row}:"), name
    # The sheets of tickets say what they cover, and as of when (their statuses are today's).
    title = "青山县烟草专卖局（营销部） {} 2026-11-18（截至 2026-11-19 10:00）"
    assert book["台账"]["A1"].value == title.format("台账")
    assert book["心愿清单"]["A1"].value == title.format("心愿清单")
    assert book["台账"]["A1"].font.bold and book["心愿清单"]["A1"].font.bold


async def test_long_text_wraps_in_columns_narrow_enough_to_print(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["台账"]
    header = [c.value for c in sheet[2]]
    width = {title: sheet.column_dimensions[get_column_letter(i)].width
             for i, title in enumerate(header, start=1)}  # fmt: skip
    assert 20 <= width["诉求内容"] <= 30 and 20 <= width["办理情况"] <= 26
    assert width["评价内容"] <= 20 and width["提交时间"] == 18  # a date and time fits
    assert sum(width.values()) < 300  # was ~370: 4 to 5 pages across, unreadable at 1
    content = sheet.cell(row=3, column=header.index("诉求内容") + 1)
    assert content.alignment.wrap_text and content.alignment.vertical == "top"


async def test_xlsx_summary_sheet_has_the_rates_per_team(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["汇总"]
    assert "2026-11-18" in sheet["A1"].value
    assert "0.1×响应率 + 0.5×解决率 + 0.4×满意率" in sheet["A2"].value
    assert sheet["A3"].value == "服务队" and sheet["D3"].value == "响应率"
    qingshan = [c.value for c in sheet[4]]
    assert qingshan[:3] == ["青山镇烘烤110服务队", 6, 4]
    composite = round((0.1 * 4 / 6 + 0.4 + 0.4 * 1.9 / 4) * 100, 1)  # out of 100, as /stats
    assert qingshan[3:9] == pytest.approx([4 / 6, 0.8, 1.9 / 4, composite, 2, 0.25])
    assert sheet["G4"].number_format == "0.0"
    # Times in hours and minutes, to the minute: 14 minutes is 0:14, 3.3 hours 3:18.
    assert qingshan[9:] == [timedelta(minutes=5), timedelta(minutes=14), timedelta(hours=1),
                            timedelta(hours=3, minutes=18)]  # fmt: skip
    assert sheet["D4"].number_format == "0.0%"
    growing = [c.value for c in sheet[7]]  # a team with nothing this day
    assert growing[:4] == ["烟叶生产技术服务组", 0, 0, "—"]
    last = 3 + len(demo_config.teams) + 1
    assert sheet.cell(row=last, column=1).value == "合计"
    assert sheet.cell(row=last, column=2).value == 11  # 8 curing tickets and 3 wishes
    assert sheet.freeze_panes == "A4"
    assert sheet.auto_filter.ref == f"A3:M{last - 1}"  # the total stays below when sorted
    assert "docs/" not in sheet["A2"].value
    # 受理 and 销号 of the period are counted by different days: the sheet says which.
    assert "销号件数按销号时间计（含此前提交、本期销号的）" in sheet["A2"].value


async def test_summary_times_read_as_hours_and_minutes_and_rates_as_percentages(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["汇总"]
    assert [c.value for c in sheet[3]][9:] == [
        "接单用时中位数(时:分)", "接单用时P90(时:分)", "办结用时中位数(时:分)", "办结用时P90(时:分)"
    ]  # fmt: skip
    # One unit for minutes and days, to the minute: 14 minutes is 0:14, 3.3 hours 3:18.
    times = [timedelta(minutes=5), timedelta(minutes=14), timedelta(hours=1),
             timedelta(hours=3, minutes=18)]  # fmt: skip
    assert [c.value for c in sheet[4]][9:] == times
    formats = [c.number_format for c in sheet[4]]
    assert formats[9:] == ["[h]:mm"] * 4  # 26:05 past a day, not 2:05
    assert formats[3:7] == ["0.0%", "0.0%", "0.0%", "0.0"] and formats[8] == "0.0%"


async def test_a_median_on_the_half_minute_rounds_up_in_stats_and_the_summary(
    db: Database, demo_config: Config
) -> None:
    # Accepted in 2 and in 3 minutes: the median is 2.5 minutes, which /stats and the
    # 汇总 both give as 3 minutes (四舍五入), not 2 as rounding half to even would.
    for start, accepted in ((0, 2), (30, 33)):
        ticket = await new_ticket(db, demo_config, now=m(start))
        await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(accepted))
    ledger = await ledger_of(db, demo_config)
    assert ledger.rates.total.accept_median == 150
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["汇总"]
    team_row = [c.value for c in sheet[4]]
    assert team_row[0] == group_label(demo_config, "team", "curing-qingshan")
    assert team_row[9] == timedelta(minutes=3)
    assert "接单用时中位数 3分钟" in stats_text(demo_config, ledger.rates, "标题")


async def test_summary_columns_are_as_wide_as_the_text_shown_not_the_digits_stored(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["汇总"]
    assert sheet["D4"].value == pytest.approx(2 / 3) and sheet["E5"].value == 1
    width = {col: sheet.column_dimensions[col].width for col in "DEFGI"}
    # 响应率 and 解决率 show 100.0% (six characters), 满意率 and 重开率 at most 95.0%, the
    # score 100.0: each with two to spare, whatever 0.6666666666666666 takes stored.
    assert width == {"D": 8, "E": 8, "F": 7, "G": 7, "I": 7}


async def test_summary_says_no_value_with_a_centred_dash_and_keeps_values_numbers(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["汇总"]
    growing = sheet[7]  # nothing this day: no rate, score or time has a denominator
    assert growing[0].value == "烟叶生产技术服务组"
    assert [c.value for c in growing[1:3]] == [0, 0] and growing[7].value == 0  # counts
    no_value = [c for i, c in enumerate(growing) if i not in (0, 1, 2, 7)]
    assert [c.value for c in no_value] == ["—"] * 9
    assert all(c.alignment.horizontal == "center" for c in no_value)
    qingshan = sheet[4]
    assert isinstance(qingshan[3].value, float) and qingshan[3].alignment.horizontal is None


async def test_xlsx_wish_list_sheet_shows_progress(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["心愿清单"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_row=5)]
    assert [(r[4], r[6], r[7]) for r in rows] == [
        ("希望食堂增加早餐品种", "已销号", "已实现"),
        ("希望组织一次体检", "待接单", "未实现"),
        ("想要一个篮球架", "已撤回", "—"),  # withdrawn: not counted either way
    ]
    assert (sheet["A7"].value, sheet["B7"].value) == ("完成进度", "1/2（50%）")
    assert sheet.freeze_panes == "A3"
    assert sheet.auto_filter.ref == "A2:J5"


async def test_a_wish_closed_for_want_of_an_answer_is_not_said_to_await_crossing_off(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0), text="希望增加停车位", **WISH)
    await act(db, demo_config, ticket, Action.ACCEPT, STAFF_MEMBER, m(5))
    await act(db, demo_config, ticket, Action.ASK, STAFF_MEMBER, m(6), "加在哪里？")
    await act(db, demo_config, ticket, Action.EXPIRE, None, m(420))
    await new_ticket(db, demo_config, now=m(10), text="希望组织一次体检", **WISH)
    ledger = await ledger_of(db, demo_config)
    assert [row.wish_outcome for row in ledger.wishes] == ["未补充关闭", "未实现"]
    assert ledger.wish_progress == (0, 2)  # on the list, and not done
    assert ledger.wish_outcomes == (
        "已实现 0 项，部分实现 0 项，无法实现 0 项，尚未销号 1 项，未补充关闭 1 项"
    )


async def test_csv_has_a_bom_and_the_same_rows(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    data = csv_bytes(ledger)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["编号", "类型", "提交时间"]
    assert len(rows) == 1 + len(ledger.rows)
    assert rows[1][2:5] == ["2026-11-18 09:00", "张德明", "138****5678"]
    assert rows[1][5:7] == ["", ""]  # a farmer: no shop
    assert rows[1][16:18] == ["否", "已销号"]
    assert "13812345678" not in data.decode("utf-8-sig")


async def test_an_empty_period_still_makes_a_valid_workbook(
    db: Database, demo_config: Config
) -> None:
    ledger = await ledger_of(db, demo_config)
    book = load_workbook(io.BytesIO(xlsx(ledger)))
    assert book["台账"].max_row == 3  # the title, the header and 本期没有工单
    assert book["台账"]["A3"].value == "本期没有工单"
    assert book["心愿清单"]["B5"].value == "0/0"
    assert filename(ledger, "xlsx") == "台账_2026-11-18.xlsx"


async def test_a_reopened_ticket_no_longer_shows_what_was_done(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0), text="希望食堂增加晚餐", **WISH)
    await act(db, demo_config, ticket, Action.ACCEPT, STAFF_MEMBER, m(5))
    await act(db, demo_config, ticket, Action.RESOLVE, STAFF_MEMBER, m(60), "已与食堂协调")
    await act(db, demo_config, ticket, Action.REOPEN, FARMER, m(90), "晚餐还是没有")
    ledger = await ledger_of(db, demo_config)
    (row,) = ledger.rows
    # Reopened because it was not done: the old note is no longer what was done.
    assert (row.resolved_at, row.resolution, row.status_name) == (None, "", "待接单")
    book = load_workbook(io.BytesIO(xlsx(ledger)))
    wishes = {
        c.value: v.value for c, v in zip(book["心愿清单"][2], book["心愿清单"][3], strict=True)
    }
    assert (wishes["是否实现"], wishes["办理情况"]) == ("未实现", None)


async def test_xlsx_for_a_traditional_reader_converts_our_words_and_keeps_theirs(
    db: Database, demo_config: Config, history: History
) -> None:
    ledger = await ledger_of(db, demo_config)
    book = load_workbook(io.BytesIO(xlsx(ledger, Script.HANT)))
    assert book.sheetnames == ["臺賬", "彙總", "心願清單"]
    sheet = book["臺賬"]
    assert (
        sheet["A1"].value == "青山縣菸草專賣局（營銷部） 臺賬 2026-11-18（截至 2026-11-19 10:00）"
    )
    header = [c.value for c in sheet[2]]
    assert header[:3] == ["編號", "類型", "提交時間"] and "銷號狀態" in header
    a = {title: cell.value for title, cell in zip(header, sheet[3], strict=True)}
    assert (a["類型"], a["片區"], a["地點"], a["服務線"], a["服務隊"]) == (
        "110報警", "青山鎮", "青山鎮大坪烤房群", "烘烤110", "青山鎮烘烤110服務隊"
    )  # fmt: skip
    assert (a["是否超時"], a["銷號狀態"], a["當前狀態"], a["滿意度"]) == (
        "否",
        "已銷號",
        "已銷號",
        "滿意",
    )
    # What people wrote stays as they wrote it: the requester, the team, the rating.
    assert (a["訴求人"], a["訴求內容"], a["接單人"], a["辦理情況"], a["評價內容"]) == (
        "张德明", "烤房风机不转了，温度上不去", "王建国", "已上门处理，设备恢复正常", "师傅来得很快"
    )  # fmt: skip
    summary = book["彙總"]
    assert summary["A1"].value == "青山縣菸草專賣局（營銷部） 臺賬彙總 2026-11-18"
    assert summary["A3"].value == "服務隊" and summary["D3"].value == "響應率"
    assert summary.cell(row=3 + len(demo_config.teams) + 1, column=1).value == "合計"
    wishes = book["心願清單"]
    assert [c.value for c in wishes[2]][:5] == ["編號", "清單項", "提交時間", "職工", "心願內容"]
    assert (wishes["E3"].value, wishes["H3"].value) == ("希望食堂增加早餐品种", "已實現")
    assert wishes["A7"].value == "完成進度"
    assert wishes.oddHeader.center.text == "青山縣菸草專賣局（營銷部） 心願清單 2026-11-18"
    assert wishes.oddFooter.center.text == "第 &P 頁 / 共 &N 頁"
    assert filename(ledger, "xlsx", Script.HANT) == "臺賬_2026-11-18.xlsx"


async def test_csv_for_a_traditional_reader(
    db: Database, demo_config: Config, history: History
) -> None:
    rows = list(csv.reader(io.StringIO(csv_bytes(await ledger_of(db, demo_config), Script.HANT)
                                       .decode("utf-8-sig"))))  # fmt: skip
    assert rows[0][:3] == ["編號", "類型", "提交時間"]
    assert rows[1][9:12] == ["烤房风机不转了，温度上不去", "烘烤110", "青山鎮烘烤110服務隊"]


async def test_xlsx_summary_of_a_running_period_says_as_of_when(
    db: Database, demo_config: Config, history: History
) -> None:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        during = datetime(2026, 11, 18, 8, 0, tzinfo=UTC)  # 16:00 in Shanghai, that day
        ledger = await load(uow.session, demo_config, window(demo_config), during)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["汇总"]
    assert sheet["A2"].value.startswith("截至 2026-11-18 16:00；综合得分（百分制）")


async def test_a_reopened_ticket_keeps_its_overdue_mark(db: Database, demo_config: Config) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(20))  # due at +10m
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(30), "换了保险丝")
    await act(db, demo_config, ticket, Action.REOPEN, FARMER, m(60), "还是没电")
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(62))  # in time, this cycle
    (row,) = (await ledger_of(db, demo_config)).rows
    assert row.overdue  # the first acceptance was late; the reopening does not clear it


async def test_a_ledger_as_of_an_earlier_time_lists_only_what_was_filed_by_then(
    db: Database, demo_config: Config
) -> None:
    for minute in (0, 120):
        await new_ticket(db, demo_config, now=m(minute))
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        ledger = await load(uow.session, demo_config, window(demo_config), m(60))
    assert len(ledger.rows) == 1 and ledger.rates.total.created == 1


async def test_a_ledger_as_of_an_earlier_time_marks_overdue_only_what_was_by_then(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config, now=m(0))
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))  # in time
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(300))  # late: due at +4h
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        then = await load(uow.session, demo_config, window(demo_config), m(30))
        later = await load(uow.session, demo_config, window(demo_config), AFTER)
    assert [row.overdue for row in then.rows] == [False]  # the 4 hours had not passed
    assert [row.overdue for row in later.rows] == [True]


async def test_words_that_look_like_a_formula_stay_words(db: Database, demo_config: Config) -> None:
    sneaky = '=HYPERLINK("http://example.com","点这里")'
    await new_ticket(db, demo_config, now=m(0), text=sneaky)
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger)))["台账"]
    header = [c.value for c in sheet[2]]
    cell = sheet.cell(row=3, column=header.index("诉求内容") + 1)
    assert (cell.value, cell.data_type) == (sneaky, "s")
    rows = list(csv.reader(io.StringIO(csv_bytes(ledger).decode("utf-8-sig"))))
    assert rows[1][rows[0].index("诉求内容")] == f"'{sneaky}"


async def test_a_retailers_shop_and_licence_are_listed_beside_their_phone(
    db: Database, demo_config: Config, history: History
) -> None:
    async with db.uow() as uow:
        retailer = await uow.users.get(RETAILER)
        assert retailer is not None
        retailer.kind = Requester.RETAILER
        retailer.shop_name, retailer.licence_number = "李记烟酒店", "520102100123"
        await uow.commit()
    ledger = await ledger_of(db, demo_config)
    sheet = load_workbook(io.BytesIO(xlsx(ledger, Script.HANT)))["臺賬"]
    header = [c.value for c in sheet[2]]
    assert header[3:7] == ["訴求人", "聯繫電話", "店鋪名稱", "許可證號"]
    g = {title: cell for title, cell in zip(header, sheet[4], strict=True)}
    assert (g["訴求人"].value, g["店鋪名稱"].value) == ("李秀英", "李记烟酒店")  # as written
    assert g["許可證號"].value == 520102100123 and g["許可證號"].number_format == "0"
    farmer = {title: cell.value for title, cell in zip(header, sheet[3], strict=True)}
    assert (farmer["店鋪名稱"], farmer["許可證號"]) == (None, None)
    rows = list(csv.reader(io.StringIO(csv_bytes(ledger).decode("utf-8-sig"))))
    # Excel shows a bare 12-digit number as 5.20102E+11: the CSV writes it as a text formula.
    assert rows[2][3:7] == ["李秀英", "0851****1234", "李记烟酒店", '="520102100123"']


async def test_a_requester_without_a_name_is_listed_by_the_stand_in_the_cards_use(
    db: Database, demo_config: Config, history: History
) -> None:
    """Someone whose Telegram profile has no name and who never gave one: 用户#… as on the
    cards, in the reader's script (用戶#…), not an empty 诉求人 cell beside 接单人's stand-in."""
    async with db.uow() as uow:
        farmer = await uow.users.get(FARMER)
        assert farmer is not None
        farmer.name, farmer.phone = "", ""
        await uow.commit()
    ledger = await ledger_of(db, demo_config)
    assert ledger.rows[0].requester == f"用户#{FARMER}"
    sheet = load_workbook(io.BytesIO(xlsx(ledger, Script.HANT)))["臺賬"]
    header = [c.value for c in sheet[2]]
    assert sheet.cell(row=3, column=header.index("訴求人") + 1).value == f"用戶#{FARMER}"


@pytest.mark.parametrize(
    ("script", "none"), [(Script.HANS, "本期没有心愿"), (Script.HANT, "本期沒有心願")]
)
async def test_a_period_without_wishes_says_so_on_a_readable_wish_list_sheet(
    db: Database, demo_config: Config, script: Script, none: str
) -> None:
    await build(db, demo_config)  # tickets, but no wish among them
    ledger = await ledger_of(db, demo_config)
    assert ledger.rows and not ledger.wishes
    sheet = load_workbook(io.BytesIO(xlsx(ledger, script))).worksheets[2]
    assert sheet["A3"].value == none  # right under the header, not a blank row
    assert [c.value for c in sheet[5][:2]] == [writer(script)("完成进度"), "0/0"]
    widths = {
        header.value: sheet.column_dimensions[get_column_letter(header.column)].width
        for header in sheet[2]
    }
    # Each heading reads on one line, and the wish's own words have their room as with wishes.
    assert all(widths[name] >= display_width(name) for name in widths), widths
    assert widths[writer(script)("心愿内容")] == 30


async def test_a_typed_phone_is_marked_unverified_in_the_contact_column(
    db: Database, demo_config: Config, history: History
) -> None:
    """李秀英 typed her number rather than share her contact card: 联系电话 says so, as the
    team's card does; 张德明's, shared, reads as ever."""
    async with db.uow() as uow:
        typed = await uow.users.get(RETAILER)
        assert typed is not None
        typed.phone_typed = True
        await uow.commit()
    ledger = await ledger_of(db, demo_config)
    phones = {row.requester: row.phone for row in ledger.rows}
    assert phones["李秀英"] == "0851****1234（本人输入，未核实）"
    assert phones["张德明"] == "138****5678"

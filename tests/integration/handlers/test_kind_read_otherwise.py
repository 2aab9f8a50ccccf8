"""A complaint or a suggestion chosen as such (/complain, /suggest) whose words read as the
other kind, or as a barn failing now: the desk says what it looks like and offers it, the
person's own choice one tap away."""

from __future__ import annotations

import pytest

from core.enums import Kind, Status
from routing import to_simplified
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import FARMER

RETAILER, STAFF = 100002, 100003


async def _summary(desk: Harness, user: int, command: str, words: str) -> str:
    await desk.send(user, command)
    await desk.send(user, words)
    out = await desk.press(user, "f:next")
    labels = [b.text for r in out.replies for row in r.buttons for b in row]
    return to_simplified("\n".join([texts(out), *labels, *button_actions(out)]))


async def test_a_complaint_chosen_as_a_suggestion_is_offered_as_a_complaint(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    shown = await _summary(desk, RETAILER, "/suggest", "投诉配送员迟到，每次都晚两个小时")
    assert "这像是一件投诉，不像建议" in shown and "f:as" in shown and "f:ok" in shown

    out = to_simplified(texts(await desk.press(RETAILER, "f:as")))

    assert "类别：投诉" in out and "匿名提交" in out and await desk.tickets() == []
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT


async def test_filing_it_as_chosen_stays_one_tap_away(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    shown = await _summary(desk, RETAILER, "/suggest", "投訴配送員遲到")
    assert "仍按建议提交" in shown

    await desk.press(RETAILER, "f:ok")

    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.SUGGESTION


async def test_a_suggestion_chosen_as_a_complaint_is_offered_as_a_suggestion(
    desk: Harness,
) -> None:
    await desk.registered_as(STAFF, "staff")
    shown = await _summary(desk, STAFF, "/complain", "建议食堂增加早餐品种")
    assert "这像是一件建议，不像投诉" in shown

    out = to_simplified(texts(await desk.press(STAFF, "f:as")))

    assert "类别：建议" in out and "匿名" not in out
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.SUGGESTION


async def test_words_read_as_chosen_are_not_asked_about(desk: Harness) -> None:
    await desk.registered_as(STAFF, "staff")
    shown = await _summary(desk, STAFF, "/suggest", "建议食堂延长晚饭时间")
    assert "这像是" not in shown and "f:as" not in shown


async def test_a_barn_failing_typed_after_suggest_asks_whether_to_raise_the_alarm(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/suggest")
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "马上处理吗" in texts(out) and "f:alarm:yes" in button_data(out)

    out = await desk.press(FARMER, "f:alarm:yes")

    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent
    assert ticket.status is not Status.CLOSED


async def test_a_barn_failing_after_complain_answered_not_now_stays_a_complaint(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/complain")
    await desk.send(FARMER, "烤房停电了，打110服务队电话一直没人接")
    await desk.press(FARMER, "f:alarm:no")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT and not ticket.urgent


@pytest.mark.parametrize(
    ("command", "words", "button"),
    [
        ("/suggest", "烤房停电了，温度一直往下掉", "不是，按建议提交"),
        ("/complain", "烤房停电了，打110服务队电话一直没人接", "不是，按投诉提交"),
    ],
)
async def test_the_alarm_checks_no_is_worded_for_the_kind_chosen(
    desk: Harness, command: str, words: str, button: str
) -> None:
    """「不是，只是咨询」 fits a request (/new); after /suggest or /complain the no files
    the words as what was chosen, and says so, also when the question is put again."""
    await desk.send(FARMER, command)
    out = await desk.send(FARMER, words)
    assert [b.text for r in out.replies for row in r.buttons for b in row][1] == button
    assert "只是咨询" not in texts(out)

    out = await desk.send(FARMER, "好的")

    assert f"「{button}」" in texts(out) and "只是咨询" not in texts(out)


@pytest.mark.parametrize(
    "typed", ["改为投诉", "按投诉提交", "改成投诉吧", "是", "是的", "好的", "可以", "改為投訴"]
)
async def test_typed_yes_or_the_other_kind_at_the_offer_switches_as_its_button_does(
    desk: Harness, typed: str
) -> None:
    """The summary asks 要改为按投诉提交吗？: a yes, or the button's words, typed switches."""
    await desk.registered_as(RETAILER, "retailer")
    await _summary(desk, RETAILER, "/suggest", "投诉配送员迟到，每次都晚两个小时")

    out = to_simplified(texts(await desk.send(RETAILER, typed)))

    assert "类别：投诉" in out and "匿名提交" in out and "已补充" not in out
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["仍按建议", "仍按建议提交", "还是按建议提交", "不是", "不用改"])
async def test_typed_no_or_the_kind_chosen_at_the_offer_files_it_as_chosen(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await _summary(desk, RETAILER, "/suggest", "投诉配送员迟到，每次都晚两个小时")

    await desk.send(RETAILER, typed)

    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.SUGGESTION
    assert ticket.text == "投诉配送员迟到，每次都晚两个小时"


@pytest.mark.parametrize("typed", ["改为建议", "按建议提交", "是"])
async def test_typed_at_the_offer_of_a_suggestion_chosen_as_a_complaint(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(STAFF, "staff")
    await _summary(desk, STAFF, "/complain", "建议食堂增加早餐品种")

    out = to_simplified(texts(await desk.send(STAFF, typed)))

    assert "类别：建议" in out and await desk.tickets() == []


async def test_more_words_at_the_offer_still_add_to_the_draft(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await _summary(desk, RETAILER, "/suggest", "投诉配送员迟到")

    out = to_simplified(texts(await desk.send(RETAILER, "每次都晚两个小时")))

    assert "已补充" in out and "每次都晚两个小时" in out and await desk.tickets() == []


@pytest.mark.parametrize(
    ("command", "words"),
    [
        ("/suggest", "我的许可证快到期了，要办延续"),
        ("/suggest", "许可证丢了怎么补办"),
        ("/complain", "我的店要搬家，许可证地址怎么变更"),
        ("/complain", "许可证还没到期，想提前办延续"),
        ("/complain", "许可证还没有到期，想提前办延续"),
        ("/complain", "我还没办过许可证，想问问要带什么材料"),
        ("/complain", "我的许可证又快到期了，要办延续"),
        ("/complain", "许可证丢了怎么补办，店员不小心弄丢的"),
    ],
)
async def test_a_plain_request_chosen_as_a_suggestion_is_offered_as_a_request(
    desk: Harness, command: str, words: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    shown = await _summary(desk, RETAILER, command, words)
    assert "这像是一件要办理的事" in shown and "改为求助办事" in shown and "f:ok" in shown

    out = to_simplified(texts(await desk.press(RETAILER, "f:as")))

    assert "类别：求助办事" in out and await desk.tickets() == []
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id) == (Kind.REQUEST, "monopoly")


@pytest.mark.parametrize(
    "words", ["订货系统登不上去", "网上订货用不了", "订货系统一直报错", "訂貨系統打不開"]
)
async def test_a_service_failing_chosen_as_a_suggestion_is_offered_as_a_request(
    desk: Harness, words: str
) -> None:
    """A failure said plainly is no suggestion, though only one word names its service."""
    await desk.registered_as(RETAILER, "retailer")
    shown = await _summary(desk, RETAILER, "/suggest", words)
    assert "这像是一件要办理的事" in shown and "改为求助办事" in shown

    await desk.press(RETAILER, "f:as")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id) == (Kind.REQUEST, "ordering")


@pytest.mark.parametrize(
    "words",
    [
        "建议延长营业时间",
        "订货系统老是登不上去，希望改进一下",
        "收购站的磅秤坏了好几次了，最好换台新的",
        "希望增加送货次数",
        "能不能多开几个培训班",
        "最好每周多送一次货",
        "可不可以多送一次",
        "增加送货次数",
        "送货时间太晚了，改到上午比较好",
        "收购站排队时间太长",
        "订货的时候系统太慢了",
        "许可证办理流程太复杂，应该简化",
        "烟叶收购价格能不能提高一点",
        "要是许可证能在网上续办就好了",
    ],
)
async def test_a_real_suggestion_is_not_offered_as_a_request(desk: Harness, words: str) -> None:
    await desk.registered_as(RETAILER, "retailer")
    shown = await _summary(desk, RETAILER, "/suggest", words)
    assert "这像是" not in shown and "f:as" not in shown


@pytest.mark.parametrize(
    "words",
    [
        "送货员把烟送错了",
        "为啥我订的烟总是给我减量",
        "许可证延续办了一个月还没办下来",
        "订货系统又登不上去",
        "我订的烟三天了还没送到",
        "许可证延续交了材料一个月了还没批",
    ],
)
async def test_a_service_gone_wrong_chosen_as_a_complaint_is_not_offered_as_a_request(
    desk: Harness, words: str
) -> None:
    """A complaint is most often of a service: chosen as one, words of something gone
    wrong or someone at fault are filed as the complaint chosen, not questioned."""
    await desk.registered_as(RETAILER, "retailer")
    shown = await _summary(desk, RETAILER, "/complain", words)
    assert "这像是" not in shown and "f:as" not in shown


@pytest.mark.parametrize(
    "typed", ["改为求助办事", "按求助办事提交", "改为求助", "按求助提交", "是"]
)
async def test_typed_at_the_offer_of_a_request_switches_as_its_button_does(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await _summary(desk, RETAILER, "/suggest", "我的许可证快到期了，要办延续")

    out = to_simplified(texts(await desk.send(RETAILER, typed)))

    assert "类别：求助办事" in out and await desk.tickets() == []

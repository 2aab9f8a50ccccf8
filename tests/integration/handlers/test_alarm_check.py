"""Words of a curing emergency that may not be one now are asked about once, with two
buttons, before anyone is paged; a barn failing now still raises the alarm at once."""

from __future__ import annotations

import pytest

from core.enums import Kind
from handlers import alarm_when
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import FARMER

NOT_NOW = [
    "上次停电的事已经解决了，谢谢你们",
    "村里明天停电检修，烤房要提前准备啥",
    "去年风机坏了换了个新的，今年要注意啥",
    "风机没坏，就是声音有点大",
    "我家烤房的烟囱冒烟正常吗",
    "昨晚停电的事已经处理好了，谢谢",
    "停电已经恢复了",
    "前天烤房停电，你们来得很快，表扬一下",
    "上礼拜风机坏了，现在好了",
]


async def _paged(desk: Harness) -> list[str]:
    return [r.method for r in await desk.outbox() if r.method != "set_menu"]


@pytest.mark.parametrize("words", NOT_NOW)
async def test_words_that_say_not_now_are_asked_about_and_page_nobody(
    desk: Harness, words: str
) -> None:
    out = await desk.send(FARMER, words)
    assert "马上处理吗" in texts(out) and "已报警" not in texts(out)
    assert button_data(out) == ["f:alarm:yes", "f:alarm:no"]
    assert await desk.tickets() == [] and await _paged(desk) == []


@pytest.mark.parametrize(
    "words", ["去年风机坏了换了个新的，补贴什么时候发", "上周烤房着火那个事，保险公司赔了没有"]
)
async def test_a_past_failures_loss_asked_about_is_a_request_for_the_curing_team(
    desk: Harness, words: str
) -> None:
    """Its subsidy or insurance is what it asks (`routing.when.past_loss`): no emergency to
    ask about, nobody paged; before, 马上处理吗 was asked, or 着火 paged the 110 team."""
    out = await desk.send(FARMER, words)
    assert "马上处理吗" not in texts(out) and "已报警" not in texts(out)
    assert "烘烤110" in texts(out) and await _paged(desk) == []


async def test_not_now_makes_it_a_request_that_is_not_urgent(desk: Harness) -> None:
    await desk.send(FARMER, NOT_NOW[1])
    out = await desk.press(FARMER, "f:alarm:no")
    assert "f:ok" in button_actions(out)  # the request's summary, to confirm
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and not ticket.urgent and ticket.text == NOT_NOW[1]


async def test_now_raises_the_alarm_with_the_words(desk: Harness) -> None:
    await desk.send(FARMER, NOT_NOW[1])
    out = await desk.press(FARMER, "f:alarm:yes")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent and ticket.text == NOT_NOW[1]
    again = await desk.press(FARMER, "f:alarm:yes")  # the same button, pressed again
    assert "已报警" not in texts(again) and len(await desk.tickets()) == 1


@pytest.mark.parametrize(("typed", "alarm"), [("是", True), ("對", True), ("不是", False)])
async def test_the_answer_may_be_typed(desk: Harness, typed: str, alarm: bool) -> None:
    await desk.send(FARMER, NOT_NOW[0])
    out = await desk.send(FARMER, typed)
    assert ("已报警" in texts(out) or "已報警" in texts(out)) == alarm
    assert ("f:ok" in button_actions(out)) != alarm


async def test_a_barn_failing_meanwhile_raises_its_own_alarm_at_once(desk: Harness) -> None:
    await desk.send(FARMER, NOT_NOW[0])
    out = await desk.send(FARMER, "烤房着火了，快来人")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.text == "烤房着火了，快来人"


async def test_a_barn_failing_now_is_not_asked_about(desk: Harness) -> None:
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "已报警" in texts(out) and "马上处理吗" not in texts(out)


@pytest.mark.parametrize(
    "words",
    [
        "烤房停电了，要是再不来电烟就烤坏了",  # 要是: what happens if nobody comes
        "风机不转了，之前还好好的",  # 之前: it worked before, it does not now
        "上次修好了，现在又停电了",  # settled once, failing now
        "烤房着火了，去年也着过一次",  # a fire is never asked about
    ],
)
async def test_an_emergency_happening_now_is_not_asked_about(desk: Harness, words: str) -> None:
    out = await desk.send(FARMER, words)
    assert "已报警" in texts(out) and "马上处理吗" not in texts(out)


@pytest.mark.parametrize(
    "words",
    [
        "烤房停电了，三天前刚修过",
        "烤房温度上不去，两天前才换的风机",
        "上周刚检修过的烤房，今晚停电了",
        "烤房停电了，十月前能修好吗",  # before October, no time back
    ],
)
async def test_a_barn_failing_now_beside_an_earlier_repair_pages_at_once(
    desk: Harness, words: str
) -> None:
    """The past word dates the repair, not the fault: the 110 team is paged, not asked about."""
    out = await desk.send(FARMER, words)
    assert "已报警" in texts(out) and "马上处理吗" not in texts(out)


@pytest.mark.parametrize("typed", ["否", "不", "沒有", "没有", "不必了", "不需要了", "不是啊"])
async def test_a_no_typed_alone_makes_the_words_a_request(desk: Harness, typed: str) -> None:
    """Typed in place of 「不是，只是咨询」, in either script: the words asked about are the
    request, not the no."""
    asked = "明天停電檢修，烤房要提前準備啥"
    await desk.send(FARMER, asked)
    out = await desk.send(FARMER, typed)
    assert "f:ok" in button_actions(out) and f"：{asked}\n" in texts(out)
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and not ticket.urgent and ticket.text == asked


@pytest.mark.parametrize("typed", ["沒錯", "是的", "需要", "嗯"])
async def test_a_yes_typed_alone_raises_the_alarm(desk: Harness, typed: str) -> None:
    await desk.send(FARMER, "明天停電檢修，烤房要提前準備啥")
    out = await desk.send(FARMER, typed)
    assert "已報警" in texts(out) or "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.text == "明天停電檢修，烤房要提前準備啥"


@pytest.mark.parametrize("typed", ["是的，快来", "对对对", "要"])
async def test_a_yes_in_a_few_words_raises_the_alarm(desk: Harness, typed: str) -> None:
    await desk.send(FARMER, NOT_NOW[0])
    out = await desk.send(FARMER, typed)
    assert "已报警" in texts(out)


@pytest.mark.parametrize(
    "words",
    [
        "烤房的加热器没反应了",  # a barn's device broken, no emergency word
        "救命，快来人",  # a cry for help that names no service
    ],
)
async def test_a_barn_perhaps_failing_is_asked_about_not_left_for_office_hours(
    desk: Harness, words: str
) -> None:
    out = await desk.send(FARMER, words)
    assert "马上处理吗" in texts(out) and await desk.tickets() == []
    out = await desk.press(FARMER, "f:alarm:yes")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.text == words


@pytest.mark.parametrize(
    "words",
    [
        "烤房温度开始掉是什么原因，下次怎么预防",
        "烤房火星子是正常的吗",
        "烤房的风机有点响，还在转，明天有空来看一下",
    ],
)
async def test_words_about_an_emergency_rather_than_one_are_asked_about(
    desk: Harness, words: str
) -> None:
    out = await desk.send(FARMER, words)
    assert "马上处理吗" in texts(out) and "已报警" not in texts(out)
    assert await _paged(desk) == []


@pytest.mark.parametrize(
    ("words", "now"), [("现在恢复不了", True), ("现在恢复了", False), ("现在好了", False)]
)
def test_now_is_not_a_fault_mended_now(words: str, now: bool) -> None:
    assert alarm_when.says_now(words) is now


@pytest.mark.parametrize(
    ("typed", "more"),
    [
        ("不是，我就是想问问要提前准备些什么", "我就是想问问要提前准备些什么"),
        ("不是的，就是問問要提前準備什麼", "就是問問要提前準備什麼"),
    ],
)
async def test_a_no_that_says_more_answers_and_adds_its_words_to_the_request(
    desk: Harness, typed: str, more: str
) -> None:
    await desk.send(FARMER, NOT_NOW[1])
    out = await desk.send(FARMER, typed)
    assert "f:ok" in button_actions(out) and await _paged(desk) == []
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and not ticket.urgent
    assert ticket.text == f"{NOT_NOW[1]}\n{more}"


async def test_a_no_with_hurry_in_it_is_no_answer(desk: Harness) -> None:
    await desk.send(FARMER, NOT_NOW[1])
    out = await desk.send(FARMER, "不是明天，是现在烤房停电了")
    assert "已报警" in texts(out)


async def test_a_photo_captioned_with_a_no_that_says_more_goes_with_the_request(
    desk: Harness,
) -> None:
    await desk.send(FARMER, NOT_NOW[1])
    await desk.send(FARMER, "不是，就是想问问这个线路要准备啥", photo_file_id="line-photo")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert not ticket.urgent and "就是想问问这个线路要准备啥" in ticket.text
    async with desk.db.uow(read_only=True) as uow:
        kept = [a.file_id for a in await uow.attachments.of_ticket(ticket.id or 0)]
    assert kept == ["line-photo"]


@pytest.mark.parametrize(
    "words",
    [
        "不是检修，是烤房停电了",
        "不是明天，今天下午就停电了，烤房没电了",
        "不要等明天了，烤房停电了",
        "不是明天，今天下午就停電了，烤房沒電了",
    ],
)
async def test_a_settled_or_later_word_denied_is_an_alarm_now(desk: Harness, words: str) -> None:
    out = await desk.send(FARMER, words)
    assert "已报警" in texts(out) or "已報警" in texts(out)
    assert "马上处理吗" not in texts(out)


@pytest.mark.parametrize(
    "words",
    ["是不是明天停电？", "村里是不是明天停电？", "停电是不是恢复了？", "停電是不是恢復了？"],
)
async def test_is_it_so_asked_of_a_settled_or_later_word_is_asked_about(
    desk: Harness, words: str
) -> None:
    out = await desk.send(FARMER, words)
    assert "马上处理吗" in texts(out) or "馬上處理嗎" in texts(out)
    assert await desk.tickets() == [] and await _paged(desk) == []


@pytest.mark.parametrize("words", ["不要等到明天了，烤房停电了", "別等到明天了，烤房停電了"])
async def test_waiting_till_later_denied_is_an_alarm_now(desk: Harness, words: str) -> None:
    out = await desk.send(FARMER, words)
    assert "已报警" in texts(out) or "已報警" in texts(out)


async def test_a_no_that_names_a_tractor_still_answers(desk: Harness) -> None:
    await desk.send(FARMER, "上次停电修好了")
    await desk.send(FARMER, "不是的，我就想问问拖拉机能不能开进烤房")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "上次停电修好了\n我就想问问拖拉机能不能开进烤房"


async def _kept(desk: Harness, ticket_id: int | None) -> list[tuple[str, str]]:
    async with desk.db.uow(read_only=True) as uow:
        return [(a.kind, a.file_id) for a in await uow.attachments.of_ticket(ticket_id or 0)]


SUSPECT = "温控器没反应了"  # a barn perhaps failing: asked about


async def test_a_voice_note_sent_at_the_question_raises_the_alarm_with_the_words(
    desk: Harness,
) -> None:
    """A farmer who cannot type answers 现在需要…马上处理吗？ aloud: most likely 是. The
    alarm goes out with the words asked about and the voice note, not as [语音] alone."""
    out = await desk.send(FARMER, SUSPECT)
    assert "f:alarm:yes" in button_data(out)
    out = await desk.send(FARMER, voice_file_id="v-yes")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == SUSPECT
    assert await _kept(desk, ticket.id) == [("voice", "v-yes")]


@pytest.mark.parametrize("answer", ["f:alarm:yes", "f:alarm:no"])
async def test_a_photo_sent_at_the_question_is_kept_with_the_words_and_the_question_stays(
    desk: Harness, answer: str
) -> None:
    """The controller's photo sent instead of a press: kept with the words, the question
    put again; either answer takes both along."""
    await desk.send(FARMER, SUSPECT)
    out = await desk.send(FARMER, photo_file_id="p-controller")
    assert "和您说的情况放在一起" in texts(out) and "请再用文字" not in texts(out)
    assert button_data(out) == ["f:alarm:yes", "f:alarm:no"]
    assert await desk.tickets() == []
    out = await desk.press(FARMER, answer)
    if answer == "f:alarm:no":
        await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.urgent is (answer == "f:alarm:yes") and ticket.text == SUSPECT
    assert await _kept(desk, ticket.id) == [("photo", "p-controller")]


async def test_a_photo_captioned_yes_at_the_question_goes_with_the_alarm(desk: Harness) -> None:
    await desk.send(FARMER, SUSPECT)
    assert "已报警" in texts(await desk.send(FARMER, "是的", photo_file_id="p-yes"))
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == SUSPECT
    assert await _kept(desk, ticket.id) == [("photo", "p-yes")]


@pytest.mark.parametrize(
    "words",
    [
        "昨晚烤房停电到现在还没来电",
        "昨天烤房停电了，一直没来电",
        "昨天烤房停电了，今天还是没电",
        "烤房停电了，昨天刚修过",
    ],
)
async def test_a_barn_failing_since_yesterday_pages_at_once(desk: Harness, words: str) -> None:
    """Words that it lasts till now, or 昨天 dating a repair: the barn fails now."""
    out = await desk.send(FARMER, words)
    assert "已报警" in texts(out) and "马上处理吗" not in texts(out)


async def test_a_photo_captioned_with_a_past_failure_is_asked_about(desk: Harness) -> None:
    out = await desk.send(FARMER, "上周烤房停电了，这是当时的温度", photo_file_id="then")
    assert "马上处理吗" in texts(out) and await desk.tickets() == []
    assert await _paged(desk) == []
    await desk.press(FARMER, "f:alarm:no")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and not ticket.urgent
    async with desk.db.uow() as uow:
        assert [a.file_id for a in await uow.attachments.of_ticket(ticket.id or 0)] == ["then"]


async def test_words_asked_about_then_left_for_a_new_sentence_are_said_not_filed(
    desk: Harness,
) -> None:
    """Nothing filed of them, nobody paged: the farmer is told, not left waiting."""
    await desk.send(FARMER, NOT_NOW[1])
    out = await desk.send(FARMER, "我想问一下化肥补贴什么时候发")
    assert f"「{NOT_NOW[1]}」还没有提交" in texts(out)
    assert await _paged(desk) == []

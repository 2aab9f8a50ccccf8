"""Registration meets what people actually type: a question where a button was offered, a
question where the name was asked, the answer's own word typed, a place skipped."""

from __future__ import annotations

import pytest

from core.enums import Status
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

RETAILER = 100002
QINGSHAN_CHAT = -1001000000001


async def test_a_question_typed_at_the_first_question_is_dealt_with_not_lost(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start")
    out = await desk.send(RETAILER, "我的煙草專賣零售許可證快到期了，怎麼辦理延續？")
    assert "登記隨時可以" in texts(out)
    assert "要把這條消息作為「求助辦事」提交嗎" in texts(out)
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert "零售許可證" in ticket.text


@pytest.mark.parametrize("typed", ["請問這週什麼時候送貨？", "師傅甚麼時候來送貨"])
async def test_a_question_typed_for_the_name_is_not_taken_as_the_name(
    desk: Harness, typed: str
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = await desk.send(RETAILER, typed)
    assert "登記隨時可以" in texts(out) and "要把這條消息作為「求助辦事」提交嗎" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        retailer = await uow.users.get(RETAILER)
    assert retailer is not None and retailer.name != typed


async def test_a_name_is_still_a_name(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, "烟农")  # the button's word, typed
    assert "请输入您的姓名" in texts(out)
    out = await desk.send(FARMER, "张大山")
    assert "共享您的手机号" in texts(out)


async def test_the_place_can_be_skipped_as_the_prompt_says(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.contact(FARMER, "8613800000001", owner=FARMER)
    assert "f:skip" in button_data(out)
    out = await desk.location(FARMER, 39.9, 116.4)  # far away: the area buttons again
    assert "f:skip" in button_data(out)
    out = await desk.press(FARMER, "f:skip")
    assert "登记完成" in texts(out) and "地点未选" in texts(out)
    out = await desk.press(FARMER, "m:reg")
    assert "更新登记信息" in texts(out) and "第一次使用" not in texts(out)


async def test_a_farmer_sharing_a_location_is_bound_to_the_nearest_barn(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.location(FARMER, 26.432, 106.621)  # beside the purchase station
    assert "白石乡松林烤房群" in texts(out)


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("我是烟农", "farmer"), ("我是开小卖部的", "retailer"), ("烟站职工", "staff")],
)
async def test_the_kind_said_in_a_few_words_is_the_answer(
    desk: Harness, typed: str, kind: str
) -> None:
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, typed)
    assert "请输入您的姓名" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(FARMER)
    assert user is not None and user.kind is not None and user.kind.value == kind
    assert await desk.tickets() == []


async def test_a_typed_place_and_a_name_with_a_comma_are_answers(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, "李四,大坪村")
    assert "共享您的手机号" in texts(out)
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, "白石乡松林村")
    assert "登记完成" in texts(out) and "白石乡" in texts(out)
    assert await desk.tickets() == []


async def test_a_request_typed_for_the_name_is_taken_up_not_kept_as_the_name(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = await desk.send(RETAILER, "中華斷貨好幾天了")
    assert "登記隨時可以" in texts(out) and "要把這條消息作為「求助辦事」提交嗎" in texts(out)
    assert "中華斷貨好幾天了" in texts(out) and "登記完成" not in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        retailer = await uow.users.get(RETAILER)
    assert retailer is not None and retailer.name != "中華斷貨好幾天了"


@pytest.mark.parametrize("typed", ["😀", "13812345678", "张三3", "你好", "妳好"])
async def test_what_is_no_name_is_asked_again_and_nothing_saved(desk: Harness, typed: str) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, typed)
    assert "请输入您的姓名" in texts(out) and "共享您的手机号" not in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.name != typed
    assert await desk.tickets() == []


async def test_a_name_typed_with_a_phone_number_keeps_the_digits_out_of_the_name(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, "李小梅 13812345678")
    assert "已记下您输入的手机号 13812345678" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.name == "李小梅"


@pytest.mark.parametrize(
    "typed", ["张大山 13812345678", "我叫張大山，電話 138-1234-5678", "张大山13812345678"]
)
async def test_a_phone_number_typed_with_the_name_answers_the_phone_question(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, typed)
    assert "共享您的手机号" not in to_simplified(texts(out))
    assert "13812345678" in texts(out) and "f:skip" in button_data(out)  # the place next
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.name in ("张大山", "張大山")
    assert farmer.phone == "13812345678" and farmer.phone_typed and farmer.registered


async def test_a_short_number_typed_with_the_name_leaves_the_phone_asked(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, "张大山 1234567")
    assert "共享您的手机号" in texts(out)


@pytest.mark.parametrize(
    "name", ["李小梅", "欧阳晓燕", "阿卜杜拉·买买提", "张 先生", "Mary Li", "王中华", "许可"]
)
async def test_real_names_are_names(desk: Harness, name: str) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = await desk.send(RETAILER, name)
    assert "共享您的手机号" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        retailer = await uow.users.get(RETAILER)
    assert retailer is not None and retailer.name == name


async def test_words_at_the_phone_question_that_are_no_number_ask_again(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, "烟农")
    await desk.send(FARMER, "张大山")
    out = await desk.send(FARMER, "好的")
    assert "或直接输入手机号" in texts(out) and "不想留号码可以点「跳过」" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.phone == ""


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("13812345678", "13812345678"), ("138-1234-5678", "13812345678"),
     ("+86 138 1234 5678", "13812345678"), ("１３８１２３４５６７８", "13812345678"),
     ("我的手机号是13812345678", "13812345678"), ("電話：138-1234-5678", "13812345678"),
     ("我是13812345678", "13812345678"), ("手机13812345678，", "13812345678"),
     ("电话号13812345678", "13812345678"), ("聯絡電話：13812345678", "13812345678"),
     ("0086 138 0000 0001", "13800000001")],
)  # fmt: skip
async def test_a_phone_number_typed_at_registration_is_kept_and_said_to_be_unchecked(
    desk: Harness, typed: str, kept: str
) -> None:
    """A handset that cannot share a contact: the number typed is kept, as during a 110
    call, and said back as typed and not checked, so a slip can be seen and put right."""
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, "烟农")
    await desk.send(FARMER, "张大山")
    said = to_simplified(texts(await desk.send(FARMER, typed)))  # 電話 is read in 繁體
    assert f"已记下您输入的手机号 {kept}" in said and "没有经过核实" in said
    assert "乡镇" in said  # registration goes on at the place
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.phone == kept


async def test_a_phone_typed_when_only_the_phone_was_missing_is_said_back_once(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, "烟农")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "跳过")  # the phone
    await desk.press(FARMER, "f:skip")  # the place
    out = await desk.send(FARMER, "/start")
    assert "还缺手机号" in texts(out)
    out = await desk.send(FARMER, "13812345678")
    assert texts(out).count("13812345678") == 1 and "没有经过核实" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.phone == "13812345678" and farmer.registered


@pytest.mark.parametrize(
    ("typed", "name"),
    [("我叫王中华", "王中华"), ("姓名：王中华", "王中华"), ("王中华 13812345678", "王中华"),
     ("欧中华", "欧中华"), ("欧阳中华", "欧阳中华"), ("司马中华", "司马中华")],
)  # fmt: skip
async def test_a_name_the_router_reads_as_a_brand_is_still_a_name(
    desk: Harness, typed: str, name: str
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = await desk.send(RETAILER, typed)  # 中华 is a cigarette brand to the router
    assert "共享您的手机号" in texts(out) or "已记下您输入的手机号" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        retailer = await uow.users.get(RETAILER)
    assert retailer is not None and retailer.name == name


async def test_a_farmer_naming_their_barn_cluster_is_bound_to_it(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, "大坪")
    assert "登记完成" in texts(out) and "青山镇大坪烤房群" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(FARMER)
    assert user is not None and (user.site_code, user.area) == ("QS01", "qingshan")
    assert await desk.tickets() == []


async def test_a_retailer_naming_a_village_by_its_barn_cluster_is_placed_in_its_town(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小二")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    out = await desk.send(RETAILER, "河灣")
    assert "店铺" in texts(out) or "店鋪" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(RETAILER)
    assert user is not None and user.area == "qingshan" and user.site_code is None


@pytest.mark.parametrize(
    "typed",
    [
        "我叫张大山，家住青山镇大坪村三组，种了二十亩烟",  # longer than a name, asking nothing
        "你好，我叫张大山",  # a greeting first
        "李站长您好，我是大坪村的张大山",  # the one spoken to first, then who is speaking
        "王经理，你好，我叫张大山，家住大坪村",
        "我是大坪村的张大山",
    ],
)
async def test_a_name_said_with_more_of_oneself_is_the_name(desk: Harness, typed: str) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = texts(await desk.send(FARMER, typed))
    assert "手机号" in out and "先处理您的问题" not in out
    assert await desk.tickets() == []
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.name == "张大山"


@pytest.mark.parametrize(
    ("person", "kind", "typed", "name"),
    [
        (FARMER, "farmer", "张大山，有两座烤房", "张大山"),
        (FARMER, "farmer", "張大山，大坪村的煙農，有兩座烤房", "張大山"),
        (FARMER, "farmer", "我叫张大山，大坪村的烟农，有两座烤房", "张大山"),
        (FARMER, "farmer", "张大山，大坪村烤房", "张大山"),
        (RETAILER, "retailer", "我叫王五，开了一家烟酒店，有零售许可证", "王五"),
        (RETAILER, "retailer", "王五，许可证号430101", "王五"),
        (FARMER, "staff", "李明，客户经理", "李明"),
    ],
)
async def test_a_name_said_with_what_one_has_or_is_is_the_name(
    desk: Harness, person: int, kind: str, typed: str, name: str
) -> None:
    """A barn, a licence or a post said after the name is of the person, not a matter."""
    await desk.send(person, "/start")
    await desk.press(person, f"f:kind:{kind}")
    out = to_simplified(texts(await desk.send(person, typed)))
    assert "手机号" in out and "先处理您的问题" not in out
    assert await desk.tickets() == []
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(person)
    assert user is not None and user.name == name


@pytest.mark.parametrize(
    "typed", ["我叫张大山，烤房还是没修好", "張大山，烤房還是沒修好", "张大山，还是没修好"]
)
async def test_a_name_said_with_a_fault_still_not_fixed_reopens_the_call(
    desk: Harness, typed: str
) -> None:
    """The barn said beside 还是没修好 is the fault's, not one the farmer has."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=QINGSHAN_CHAT)
    desk.clock.advance(hours=1)
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = to_simplified(texts(await desk.send(FARMER, typed)))
    assert "先处理您的问题" in out and "已重新派给" in out
    assert [t.status for t in await desk.tickets()] == [Status.DISPATCHED]
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and not farmer.name


@pytest.mark.parametrize("typed", ["王五，许可证丢了", "王五，許可證丟了"])
async def test_a_name_said_with_a_lost_licence_is_taken_up_not_kept_as_the_name(
    desk: Harness, typed: str
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = to_simplified(texts(await desk.send(RETAILER, typed)))
    assert "先处理您的问题" in out and "求助办事" in out and "手机号" not in out
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(RETAILER)
    assert user is not None and not user.name


@pytest.mark.parametrize("typed", ["还是没修好", "還是沒修好", "问题已经解决了", "烤房修好了"])
async def test_a_word_on_how_a_fault_ended_typed_for_the_name_is_not_kept_as_the_name(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = to_simplified(texts(await desk.send(FARMER, typed)))
    assert "手机号" not in out
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and not farmer.name


async def _resolved_110(desk: Harness) -> int:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=QINGSHAN_CHAT)
    desk.clock.advance(hours=1)
    return ticket_id


@pytest.mark.parametrize("typed", ["评价一下", "我要评价", "打分", "評價一下"])
async def test_asking_to_rate_at_the_name_question_brings_the_resolved_calls_buttons(
    desk: Harness, typed: str
) -> None:
    """评价一下 typed for the name while their call awaits their verdict is about that call,
    as typed outside registration: its notice's buttons, not a name nor a request."""
    ticket_id = await _resolved_110(desk)
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, typed)
    assert "等您确认" in to_simplified(texts(out)) and "手机号" not in to_simplified(texts(out))
    assert f"my:ok:{ticket_id}" in button_data(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and not farmer.name


@pytest.mark.parametrize("typed", ["评价一下", "我要评价", "打分"])
async def test_asking_to_rate_at_the_name_question_with_nothing_to_rate_asks_the_name_again(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = texts(await desk.send(FARMER, typed))
    assert "请输入您的姓名" in out and "先处理您的问题" not in out
    assert await desk.tickets() == []
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and not farmer.name


@pytest.mark.parametrize("typed", ["评价一下", "我要评价"])
async def test_asking_to_rate_a_resolved_call_brings_its_buttons_not_a_new_request(
    desk: Harness, typed: str
) -> None:
    ticket_id = await _resolved_110(desk)
    out = await desk.send(FARMER, typed)
    assert "等您确认" in texts(out) and "求助办事" not in texts(out)
    assert f"my:ok:{ticket_id}" in button_data(out)


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("解决了", Status.RESOLVED),
        ("没解决", Status.DISPATCHED),
        ("还是没修好", Status.DISPATCHED),
        ("還是沒修好", Status.DISPATCHED),
    ],
)
async def test_a_verdict_typed_at_who_they_are_is_taken_up_as_outside_registration(
    desk: Harness, typed: str, status: Status
) -> None:
    """解决了 asks for the score, 没解决 reopens the call resolved lately: the verdict is not
    lost behind 您是 asked again."""
    await _resolved_110(desk)
    await desk.send(FARMER, "/start")
    out = to_simplified(texts(await desk.send(FARMER, typed)))
    assert "先处理您的问题" in out and "烟农" not in out
    assert ("打分" in out) if status is Status.RESOLVED else ("已重新派给" in out)
    assert [t.status for t in await desk.tickets()] == [status]


@pytest.mark.parametrize("typed", ["解决了", "没解决", "解決了", "还是没明白", "还是没懂选哪个"])
async def test_words_on_how_a_ticket_ended_with_none_awaiting_ask_who_they_are_again(
    desk: Harness, typed: str
) -> None:
    """Nothing of theirs awaits a verdict: the words answer nothing, and 您是 is asked again,
    no request drafted of them."""
    await desk.send(FARMER, "/start")
    out = to_simplified(texts(await desk.send(FARMER, typed)))
    assert "先处理您的问题" not in out and "提交" not in out and "烟农" in out
    assert await desk.tickets() == []


async def test_still_not_understanding_at_who_they_are_reopens_nothing(desk: Harness) -> None:
    """还是没明白 is about the question just put, not the call resolved lately."""
    await _resolved_110(desk)
    await desk.send(FARMER, "/start")
    out = to_simplified(texts(await desk.send(FARMER, "还是没明白")))
    assert "已重新派给" not in out and "烟农" in out
    assert [t.status for t in await desk.tickets()] == [Status.RESOLVED]


@pytest.mark.parametrize("verdict_waits", [True, False], ids=["verdict_waits", "none_waits"])
async def test_a_name_holding_a_word_of_a_fault_put_right_is_still_a_name(
    desk: Harness, verdict_waits: bool
) -> None:
    if verdict_waits:
        await _resolved_110(desk)
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    assert "手机号" in texts(await desk.send(FARMER, "王修好"))
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.name == "王修好"


async def test_a_name_said_with_a_question_after_it_is_still_taken_up(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = texts(await desk.send(FARMER, "我叫张大山，今年的烟叶收购什么时候开始？"))
    assert "先处理您的问题" in out


@pytest.mark.parametrize(
    ("person", "kind", "words"),
    [
        (RETAILER, "retailer", "河湾这边断货好几天了"),
        (RETAILER, "retailer", "我们河湾的店一直没人送货"),
        (RETAILER, "retailer", "青山镇这边断货好几天了"),
        (FARMER, "farmer", "大坪烤房群的补贴什么时候发"),
        (FARMER, "farmer", "我想问问大坪那边烟叶什么时候收购"),
    ],
)
async def test_a_request_naming_a_place_at_the_town_question_is_taken_up_not_kept_as_the_place(
    desk: Harness, person: int, kind: str, words: str
) -> None:
    await desk.send(person, "/start")
    await desk.press(person, f"f:kind:{kind}")
    await desk.send(person, "王小二")
    await desk.contact(person, f"86138000000{person % 100:02d}", owner=person)
    out = await desk.send(person, words)
    assert "先处理您的问题" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(person)
    assert user is not None and user.area is None and user.site_code is None


@pytest.mark.parametrize(
    "words", ["青山镇？", "青山鎮？", "是青山镇吗", "河湾吧？", "白石乡，没有门牌号"]
)
async def test_a_place_typed_unsure_or_with_more_of_itself_is_the_answer(
    desk: Harness, words: str
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    out = await desk.send(FARMER, words)
    assert "登记完成" in texts(out) or "登記完成" in texts(out)  # 青山鎮 is Traditional
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(FARMER)
    assert user is not None and user.area in ("qingshan", "baishi")
    assert await desk.tickets() == []


@pytest.mark.parametrize(
    ("lang", "words", "addressed"),
    [
        ("zh-cn", "李站长，上次说的烘烤补贴到现在也没发下来", "李站长"),
        ("zh-hk", "李站長，上次說的烘烤補貼到現在也沒發下來", "李站長"),
        ("zh-cn", "王经理，送货的把我的烟送错了", "王经理"),
        ("zh-cn", "王师傅，送货送错了", "王师傅"),
        ("zh-cn", "我叫张大山，送货的把我的烟送错了", "张大山"),
    ],
)
async def test_a_matter_told_to_someone_at_the_name_is_taken_up_not_kept_as_the_name(
    desk: Harness, lang: str, words: str, addressed: str
) -> None:
    await desk.send(FARMER, "/start", language_code=lang)
    await desk.press(FARMER, "f:kind:farmer")
    out = texts(await desk.send(FARMER, words, language_code=lang))
    assert ("先处理您的问题" in out or "先處理您的問題" in out) and "手机号" not in out
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and farmer.name != addressed


CURING_CHAT = -1001000000001


async def _card_of_the_call(desk: Harness) -> str:
    await desk.file_110(FARMER)
    cards = [
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id == CURING_CHAT and "报告人：" in str(r.payload.get("text", ""))
    ]
    return cards[-1]


async def test_a_phone_typed_at_registration_reads_unchecked_on_the_teams_card(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, "烟农")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "13812345678")
    await desk.press(FARMER, "f:area:qingshan")
    assert "电话：13812345678（本人输入，未核实）" in await _card_of_the_call(desk)


async def test_a_contact_shared_after_a_typed_phone_reads_as_telegrams_own(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, "烟农")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "13812345678")
    await desk.press(FARMER, "f:area:qingshan")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    card = await _card_of_the_call(desk)
    assert "电话：+8613800000001" in card and "未核实" not in card

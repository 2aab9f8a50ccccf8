"""A number to call: someone who skipped the phone at registration is asked for it alone at
/start, a 110 call with no number offers the 📱 button, and a number shared later reaches
the team working on the call."""

from __future__ import annotations

from core.enums import Requester
from core.model import OutboxMessage
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER


async def _registered_without_phone(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "跳过")  # the phone
    await desk.press(FARMER, "f:skip")  # the place


async def _user_phone(desk: Harness) -> str:
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(FARMER)
    assert user is not None
    return user.phone


async def test_start_asks_only_for_the_phone_that_was_skipped(desk: Harness) -> None:
    await _registered_without_phone(desk)
    out = await desk.send(FARMER, "/start")
    said = texts(out)
    assert "张大山" in said and "还缺手机号" in said and "第一次使用" not in said
    assert out.replies[-1].keyboard == "contact"
    out = await desk.contact(FARMER, "8613800001111", owner=FARMER)
    assert "已记下您的手机号 +8613800001111" in texts(out) and out.replies[-1].keyboard == "remove"
    assert await _user_phone(desk) == "+8613800001111"
    welcome = await desk.send(FARMER, "/start")  # nothing left to ask
    assert "手机号" not in texts(welcome)


async def test_registering_again_without_the_phone_is_no_first_time(desk: Harness) -> None:
    await _registered_without_phone(desk)
    out = await desk.press(FARMER, "m:reg")  # 👤 登记信息
    said = texts(out)
    assert "更新登记信息" in said and "第一次使用" not in said


async def test_skipping_the_phone_again_ends_the_question(desk: Harness) -> None:
    await _registered_without_phone(desk)
    await desk.send(FARMER, "/start")
    out = await desk.send(FARMER, "跳过")
    assert "以后发 /start 可以补上手机号" in texts(out)
    assert await _user_phone(desk) == ""
    out = await desk.send(FARMER, "烤房停电了")  # no conversation left to swallow it
    assert "已报警" in texts(out) or "哪个烤房" in texts(out)


async def test_a_110_call_without_a_number_offers_the_phone_button(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    alarm = await desk.send(FARMER, "烤房温度上不去")
    assert "已报警" in texts(alarm)  # the barn is asked next, with the 📍 keyboard
    assert alarm.replies[-1].keyboard == "location" and "手机号" not in texts(alarm)
    out = await desk.press(FARMER, "f:site:QS01")
    assert "位置已告诉值班服务队" in texts(out) and "请点下方「📱 共享我的手机号」" in texts(out)
    assert out.replies[-1].keyboard == "contact"


async def test_a_110_call_with_a_number_offers_nothing_more(desk: Harness) -> None:
    await desk.contact(FARMER, "+8613800005555", owner=FARMER)
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "烤房温度上不去")
    out = await desk.press(FARMER, "f:site:QS01")
    assert "手机号" not in texts(out) and out.replies[-1].keyboard == "remove"


async def test_a_number_shared_during_a_call_reaches_its_team_and_card(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    before = {row.id for row in await desk.outbox()}
    out = await desk.contact(FARMER, "+8613800002222", owner=FARMER)
    [ticket] = await desk.tickets()
    assert f"处理报警工单 {ticket.label} 的值班服务队" in texts(out)
    new: list[OutboxMessage] = [r for r in await desk.outbox() if r.id not in before]
    told = [str(r.payload.get("text", "")) for r in new]
    assert any(f"工单 {ticket.label} 报告人补充：手机号 +8613800002222" in text for text in told)
    assert any(r.method == "edit_message" and "+8613800002222" in str(r.payload) for r in new)
    assert ticket.id == ticket_id and await _user_phone(desk) == "+8613800002222"


async def test_someone_elses_number_is_not_taken(desk: Harness) -> None:
    await desk.file_110(FARMER)
    out = await desk.contact(FARMER, "+8613900003333", owner=None)
    assert "只能共享您本人的手机号" in texts(out)
    assert await _user_phone(desk) == ""


async def test_a_number_shared_with_no_call_open_is_kept(desk: Harness) -> None:
    out = await desk.contact(FARMER, "13800004444", owner=FARMER)
    assert "已记下您的手机号 +13800004444" in texts(out)
    assert await desk.tickets() == []


async def test_a_number_shared_while_the_barn_is_asked_keeps_the_location_button(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "烤房温度上不去")  # the alarm is out; 在哪个烤房？ follows
    out = await desk.contact(FARMER, "+8613800006666", owner=FARMER)
    assert "已记下您的手机号" in texts(out) and out.replies[-1].keyboard == "location"
    out = await desk.press(FARMER, "f:site:QS01")  # the place question is still open
    assert "位置已告诉值班服务队" in texts(out) and out.replies[-1].keyboard == "remove"


async def test_a_kind_pressed_by_mistake_is_corrected_by_the_next_press(desk: Harness) -> None:
    retailer = 100002
    await desk.send(retailer, "/start")
    await desk.press(retailer, "f:kind:farmer")  # 烟农, tapped by mistake
    out = await desk.press(retailer, "f:kind:retailer")
    said = texts(out)
    assert "改为登记为「零售户」" in said and "请输入您的姓名" in said and "1 到 20" not in said
    await desk.send(retailer, "李小梅")
    await desk.contact(retailer, "8613800002222", owner=retailer)
    await desk.press(retailer, "f:area:chengqu")
    await desk.send(retailer, "城区烟酒店")  # a retailer's shop, asked after the place
    out = await desk.press(retailer, "f:skip:licence")
    assert "登记完成：李小梅，零售户" in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(retailer)
    assert user is not None and user.kind is Requester.RETAILER


async def test_a_number_typed_during_a_call_reads_unchecked_on_its_card(desk: Harness) -> None:
    await desk.file_110(FARMER)
    before = {row.id for row in await desk.outbox()}
    await desk.send(FARMER, "13812345678")
    new = [r for r in await desk.outbox() if r.id not in before]
    assert any(
        r.method == "edit_message" and "电话：13812345678（本人输入，未核实）" in str(r.payload)
        for r in new
    )
    assert await _user_phone(desk) == "13812345678"


async def _registered_with_phone(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    await desk.press(FARMER, "f:skip")  # the place


async def test_a_number_changed_said_as_news_asks_only_the_phone(desk: Harness) -> None:
    await _registered_with_phone(desk)
    out = await desk.send(FARMER, "我换手机号了")
    said = texts(out)
    assert "+8613800000001" in said and "共享您的手机号" in said and "您是" not in said
    assert out.replies[-1].keyboard == "contact"
    out = await desk.send(FARMER, "13912345678")
    assert "13912345678" in texts(out)
    assert await _user_phone(desk) == "13912345678"
    async with desk.db.uow(read_only=True) as uow:
        assert await uow.conversations.get(FARMER, FARMER) is None  # nothing more asked


async def test_the_phone_question_skipped_or_left_keeps_the_number(desk: Harness) -> None:
    await _registered_with_phone(desk)
    await desk.send(FARMER, "我的電話號碼換了")
    out = await desk.send(FARMER, "跳過")
    assert "還是 +8613800000001" in texts(out)
    await desk.send(FARMER, "改手机号")
    out = await desk.send(FARMER, "/cancel")
    assert "还是 +8613800000001" in texts(out) and "补上" not in texts(out)
    assert await _user_phone(desk) == "+8613800000001"


async def test_a_new_number_typed_with_the_news_is_kept_not_filed(desk: Harness) -> None:
    await _registered_with_phone(desk)
    out = await desk.send(FARMER, "我换手机号了，新号13912345678")
    assert "已记下您输入的手机号 13912345678" in texts(out) and "提交吗" not in texts(out)
    assert await _user_phone(desk) == "13912345678"
    assert await desk.tickets() == []
    async with desk.db.uow(read_only=True) as uow:
        assert await uow.conversations.get(FARMER, FARMER) is None


async def test_the_number_named_as_the_one_that_changed_is_asked_for_anew(
    desk: Harness,
) -> None:
    await _registered_with_phone(desk)
    out = await desk.send(FARMER, "我的手机号13812345678改了")
    said = texts(out)
    assert "+8613800000001" in said and "共享您的手机号" in said and "13812345678" not in said
    assert await _user_phone(desk) == "+8613800000001"  # not the dead line as the new one
    assert await desk.tickets() == []


async def _team_told_during_a_call(desk: Harness, *typed: str) -> str:
    """What the last of `typed` was answered, the call's team told the new number."""
    await desk.file_110(FARMER)
    before = {row.id for row in await desk.outbox()}
    for words in typed:
        out = await desk.send(FARMER, words)
    new = [r for r in await desk.outbox() if r.id not in before]
    [ticket] = await desk.tickets()
    told = [str(r.payload.get("text", "")) for r in new]
    assert any(f"工单 {ticket.label} 报告人补充：手机号 13912345678" in text for text in told)
    assert any(r.method == "edit_message" and "13912345678" in str(r.payload) for r in new)
    return texts(out)


async def test_a_new_number_typed_with_the_news_during_a_call_reaches_its_team(
    desk: Harness,
) -> None:
    await _registered_with_phone(desk)
    said = await _team_told_during_a_call(desk, "我换手机号了，新号13912345678")
    assert "值班服务队" in said
    assert await _user_phone(desk) == "13912345678"  # the old line no longer answers


async def test_a_new_number_typed_unregistered_during_a_call_is_not_dropped(
    desk: Harness,
) -> None:
    said = await _team_told_during_a_call(desk, "我换手机号了，新号13912345678")
    assert "您是" not in said
    assert await _user_phone(desk) == "13912345678"


async def test_the_number_asked_for_the_news_during_a_call_reaches_its_team(
    desk: Harness,
) -> None:
    await _registered_with_phone(desk)
    said = await _team_told_during_a_call(desk, "我换手机号了", "13912345678")
    assert "13912345678" in said and "值班服务队" in said
    assert await _user_phone(desk) == "13912345678"


async def test_the_number_kept_at_the_question_during_a_call_tells_the_team_nothing(
    desk: Harness,
) -> None:
    await _registered_with_phone(desk)
    await desk.file_110(FARMER)
    before = {row.id for row in await desk.outbox()}
    await desk.send(FARMER, "我换手机号了")
    out = await desk.send(FARMER, "跳过")
    assert "还是 +8613800000001" in texts(out) and "值班服务队" not in texts(out)
    assert [r for r in await desk.outbox() if r.id not in before] == []


def _told_the_team(desk: Harness, new: list[OutboxMessage], label: str) -> bool:
    """Whether `new` tells the call's team 13912345678 and puts it on its card."""
    told = [str(r.payload.get("text", "")) for r in new]
    noted = any(f"工单 {label} 报告人补充：手机号 13912345678" in text for text in told)
    carded = any(r.method == "edit_message" and "13912345678" in str(r.payload) for r in new)
    return noted and carded


async def test_a_number_given_registering_during_a_call_reaches_its_team(desk: Harness) -> None:
    await desk.file_110(FARMER)  # 随时可以先报110: not registered yet
    [ticket] = await desk.tickets()
    before = {row.id for row in await desk.outbox()}
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.send(FARMER, "13912345678")
    assert "值班服务队" in texts(out)
    await desk.press(FARMER, "f:skip")  # the place
    new = [r for r in await desk.outbox() if r.id not in before]
    assert _told_the_team(desk, new, ticket.label)


async def test_a_new_number_registered_again_during_a_call_reaches_its_team(
    desk: Harness,
) -> None:
    await _registered_with_phone(desk)
    await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    before = {row.id for row in await desk.outbox()}
    await desk.press(FARMER, "m:reg")  # 👤 登记信息: who they are, name, phone, place again
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "跳过")  # the name kept
    await desk.send(FARMER, "13912345678")
    told_at_the_question = [r for r in await desk.outbox() if r.id not in before]
    out = await desk.press(FARMER, "f:skip")  # the place: registration finished
    assert not _told_the_team(desk, told_at_the_question, ticket.label)  # /cancel may undo it
    assert "值班服务队" in texts(out)
    new = [r for r in await desk.outbox() if r.id not in before]
    assert _told_the_team(desk, new, ticket.label)


async def test_a_number_already_told_the_team_is_not_told_again_at_registration(
    desk: Harness,
) -> None:
    await desk.file_110(FARMER)
    await desk.send(FARMER, "13912345678")  # typed for the team, before registering
    before = {row.id for row in await desk.outbox()}
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.send(FARMER, "13912345678")
    assert "值班服务队" not in texts(out)
    assert [r for r in await desk.outbox() if r.id not in before] == []


async def test_a_number_typed_for_the_team_is_not_told_again_registering_again(
    desk: Harness,
) -> None:
    """Typed during the call with another number on record, 13912345678 was told the team
    but not kept as theirs: registered again afterwards, it is still the number the call
    was told, and the team is not told it a second time."""
    await _registered_with_phone(desk)  # +8613800000001 on record
    await desk.file_110(FARMER)
    await desk.send(FARMER, "13912345678")  # typed for the team during the call
    assert [r for r in await desk.outbox() if "手机号 13912345678" in str(r.payload)]
    before = {row.id for row in await desk.outbox()}
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "跳过")  # the name kept
    await desk.send(FARMER, "13912345678")  # the same number, now registered
    out = await desk.press(FARMER, "f:skip")  # the place: registration finished
    assert "值班服务队" not in texts(out)
    again = [
        r
        for r in await desk.outbox()
        if r.id not in before and "报告人补充：手机号 13912345678" in str(r.payload)
    ]
    assert again == []


async def test_a_number_told_before_and_registered_again_is_put_on_the_calls_card(
    desk: Harness,
) -> None:
    """Told the team already during the call, the number registered later is not told
    again, but the card shows it, not the number it replaced."""
    await _registered_with_phone(desk)  # +8613800000001 on record
    await desk.file_110(FARMER)
    await desk.send(FARMER, "13912345678")  # typed for the team during the call
    before = {row.id for row in await desk.outbox()}
    await desk.press(FARMER, "m:reg")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "跳过")  # the name kept
    await desk.send(FARMER, "13912345678")  # now registered
    await desk.press(FARMER, "f:skip")
    new = [r for r in await desk.outbox() if r.id not in before]
    assert any(r.method == "edit_message" and "电话：13912345678" in str(r.payload) for r in new)
    assert not any("报告人补充：手机号" in str(r.payload.get("text", "")) for r in new)

"""A voice note at a registration question: nobody can listen to it there and it most
likely answers the question aloud, so it pages nobody and is no request. The person is told
so and the question is put again; from someone who may have a curing barn (who they are not
said yet, or a farmer) it is kept, with 「🚨 马上报警」 one tap away, which sends it."""

from __future__ import annotations

import pytest

from core.enums import Kind, Status
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

RETAILER = 100002
QINGSHAN_CHAT = -1001000000001


async def _voices_sent(desk: Harness) -> list[str]:
    return [r.payload["file_id"] for r in await desk.outbox() if r.method == "send_voice"]


async def test_a_voice_note_at_who_you_are_pages_nobody_and_registration_goes_on(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start", language_code="zh-hk")
    out = await desk.send(FARMER, voice_file_id="v-who", language_code="zh-hk")
    assert "聽不了語音" in texts(out) and "已報警" not in texts(out)
    assert {"f:voice:110", "f:kind:farmer", "f:kind:retailer"} <= set(button_data(out))
    assert await desk.tickets() == [] and await _voices_sent(desk) == []
    asked = await desk.press(FARMER, "f:kind:retailer")
    assert "請輸入您的姓名" in texts(asked)


async def test_the_alarm_beside_a_voice_note_goes_out_with_every_one_kept(desk: Harness) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-1")
    await desk.send(FARMER, voice_file_id="v-2")
    out = await desk.press(FARMER, "f:voice:110")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent
    assert sorted(await _voices_sent(desk)) == ["v-1", "v-1", "v-2", "v-2"]  # team and leader


async def test_a_farmers_voice_note_at_the_name_is_kept_and_the_name_asked_again(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = texts(await desk.send(FARMER, voice_file_id="v-name"))
    assert "听不了语音" in out and out.strip().endswith("请输入您的姓名：")
    assert await desk.tickets() == []
    asked = texts(await desk.send(FARMER, "张大山"))
    assert "手机号" in asked


async def test_the_alarm_beside_a_voice_note_pressed_after_registration_asks_what_is_wrong(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-who")
    await desk.send(FARMER, "/cancel")
    out = await desk.press(FARMER, "f:voice:110")
    assert "请说明出了什么问题" in texts(out)


async def test_a_retailers_voice_note_at_the_name_is_not_heard_and_the_name_asked_again(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = await desk.send(RETAILER, voice_file_id="v-name")
    said = texts(out)
    assert "听不了语音" in said and "马上报警" not in said and "先处理您的问题" not in said
    assert "f:voice:110" not in button_data(out) and said.strip().endswith("请输入您的姓名：")
    asked = texts(await desk.send(RETAILER, "李小梅"))
    assert "手机号" in asked  # the name typed next is the name, not a request's words
    assert await desk.tickets() == []


async def test_the_alarm_beside_a_voice_note_takes_the_location_shared_before(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.location(FARMER, 26.512, 106.702)  # by 青山镇大坪烤房群, kept for the place
    await desk.send(FARMER, voice_file_id="v-barn")
    out = texts(await desk.press(FARMER, "f:voice:110"))
    assert "已报警" in out and "在哪个烤房" not in out  # where it is, not asked again
    [ticket] = await desk.tickets()
    assert ticket.lat is not None and abs(ticket.lat - 26.512) < 1e-6


async def test_a_barn_emergency_typed_at_registration_takes_what_was_kept_for_it(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.location(FARMER, 26.512, 106.702)
    await desk.send(FARMER, voice_file_id="v-first")
    out = texts(await desk.send(FARMER, "烤房停电了，温度一直往下掉"))
    assert "已报警" in out and "在哪个烤房" not in out
    [ticket] = await desk.tickets()
    assert ticket.lat is not None and ticket.text == "烤房停电了，温度一直往下掉"
    assert "v-first" in await _voices_sent(desk)


@pytest.mark.parametrize("how", ["button", "command", "typed"])
async def test_110_after_a_voice_note_at_registration_sends_it_at_once(
    desk: Harness, how: str
) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-said")
    if how == "button":
        out = await desk.press(FARMER, "m:110")  # the welcome's 🚨 110, not the one beside it
    else:
        out = await desk.send(FARMER, "/110" if how == "command" else "报警")
    assert "已报警" in texts(out) and "请说明出了什么问题" not in texts(out)
    assert "v-said" in await _voices_sent(desk)


async def test_the_alarm_of_a_registration_left_pressed_in_a_new_one_asks_what_is_wrong(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-old")
    await desk.send(FARMER, "/cancel")
    await desk.send(FARMER, "/start")
    out = await desk.press(FARMER, "f:voice:110")
    assert "请说明出了什么问题" in texts(out) and await desk.tickets() == []


async def _asked_by_the_team(desk: Harness) -> int:
    """The farmer's 110 call, taken, and the team's question to them (需补充) waiting."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=QINGSHAN_CHAT)
    return ticket_id


@pytest.mark.parametrize(
    ("entry", "lang", "said"),
    [("m:reg", "zh-cn", "已把您的回复补充到工单"), ("/start", "zh-tw", "補充到工單")],
)
async def test_a_voice_note_at_registration_answers_the_teams_question_as_outside_it(
    desk: Harness, entry: str, lang: str, said: str
) -> None:
    await _asked_by_the_team(desk)
    if lang == "zh-tw":
        await desk.press(FARMER, "lang:hant")  # 繁體 chosen after the call was made
    await desk.send(FARMER, "/start", language_code=lang)
    if entry == "m:reg":
        await desk.press(FARMER, entry)  # 👤 登记信息, to give the phone the team lacks
    out = texts(await desk.send(FARMER, voice_file_id="v-answer", language_code=lang))
    assert said in out and "马上报警" not in out and "馬上報警" not in out
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED  # answered: no longer waiting for the farmer
    assert "v-answer" in await _voices_sent(desk)


async def test_a_voice_note_at_registration_during_an_open_call_is_news_of_it(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.send(FARMER, "/start")
    out = texts(await desk.send(FARMER, voice_file_id="v-news"))
    assert "已补充到报警工单" in out and "听不了语音" not in out
    assert [t.id for t in await desk.tickets()] == [ticket_id]
    assert "v-news" in await _voices_sent(desk)


async def test_a_voice_note_at_registration_about_a_resolved_call_goes_to_it(
    desk: Harness,
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, QINGSHAN_CHAT)
    await desk.send(FARMER, "/start")
    out = texts(await desk.send(FARMER, voice_file_id="v-verdict"))
    assert "听不了语音" not in out and "马上报警" not in out
    assert [t.id for t in await desk.tickets()] == [ticket_id]
    assert "v-verdict" in await _voices_sent(desk)


@pytest.mark.parametrize("how", ["m:110", "f:voice:110", "报警"])
async def test_110_after_a_voice_note_at_registration_during_an_open_call_pages_no_second(
    desk: Harness, how: str
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-update")
    out = await (desk.press(FARMER, how) if ":" in how else desk.send(FARMER, how))
    assert "正在处理" in texts(out) and "请说明出了什么问题" not in texts(out)
    assert [t.id for t in await desk.tickets()] == [ticket_id]


async def test_a_barn_emergency_typed_at_registration_during_an_open_call_is_news_of_it(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.send(FARMER, "/start")
    out = texts(await desk.send(FARMER, "烤房又停电了，温度一直往下掉"))
    assert "已补充到报警工单" in out
    assert [t.id for t in await desk.tickets()] == [ticket_id]


@pytest.mark.parametrize("typed", ["/110 烤房停电了", "／110 烤房停电了"])
async def test_110_with_words_after_a_voice_note_at_registration_takes_what_was_kept(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/start")
    await desk.location(FARMER, 26.512, 106.702)
    await desk.send(FARMER, voice_file_id="v-first")
    out = texts(await desk.send(FARMER, typed))
    assert "已报警" in out and "在哪个烤房" not in out
    [ticket] = await desk.tickets()
    assert ticket.text == "烤房停电了" and ticket.lat is not None
    assert "v-first" in await _voices_sent(desk)


async def test_a_photo_after_a_voice_note_at_registration_keeps_both_for_the_alarm(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-1")
    out = texts(await desk.send(FARMER, photo_file_id="p-1"))  # the thermometer
    assert "登记时发的语音也放进了这一条" in out
    alarm = texts(await desk.press(FARMER, "f:voice:110"))  # the button beside the voice note
    assert "已报警" in alarm and "还没有提交，已放下" not in alarm
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY
    assert "v-1" in await _voices_sent(desk)
    photos = [r.payload["file_id"] for r in await desk.outbox() if r.method == "send_photo"]
    assert "p-1" in photos


async def test_a_matter_typed_after_a_voice_note_at_registration_is_filed_with_it(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, voice_file_id="v-said")
    out = texts(await desk.send(FARMER, "今年的烘烤补贴什么时候发下来"))
    assert "先处理您的问题" in out and "登记时发的语音也放进了这一条" in out
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and "v-said" in await _voices_sent(desk)


@pytest.mark.parametrize("how", ["m:my", "/my", "我的工单", "/help", "/start"])
async def test_the_voice_notes_kept_stay_beside_a_look_at_registration(
    desk: Harness, how: str
) -> None:
    """/my or the help taken at a registration question: registration waits, and the voice
    note kept there is still one tap from the alarm, offered again above the question."""
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-kept")
    out = await (desk.press(FARMER, how) if how.startswith("m:") else desk.send(FARMER, how))
    assert "登记还没有完成" in texts(out) and "f:voice:110" in button_data(out)
    assert "f:kind:farmer" in button_data(out)
    alarm = texts(await desk.press(FARMER, "f:voice:110"))
    assert "已报警" in alarm and "请说明出了什么问题" not in alarm
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and "v-kept" in await _voices_sent(desk)


async def _leave_registration(desk: Harness, how: str = "finished", lang: str = "zh-cn") -> None:
    """A voice note kept at registration, then registration ended by finishing it, or a
    look (/my, 查一下进度) taken beside it, which leaves it waiting."""
    await desk.send(FARMER, "/start", language_code=lang)
    await desk.send(FARMER, voice_file_id="v-kept", language_code=lang)
    if how == "finished":
        await desk.press(FARMER, "f:kind:farmer")
        hant = lang == "zh-hk"  # answered in the script they read: 张 would make it 简体
        await desk.send(FARMER, "張大山" if hant else "张大山", language_code=lang)
        await desk.send(FARMER, "跳過" if hant else "跳过", language_code=lang)
        await desk.press(FARMER, "f:area:qingshan")
    elif how.startswith("m:"):
        await desk.press(FARMER, how)
    else:
        await desk.send(FARMER, how, language_code=lang)


@pytest.mark.parametrize("how", ["finished", "m:my", "/my", "查一下进度"])
@pytest.mark.parametrize("then", ["voice", "110", "报警", "m:110", "/110", "/sos"])
async def test_the_alarm_asked_for_after_registration_or_beside_it_sends_the_voice_notes(
    desk: Harness, how: str, then: str
) -> None:
    await _leave_registration(desk, how)
    if then == "voice":
        out = await desk.send(FARMER, voice_file_id="v-next")
        if how != "finished":
            # Registration waits at 您是: a voice note there is kept beside the alarm too.
            assert "已报警" not in texts(out) and "f:voice:110" in button_data(out)
            out = await desk.press(FARMER, "f:voice:110")
    else:
        out = await (desk.press(FARMER, then) if then.startswith("m:") else desk.send(FARMER, then))
    said = texts(out)
    assert "已报警" in said and "已放下" not in said and "下一步" not in said
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent
    sent = await _voices_sent(desk)
    assert "v-kept" in sent and (then != "voice" or "v-next" in sent)


@pytest.mark.parametrize("then", ["voice", "報警", "/110"])
async def test_the_alarm_asked_for_in_traditional_after_registration_left_sends_them_too(
    desk: Harness, then: str
) -> None:
    await _leave_registration(desk, lang="zh-hk")
    if then == "voice":
        out = await desk.send(FARMER, voice_file_id="v-next", language_code="zh-hk")
    else:
        out = await desk.send(FARMER, then, language_code="zh-hk")
    assert "已報警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and "v-kept" in await _voices_sent(desk)


async def test_a_barn_emergency_typed_after_registration_left_goes_out_with_the_voice_notes(
    desk: Harness,
) -> None:
    await _leave_registration(desk)
    assert "已报警" in texts(await desk.send(FARMER, "烤房停电了"))
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and "停电" in ticket.text
    assert "v-kept" in await _voices_sent(desk)


async def test_the_voice_notes_held_after_registration_are_let_go_with_never_mind(
    desk: Harness,
) -> None:
    await _leave_registration(desk)
    assert "语音不再发送" in texts(await desk.send(FARMER, "算了"))
    assert "请说明出了什么问题" in texts(await desk.press(FARMER, "f:voice:110"))
    assert await desk.tickets() == [] and await _voices_sent(desk) == []


async def test_a_matter_typed_while_the_voice_notes_are_held_is_filed_with_them(
    desk: Harness,
) -> None:
    await _leave_registration(desk)
    out = texts(await desk.send(FARMER, "今年的烘烤补贴什么时候发下来"))
    assert "登记时发的语音也放进了这一条" in out
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST and "v-kept" in await _voices_sent(desk)


@pytest.mark.parametrize("typed", ["烤房修好了，谢谢你们", "烤房修好了"])
async def test_the_voice_notes_of_a_registration_left_for_a_rating_go_to_the_ticket_rated(
    desk: Harness, typed: str
) -> None:
    """Their call of the night before resolved while they registered: the rating it begins
    is about that call, and the voice notes kept are news of it, not dropped."""
    ticket_id = await desk.file_110(FARMER)
    desk.clock.advance(hours=13)  # no longer the call a voice note is news of
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, voice_file_id="v-kept")
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, typed)
    [ticket] = await desk.tickets()
    assert "请为这次服务打分" in texts(out)
    assert f"您登记时发的语音也已补充到工单 {ticket.label}" in texts(out)
    assert "v-kept" in await _voices_sent(desk)
    assert (await desk.actions(ticket_id))[-1] == "info"


async def test_the_voice_notes_of_a_registration_left_for_an_answer_go_with_it(
    desk: Harness,
) -> None:
    """Two of their requests asked about while they registered: the answer typed waits for
    the ticket it is for to be pressed, and the voice notes kept go to it with the words."""
    first = await desk.file_request(FARMER, "烘烤技术问题：变黄期温度应该设置多少度")
    second = await desk.file_request(FARMER, "想请技术员明天来指导一下烘烤装烟")
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-kept")
    for ticket in (first, second):
        await desk.press(MEMBER, f"tk:acc:{ticket.id}", chat=QINGSHAN_CHAT)
        await desk.press(MEMBER, f"tk:ask:{ticket.id}", chat=QINGSHAN_CHAT)
        await desk.send(MEMBER, "是哪种烤房？普通还是密集？", chat=QINGSHAN_CHAT)
    out = await desk.send(FARMER, "密集烤房，两层的，上下两个风机")
    assert "这条回复是给哪一个的" in texts(out) and "登记时发的语音也放进了这一条" in texts(out)
    assert await _voices_sent(desk) == []
    await desk.press(FARMER, f"my:ans:{first.id}")
    heard = [r for r in await desk.outbox() if r.chat_id == QINGSHAN_CHAT]
    assert "v-kept" in [r.payload.get("file_id") for r in heard if r.method == "send_voice"]


async def test_the_voice_notes_of_a_registration_left_to_say_a_fault_is_back_go_to_its_ticket(
    desk: Harness,
) -> None:
    """还是没修好 typed at the name, their call of the night before resolved meanwhile: the
    call is reopened, not 还是没修好 saved as their name, and the voice notes go to it."""
    ticket_id = await desk.file_110(FARMER)
    desk.clock.advance(hours=13)
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, voice_file_id="v-kept")
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=QINGSHAN_CHAT)
    out = texts(await desk.send(FARMER, "还是没修好"))
    assert "已重新派给" in out and "登记时发的语音也已补充到报警工单" in out
    async with desk.db.uow(read_only=True) as uow:
        farmer = await uow.users.get(FARMER)
    assert farmer is not None and not farmer.name
    assert "v-kept" in await _voices_sent(desk)


async def test_a_voice_note_while_voice_notes_are_held_answers_the_teams_question(
    desk: Harness,
) -> None:
    """Held after registration was left for 我的工单, and the team has asked the farmer
    something meanwhile: the next voice note is the answer, as outside registration, not a
    110 call of its own."""
    request = await desk.file_request(FARMER, "想请技术员明天来指导一下烘烤装烟")
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, voice_file_id="v-kept")
    await desk.press(MEMBER, f"tk:acc:{request.id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{request.id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "是哪种烤房？普通还是密集？", chat=QINGSHAN_CHAT)
    await desk.send(FARMER, "/my")

    out = texts(await desk.send(FARMER, voice_file_id="v-answer"))

    assert "已把您的回复补充到工单" in out and "已报警" not in out
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED  # answered
    assert "v-answer" in await _voices_sent(desk)


async def test_a_voice_note_while_voice_notes_are_held_goes_to_the_call_resolved_lately(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    desk.clock.advance(hours=13)
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, voice_file_id="v-kept")
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=QINGSHAN_CHAT)
    await desk.send(FARMER, "/my")

    out = texts(await desk.send(FARMER, voice_file_id="v-next"))

    assert "已报警" not in out
    assert [t.id for t in await desk.tickets()] == [ticket_id]
    assert "v-next" in await _voices_sent(desk)


@pytest.mark.parametrize("then", ["press", "voice"])
async def test_the_voice_notes_of_a_registration_finished_are_still_held_for_the_alarm(
    desk: Harness, then: str
) -> None:
    """「🚨 马上报警」 promised to send the voice note kept at the name: registration
    finished meanwhile, it still does, offered again beside 登记完成."""
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, voice_file_id="v-kept")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "跳过")
    out = await desk.press(FARMER, "f:area:qingshan")
    assert "登记完成" in texts(out) and "登记时发的语音还留着" in texts(out)
    assert "f:voice:110" in button_data(out)
    if then == "press":
        out = await desk.press(FARMER, "f:voice:110")
    else:
        out = await desk.send(FARMER, voice_file_id="v-next")
    assert "已报警" in texts(out) and "请说明出了什么问题" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and "v-kept" in await _voices_sent(desk)


async def test_the_voice_notes_kept_when_only_the_phone_was_asked_are_still_held(
    desk: Harness,
) -> None:
    """Registered but for the phone, asked it again at /start: 跳过 ends it, and the voice
    note said meanwhile is still held for the alarm promised."""
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    await desk.send(FARMER, "跳过")
    await desk.press(FARMER, "f:area:qingshan")
    assert "手机号" in texts(await desk.send(FARMER, "/start"))
    await desk.send(FARMER, voice_file_id="v-kept")
    out = await desk.send(FARMER, "跳过")
    assert "登记时发的语音还留着" in texts(out) and "f:voice:110" in button_data(out)
    assert "已报警" in texts(await desk.press(FARMER, "f:voice:110"))
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and "v-kept" in await _voices_sent(desk)

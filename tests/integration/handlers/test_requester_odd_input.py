"""A requester's odd input (a second press, an essay, emoji, a mistyped number): a clear
reply in their script, and nothing changed that they did not mean to change."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Status
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

RETAILER, STAFF = 100002, 100003
TEAM_CHAT = -1001000000001


async def test_withdrawing_twice_says_so_once_and_tells_the_team_once(desk: Harness) -> None:
    await desk.send(RETAILER, "訂貨系統打不開")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    await desk.press(RETAILER, f"my:xx:{ticket.id}")
    told = len(await desk.outbox())
    out = await desk.press(RETAILER, f"my:xx:{ticket.id}")
    assert texts(out).strip() == "工單當前狀態（已撤回）不能這樣操作。"
    assert len(await desk.outbox()) == told  # no second 已由报告人撤回 to the team
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED


async def test_confirming_a_110_withdrawal_twice_says_so_once(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(FARMER, f"my:xx:{ticket_id}")
    told = len(await desk.outbox())
    out = await desk.press(FARMER, f"my:xx:{ticket_id}")
    assert "已撤回" in texts(out) and "工单 10019 已撤回" not in texts(out)
    assert len(await desk.outbox()) == told


ESSAY = "烤房的温度一直不稳定，" * 500  # 5,500 characters, over the 2,000 limit


async def test_an_essay_during_a_110_call_is_refused_not_paged(desk: Harness) -> None:
    await desk.file_110(FARMER)
    before = len(await desk.outbox())
    out = await desk.send(FARMER, ESSAY)
    assert "内容太长了（5500 字），请控制在 2000 字以内。" in texts(out)
    assert len(await desk.outbox()) == before  # nothing reached the team or the pagers
    [ticket] = await desk.tickets()
    assert ESSAY not in ticket.text


async def test_an_essay_answering_the_teams_question_is_refused(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "烤房是几号房？", chat=TEAM_CHAT)
    before = len(await desk.outbox())
    out = await desk.send(FARMER, ESSAY)
    assert "内容太长了" in texts(out)
    assert len(await desk.outbox()) == before
    [ticket] = await desk.tickets()
    assert ticket.status is Status.WAITING_REQUESTER  # still waiting for a real answer


async def test_an_essay_is_not_taken_as_the_barn_of_a_110_call(desk: Harness) -> None:
    await desk.send(FARMER, "烤房停電了，溫度一直往下掉")
    before = len(await desk.outbox())
    out = await desk.send(FARMER, "烤房的溫度一直不穩定，" * 500)
    assert "內容太長了" in texts(out)
    assert len(await desk.outbox()) == before
    out = await desk.send(FARMER, "大坪")  # the question is still open
    assert "位置已告訴值班服務隊" in texts(out)


async def test_a_long_tickets_detail_fits_in_one_telegram_message(desk: Harness) -> None:
    """Telegram refuses a message over 4096 characters: the detail would never be shown."""
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "订货系统打不开，" * 250)  # 2,000 characters
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    for _ in range(3):
        await desk.press(RETAILER, f"my:add:{ticket.id}")
        await desk.send(RETAILER, "昨天又试了一次还是不行，" * 160)  # 1,920 characters
    out = await desk.press(RETAILER, f"my:v:{ticket.id}")
    [detail] = out.replies
    assert len(detail.text) <= 4096
    assert "补充材料：昨天又试了一次" in detail.text and detail.text.endswith("…")


async def test_emoji_alone_is_no_description_of_a_request(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, "😀😀")
    assert "内容是空的" in texts(out)
    out = await desk.send(RETAILER, "訂貨系統打不開")  # still asked for the description
    assert "下一步" in texts(out)
    out = await desk.send(RETAILER, "👍")
    assert "已補充" not in texts(out) and "沒有的話點「下一步」" in texts(out)
    out = await desk.press(RETAILER, "f:next")
    assert "內容：訂貨系統打不開\n將轉給" in texts(out)


async def test_a_mistyped_ticket_number_is_told_as_one(desk: Harness) -> None:
    await desk.file_110(FARMER)  # 10019
    for typed in ("工單10018怎麼樣了", "10018", "10091"):
        out = await desk.send(FARMER, typed)
        assert "可能輸錯了一位" in texts(out), typed
    out = await desk.send(FARMER, "工單10024怎麼樣了")  # a valid number, not a ticket of theirs
    assert texts(out).strip() == "找不到這個工單，或您無權操作。"
    assert len(await desk.tickets()) == 1  # no draft, nothing filed


async def test_an_amount_is_no_mistyped_ticket_number(desk: Harness) -> None:
    out = await desk.send(RETAILER, "订了20000支怎么没到")
    assert "输错" not in texts(out) and "请确认" in texts(out)


@pytest.mark.parametrize(
    "typed", ["訂單號20261201001還沒送到", "订单编号 20261201001 没到货", "快递单号2026120100123"]
)
async def test_an_orders_or_parcels_number_is_no_mistyped_ticket_number(
    desk: Harness, typed: str
) -> None:
    await desk.file_110(FARMER)  # 10019: the desk's numbers are 5 digits long
    out = to_simplified(texts(await desk.send(RETAILER, typed)))
    assert "输错" not in out and "请确认" in out


async def test_a_licence_number_named_with_its_bianhao_is_no_mistyped_ticket_number(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "我的許可證快到期了，要辦延續")
    await desk.press(RETAILER, "f:ok")
    for typed in ("許可證編號：520102100123", "许可证编号 5201 0210 0123"):
        out = to_simplified(texts(await desk.send(RETAILER, typed)))
        assert "输错" not in out and "补充到工单 10019" in out, typed
        await desk.send(RETAILER, "/cancel")


async def test_a_retailer_is_told_why_in_their_own_words(desk: Harness) -> None:
    out = await desk.send(RETAILER, "許可證快到期了，怎麼辦理延續？")
    assert "將轉給：專賣管理所\n（您提到了“許可證”“延續”，這類事由專賣管理辦理）" in texts(out)
    out = await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "这周的烟怎么还没送到")
    out = await desk.press(RETAILER, "f:next")
    assert "（您提到了“没送到”，这类事由物流配送办理）" in texts(out)


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("我們店訂貨系統登錄不上，這週的煙還沒訂", "“登錄不上”"),
        ("訂貨系統登陸不了，密碼是對的", "“登陸不了”"),
        ("我們店訂貨系統登錄 不上，這週的煙還沒訂", "“登錄不上”"),
    ],
)
async def test_a_retailer_is_quoted_the_words_they_typed_not_the_routers_own(
    desk: Harness, typed: str, quoted: str
) -> None:
    """您提到了 quotes what they wrote (登錄不上), never a word of the router's table they did
    not write (登不上), which reads as a misquote."""
    said = texts(await desk.send(RETAILER, typed))
    assert f"您提到了“訂貨系統”{quoted}" in said and "登不上" not in said


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("賣菸的錢一個月了還沒收到", "“賣菸的錢”"),
        ("菸款還沒到帳，怎麼回事", "“菸款”"),
        ("卖烟的钱一个月了还没收到", "“卖烟的钱”"),
    ],
)
async def test_a_farmer_is_quoted_the_characters_he_typed(
    desk: Harness, typed: str, quoted: str
) -> None:
    """菸 as he wrote it, not the 煙 that converting the router's 卖烟的钱 to 繁體 gives."""
    said = texts(await desk.send(FARMER, typed))
    assert f"您提到了{quoted}" in said
    assert "煙" not in said.split("（")[-1]


async def test_a_complaint_summary_keeps_the_routers_marks_to_the_team(desk: Harness) -> None:
    out = await desk.send(RETAILER, "我要投诉配送员态度很差")
    summary = texts(out)
    assert "类别：投诉" in summary and "您提到了" in summary
    assert "×" not in summary and "自查" not in summary and "急" not in summary
    await desk.press(RETAILER, "f:ok")
    [card] = [r for r in await desk.outbox() if r.purpose == "card"][:1]
    assert "分派依据：作风监督 — " in card.payload["text"]  # the team still sees the scores


async def test_a_photo_at_the_name_question_is_kept_not_refused_as_a_name(desk: Harness) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    out = await desk.send(RETAILER, photo_file_id="p-shelf")
    assert "姓名请用" not in texts(out) and "请再用文字或语音说明一下情况" in texts(out)
    await desk.send(RETAILER, "送来的烟少了两条")
    out = await desk.press(RETAILER, "f:next")
    assert "补充：1 项" in texts(out)


async def test_my_tickets_read_on_one_line_in_the_readers_script(desk: Harness) -> None:
    await desk.send(FARMER, voice_file_id="v-barn", language_code="zh-hk")
    await desk.send(FARMER, "/cancel", language_code="zh-hk")  # no place: the alarm stays
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "订货系统打不开")
    await desk.send(RETAILER, "登录时一直转圈")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    out = await desk.send(FARMER, "/my", language_code="zh-hk")
    [label] = [b.text for r in out.replies for row in r.buttons for b in row]
    assert label == "10019 待接單 [語音]"
    out = await desk.send(FARMER, "10019", language_code="zh-hk")
    assert "內容：[語音]" in texts(out)
    out = await desk.send(RETAILER, "/my")
    [label] = [b.text for r in out.replies for row in r.buttons for b in row]
    assert "\n" not in label and label.endswith("订货系统打不开 登录时…")  # cut, and says so


async def test_a_retailer_is_not_quoted_a_single_character_beside_a_word(desk: Harness) -> None:
    out = await desk.send(RETAILER, "今天送不送，配送中心说")
    assert "（您提到了“配送”，这类事由物流配送办理）" in texts(out)


@pytest.mark.parametrize("typed", ["评价一下", "我要打分", "修好了吗", "解決了沒有"])
async def test_asking_to_rate_or_if_it_is_done_with_no_ticket_is_no_request(
    desk: Harness, typed: str
) -> None:
    out = texts(await desk.send(FARMER, typed))
    assert "还没有工单" in to_simplified(out) and "提交" not in to_simplified(out)
    assert await desk.tickets() == []


async def test_asking_to_rate_during_a_call_pages_nobody_and_shows_where_it_stands(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    before = [r.id for r in await desk.outbox() if r.chat_id != FARMER]
    out = await desk.send(FARMER, "評價一下")
    assert "現在沒有等您評價的工單" in texts(out)
    assert button_data(out) == [f"my:v:{ticket_id}"]  # 10019 待接單, to open
    # Not 报告人补充：评价一下 to the team (the farmer's own command menu turns 繁體).
    assert [r.id for r in await desk.outbox() if r.chat_id != FARMER] == before
    [ticket] = await desk.tickets()
    assert "評價" not in ticket.text


async def test_a_score_during_a_call_is_no_news_for_the_team(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    before = [r.id for r in await desk.outbox() if r.chat_id != FARMER]
    out = await desk.send(FARMER, "给5分")
    assert "现在没有等您评价的工单" in to_simplified(texts(out))
    assert [r.id for r in await desk.outbox() if r.chat_id != FARMER] == before
    assert "info" not in await desk.actions(ticket_id)


async def test_asking_if_it_is_done_after_a_rated_call_lists_it_as_closed(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    await desk.send(FARMER, "跳过")  # the comment prompt
    out = await desk.send(FARMER, "修好了吗？")
    assert "您现在没有正在办理的工单" in texts(out)
    assert button_data(out) == [f"my:v:{ticket_id}"]
    assert len(await desk.tickets()) == 1


DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


@pytest.mark.parametrize("typed", ["算了", "算了吧", "取消"])
async def test_called_off_where_asked_what_is_not_solved_sends_nothing_back(
    desk: Harness, typed: str
) -> None:
    """算了 typed at 请说明哪里还没解决 instead of /cancel is no reason: the complaint is not
    sent back to the team with "算了" as what is unsolved, and still awaits the verdict."""
    await desk.registered_as(RETAILER, "retailer")
    ticket = await desk.file_request(RETAILER, "投诉配送员小王，送货总是迟到", "/complain")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育配送员", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:bad:{ticket.id}")
    told = len(await desk.outbox())
    out = await desk.send(RETAILER, typed)
    assert "没有退回" in texts(out) and f"my:bad:{ticket.id}" in button_data(out)
    assert len(await desk.outbox()) == told  # nothing to the team
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.reopen_count == 0
    assert "reopen" not in await desk.actions(ticket.id or 0)


@pytest.mark.parametrize("typed", ["不投诉了", "我不投訴了", "还是不投诉了，已经道歉了"])
async def test_taking_back_a_complaint_in_words_asks_to_withdraw_it(
    desk: Harness, typed: str
) -> None:
    """不投诉了 of a complaint nobody has taken up yet is /my's 撤回 typed: asked to be
    sure, as the button asks, never offered as a new complaint of those words."""
    await desk.registered_as(RETAILER, "retailer")
    ticket = await desk.file_request(RETAILER, "投诉配送员小王，送货总是迟到", "/complain")
    out = await desk.send(RETAILER, typed)
    shown = to_simplified(texts(out))
    assert f"确定撤回工单 {ticket.label}" in shown and "请确认" not in shown
    assert f"my:xx:{ticket.id}" in button_data(out)
    await desk.press(RETAILER, f"my:xx:{ticket.id}")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED


@pytest.mark.parametrize(
    "typed", ["算了，谢谢", "还是算了", "那算了", "算了算了", "還是算了吧", "不用了"]
)
async def test_called_off_in_more_words_where_asked_what_is_not_solved_pages_nobody(
    desk: Harness, typed: str
) -> None:
    """Words that only call it off (as a draft reads them: 还是算了, 算了，谢谢) typed at
    请说明哪里还没解决 send nothing back: no 🚨 card to the team with "没有解决：算了，谢谢"."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    told = await _team_messages(desk)
    out = await desk.send(FARMER, typed)
    assert "没有退回" in to_simplified(texts(out))
    assert f"my:ok:{ticket_id}" in button_data(out)
    assert await _team_messages(desk) == told  # nothing to the team
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.reopen_count == 0


@pytest.mark.parametrize("typed", ["已经好了", "没事了", "沒事了，謝謝", "现在好了"])
async def test_solved_after_all_where_asked_what_is_not_solved_offers_solved_again(
    desk: Harness, typed: str
) -> None:
    """已经好了 at 请说明哪里还没解决 says the fault is fixed after all: nothing is sent back,
    and the reply asks for 「✅ 已解决」 rather than reading as a reason to reopen."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    told = await _team_messages(desk)
    out = await desk.send(FARMER, typed)
    said = to_simplified(texts(out))
    assert "没有退回" in said and "已解决" in said
    assert f"my:ok:{ticket_id}" in button_data(out)
    assert await _team_messages(desk) == told
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.reopen_count == 0


@pytest.mark.parametrize("typed", ["3", "5分", "👍", "好的", "謝謝"])
async def test_no_reason_typed_where_asked_what_is_not_solved_sends_nothing_back(
    desk: Harness, typed: str
) -> None:
    """A score, a digit, an emoji or 好的 typed at 请说明哪里还没解决 (❌ pressed for ✅,
    most likely) gives no reason: the team gets no "没有解决：3" card, the question is put
    again and the notice's ✅ is offered."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    told = await _team_messages(desk)
    out = await desk.send(FARMER, typed)
    said = to_simplified(texts(out))
    assert "没有退回" in said and "请说明哪里还没解决" in said
    assert f"my:ok:{ticket_id}" in button_data(out)
    assert await _team_messages(desk) == told
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.reopen_count == 0
    await desk.send(FARMER, "温度还是上不去")  # the reason, typed next, sends it back
    [ticket] = await desk.tickets()
    assert ticket.reopen_count == 1


async def _team_messages(desk: Harness) -> int:
    """Messages put to the team's chat (a switch of script also resets the person's menu)."""
    return sum(1 for m in await desk.outbox() if m.chat_id == TEAM_CHAT)


@pytest.mark.parametrize("typed", ["不投诉了", "不反映了", "我不想投诉了"])
async def test_taking_back_a_complaint_with_only_a_110_call_in_hand_offers_nothing(
    desk: Harness, typed: str
) -> None:
    """不投诉了 names a complaint: with none filed, the farmer's 110 call waiting for a
    team is not what they take back; they are told there is no complaint to withdraw."""
    ticket_id = await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    shown = to_simplified(texts(out))
    assert f"my:xx:{ticket_id}" not in button_data(out)
    assert "撤回报警" not in shown and "没有正在办理的投诉" in shown
    [ticket] = await desk.tickets()
    assert ticket.status.is_open


async def test_taking_back_a_complaint_offers_the_complaint_not_the_order_beside_it(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    order = await desk.file_request(RETAILER, "订货系统打不开，登录不上")
    complaint = await desk.file_request(RETAILER, "投诉配送员小王，送货总是迟到", "/complain")
    out = await desk.send(RETAILER, "不投诉了")
    assert f"my:x:{order.id}" not in button_data(out)
    assert f"my:xx:{complaint.id}" in button_data(out)


async def test_taking_back_a_suggestion_with_only_an_order_in_hand_offers_nothing(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    order = await desk.file_request(RETAILER, "订货系统打不开，登录不上")
    out = await desk.send(RETAILER, "不提建议了")
    assert f"my:x:{order.id}" not in button_data(out)
    assert f"my:xx:{order.id}" not in button_data(out)
    assert "没有正在办理的建议" in to_simplified(texts(out))


@pytest.mark.parametrize("typed", ["不投诉了，你们就是不管", "不反映了，直接找局长"])
async def test_venting_beside_taking_back_a_complaint_is_not_read_as_a_withdrawal(
    desk: Harness, typed: str
) -> None:
    """不投诉了，你们就是不管 is anger, not a calm withdrawal: no 确定撤回 is put to them."""
    await desk.registered_as(RETAILER, "retailer")
    complaint = await desk.file_request(RETAILER, "投诉配送员小王，送货总是迟到", "/complain")
    out = await desk.send(RETAILER, typed)
    assert f"my:xx:{complaint.id}" not in button_data(out)
    assert "确定撤回" not in to_simplified(texts(out))


async def test_an_old_skip_pressed_at_the_describe_step_says_the_button_is_stale(
    desk: Harness,
) -> None:
    """An earlier comment prompt's 「跳过」 pressed once /new asks for the description: the
    button is no longer in use, not a description missing; the step still waits."""
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    out = await desk.press(FARMER, "f:skip")
    said = (out.toast or "") + texts(out)
    assert "按钮已失效" in said and "请先用文字" not in said, said
    await desk.send(FARMER, "烤房温度上不去")
    await desk.press(FARMER, "f:next")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "烤房温度上不去"


@pytest.mark.parametrize("pressed", ["f:area:qingshan", "f:skip", "f:kind:staff"])
async def test_an_old_registration_button_at_the_extras_step_says_the_button_is_stale(
    desk: Harness, pressed: str
) -> None:
    """A site button of the registration /start asked (or its 跳过) pressed while a wish
    waits for 下一步: no longer in use, said so, rather than the extras prompt again as if
    nothing was pressed; the draft is still there, and its words are all it holds."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "食堂增加早餐品种")
    out = await desk.press(STAFF, pressed)
    said = texts(out)
    assert "按钮已失效" in said and "可以再发照片" not in said and "请确认" not in said, said
    out = await desk.press(STAFF, "f:next")
    assert "内容：食堂增加早餐品种" in texts(out)
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "食堂增加早餐品种" and ticket.site_code is None


@pytest.mark.parametrize("typed", ["5分", "给5分", "五星", "給你們5分", "满分"])
@pytest.mark.parametrize("replied", [False, True])
async def test_a_score_with_nothing_to_rate_is_answered_as_asking_to_rate(
    desk: Harness, typed: str, replied: bool
) -> None:
    """5分 typed, or replied to the 接单 notice, while the ticket is still with its team: told
    nothing awaits a rating, with their tickets, as 评价一下 is; never offered to the triage
    desk as a request of "5分" (nor 补充 to the ticket)."""
    ticket = await desk.file_request(RETAILER, "今天送货少送了两条中华")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    notice = await _accepted_notice(desk) if replied else None
    told = [r.id for r in await desk.outbox() if r.chat_id != RETAILER]
    out = await desk.send(RETAILER, typed, reply_to=notice)
    said = to_simplified(texts(out))
    assert "现在没有等您评价的工单" in said
    assert "提交" not in said and "督办分派台" not in said
    assert button_data(out) == [f"my:v:{ticket.id}"]
    # Nothing to the team (their command menu turns 繁體 for 給你們5分).
    assert [r.id for r in await desk.outbox() if r.chat_id != RETAILER] == told
    assert [t.id for t in await desk.tickets()] == [ticket.id]
    assert (await desk.actions(ticket.id))[-1] == "accept"


DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071


async def _accepted_notice(desk: Harness) -> int:
    """The 已由…接单 notice, delivered to the retailer: its message id."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [row] = [r for r in await desk.outbox() if r.chat_id == RETAILER and r.status == "pending"]
    await recorder.record(row, 8800)
    return 8800


@pytest.mark.parametrize("typed", ["跳过", "跳過", "提交"])
async def test_a_prompts_button_typed_where_asked_what_is_not_solved_is_no_reason(
    desk: Harness, typed: str
) -> None:
    """跳过 typed at 请说明哪里还没解决 (which has no 跳过 to press) gives no reason: nothing
    is sent back with "没有解决：跳过" for the team to read; the question is asked again,
    with the ticket's buttons."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    told = await _team_messages(desk)

    out = await desk.send(FARMER, typed)

    said = to_simplified(texts(out))
    assert "没有说明原因" in said and "请说明哪里还没解决" in said, said
    assert f"my:ok:{ticket_id}" in button_data(out)
    assert await _team_messages(desk) == told
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.reopen_count == 0

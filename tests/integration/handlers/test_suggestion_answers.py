"""A suggestion (建议) asks for a view, not a fix: it is taken up to be answered, the team
writes its answer, and the requester is asked whether they are satisfied with it (是否满意),
never whether a problem was solved; sent back, it is an answer they are not satisfied with.
In the requester's script, Simplified or Traditional."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Action, Kind, Script, Status
from core.lifecycle import RESOLUTION_NOTICE
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER, new_ticket

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
CURING_CHAT = -1001000000001
SUGGESTION = "建议食堂延长晚饭供应时间"
ANSWER = "已转食堂研究，下月起晚饭延长到19:30"

# script -> the words the requester reads at each step
WORDS = {
    Script.HANS: {
        "accepted": "您的建议 {n} 已收到，由 周干事 负责研究答复。",
        "answered": (
            f"您的建议 {{n}} 已有答复：{ANSWER}\n"
            "请看看是否满意这个答复并评价；不满意请点「❌ 不满意」，会再为您办理："
        ),
        "buttons": "✅ 收到，评价|❌ 不满意",
        "why": "请说明对答复哪里不满意，会转给服务队再为您办理：",
    },
    Script.HANT: {
        "accepted": "您的建議 {n} 已收到，由 周干事 負責研究答覆。",
        "answered": (
            "您的建議 {n} 已有答覆：已轉食堂研究，下月起晚飯延長到19:30\n"
            "請看看是否滿意這個答覆並評價；不滿意請點「❌ 不滿意」，會再為您辦理："
        ),
        "buttons": "✅ 收到，評價|❌ 不滿意",
        "why": "請說明對答覆哪裡不滿意，會轉給服務隊再為您辦理：",
    },
}


async def _suggestion_answered(desk: Harness, script: Script) -> tuple[int, dict[str, str]]:
    """The employee files the suggestion in `script`, the staff station takes it up and
    answers it; its id and what the employee was told (accepted, answered), in order."""
    await desk.registered_as(STAFF, "staff")
    if script is Script.HANT:
        await desk.press(STAFF, "lang:hant")
    await desk.send(STAFF, "/suggest")
    await desk.send(STAFF, SUGGESTION)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
    prompt = await desk.press(STAFF_MEMBER, f"tk:res:{ticket.id}", chat=STAFF_TEAM_CHAT)
    assert texts(prompt).startswith(f"建议 {ticket.label}：请输入给报告人的答复")
    done = await desk.send(STAFF_MEMBER, ANSWER, chat=STAFF_TEAM_CHAT)
    assert texts(done).startswith(f"建议 {ticket.label} 已答复，已请报告人看看是否满意并评价。")
    told = {
        r.purpose: r for r in await desk.outbox() if r.chat_id == STAFF and r.ticket_id == ticket.id
    }
    return ticket.id, {
        "accepted": str(told["progress"].payload["text"]),
        "answered": str(told["resolution"].payload["text"]),
        "buttons": "|".join(b["text"] for b in told["resolution"].payload["buttons"][0]),
    }


@pytest.mark.parametrize("script", [Script.HANS, Script.HANT])
async def test_a_suggestion_is_answered_and_asked_whether_the_answer_satisfies(
    desk: Harness, script: Script
) -> None:
    ticket_id, told = await _suggestion_answered(desk, script)
    [ticket] = await desk.tickets()
    words = WORDS[script]
    assert told["accepted"] == words["accepted"].format(n=ticket.label)
    assert told["answered"] == words["answered"].format(n=ticket.label)
    assert told["buttons"] == words["buttons"]
    # /my lists it as answered, and offers the same two buttons under the same names.
    listed = await desk.send(STAFF, "/my")
    [row] = [b.text for r in listed.replies for line in r.buttons for b in line]
    assert ("已答复待确认" if script is Script.HANS else "已答覆待確認") in row
    detail = await desk.press(STAFF, f"my:v:{ticket_id}")
    labels = [b.text for r in detail.replies for row in r.buttons for b in row]
    confirm, dispute = words["buttons"].split("|")
    assert confirm in labels and dispute in labels
    # Confirmed and rated, it is crossed off as any answered ticket is.
    await desk.press(STAFF, f"my:ok:{ticket_id}")
    await desk.press(STAFF, f"my:r:{ticket_id}:5")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating == 5


@pytest.mark.parametrize("script", [Script.HANS, Script.HANT])
async def test_an_answer_sent_back_is_one_the_requester_is_not_satisfied_with(
    desk: Harness, script: Script
) -> None:
    ticket_id, _told = await _suggestion_answered(desk, script)
    asked = await desk.press(STAFF, f"my:bad:{ticket_id}")
    assert texts(asked).strip() == WORDS[script]["why"]
    before = {r.id for r in await desk.outbox()}
    await desk.send(STAFF, "周末也应该延长")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    team = [
        str(r.payload["text"])
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == STAFF_TEAM_CHAT and r.purpose == "notify"
    ]
    # After the card's history (此前经过), what the requester said of the answer.
    assert team[-1] == f"建议 {ticket.label} 报告人对答复不满意：周末也应该延长"


@pytest.mark.parametrize("script", [Script.HANS, Script.HANT])
async def test_the_requesters_timeline_reads_a_suggestions_answer_as_an_answer(
    desk: Harness, script: Script
) -> None:
    """/my's detail says 答复, as the notice and the status 已答复待确认 do, and what the
    requester said of it; not 办结, 确认解决 or 重新办理, which are a repair's."""
    ticket_id, _told = await _suggestion_answered(desk, script)
    await desk.press(STAFF, f"my:bad:{ticket_id}")
    await desk.send(STAFF, "周末也应该延长")
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket_id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{ticket_id}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "周末也延长到19:30", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF, f"my:ok:{ticket_id}")
    await desk.press(STAFF, f"my:r:{ticket_id}:4")
    shown = to_simplified(texts(await desk.press(STAFF, f"my:v:{ticket_id}")))
    assert f"答复：{ANSWER}" in shown and "答复：周末也延长到19:30" in shown
    assert "对答复不满意：周末也应该延长" in shown and "确认收到答复" in shown
    assert "办结" not in shown and "确认解决" not in shown and "重新办理" not in shown


@pytest.mark.parametrize(
    ("script", "words", "asked"),
    [
        (
            Script.HANS,
            "周末还是一样早关门",
            "您回复的是建议 {n} 的答复：“周末还是一样早关门”。是说对答复不满意吗？",
        ),
        (
            Script.HANT,
            "週末還是一樣早關門",
            "您回覆的是建議 {n} 的答覆：“週末還是一樣早關門”。是說對答覆不滿意嗎？",
        ),
    ],
    ids=["hans", "hant"],
)
async def test_words_replied_to_the_answer_are_asked_about_as_dissatisfaction(
    desk: Harness, script: Script, words: str, asked: str
) -> None:
    ticket_id, _told = await _suggestion_answered(desk, script)
    [ticket] = await desk.tickets()
    notice = next(
        r for r in await desk.outbox() if r.chat_id == STAFF and r.purpose == RESOLUTION_NOTICE
    )
    await SentRecorder(desk.db.uow, SimulatedClock(desk.clock())).record(notice, 8100)
    out = await desk.send(STAFF, words, reply_to=8100)
    said = texts(out)
    assert said.startswith(asked.format(n=ticket.label))
    assert "解决" not in said and "解決" not in said
    labels = [b.text for r in out.replies for row in r.buttons for b in row]
    assert labels[:2] == (
        ["❌ 不满意，重新办理", "✅ 收到，评价"]
        if script is Script.HANS
        else ["❌ 不滿意，重新辦理", "✅ 收到，評價"]
    )
    assert button_data(out)[:2] == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}"]


async def _answered_after_a_question(desk: Harness, *, ask: bool) -> int:
    """A suggestion the team answers, having asked the employee something first or not."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/suggest")
    await desk.send(STAFF, SUGGESTION)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
    if ask:
        await desk.press(STAFF_MEMBER, f"tk:ask:{ticket.id}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "您希望延长到几点？", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, ANSWER, chat=STAFF_TEAM_CHAT)
    return ticket.id


async def test_a_late_answer_to_the_teams_question_asks_if_the_answer_satisfies(
    desk: Harness,
) -> None:
    await _answered_after_a_question(desk, ask=True)
    out = await desk.send(STAFF, "最好能到晚上八点")
    assert "对答复满意吗" in texts(out) and "❌ 不满意" in texts(out)
    assert "没解决" not in texts(out) and "问题解决了吗" not in texts(out)


@pytest.mark.parametrize("words", ["不满意", "很不满意", "有异议", "不同意这个答复"])
async def test_not_satisfied_typed_sends_the_suggestion_back_as_its_button_does(
    desk: Harness, words: str
) -> None:
    """The answer says 不满意请点「❌ 不满意」: typed (or the answer disputed, 有异议), it asks
    what is unsatisfying, as the button does, rather than for a score that would close the
    suggestion."""
    ticket_id = await _answered_after_a_question(desk, ask=False)
    out = await desk.send(STAFF, words)
    assert "请说明对答复哪里不满意" in texts(out)
    await desk.send(STAFF, "周末也应该延长")
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.status is not Status.CLOSED
    assert "reopen" in await desk.actions(ticket_id)


async def test_not_satisfied_typed_after_the_sweep_closed_the_answer_still_sends_it_back(
    desk: Harness,
) -> None:
    """Closed by the sweep with nobody's word, the suggestion may still be sent back within
    the week, as 没解决 would: 不满意 asks what is unsatisfying, not a new complaint."""
    ticket_id = await _answered_after_a_question(desk, ask=False)
    await desk.sweep_does(ticket_id, Action.AUTO_CLOSE)
    out = await desk.send(STAFF, "不满意")
    assert "请说明对答复哪里不满意" in texts(out)
    await desk.send(STAFF, "周末也应该延长")
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.status is not Status.CLOSED
    assert "reopen" in await desk.actions(ticket_id)


@pytest.mark.parametrize("words", ["我不满意", "不太满意吧", "很差！"])
async def test_any_judgement_refusing_the_answer_sends_the_suggestion_back(
    desk: Harness, words: str
) -> None:
    """Read on the score prompt's scale, as 不满意 typed is; 一般 asks for the score."""
    await _answered_after_a_question(desk, ask=False)
    out = await desk.send(STAFF, words)
    assert "请说明对答复哪里不满意" in texts(out)


async def test_a_lukewarm_judgement_of_an_answer_asks_for_the_score(desk: Harness) -> None:
    ticket_id = await _answered_after_a_question(desk, ask=False)
    out = await desk.send(STAFF, "一般吧")
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]


async def test_a_voice_note_after_a_farmers_suggestion_was_answered_asks_if_it_satisfies(
    desk: Harness,
) -> None:
    ticket = await new_ticket(
        desk.db,
        desk.cfg,
        now=desk.clock.now,
        kind=Kind.SUGGESTION,
        urgent=False,
        text="建议烤房补贴早点发放",
    )
    await desk.press(MEMBER, f"tk:acc:{ticket.id}", chat=CURING_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket.id}", chat=CURING_CHAT)
    await desk.send(MEMBER, "已反映给站里，下月起提前发放", chat=CURING_CHAT)
    out = await desk.send(FARMER, voice_file_id="v-1")
    assert "收到您的语音" in texts(out) and "对答复满意吗" in texts(out)
    assert "没解决" not in texts(out) and "问题解决了吗" not in texts(out)


async def test_not_satisfied_typed_with_two_answers_waiting_asks_which_to_send_back(
    desk: Harness,
) -> None:
    await desk.registered_as(STAFF, "staff")
    for words in ("建议食堂延长晚饭供应时间", "建议食堂增加早餐品种"):
        await desk.send(STAFF, "/suggest")
        await desk.send(STAFF, words)
        await desk.press(STAFF, "f:next")
        await desk.press(STAFF, "f:ok")
        newest = max(await desk.tickets(), key=lambda t: t.id or 0)
        await desk.press(STAFF_MEMBER, f"tk:acc:{newest.id}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, f"tk:res:{newest.id}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "已转相关部门研究", chat=STAFF_TEAM_CHAT)

    out = await desk.send(STAFF, "不满意")

    assert "对哪一个的答复不满意" in texts(out)
    pressed = button_data(out)
    assert len(pressed) == 2 and all(data.startswith("my:bad:") for data in pressed)
    asked = await desk.press(STAFF, pressed[0])
    assert "请说明对答复哪里不满意" in texts(asked)
    assert all(t.status is Status.RESOLVED for t in await desk.tickets())


async def test_a_dispute_with_why_is_asked_of_the_one_answer_awaiting_beside_a_repair(
    desk: Harness,
) -> None:
    """我不同意，… with a suggestion's answer and a request's resolution both awaiting: the
    suggestion is the one whose answer can be disputed, and it is asked about."""
    suggestion = await _answered_after_a_question(desk, ask=False)
    request = await desk.file_request(STAFF, "卷烟订货系统登录不了，提示密码错误")
    team = desk.cfg.team(request.team_id)
    for step in ("acc", "res"):
        await desk.press(team.members[0], f"tk:{step}:{request.id}", chat=team.chat_id)
    await desk.send(team.members[0], "已重置密码", chat=team.chat_id)
    out = await desk.send(STAFF, "我不同意，这个答复我不能接受")
    assert f"my:bad:{suggestion}" in button_data(out)
    assert f"my:new:{suggestion}" in button_data(out)
    assert {t.status for t in await desk.tickets()} == {Status.RESOLVED}


async def _closed_unanswered_and_taken_up(desk: Harness, question: str) -> int:
    """A suggestion the team asked `question` about, closed by the sweep while it waited
    for the answer (未补充关闭), and 🔁 重新办理 pressed: the reason is asked. Its id."""
    await desk.registered_as(STAFF, "staff")
    ticket = await desk.file_request(STAFF, SUGGESTION, "/suggest")
    assert ticket.id is not None
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:ask:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, question, chat=STAFF_TEAM_CHAT)
    await desk.sweep_does(ticket.id, Action.EXPIRE)
    await desk.press(STAFF, f"my:bad:{ticket.id}")
    return ticket.id


async def test_a_suggestion_closed_unanswered_and_taken_up_again_is_not_read_as_an_answer_refused(
    desk: Harness,
) -> None:
    """Taken up again after 未补充关闭, no answer was ever given: /my reads 重新办理, not
    对答复不满意."""
    ticket_id = await _closed_unanswered_and_taken_up(desk, "您希望延长到几点？")
    await desk.send(STAFF, "延长到晚上八点")
    shown = to_simplified(texts(await desk.press(STAFF, f"my:v:{ticket_id}")))
    assert "重新办理：延长到晚上八点" in shown
    assert "对答复不满意" not in shown


@pytest.mark.parametrize("answer", ["13812345678", "3", "138 1234 5678", "138-1234-5678", "3。"])
async def test_digits_answering_the_teams_question_take_a_ticket_closed_unanswered_up_again(
    desk: Harness, answer: str
) -> None:
    """请再说明一下情况（可以回答服务队之前问的问题）: a phone number or a count is the answer
    to the team's question, not a score pressed for ✅ (there is no ✅ on a ticket closed
    unanswered): it is taken up again with it."""
    await _closed_unanswered_and_taken_up(desk, "留个电话，或者说要开几个窗口？")
    out = await desk.send(STAFF, answer)
    assert "没有退回" not in to_simplified(texts(out))
    [again] = await desk.tickets()
    assert again.status.is_open


@pytest.mark.parametrize("typed", ["👍", "好的", "谢谢"])
async def test_a_thumbs_up_typed_to_take_up_a_ticket_closed_unanswered_sends_nothing_back(
    desk: Harness, typed: str
) -> None:
    """Digits answer the team's question; 👍, 好的 or 谢谢 answer nothing, and the ticket
    stays closed, the question asked again."""
    await _closed_unanswered_and_taken_up(desk, "您希望延长到几点？")
    out = await desk.send(STAFF, typed)
    [after] = await desk.tickets()
    assert not after.status.is_open, to_simplified(texts(out))
    assert "没有退回" in to_simplified(texts(out))

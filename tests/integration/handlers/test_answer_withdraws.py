"""A requester whose answer to the team's question (需补充) asks to withdraw the ticket
(撤回, 不用办了，我自己去所里问过了): the words still reach the team, as the answer, but the
reply no longer says the team will go on with it (服务队会继续处理). Nobody has taken the
ticket: withdrawing it is offered (确定撤回 / 不撤回), as /my's 撤回 does. A member has
taken it: the reply says it can no longer be withdrawn and that they will see the words."""

from __future__ import annotations

from core.enums import Status
from tests.support.complainant import RETAILER
from tests.support.desk import Harness, button_data, texts

MONOPOLY_CHAT = -1001000000012
MONOPOLY_MEMBER = 200051


async def _asked(desk: Harness, *, accepted: bool) -> int:
    await desk.registered_as(RETAILER, "retailer")
    ticket = await desk.file_request(RETAILER, "我的烟草专卖零售许可证下个月到期，怎么办理延续？")
    assert ticket.id is not None and ticket.team_id == "monopoly"
    if accepted:
        await desk.press(MONOPOLY_MEMBER, f"tk:acc:{ticket.id}", chat=MONOPOLY_CHAT)
    await desk.press(MONOPOLY_MEMBER, f"tk:ask:{ticket.id}", chat=MONOPOLY_CHAT)
    await desk.send(MONOPOLY_MEMBER, "请问您的许可证号是多少？", chat=MONOPOLY_CHAT)
    return ticket.id


async def _team_heard(desk: Harness, words: str) -> bool:
    return any(
        words in str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id == MONOPOLY_CHAT
    )


async def test_withdrawal_typed_as_the_answer_offers_to_withdraw_an_untaken_ticket(
    desk: Harness,
) -> None:
    ticket_id = await _asked(desk, accepted=False)
    out = await desk.send(RETAILER, "撤回")
    said = texts(out)
    assert "继续处理" not in said, said
    assert "确定撤回" in said and f"my:xx:{ticket_id}" in button_data(out), said
    assert await _team_heard(desk, "撤回")  # the team hears it, as the answer
    await desk.press(RETAILER, f"my:xx:{ticket_id}")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED


async def test_withdrawal_typed_as_the_answer_of_a_taken_ticket_says_who_has_it(
    desk: Harness,
) -> None:
    await _asked(desk, accepted=True)
    words = "不用办了，我自己去所里问过了"
    said = texts(await desk.send(RETAILER, words))
    assert "继续处理" not in said and "不能再撤回" in said, said
    assert await _team_heard(desk, words)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED


async def test_an_ordinary_answer_is_still_said_to_go_on(desk: Harness) -> None:
    await _asked(desk, accepted=False)
    said = texts(await desk.send(RETAILER, "520102100123"))
    assert "服务队会继续处理" in said and "撤回" not in said, said

"""A press whose step committed but whose replies a stop cut off (a kill before the card was
edited) comes again from Telegram with the same update id: the step is not run twice, and
the pressed card is edited to how it reads now, not left with the buttons it had."""

from __future__ import annotations

from core.model import OutboxMessage
from handlers.replies import Outcome
from tests.integration.handlers.test_card_left_behind import (
    DELIVERY_CHAT,
    DELIVERY_MEMBER,
    MOVED,
    RETAILER,
    _delivered,
)
from tests.integration.handlers.test_oversight_takeover import (
    CONDUCT_CHAT,
    CONDUCT_MEMBER,
    _complaint_about_the_team,
    _deliver_all,
)
from tests.support.desk import Harness
from tests.support.tickets import SUPERVISOR


async def _card(desk: Harness) -> tuple[int, int]:
    """The retailer's delivery request, its card sent to the delivery group: the ticket's
    id and the card's message id."""
    ticket_id, card, _ = await _labelled_card(desk)
    return ticket_id, card


async def _labelled_card(desk: Harness) -> tuple[int, int, str]:
    """`_card`, and the ticket's number."""
    ticket = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await _delivered(desk)
    [card] = [r for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT and r.purpose == "card"]
    assert card.result_message_id is not None
    return ticket.id, card.result_message_id, ticket.label


async def _press(desk: Harness, data: str, card: int, key: str) -> Outcome:
    return await desk.send(
        DELIVERY_MEMBER,
        chat=DELIVERY_CHAT,
        key=key,
        callback_data=data,
        callback_message_id=card,
    )


def _buttons(outcome: Outcome) -> set[str | None]:
    [edit] = [r for r in outcome.replies if r.edit]
    return {b.data for row in edit.buttons for b in row}


def _rows(rows: list[OutboxMessage]) -> list[tuple[int, str]]:
    return [(r.chat_id, r.purpose) for r in rows]


async def test_a_repeated_accept_edits_the_card_to_accepted_with_its_buttons(
    desk: Harness,
) -> None:
    """Before: the repeat only answered 刚才的操作已完成 and the card kept 接单, with no 办结,
    until the member pressed again."""
    ticket_id, card = await _card(desk)
    first = await _press(desk, f"tk:acc:{ticket_id}", card, "tg:acc-1")
    assert f"tk:res:{ticket_id}" in _buttons(first)
    outbox = await desk.outbox()

    again = await _press(desk, f"tk:acc:{ticket_id}", card, "tg:acc-1")

    assert again.duplicate and again.toast == "刚才的操作已完成。"
    [edit] = again.replies
    assert edit.edit and edit.text == first.replies[0].text
    assert f"tk:res:{ticket_id}" in _buttons(again)
    assert f"tk:acc:{ticket_id}" not in _buttons(again)
    # Nothing done twice: no second 接单, no card edits queued again.
    assert (await desk.actions(ticket_id)).count("accept") == 1
    assert _rows(await desk.outbox()) == _rows(outbox)


async def test_a_repeated_accept_shows_the_ticket_resolved_since(desk: Harness) -> None:
    """The old edit (accepted, with 办结) would undo the newer state: the card reads as the
    ticket is now."""
    ticket_id, card = await _card(desk)
    await _press(desk, f"tk:acc:{ticket_id}", card, "tg:acc-2")
    await _press(desk, f"tk:res:{ticket_id}", card, "tg:res-2")
    await desk.send(DELIVERY_MEMBER, "已联系补送", chat=DELIVERY_CHAT)
    assert (await desk.actions(ticket_id)).count("resolve") == 1

    again = await _press(desk, f"tk:acc:{ticket_id}", card, "tg:acc-2")

    buttons = _buttons(again)
    assert f"tk:res:{ticket_id}" not in buttons and f"tk:acc:{ticket_id}" not in buttons
    [edit] = again.replies
    assert "已联系补送" in edit.text, edit.text


async def test_a_repeated_accept_shows_where_the_ticket_went_since(desk: Harness) -> None:
    """Reassigned to another team after the accept: the old group's card says where it
    went, without buttons, as the move's own edit of it did."""
    ticket_id, card, label = await _labelled_card(desk)
    await _press(desk, f"tk:acc:{ticket_id}", card, "tg:acc-3")
    await desk.send(SUPERVISOR, f"/reassign {label} ordering")
    assert [t.team_id for t in await desk.tickets() if t.id == ticket_id] == ["ordering"]

    again = await _press(desk, f"tk:acc:{ticket_id}", card, "tg:acc-3")

    [edit] = again.replies
    assert edit.edit and MOVED in edit.text, edit.text
    assert edit.buttons == ()


async def test_a_repeated_take_over_leaves_the_old_copy_without_buttons_while_the_fresh_card_waits(
    desk: Harness,
) -> None:
    """接管 pressed on the oversight team's copy, and the press sent again before the sender
    has posted the fresh card: the old copy says to use the new card, and has no buttons."""
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    await _deliver_all(desk)
    [copy] = [r for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT and r.purpose == "card"]
    copy_id = int(copy.result_message_id or 0)

    async def take() -> Outcome:
        return await desk.send(
            CONDUCT_MEMBER,
            chat=CONDUCT_CHAT,
            key="tg:take-1",
            callback_data=f"ov:take:{ticket.id}",
            callback_message_id=copy_id,
        )

    [pressed] = (await take()).replies
    assert pressed.edit and not pressed.buttons
    outbox = await desk.outbox()
    [edit] = [r for r in (await take()).replies if r.edit]
    assert "请在下方的新卡片上办理" in edit.text, edit.text
    assert edit.buttons == (), edit.buttons
    assert len(await desk.outbox()) == len(outbox)

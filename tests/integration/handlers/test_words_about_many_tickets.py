"""Words typed by a requester with more tickets in hand than the summary shows at first
(补充到工单): the five newest each get a button, 「更多…」 lists every one, and any of them
can take the words; one closed before the press takes nothing, the rest still offered."""

from __future__ import annotations

from datetime import timedelta

from core.enums import Action, Kind, Role, Status
from core.model import Ticket
from core.services import perform
from handlers.replies import Outcome
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import new_ticket

RETAILER = 100002
IN_HAND = 7


async def _seven_in_hand(desk: Harness) -> list[Ticket]:
    """The retailer's seven delivery tickets waiting for the team, newest first."""
    filed = []
    for n in range(IN_HAND):
        when = desk.clock.now - timedelta(hours=IN_HAND - n)
        filed.append(
            await new_ticket(
                desk.db,
                desk.cfg,
                now=when,
                kind=Kind.REQUEST,
                line="delivery",
                team_id="delivery",
                urgent=False,
                text=f"第{n + 1}批送货少了一条",
                area="chengqu",
                site_code=None,
                requester_id=RETAILER,
                chat_id=RETAILER,
            )
        )
    return filed[::-1]


def _labels(out: Outcome) -> list[str]:
    return [b.text for r in out.replies for row in r.buttons for b in row]


def _add_for(out: Outcome, ticket: Ticket) -> str:
    [add] = [d for d in button_data(out) if d.startswith("f:add") and d.endswith(f":{ticket.id}")]
    return add


async def test_the_newest_five_are_offered_and_more_lists_every_ticket_in_hand(
    desk: Harness,
) -> None:
    newest_first = await _seven_in_hand(desk)
    out = await desk.send(RETAILER, "怎么还没人来？")
    assert "您有 7 张可能相关的工单正在办理中" in texts(out)
    assert "下面是最近的 5 张，其余的点「更多…」" in texts(out)
    assert button_actions(out).count("f:add") == 5
    assert [d.split(":")[-1] for d in button_data(out) if d.startswith("f:add")] == [
        str(t.id) for t in newest_first[:5]
    ]
    assert "更多…（还有 2 张工单）" in _labels(out)
    [more] = [d for d in button_data(out) if d.startswith("f:more")]
    listed = await desk.press(RETAILER, more)
    assert "下面是您正在办理中、可能相关的 7 张工单" in texts(listed)
    assert button_actions(listed).count("f:add") == 7
    assert not [d for d in button_data(listed) if d.startswith("f:more")]
    oldest = newest_first[-1]
    assert oldest.id is not None
    added = await desk.press(RETAILER, _add_for(listed, oldest))
    assert f"已补充到工单 {oldest.label}" in texts(added)
    assert (await desk.actions(oldest.id))[-1] == "info"
    assert len(await desk.tickets()) == IN_HAND  # no new ticket


async def test_more_is_offered_in_traditional_to_a_traditional_writer(desk: Harness) -> None:
    await _seven_in_hand(desk)
    out = await desk.send(RETAILER, "怎麼還沒人來？")
    assert "您有 7 張可能相關的工單正在辦理中" in texts(out)
    assert "更多…（還有 2 張工單）" in _labels(out)
    [more] = [d for d in button_data(out) if d.startswith("f:more")]
    listed = await desk.press(RETAILER, more)
    assert "可能相關的" in texts(listed)


async def test_a_ticket_closed_before_its_press_takes_nothing_and_the_rest_stay_offered(
    desk: Harness,
) -> None:
    newest_first = await _seven_in_hand(desk)
    out = await desk.send(RETAILER, "怎么还没人来？")
    [more] = [d for d in button_data(out) if d.startswith("f:more")]
    listed = await desk.press(RETAILER, more)
    oldest = newest_first[-1]
    assert oldest.id is not None
    await _withdraw(desk, oldest)
    late = await desk.press(RETAILER, _add_for(listed, oldest))
    assert f"工单 {oldest.label} 已经办结或关闭，不能再补充了" in texts(late)
    assert "info" not in await desk.actions(oldest.id)
    assert button_actions(late).count("f:add") == 6
    # Another of them still takes the words.
    second = newest_first[-2]
    assert second.id is not None
    added = await desk.press(RETAILER, _add_for(late, second))
    assert f"已补充到工单 {second.label}" in texts(added)
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses[oldest.id] is Status.CANCELLED


DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071


async def _resolve(desk: Harness, ticket: Ticket) -> None:
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送", chat=DELIVERY_CHAT)


async def _withdraw(desk: Harness, ticket: Ticket) -> None:
    async with desk.db.uow() as uow:
        stored = await uow.tickets.get(ticket.id or 0)
        assert stored is not None
        await perform(
            uow,
            desk.cfg,
            stored,
            Action.CANCEL,
            actor_id=RETAILER,
            role=Role.REQUESTER,
            now=desk.clock.now,
        )
        await uow.commit()


async def test_more_after_one_was_resolved_says_how_to_say_it_is_not_solved(
    desk: Harness,
) -> None:
    """少了两条 offered to seven deliveries; the newest is resolved; 「更多…」 lists them
    again, its button now 「❌ 工单 N 还没解决」: the lead says so, not only ➕."""
    newest_first = await _seven_in_hand(desk)
    out = await desk.send(RETAILER, "少了两条")
    [more] = [d for d in button_data(out) if d.startswith("f:more")]
    newest = newest_first[0]
    await _resolve(desk, newest)
    listed = await desk.press(RETAILER, more)
    label = f"❌ 工单 {newest.label} 还没解决"
    assert label in _labels(listed)
    assert f"其中工单 {newest.label} 已办结、等您确认：是说它还没解决，请点「{label}」" in texts(
        listed
    )


async def test_more_after_every_other_was_withdrawn_asks_only_if_it_is_not_solved(
    desk: Harness,
) -> None:
    """Before: the lead told to press 「➕ 补充到工单 N」 and said N was being worked on,
    while its only button read 「❌ 工单 N 还没解决」."""
    newest_first = await _seven_in_hand(desk)
    out = await desk.send(RETAILER, "少了两条")
    [more] = [d for d in button_data(out) if d.startswith("f:more")]
    newest, *others = newest_first
    for ticket in others:
        await _withdraw(desk, ticket)
    await _resolve(desk, newest)
    listed = await desk.press(RETAILER, more)
    said = texts(listed)
    label = f"❌ 工单 {newest.label} 还没解决"
    assert [b for b in _labels(listed) if "工单 " in b] == [label]
    assert f"您的工单 {newest.label} 已办结，等您确认" in said
    assert f"请点「{label}」" in said
    assert "➕" not in said and "正在办理中" not in said


async def test_a_resolved_tickets_lead_is_in_traditional_for_a_traditional_writer(
    desk: Harness,
) -> None:
    newest_first = await _seven_in_hand(desk)
    out = await desk.send(RETAILER, "還差兩條")
    [more] = [d for d in button_data(out) if d.startswith("f:more")]
    await _resolve(desk, newest_first[0])
    listed = await desk.press(RETAILER, more)
    assert f"其中工單 {newest_first[0].label} 已辦結、等您確認" in texts(listed)

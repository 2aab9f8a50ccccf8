"""Words typed about a ticket a team is working on ("大概几点能补送过来？"): the summary
offers to add them to that ticket (补充到工单) beside filing them as a new request."""

from __future__ import annotations

import pytest

from core.enums import Status
from core.model import Ticket
from handlers.replies import Outcome
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import SUPERVISOR

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _accepted(desk: Harness) -> int:
    ticket = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    desk.clock.advance(minutes=20)  # a draft's id is when it began: the next one's differs
    return ticket.id


def _add_button(out: Outcome) -> str:
    [add] = [data for data in button_data(out) if data.startswith("f:add")]
    return add


async def test_a_question_about_the_delivery_in_hand_is_offered_to_its_ticket(
    desk: Harness,
) -> None:
    ticket_id = await _accepted(desk)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    said = texts(out)
    assert "您的工单 10019 正在办理中" in said
    assert "f:add" in button_actions(out) and "f:ok" in button_actions(out)
    added = await desk.press(RETAILER, _add_button(out))
    assert "已补充到工单 10019" in texts(added)
    assert len(await desk.tickets()) == 1  # no second ticket at the triage desk
    assert (await desk.actions(ticket_id))[-1] == "info"
    notices = [str(m.payload) for m in await desk.outbox() if m.chat_id == DELIVERY_CHAT]
    assert any("好的，大概几点能补送过来？" in text for text in notices)


async def test_chasing_the_team_is_offered_to_the_ticket_in_hand(desk: Harness) -> None:
    await _accepted(desk)
    out = await desk.send(RETAILER, "怎么还没人来？")
    assert "f:add" in button_actions(out)


async def test_chasing_a_ticket_nobody_accepted_says_so_and_what_the_desk_did(
    desk: Harness,
) -> None:
    """怎么还没人处理 of a ticket 待接单 is told nobody has it yet, not that it is being
    handled; once the ladder has reminded the team, that is said too."""
    ticket = await desk.file_request(RETAILER, "这次少送了两条")
    assert ticket.id is not None and ticket.status is Status.DISPATCHED
    out = await desk.send(RETAILER, "怎么还没人处理")
    said = texts(out)
    assert "正在办理中" not in said
    assert "您的工单 10019 还没有人接单（待接单）" in said and "接单时限是" in said
    assert "f:add" in button_actions(out)
    await desk.send(RETAILER, "/cancel")
    desk.clock.advance(hours=5)  # past the 4 hours to accept
    await sweep(desk.db, desk.cfg, desk.clock())
    assert "remind" in await desk.actions(ticket.id)
    said = texts(await desk.send(RETAILER, "怎么还没人处理"))
    assert "还没有人接单（待接单）" in said and "系统已催办" in said


@pytest.mark.parametrize(
    "typed", ["他们怎么还没来", "等半天了还不来", "说好上午来的还没来", "配送员还没来"]
)
async def test_not_come_of_a_ticket_nobody_accepted_is_told_nobody_has_it(
    desk: Harness, typed: str
) -> None:
    """Not come, whoever of the team it names or whenever it says, chases a ticket 待接单
    as 怎么还没人处理 does: never told it is being handled."""
    await desk.file_request(RETAILER, "这次少送了两条")
    said = texts(await desk.send(RETAILER, typed))
    assert "正在办理中" not in said, said
    assert "还没有人接单（待接单）" in said, said


@pytest.mark.parametrize("typed", ["货还没来", "订的烟还没来", "说好今天送烟还没来"])
async def test_goods_not_come_chase_a_delivery_nobody_accepted(desk: Harness, typed: str) -> None:
    """A shop's goods not come are what its delivery chases (not what a 110 team brings,
    where 货还没来 is no chase): told nobody has accepted it yet, never that it is being
    handled."""
    await desk.file_request(RETAILER, "订的烟三天了还没送到，麻烦查一下")
    said = texts(await desk.send(RETAILER, typed))
    assert "正在办理中" not in said, said
    assert "还没有人接单（待接单）" in said, said


async def test_chasing_after_a_reassignment_counts_no_reminder_of_the_old_team(
    desk: Harness,
) -> None:
    """The ladder reminded 物流配送中心; a supervisor then gave the ticket to 营销服务部,
    which nobody has reminded yet: the requester is told its time to accept, not that the
    system has already chased it twice."""
    ticket = await desk.file_request(RETAILER, "这次少送了两条")
    desk.clock.advance(hours=5)  # past the 4 hours to accept: remind, then escalate
    await sweep(desk.db, desk.cfg, desk.clock())
    desk.clock.advance(hours=1)
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} ordering")

    said = texts(await desk.send(RETAILER, "怎么还没人处理"))

    assert "还没有人接单（待接单）" in said and "营销服务部" in said
    assert "系统已催办" not in said and "接单时限是" in said


async def test_the_offer_is_made_in_traditional_to_a_traditional_writer(desk: Harness) -> None:
    await _accepted(desk)
    out = await desk.send(RETAILER, "請問大概幾點能補送過來？")
    said = texts(out)
    assert "您的工單 10019 正在辦理中" in said
    assert "➕ 補充到工單 10019" in [b.text for r in out.replies for row in r.buttons for b in row]


async def test_a_matter_of_another_service_is_not_offered_to_the_ticket(desk: Harness) -> None:
    await _accepted(desk)
    out = await desk.send(RETAILER, "许可证快到期了，怎么办理延续？")
    assert "f:add" not in button_actions(out)
    assert "要把这条消息作为「求助办事」提交吗" in texts(out)


async def test_nothing_in_hand_nothing_offered(desk: Harness) -> None:
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    assert "f:add" not in button_actions(out)


async def test_the_add_pressed_twice_says_it_was_added(desk: Harness) -> None:
    ticket_id = await _accepted(desk)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    await desk.press(RETAILER, _add_button(out))
    again = await desk.press(RETAILER, _add_button(out))
    assert "已经补充到工单 10019 了" in texts(again)
    assert (await desk.actions(ticket_id)).count("info") == 1


async def test_resolved_before_the_press_the_words_stay_to_be_filed(desk: Harness) -> None:
    ticket_id = await _accepted(desk)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送一条", chat=DELIVERY_CHAT)
    late = await desk.press(RETAILER, _add_button(out))
    assert "工单 10019 已经办结或关闭，不能再补充了" in texts(late)
    assert "f:add" not in button_actions(late) and "f:ok" in button_actions(late)
    assert "info" not in await desk.actions(ticket_id)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED


async def test_goods_short_added_after_the_resolution_asks_if_it_is_not_solved(
    desk: Harness,
) -> None:
    """少了两条 offered to the delivery in hand, then ➕ pressed once the team resolved it:
    asked whether it is not solved, as the same words typed beside it are; nothing is
    offered to the triage desk, and the ticket waits on their answer."""
    ticket_id = await _accepted(desk)
    out = await desk.send(RETAILER, "少了两条")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送一条", chat=DELIVERY_CHAT)
    late = await desk.press(RETAILER, _add_button(out))
    said = texts(late)
    assert "不能再补充了" not in said and "督办分派台" not in said
    assert "工单 10019 已办结，等您确认。您说的“少了两条”是指它还没解决吗" in said
    assert button_data(late) == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}", f"my:new:{ticket_id}"]
    again = await desk.press(RETAILER, f"my:bad:{ticket_id}")
    assert "重新" in texts(again)
    assert (await desk.actions(ticket_id))[-1] == "reopen"
    assert len(await desk.tickets()) == 1


async def _files_of(desk: Harness, ticket_id: int) -> list[tuple[str, str]]:
    async with desk.db.uow() as uow:
        return [(a.kind, a.file_id) for a in await uow.attachments.of_ticket(ticket_id)]


async def _shortfall_with_a_photo_pressed_after_resolution(desk: Harness) -> tuple[int, Outcome]:
    """少了两条 and a photo of the shelf drafted beside the delivery in hand; the team resolves
    it; ➕ pressed on the summary that showed the photo."""
    ticket_id = await _accepted(desk)
    await desk.send(RETAILER, "少了两条")
    shown = await desk.send(RETAILER, photo_file_id="shelf")
    assert "补充：1 项" in texts(shown)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送一条", chat=DELIVERY_CHAT)
    return ticket_id, await desk.press(RETAILER, _add_button(shown))


async def test_goods_short_with_a_photo_added_after_the_resolution_asks_too(
    desk: Harness,
) -> None:
    """The draft's photo does not stop the question (it used to: the draft was offered to
    the triage desk as a new request); 没解决 sends the ticket back with the photo."""
    ticket_id, late = await _shortfall_with_a_photo_pressed_after_resolution(desk)
    assert "您说的“少了两条”是指它还没解决吗" in texts(late)
    assert "督办分派台" not in texts(late)
    await desk.press(RETAILER, f"my:bad:{ticket_id}")
    assert (await desk.actions(ticket_id))[-1] == "reopen"
    assert ("photo", "shelf") in await _files_of(desk, ticket_id)
    assert len(await desk.tickets()) == 1


async def test_a_summary_with_a_photo_shown_after_the_resolution_offers_not_solved(
    desk: Harness,
) -> None:
    ticket_id = await _accepted(desk)
    await desk.send(RETAILER, "少了两条")
    await desk.send(RETAILER, photo_file_id="shelf")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送一条", chat=DELIVERY_CHAT)
    again = await desk.send(RETAILER, "你好")
    assert "❌ 工单 10019 还没解决" in _button_labels(again)


async def test_goods_short_with_a_photo_filed_as_new_keeps_the_photo(desk: Harness) -> None:
    ticket_id, _ = await _shortfall_with_a_photo_pressed_after_resolution(desk)
    summary = await desk.press(RETAILER, f"my:new:{ticket_id}")
    assert "少了两条" in texts(summary) and "补充：1 项" in texts(summary)
    await desk.press(RETAILER, "f:ok")
    new = (await desk.tickets())[-1]
    assert new.id is not None and new.id != ticket_id
    assert await _files_of(desk, new.id) == [("photo", "shelf")]


async def test_goods_short_with_a_photo_said_solved_keeps_it_on_the_ticket(
    desk: Harness,
) -> None:
    ticket_id, _ = await _shortfall_with_a_photo_pressed_after_resolution(desk)
    rate = await desk.press(RETAILER, f"my:ok:{ticket_id}")
    assert f"my:r:{ticket_id}:5" in button_data(rate)
    assert ("photo", "shelf") in await _files_of(desk, ticket_id)
    assert len(await desk.tickets()) == 1


def _button_labels(out: Outcome) -> list[str]:
    return [b.text for r in out.replies for row in r.buttons for b in row]


async def test_a_summary_shown_after_the_resolution_offers_to_say_it_is_not_solved(
    desk: Harness,
) -> None:
    """少了两条 offered to the delivery in hand; the team resolves it; the summary shown again
    (你好 at it) no longer offers 「➕ 补充到工单 10019」, which would add nothing now, but
    「❌ 工单 10019 还没解决」, whose press asks so. For a while it kept offering ➕."""
    ticket_id = await _accepted(desk)
    out = await desk.send(RETAILER, "少了两条")
    assert "➕ 补充到工单 10019" in _button_labels(out)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送一条", chat=DELIVERY_CHAT)
    again = await desk.send(RETAILER, "你好")
    labels = _button_labels(again)
    assert "请确认" in texts(again)
    assert not any("补充到工单" in label for label in labels)
    assert "❌ 工单 10019 还没解决" in labels
    asked = await desk.press(RETAILER, _add_button(again))
    assert "您说的“少了两条”是指它还没解决吗" in texts(asked)
    assert f"my:bad:{ticket_id}" in button_data(asked)


async def test_a_question_shown_again_after_the_resolution_offers_only_filing(
    desk: Harness,
) -> None:
    """A question about the delivery (大概几点能补送过来？) shown again once it was resolved:
    no 「➕ 补充到工单」 (pressed, it would add nothing); it stays to be filed."""
    ticket_id = await _accepted(desk)
    await desk.send(RETAILER, "好的，大概几点能补送过来？")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送一条", chat=DELIVERY_CHAT)
    again = await desk.send(RETAILER, "你好")
    assert "f:add" not in button_actions(again) and "f:ok" in button_actions(again)


MONOPOLY_CHAT, MONOPOLY_MEMBER = -1001000000012, 200051


async def _delivery_and_licence_accepted(desk: Harness) -> tuple[Ticket, Ticket]:
    """The retailer's delivery ticket, and a newer licence one, both accepted."""
    delivery_id = await _accepted(desk)
    licence = await desk.file_request(RETAILER, "许可证快到期了，怎么办理延续？")
    assert licence.id is not None and licence.team_id == "monopoly"
    await desk.press(MONOPOLY_MEMBER, f"tk:acc:{licence.id}", chat=MONOPOLY_CHAT)
    desk.clock.advance(minutes=20)
    [delivery] = [t for t in await desk.tickets() if t.id == delivery_id]
    return delivery, licence


def _button_texts(out: Outcome) -> list[str]:
    return [b.text for r in out.replies for row in r.buttons for b in row]


async def test_words_naming_no_service_offer_every_ticket_in_hand_with_its_team(
    desk: Harness,
) -> None:
    delivery, licence = await _delivery_and_licence_accepted(desk)
    for words in ("少的那条烟什么时候补？", "怎么还没人来？"):
        out = await desk.send(RETAILER, words)
        labels = _button_texts(out)
        assert f"➕ 补充到工单 {delivery.label}（物流配送中心）" in labels
        assert f"➕ 补充到工单 {licence.label}（专卖管理所）" in labels
        assert button_actions(out).count("f:add") == 2
        assert "这条消息是对其中一张的补充" in texts(out)
        await desk.press(RETAILER, "f:no")


async def test_the_ticket_pressed_of_several_offered_gets_the_words(desk: Harness) -> None:
    delivery, licence = await _delivery_and_licence_accepted(desk)
    out = await desk.send(RETAILER, "少的那条烟什么时候补？")
    [to_delivery] = [d for d in button_data(out) if d.endswith(f":{delivery.id}")]
    added = await desk.press(RETAILER, to_delivery)
    assert f"已补充到工单 {delivery.label}" in texts(added)
    assert delivery.id is not None and licence.id is not None
    assert (await desk.actions(delivery.id))[-1] == "info"
    assert "info" not in await desk.actions(licence.id)
    notices = [str(m.payload) for m in await desk.outbox() if m.chat_id == MONOPOLY_CHAT]
    assert not any("少的那条烟" in text for text in notices)


async def test_an_older_ticket_in_hand_is_offered_behind_newer_resolved_ones(
    desk: Harness,
) -> None:
    ticket_id = await _accepted(desk)
    for words in ("许可证快到期了，怎么办理延续？", "想问一下许可证变更", "许可证地址变更"):
        newer = await desk.file_request(RETAILER, words)
        await desk.press(MONOPOLY_MEMBER, f"tk:acc:{newer.id}", chat=MONOPOLY_CHAT)
        await desk.press(MONOPOLY_MEMBER, f"tk:res:{newer.id}", chat=MONOPOLY_CHAT)
        await desk.send(MONOPOLY_MEMBER, "已办理", chat=MONOPOLY_CHAT)
    desk.clock.advance(minutes=20)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    assert [d for d in button_data(out) if d.startswith("f:add")] == [
        d for d in button_data(out) if d.endswith(f":{ticket_id}")
    ]
    assert "f:add" in button_actions(out)


async def test_the_add_pressed_twice_after_going_in_as_the_answer_says_it_was_added(
    desk: Harness,
) -> None:
    ticket_id = await _accepted(desk)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问少的是哪个规格？", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, _add_button(out))
    assert (await desk.actions(ticket_id))[-1] == "answer"
    again = await desk.press(RETAILER, _add_button(out))
    assert "已经补充到工单 10019 了" in texts(again)
    assert (await desk.actions(ticket_id)).count("answer") == 1


async def test_words_rewritten_for_another_service_are_not_offered_to_the_ticket(
    desk: Harness,
) -> None:
    await _accepted(desk)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    await desk.press(RETAILER, next(d for d in button_data(out) if d.startswith("f:edit")))
    await desk.send(RETAILER, "许可证快到期了，怎么办理延续？")
    summary = await desk.press(RETAILER, "f:next")
    assert "f:add" not in button_actions(summary) and "f:ok" in button_actions(summary)
    assert "正在办理中" not in texts(summary)


async def test_words_rewritten_about_the_same_delivery_are_offered_to_it_again(
    desk: Harness,
) -> None:
    await _accepted(desk)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    await desk.press(RETAILER, next(d for d in button_data(out) if d.startswith("f:edit")))
    await desk.send(RETAILER, "少的那条中华什么时候补送？")
    summary = await desk.press(RETAILER, "f:next")
    assert "f:add" in button_actions(summary)
    added = await desk.press(RETAILER, _add_button(summary))
    assert "已补充到工单 10019" in texts(added)


async def test_the_add_pressed_twice_on_a_ticket_behind_ten_newer_ones_says_it_was_added(
    desk: Harness,
) -> None:
    ticket_id = await _accepted(desk)
    for n in range(10):
        desk.clock.advance(hours=1)  # under the tickets-per-hour limit, and no duplicate
        newer = await desk.file_request(RETAILER, f"许可证快到期了，怎么办理延续？第{n + 1}家店")
        await desk.press(MONOPOLY_MEMBER, f"tk:acc:{newer.id}", chat=MONOPOLY_CHAT)
        await desk.press(MONOPOLY_MEMBER, f"tk:res:{newer.id}", chat=MONOPOLY_CHAT)
        await desk.send(MONOPOLY_MEMBER, "已办理", chat=MONOPOLY_CHAT)
    assert len(await desk.tickets()) == 11
    desk.clock.advance(minutes=20)
    out = await desk.send(RETAILER, "好的，大概几点能补送过来？")
    add = _add_button(out)
    assert add.endswith(f":{ticket_id}")
    await desk.press(RETAILER, add)
    again = await desk.press(RETAILER, add)
    assert "已经补充到工单 10019 了" in texts(again)
    assert (await desk.actions(ticket_id)).count("info") == 1


async def test_chasing_counts_the_times_the_desk_chased_not_its_steps(desk: Harness) -> None:
    """One sweep that reminds the team and alerts its leader in the same minute is one
    time the desk chased the ticket, not 催办 2 次 at one moment."""
    ticket = await desk.file_request(RETAILER, "这次少送了两条")
    assert ticket.id is not None
    desk.clock.advance(hours=5)  # past the 4 hours to accept
    await sweep(desk.db, desk.cfg, desk.clock())
    steps = [a for a in await desk.actions(ticket.id) if a in ("remind", "escalate")]
    assert len(steps) >= 2  # the team reminded and its leader alerted, at once
    said = texts(await desk.send(RETAILER, "怎么还没人处理"))
    assert "系统已催办 1 次" in said, said


async def test_chasing_after_the_time_to_accept_passed_does_not_read_as_still_ahead(
    desk: Harness,
) -> None:
    """Past the time to accept, before the sweep has chased the team: the time is not told
    as one still to come (到时还没有人接单)."""
    ticket = await desk.file_request(RETAILER, "这次少送了两条")
    assert ticket.accept_due_at is not None
    desk.clock.advance(hours=5)  # past the 4 hours to accept; no sweep yet
    said = texts(await desk.send(RETAILER, "怎么还没人处理"))
    assert "还没有人接单（待接单）" in said
    assert "到时还没有人接单" not in said and "已过" in said, said

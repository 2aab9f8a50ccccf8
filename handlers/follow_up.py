"""More of an answer: what a requester sends just after answering the team's question.

People answer in pieces, a photo and then the words that go with it (or the other way
round), each its own message. The first is the answer; the rest, sent within minutes, are
more of it, not a new matter to file. Words plainly for another service are a new matter
all the same, asked or told ("我想再订五条中华" after an answer about a delivery).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

from core.enums import OPEN_STATUSES, Role, Status
from core.model import Ticket, TicketEvent
from handlers.cards import MOVES
from handlers.context import Ctx
from handlers.tickets import is_chasing, may_have_barn
from routing import Decision

FOLLOW_UP = timedelta(minutes=10)  # since the answer, and since the last piece of it
_LOOKED_AT = 10  # the person's newest tickets a team works on (or awaiting their verdict)
_WORKED_ON = tuple(s for s in OPEN_STATUSES if s is not Status.RESOLVED)
OFFERED_AT_MOST = 5  # tickets in hand the summary shows a 补充到工单 button for at first
# Every ticket in hand is offered, the rest behind 「更多…」: as many as /my lists open, well
# within the 100 buttons Telegram allows under one message.
OFFERED_IN_ALL = 30
# The desk's bookkeeping after an answer, nobody's act on the ticket: a notice of it refused
# (a member who never opened a private chat with the bot) or a reminder up the ladder. What
# the person sends next is still more of their answer.
_BOOKKEEPING = frozenset(("unreachable", "delivery_failed", "remind", "escalate"))
# What opens the window for more: an answer to the team's question, or the ticket sent back
# as not solved with why (没解决…我有照片), the photo of it often following.
_ANSWERED = frozenset(("answer",))
_OPENS_A_WINDOW = frozenset((*_ANSWERED, "reopen"))
_PIECES = frozenset((*_OPENS_A_WINDOW, "info"))


async def _in_hand_tickets(
    ctx: Ctx, *, resolved: bool = False, limit: int = _LOOKED_AT
) -> list[Ticket]:
    """The person's newest tickets a team still works on, or (`resolved`) those awaiting the
    person's verdict: an older one still worked on counts, however many were resolved since."""
    statuses = (Status.RESOLVED,) if resolved else _WORKED_ON
    found = await ctx.uow.tickets.of_requester(ctx.user.id, limit=limit, statuses=statuses)
    return [ticket for ticket in found if ticket.id is not None]


async def anything_in_hand(ctx: Ctx) -> bool:
    """Whether a team works on any ticket of the person's, or one awaits their verdict."""
    return bool(await _in_hand_tickets(ctx) or await _in_hand_tickets(ctx, resolved=True))


async def _in_hand(
    ctx: Ctx, *, resolved: bool = False
) -> AsyncIterator[tuple[Ticket, list[TicketEvent]]]:
    """`_in_hand_tickets`, newest first, with their events."""
    for ticket in await _in_hand_tickets(ctx, resolved=resolved):
        assert ticket.id is not None
        yield ticket, list(await ctx.uow.tickets.events(ticket.id))


def _since_unanswered_question(ctx: Ctx, events: list[TicketEvent]) -> list[TicketEvent] | None:
    """What happened after the team's last question to the person, when it is recent enough
    to be waited for (`auto_close.waiting_close_after`) and they have not answered it (nor
    added to the ticket) since; None otherwise."""
    asked = max((i for i, e in enumerate(events) if e.action == "ask"), default=None)
    if asked is None or events[asked].at < ctx.now - ctx.cfg.auto_close.waiting_close_after:
        return None
    after = events[asked + 1 :]
    if any(e.action in ("answer", "info") and e.actor_id == ctx.user.id for e in after):
        return None
    return after


async def just_answered(ctx: Ctx) -> Ticket | None:
    """The open ticket whose team's question the person answered within FOLLOW_UP (or which
    they sent back as not solved), or to which they added a photo, a voice note or a pin
    without words (through ➕ 补充 or a summary's 补充到工单), when nothing but more of what
    they added (their own pieces) has happened to it since. The window runs from the first
    of those pieces: a photo sent alone is followed by its words (and a pin), and they join
    it too. Words alone added through ➕ 补充 open no window: what follows them (a farmer's
    voice note, which is an alarm; 另外我想再订五条) is read afresh."""
    since = ctx.now - FOLLOW_UP
    # A farmer's voice note after sending a ticket back may be a barn failing, said as a
    # farmer says it (`alarm_check`): only an answer's window takes it.
    opening = _ANSWERED if ctx.msg.voice_file_id and may_have_barn(ctx) else _OPENS_A_WINDOW
    latest: tuple[Ticket, TicketEvent] | None = None
    async for ticket, events in _in_hand(ctx):
        pieces = _their_last_pieces(ctx, events)
        if not pieces or pieces[0].at < since:
            continue
        opens = any(piece.action in opening or not piece.note.strip() for piece in pieces)
        # Of two tickets answered or sent back minutes apart, the last one is meant
        # (没解决…我有照片 of the older, after an answer to the newer's question).
        if opens and (latest is None or pieces[-1].at > latest[1].at):
            latest = (ticket, pieces[-1])
    return None if latest is None else latest[0]


async def file_just_added(ctx: Ctx) -> Ticket | None:
    """`just_answered`'s ticket when the last thing added was a photo, a voice note or a pin
    without words: the words sent next may be what goes with it, whichever service they
    name."""
    since = ctx.now - FOLLOW_UP
    async for ticket, events in _in_hand(ctx):
        pieces = _their_last_pieces(ctx, events)
        if pieces and pieces[0].at >= since and not pieces[-1].note.strip():
            return ticket
    return None


def _their_last_pieces(ctx: Ctx, events: list[TicketEvent]) -> list[TicketEvent]:
    """The person's own answers and additions at the end of the ticket's events, oldest
    first, the desk's bookkeeping between them passed over; empty when someone else did the
    last thing."""
    pieces: list[TicketEvent] = []
    for event in reversed(events):
        if event.actor_role is Role.SYSTEM and event.action in _BOOKKEEPING:
            continue
        if event.actor_id != ctx.user.id or event.action not in _PIECES:
            break
        pieces.insert(0, event)
    return pieces


def more_of_it(ctx: Ctx, decision: Decision | None, answered: Ticket) -> bool:
    """Whether words sent after an answer are more of it: not when the router plainly sends
    them to another service than the answered ticket's. A ticket at the triage desk has no
    service yet: naming one is what its answer is for."""
    if decision is None or decision.triage or decision.line == answered.line:
        return True
    triage = ctx.cfg.triage_line()
    return triage is not None and answered.line == triage.id


async def question_moved_on(ctx: Ctx) -> Ticket | None:
    """The open ticket whose team asked the person something and then sent it on to another
    team (转派, 改派) before they answered: no longer waiting for them in its status, but the
    answer is still wanted, by the team that has it now. Only while an answer would have
    been waited for (`auto_close.waiting_close_after`)."""
    async for ticket, events in _in_hand(ctx):
        after = _since_unanswered_question(ctx, events)
        if after is not None and any(e.action in MOVES for e in after):
            return ticket
    return None


async def question_overtaken(ctx: Ctx) -> Ticket | None:
    """The ticket awaiting the person's verdict that its team resolved while it waited for
    their answer to its question, the answer not yet sent: what they write now is most
    likely that answer, late. Only while an answer would have been waited for."""
    async for ticket, events in _in_hand(ctx, resolved=True):
        after = _since_unanswered_question(ctx, events)
        if after is not None and any(
            e.action == "resolve" and e.from_status is Status.WAITING_REQUESTER for e in after
        ):
            return ticket
    return None


async def in_hand_about(ctx: Ctx, decision: Decision | None, text: str) -> list[Ticket]:
    """The open tickets a team is working on that typed words may be about, each to be
    offered as where they go (补充到工单) beside filing them as a new request, newest first:
    those of the service the words name, or all of them when the words name none (the
    triage desk's: "大概几点能送过来？") or chase a team ("怎么还没人来"). Which one is
    meant is the person's to say, never guessed; up to OFFERED_IN_ALL of them, the summary
    showing the newest OFFERED_AT_MOST first."""
    any_line = decision is None or decision.triage or is_chasing(text)
    return [
        ticket
        for ticket in await _in_hand_tickets(ctx, limit=OFFERED_IN_ALL)
        if any_line or (decision is not None and decision.line == ticket.line)
    ]

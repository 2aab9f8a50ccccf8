"""The ticket card in a team's chat, as both the desk (a press) and the sweep (an auto-close)
edit it: the same card whoever writes it, so a ticket closed by the clock keeps who accepted
it, when they went there and what they said when they resolved it. Simplified Chinese; the
caller's outbox converts it for a 繁體 chat, keeping what is marked `as_written`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from core.complainant import (
    card_shown_at,
    requester_lines,
    shown_requester,
    shown_words,
    staff_notes_hidden,
    team_keeps,
    withheld,
)
from core.config import Config
from core.enums import Status
from core.model import ChatPlace, Ticket, TicketEvent, User
from core.ports import UnitOfWork
from core.sla import team_resolve_deadline
from core.texts import (
    KIND_NAMES,
    WISH_OUTCOME_NAMES,
    clip,
    is_named,
    one_line,
    person_name,
    status_name,
)
from core.written import as_written

# A withheld complainant's place on a card: the complaint named none, and theirs is not shown.
OWN_PLACE_WITHHELD = "未注明（不显示投诉人登记的地点）"


def local(cfg: Config, at: datetime | None) -> str:
    return "" if at is None else at.astimezone(cfg.zone).strftime("%m-%d %H:%M")


def place(cfg: Config, ticket: Ticket, *, keeper: bool = False) -> str:
    """Where the ticket is: its barn or town, and the pin its requester shared. A
    complaint's barn and town are the complainant's own, from their registration (their
    barn, their shop's town), never the words': where their details may not be read
    (`core.complainant.withheld`, `keeper` as there), which would point at who complained,
    only a pin they sent with the complaint is shown."""
    shared = ticket.lat is not None and ticket.lon is not None
    pin = f"📍{ticket.lat:.4f},{ticket.lon:.4f}" if shared else ""
    if withheld(cfg, ticket, keeper=keeper) is not None:
        return pin or OWN_PLACE_WITHHELD
    site = cfg.site(ticket.site_code) if ticket.site_code else None
    area = cfg.area(ticket.area) if ticket.area else None
    parts = [site.name if site else "", area.name if area and not site else "", pin]
    return " ".join(p for p in parts if p) or "未提供"


def card_text(
    cfg: Config,
    ticket: Ticket,
    requester: User | None,
    accepted_name: str = "",
    resolved_name: str = "",
    question: str = "",
    visited_name: str = "",
    *,
    keeper: bool = False,
    visits: Sequence[datetime] = (),
) -> str:
    """The team card: everything a team member needs, in one message (staff only).
    `question`: what the team asked the requester and waits for (`_asked`), or, answered,
    the question and its answer in short (`_answered`); the names, as
    `shown_name` gives them: who accepted it, and who resolved it or went there when that
    was a colleague; `keeper`: the copy the oversight team watches, which names a
    complainant another team may not read (`core.complainant`); `visits`: when the team
    went there, when it went more than once."""
    team = cfg.team(ticket.team_id)
    # The team's notes (the question, the 办结 note) may name the complainant, as its words
    # may: hidden where the card withholds them, but for the writer's and the team's own.
    hide = staff_notes_hidden(cfg, ticket, requester, keeper=keeper) or (lambda note: note)
    head = "🚨【紧急】" if ticket.urgent else ""
    # A ticket sent back as not solved says so at once: the team is not starting afresh.
    back = f"｜第 {ticket.reopen_count} 次退回" if ticket.reopen_count else ""
    status = status_name(ticket.status, closed_unresolved=ticket.closed_unresolved)
    lines = [
        f"{head}工单 {ticket.label}｜{KIND_NAMES[ticket.kind]}｜{status}{back}",
        f"内容：{shown_words(cfg, ticket, requester, keeper=keeper)}",
        f"地点：{place(cfg, ticket, keeper=keeper)}",
        *shown_requester(cfg, ticket, requester, keeper=keeper),
        f"派给：{team.name}　提交：{local(cfg, ticket.created_at)}",
        f"接单时限：{local(cfg, ticket.accept_due_at)}　办结时限：{resolve_by(cfg, ticket)}",
        f"分派依据：{ticket.route_explanation or '人工指定'}",
    ]
    if ticket.accepted_at:
        lines.append(
            f"接单：{accepted_name or person_name(None, ticket.accepted_by)}"
            f" {local(cfg, ticket.accepted_at)}"
        )
        if visited_since_taken(ticket):
            by = f" {visited_name}" if visited_name else ""
            first = local(cfg, visits[0]) if visits else ""
            again = f"（第{len(visits)}次，首次 {first}）" if len(visits) > 1 else ""
            lines.append(f"上门：{local(cfg, ticket.on_site_at)}{by}{again}")
    if question and ticket.status is Status.WAITING_REQUESTER:
        lines.append(hide(question))
    elif question and ticket.status.is_open and withheld(cfg, ticket, keeper=keeper) is None:
        # 问／答 of the last question answered: where the complainant is withheld, their
        # answer may tell who they are, and it is not on the card.
        lines.append(question)
    if ticket.resolved_at:
        by = f" {resolved_name}" if resolved_name else ""
        outcome = f"（{WISH_OUTCOME_NAMES[ticket.wish_outcome]}）" if ticket.wish_outcome else ""
        lines.append(
            f"办结{outcome}：{local(cfg, ticket.resolved_at)}{by} {hide(ticket.resolution_note)}"
        )
    if ticket.rating is not None:
        # The comment, as the words: a complainant's may name them.
        comment = replace(ticket, text=ticket.rating_comment or "")
        comment_shown = shown_words(cfg, comment, requester, keeper=keeper)
        said = f"　{clip(comment_shown, 200)}" if ticket.rating_comment else ""
        lines.append(f"评价：{'★' * ticket.rating}{'☆' * (5 - ticket.rating)}{said}")
    return "\n".join(lines)


async def current_card(
    uow: UnitOfWork, cfg: Config, ticket: Ticket, *, keeper: bool = False
) -> str:
    """The ticket's card as it reads now, with the names of who accepted it, and of who
    went there or resolved it when a colleague did what another accepted (`keeper`: as
    `card_text`)."""
    assert ticket.id is not None
    requester = await uow.users.get(ticket.requester_id)
    accepted = await shown_name(uow, ticket.accepted_by)
    resolved = ""
    if ticket.resolved_by is not None and ticket.resolved_by != ticket.accepted_by:
        resolved = await shown_name(uow, ticket.resolved_by)
    waiting = ticket.status is Status.WAITING_REQUESTER
    events = await uow.tickets.events(ticket.id) if ticket.status.is_open else ()
    question = await _asked(uow, cfg, events) if waiting else _answered(events)
    visits = [e for e in events if e.action == "visit"]
    visited = ""
    if visits and visits[-1].actor_id not in (None, ticket.accepted_by):
        visited = await shown_name(uow, visits[-1].actor_id)
    taken = ticket.accepted_at
    times = [e.at for e in visits if taken is not None and e.at >= taken]  # this team's
    return card_text(
        cfg, ticket, requester, accepted, resolved, question, visited, keeper=keeper, visits=times
    )


def visited_since_taken(ticket: Ticket) -> bool:
    """Whether the team that took the ticket has been there (a visit before it was sent on
    or sent back was another cycle's)."""
    taken = ticket.accepted_at
    return ticket.on_site_at is not None and taken is not None and ticket.on_site_at >= taken


_QUESTION_SHOWN = 200  # characters of the question on the card


async def _asked(uow: UnitOfWork, cfg: Config, events: Sequence[TicketEvent]) -> str:
    """The question the ticket waits on, who asked it and when: a colleague or the leader
    reading the card (待报告人补充) knows what the requester was asked, and whom the answer
    is for, without opening the ticket's timeline."""
    asks = [e for e in events if e.action == "ask"]
    if not asks:
        return ""
    last = asks[-1]
    who = await shown_name(uow, last.actor_id) if last.actor_id else ""
    by = " ".join(part for part in (local(cfg, last.at), who) if part)
    return f"待补充：{clip(last.note, _QUESTION_SHOWN)}（{by} 问）"


_ANSWERED_SHOWN = 24  # characters each of the question and the answer: the line stays short


def _answered(events: Sequence[TicketEvent]) -> str:
    """The last question put to the requester and the first answer to it, in short
    (问：是哪一间烤房？／答：大坪3号烤房): a member opening the card after the answer came
    reads what was settled, the answer in full having come as its own message. "" before
    any question, or while the last one is unanswered."""
    asked = [i for i, e in enumerate(events) if e.action == "ask"]
    if not asked:
        return ""
    answers = [e for e in events[asked[-1] + 1 :] if e.action == "answer"]
    if not answers:
        return ""
    question = one_line(events[asked[-1]].note, _ANSWERED_SHOWN)
    answer = one_line(answers[0].note, _ANSWERED_SHOWN) or "[附件]"
    return f"问：{question}／答：{answer}"


async def shown_name(uow: UnitOfWork, user_id: int | None) -> str:
    """The person as a message names them to others (`person_name`): their own name marked
    to stay as written for a 繁體 reader; our stand-in (尾号1234, 用户#200011) converted with
    the rest of the message. "?" for nobody."""
    user = await uow.users.get(user_id) if user_id else None
    name = person_name(user, user_id)
    return (as_written(name) if is_named(user) else name) or "?"


def resolve_by(cfg: Config, ticket: Ticket) -> str:
    """The promise to resolve, and, for a team that got the ticket too late to keep it, the
    deadline it is chased by (`sla.team_resolve_deadline`)."""
    promise = local(cfg, ticket.resolve_due_at)
    own = team_resolve_deadline(ticket)
    if ticket.status.is_open and own is not None and own != ticket.resolve_due_at:
        return f"{promise}（原时限；移交后限 {local(cfg, own)} 前办结）"
    return promise


def alert_card(cfg: Config, ticket: Ticket, requester: User | None, *, keeper: bool = False) -> str:
    """A compact ticket card for alerts and the notices asking for a call-back: enough to act
    on without opening anything, the requester's phone among it (`keeper`: its readers may
    read a named complainant, `core.complainant.withheld`)."""
    head = "🚨【紧急】" if ticket.urgent else ""
    instead = withheld(cfg, ticket, keeper=keeper)  # 匿名, or a complainant 作风监督 keeps
    # Who asked, as on the team's card: a retailer's shop and licence number too, which
    # the delivery, ordering and licence teams find the shop by.
    reach = requester_lines(requester) if instead is None else [f"报告人：{instead}"]
    text = one_line(shown_words(cfg, ticket, requester, keeper=keeper), 120)
    status = status_name(ticket.status, closed_unresolved=ticket.closed_unresolved)
    team = cfg.find_team(ticket.team_id)
    return "\n".join(
        [
            f"{head}{ticket.label}｜{KIND_NAMES[ticket.kind]}｜"
            f"{status}｜{team.name if team else ticket.team_id}",
            f"内容：{text}",
            # Labelled as on the team's card: "报告人：张大山 未提供" read as if the name were.
            f"地点：{place(cfg, ticket, keeper=keeper)}　{reach[0]}",
            *reach[1:],
            f"提交：{local(cfg, ticket.created_at)}　接单时限：{local(cfg, ticket.accept_due_at)}"
            f"　办结时限：{resolve_by(cfg, ticket)}",  # as on the team's card
        ]
    )


async def cards_by_place(
    uow: UnitOfWork, cfg: Config, ticket: Ticket, *, note: str = ""
) -> Callable[[ChatPlace | None], str]:
    """The ticket's card as each place may read it now, `note` below it
    (`core.complainant.card_shown_at`). None for the place: as the ticket's own team reads
    it, naming its complainant when the team is one that keeps their details."""
    suffix = f"\n{note}" if note else ""
    unnamed = await current_card(uow, cfg, ticket) + suffix
    # A card withholding nothing (no complaint) reads the same everywhere: not written twice
    # on every press. An anonymous complaint's names nobody, but its words, as a named
    # one's, are read whole by the keepers only (`core.complainant.shown_words`).
    named = unnamed
    if withheld(cfg, ticket) is not None:
        named = await current_card(uow, cfg, ticket, keeper=True) + suffix
    shown_at = await card_shown_at(uow, cfg, ticket, unnamed, named)
    own = named if team_keeps(cfg, ticket.team_id) else unnamed

    def at(place: ChatPlace | None) -> str:
        return own if place is None else shown_at(place)

    return at

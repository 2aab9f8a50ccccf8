"""The ticket card posted in a team's chat, and the short lines used in lists and timelines."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from core.complainant import NotesHidden
from core.config import Config
from core.enums import Action, Kind, Role, Script, Status, WishOutcome
from core.lifecycle import TRANSITIONS, VISITED_KINDS
from core.model import Ticket, TicketEvent
from core.services import taken_over_why
from core.team_card import local, visited_since_taken
from core.texts import WISH_OUTCOME_NAMES, called, clip, status_name
from core.triage import send_buttons
from handlers.i18n import in_script, in_script_marked, quoted, t
from handlers.replies import Button, rows
from routing.gist import in_short
from routing.reader import staff_words

if TYPE_CHECKING:
    from handlers.context import Ctx

ACTION_LABELS = {
    "create": "提交",
    "dispatch": "派单",
    "accept": "接单",
    "visit": "上门",
    "ask": "请求补充",
    "answer": "已补充",
    "transfer": "转派",
    "reassign": "改派",
    "resolve": "办结",
    "confirm": "确认解决",
    "auto_close": "超时自动销号",
    "close": "督办销号",
    "reopen": "重新办理",
    "cancel": "撤回",
    "expire": "未补充关闭",
    "info": "补充材料",
    "alarm": "另报110",
    "thanks": "致谢",
    "place": "告知位置",
    "rate": "评价",
    "callback": "回访",
    "remind": "提醒",
    "escalate": "督办",
    "unreachable": "无法送达",
    "delivery_failed": "无法送达",
    "wish_list": "记入心愿清单",
    "complaint": "记为投诉",
    "not_urgent": "改为非紧急",
    "team_note": "原服务队备注",
}


def gist(ticket: Ticket) -> str:
    """The ticket's words in short (`routing.gist.in_short`), quoted as the requester wrote
    them: what tells it from their others. "[语音]" for a voice note is ours, and reads
    "[語音]" in 繁體."""
    return quoted(in_short(ticket.text))


def called_here(ctx: Ctx, *tickets: Ticket) -> str:
    """What the requester calls `tickets` (心愿, 建议, 工单), in their script, as their
    notices do: the one word of their kind, or 工单 when they are of several kinds."""
    words = {called(ticket) for ticket in tickets}
    return in_script(words.pop() if len(words) == 1 else "工单", ctx.script_here)


def ticket_status(ticket: Ticket, script: Script, *, for_staff: bool = False) -> str:
    """The ticket's status label, telling a ticket closed for want of the requester's answer
    (never resolved) from one crossed off (销号) after it was resolved."""
    if for_staff:
        return in_script(
            status_name(ticket.status, closed_unresolved=ticket.closed_unresolved), script
        )
    if ticket.closed_unresolved:
        return t("status_closed_unanswered", script)
    if ticket.kind is Kind.SUGGESTION and ticket.status is Status.RESOLVED:
        return t("status_resolved_suggestion", script)  # answered, not mended
    return status_label(ticket.status, script)


def status_label(status: Status, script: Script, *, for_staff: bool = False) -> str:
    """The status as the requester reads it ("待您补充"), or as staff do ("待报告人补充"),
    in the words of the ledger and the alerts. Of a status alone: what is said of a ticket
    is `ticket_status`'s, which tells a ticket closed unanswered from one crossed off."""
    if for_staff:
        return in_script(status_name(status), script)
    return t(f"status_{status.value}", script)


def card_buttons(cfg: Config, ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    """Team buttons for the card; only actions possible in the current status are shown.

    A ticket waiting in triage also gets one button per line the router considered, so a
    supervisor dispatches it with one press.
    """
    tid = ticket.id
    status = ticket.status
    buttons = [Button(label, data) for label, data in send_buttons(cfg, ticket)]
    taken = ticket.accepted_at is not None
    if status is Status.DISPATCHED or (status is Status.WAITING_REQUESTER and not taken):
        # Asked about before anyone took it (需补充 before 接单): still to be taken.
        buttons.append(Button("接单", f"tk:acc:{tid}"))
    working = status is Status.ACCEPTED or (status is Status.WAITING_REQUESTER and taken)
    if working and ticket.kind in VISITED_KINDS:
        # While the requester is silent too: a 110 team is told to go and see, and may go
        # back to a barn it has been to (asked since, and no answer): a second visit, said
        # so, not a 上门 that reads as if the first was never recorded.
        again = taken and visited_since_taken(ticket)
        buttons.append(Button("再次上门" if again else "上门", f"tk:vis:{tid}"))
    if status in (Status.DISPATCHED, Status.ACCEPTED, Status.ON_SITE):
        buttons.append(Button("需补充", f"tk:ask:{tid}"))
    if status.is_open and status not in (Status.RESOLVED, Status.NEW):
        buttons.append(Button("转派", f"tk:xfer:{tid}"))
    if status in (Status.ACCEPTED, Status.ON_SITE) or (
        status is Status.WAITING_REQUESTER and taken
    ):
        buttons.append(Button("办结", f"tk:res:{tid}"))
    return rows(*buttons, per_row=3)


def oversight_buttons(ticket: Ticket) -> tuple[Button, Button]:
    """The supervisors' 催办 (sv:remind) and 改派 (sv:reassign) of a ticket, in Simplified:
    on their alerts, on /ticket, and where their press on a team's card is answered."""
    return (
        Button(t("btn_sv_remind"), f"sv:remind:{ticket.id}"),
        Button(t("btn_sv_reassign"), f"sv:reassign:{ticket.id}"),
    )


TAKE_OVER = "ov:take:"  # the oversight team's button on its copy of a complaint


def take_over_buttons(ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    """接管, on the oversight team's copy of a complaint another team handles, while the
    ticket may still be sent on (see handlers/takeover.py)."""
    if ticket.status not in TRANSITIONS[Action.TRANSFER].sources:
        return ()
    return ((Button("接管", f"{TAKE_OVER}{ticket.id}"),),)


# A ticket's detail is one Telegram message (4096 characters at most, or it is refused and
# never shown): its content and its latest events, each cut to these lengths.
DETAIL_TEXT = 1000
_TIMELINE_LINES = 15
_TIMELINE_NOTE = 150


# The desk's own business, not the requester's: reminders and escalations to the staff, a
# notice that could not be delivered, a leader's note of what was said on a call-back, the
# pace the team is held to (never told the requester), a note the team that had the ticket
# left for the next one.
_STAFF_ONLY = {
    *("remind", "escalate", "unreachable", "delivery_failed", "callback", "not_urgent"),
    "team_note",
}


# A suggestion is answered, not mended: its requester reads its answer, and their word on
# it, as their notices and /my's status (已答复待确认) put them, not as a repair's.
_SUGGESTION_LABELS = {"resolve": "答复", "confirm": "确认收到答复", "reopen": "对答复不满意"}


def timeline(
    cfg: Config,
    events: list[TicketEvent],
    script: Script,
    *,
    for_requester: bool = False,
    kind: Kind | None = None,
) -> str:
    """The ticket's latest events, one short line each ("…" first when earlier ones are left
    out). The requester's reads what was done for them: no reminders or escalations, and a
    move says which team has it, not the note the team wrote to the next one; of their
    suggestion (`kind`), its answer as an answer."""
    if for_requester:
        # Only what is named for people (a failed delivery's record is the desk's alone).
        events = [e for e in events if e.action in ACTION_LABELS and e.action not in _STAFF_ONLY]
    answered = for_requester and kind is Kind.SUGGESTION
    labels = _suggestion_labels(events) if answered else [ACTION_LABELS] * len(events)
    shown = events[-_TIMELINE_LINES:]
    lines = ["…"] if len(events) > len(shown) else []
    for event, named in zip(shown, labels[len(events) - len(shown) :], strict=True):
        e = _as_the_requester_reads(event) if for_requester else event
        if e.data.get("taken_over"):  # the taker's own doing, with nothing more to say
            said = _taken_over_text(cfg, e)
        elif e.action in MOVES:  # to which team; staff read the note to it too
            said = _move_text(cfg, e) + (f"：{e.note}" if e.note and not for_requester else "")
        else:
            said = _event_text(e, named)
        lines.append(f"{local(cfg, e.at)} {clip(said, _TIMELINE_NOTE)}")
    # Marks kept: the detail message converts it again, and a name stays as written.
    return in_script_marked("\n".join(lines), script)


def _suggestion_labels(events: list[TicketEvent]) -> list[dict[str, str]]:
    """The labels each of a suggestion's events is read by: a reopen is 对答复不满意 only
    while an answer stands (after 答复); taken up again after it closed unanswered
    (未补充关闭), no answer was ever given, and it is 重新办理 as any ticket's."""
    answered_labels = {**ACTION_LABELS, **_SUGGESTION_LABELS}
    unanswered_labels = {**answered_labels, "reopen": ACTION_LABELS["reopen"]}
    labels, answer_stands = [], False
    for event in events:
        labels.append(answered_labels if answer_stands else unanswered_labels)
        if event.action == "resolve":
            answer_stands = True
        elif event.action == "reopen":
            answer_stands = False
    return labels


def _as_the_requester_reads(event: TicketEvent) -> TicketEvent:
    """A team's note in 繁體 (办结, 需补充) reads in the requester's script, as its notice did
    (`staff_words`): put in Simplified, converted with the rest for a reader of 繁體. The
    requester's own words stay as they wrote them."""
    if event.actor_role is Role.REQUESTER or not event.note:
        return event
    return replace(event, note=staff_words(event.note))


def _move_text(cfg: Config, event: TicketEvent) -> str:
    """A transfer or reassignment as the requester reads it: to which team."""
    team = cfg.find_team(str(event.data.get("to_team") or ""))
    label = ACTION_LABELS[event.action]
    return f"{label}给 {team.name}" if team is not None else label


def _taken_over_text(cfg: Config, event: TicketEvent) -> str:
    """A take-over (接管) as the card's 分派依据 says it: by the team that has it now."""
    first, taker = (cfg.find_team(str(event.data.get(key) or "")) for key in MOVED_BETWEEN)
    if first is None or taker is None:
        return "接管"
    return taken_over_why(first.name, taker.name)


def last_move(events: list[TicketEvent]) -> str:
    """The newest step that sent the ticket to a team anew, as the staff read it (转派：理由,
    重新办理：理由); "" when there is none."""
    for event in reversed(events):
        if event.action in MOVES or event.action == "reopen":
            return _event_text(event)
    return ""


# What a team taking over a ticket learns from its past: what was asked, answered, added,
# done and why it moved (the events with words), and who went there; not the bookkeeping
# (creation, the router's dispatch, reminders, a bare 接单) or what the card shows (地点).
_NOT_HISTORY = {
    *("create", "dispatch", "remind", "escalate", "unreachable", "delivery_failed"),
    *("rate", "place"),
}
_TOLD_WITHOUT_NOTE = {"visit", "resolve", "reopen"}
MOVES = frozenset(("transfer", "reassign"))  # the events that send a ticket to another team
MOVED_BETWEEN = ("from_team", "to_team")
_HISTORY_LINES = 20  # the latest; a ticket passed around for weeks keeps the card readable
_HISTORY_NOTE = 300  # characters of one note


def notes_hidden(events: list[TicketEvent], hide: NotesHidden | None) -> list[TicketEvent]:
    """`events` with a withheld complainant's details hidden from their notes
    (`core.complainant.notes_hidden_from`), by who wrote each: every detail of theirs in
    their own words; in the staff's, who they are as registered (a question put to them,
    王小五您好，…), not the writer naming themselves or the team's numbers. As they are for
    None."""
    if hide is None:
        return events
    return [
        replace(e, note=(hide.theirs if e.actor_role is Role.REQUESTER else hide.staff)(e.note))
        if e.note
        else e
        for e in events
    ]


def history_text(
    cfg: Config,
    ticket: Ticket,
    events: list[TicketEvent],
    hide: NotesHidden | None = None,
) -> str:
    """The ticket's past for the team it now comes to, or "" when it has none to tell;
    `hide` keeps from it what its notes say of the requester that its reader may not read."""
    events = notes_hidden(events, hide)
    past = [
        e
        for e in events
        if e.action not in _NOT_HISTORY and (e.note or e.action in _TOLD_WITHOUT_NOTE)
    ]
    if all(e.action in MOVES for e in past):
        return ""  # only moves: the card's 分派依据 already says the last one and why
    shown = past[-_HISTORY_LINES:]
    lines = [
        f"工单 {ticket.label} 此前经过" + ("（最近的）" if len(past) > len(shown) else "") + "："
    ]
    lines += [f"{local(cfg, e.at)} {clip(_event_text(e), _HISTORY_NOTE)}" for e in shown]
    return "\n".join(lines)


def _event_text(event: TicketEvent, labels: dict[str, str] = ACTION_LABELS) -> str:
    """What happened, with its note, named by `labels`. A rating is written as two events,
    the score and then the requester's words, so each says which one it is."""
    if event.action == "rate":
        score = event.data.get("rating")
        if score is None:
            return f"评价留言：{event.note}"
        return f"评价：{score} 分" + (f"，{event.note}" if event.note else "")
    if event.data.get("taken_over"):
        return "接管"  # its note is the same word; which team is the card's to say
    note = f"：{event.note}" if event.note else ""
    if event.action == "info" and not event.note:
        # A photo, voice note or pin sent without words: say which (the data records it).
        sent = [label for key, label in _SENT_WITHOUT_WORDS if event.data.get(key)]
        note = f"：{'、'.join(sent)}" if sent else ""
    label = labels.get(event.action, event.action)
    outcome = str(event.data.get("outcome") or "") if event.action == "resolve" else ""
    if outcome in set(WishOutcome):
        # A wish granted in part or not at all says so where its answer is read again.
        label += f"（{WISH_OUTCOME_NAMES[WishOutcome(outcome)]}）"
    return f"{label}{note}"


_SENT_WITHOUT_WORDS = (("photo", "[照片]"), ("voice", "[语音]"), ("location", "[位置]"))

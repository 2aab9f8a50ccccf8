"""Domain entities as plain dataclasses; storage maps them onto tables imperatively."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, NamedTuple

from core import lifecycle
from core.enums import Action, Kind, Priority, Requester, Role, Script, Status, WishOutcome
from core.errors import IllegalTransition, InvalidInput
from core.numbers import public_number


def reply_script(ticket: Ticket, requester: User | None) -> Script:
    """The script to write to a ticket's requester in: theirs now (chosen with /lang, or
    the one they last wrote in), else the one they filed the ticket in."""
    return requester.script if requester is not None and requester.script else ticket.script


def reader_script(user: User | None) -> Script:
    """The script a person reads what the desk sends them in: theirs as stored (chosen with
    /lang, else the one they last wrote in or their Telegram language), else Simplified."""
    return user.script if user is not None and user.script else Script.HANS


@dataclass(eq=False)
class TicketEvent:
    """One append-only line of a ticket's audit trail."""

    ticket_id: int
    at: datetime
    action: str
    actor_id: int | None
    actor_role: Role
    from_status: Status | None
    to_status: Status | None
    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


@dataclass(eq=False)
class Ticket:
    kind: Kind
    priority: Priority
    text: str
    requester_id: int
    requester_chat_id: int
    line: str
    team_id: str
    created_at: datetime
    status: Status = Status.NEW
    original_text: str = ""
    script: Script = Script.HANS
    area: str | None = None
    site_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    route_explanation: str = ""
    route_confidence: float = 0.0
    route_candidates: list[str] = field(default_factory=list)
    accept_due_at: datetime | None = None
    resolve_due_at: datetime | None = None
    # Set only for a team that got the ticket too late to keep resolve_due_at (the promise):
    # the deadline the ladder chases it by (`sla.team_resolve_deadline`).
    team_resolve_due_at: datetime | None = None
    next_action_at: datetime | None = None
    escalation_step: int = 0
    dispatched_at: datetime | None = None
    accepted_at: datetime | None = None
    accepted_by: int | None = None
    on_site_at: datetime | None = None
    resolved_at: datetime | None = None
    resolved_by: int | None = None
    resolution_note: str = ""
    # A wish's 是否实现 as the team said when it resolved it (`Action.RESOLVE`); None for
    # any other kind, and for a wish not resolved (or reopened since).
    wish_outcome: WishOutcome | None = None
    closed_at: datetime | None = None
    closed_without_reply: bool = False
    cancelled_at: datetime | None = None
    paused_at: datetime | None = None
    resume_status: Status | None = None
    # The team's first response in this cycle (accepting, asking the requester, resolving)
    # and the accept deadline it was measured against then: accept_due_at may still move
    # after it (an answer to a question asked before accepting gives the chase the time
    # waited back), the response's timeliness does not.
    responded_at: datetime | None = None
    response_due_at: datetime | None = None
    reopen_count: int = 0
    # Filed as 匿名 by its complainant: no team, leader, card, alert or ledger names them
    # (`core.complainant`); the desk still relays every notice and question to them.
    anonymous: bool = False
    rating: int | None = None
    rating_comment: str = ""
    rated_at: datetime | None = None
    # A requester not satisfied (a low rating) is owed a call-back (回访) by the leaders of
    # `callback_team`, due at `callback_due_at`; who made it, when, and what the requester
    # said then are recorded with it (`core.callback`).
    callback_due_at: datetime | None = None
    callback_team: str | None = None
    callback_at: datetime | None = None
    callback_by: int | None = None
    callback_note: str = ""
    updated_at: datetime | None = None
    version: int = 1
    id: int | None = None
    number: str | None = None

    @property
    def urgent(self) -> bool:
        return self.priority is Priority.URGENT

    @property
    def withdrawable(self) -> bool:
        """Whether its requester may still withdraw it: nobody has taken it up yet, though a
        team may have asked them something before anyone did (需补充 before 接单)."""
        cancel = lifecycle.TRANSITIONS[Action.CANCEL]
        return self.status in cancel.sources and self.accepted_at is None

    def assign_number(self) -> None:
        if self.id is None:
            raise ValueError("the ticket needs an id (flush it) before it gets a number")
        self.number = public_number(self.id)

    def apply(
        self,
        action: Action,
        *,
        role: Role,
        actor_id: int | None,
        now: datetime,
        note: str = "",
        data: dict[str, Any] | None = None,
    ) -> TicketEvent:
        """Make the transition and return its audit event (the caller stores it).

        Raises PermissionDenied or IllegalTransition and changes nothing when refused.
        """
        if self.id is None:
            raise ValueError("the ticket must be stored before it changes status")
        before = self.status
        after = lifecycle.next_status(before, action, role, resume=self.resume_status)
        if action in (Action.VISIT, Action.RESOLVE) and self.accepted_at is None:
            # A question asked before anyone took it (需补充 before 接单): 接单 comes first,
            # as it does for a ticket not asked about.
            raise IllegalTransition(before, action)
        if action is Action.CANCEL and self.accepted_at is not None:
            # Taken up, then asked about: the member on it is the one to close it.
            raise IllegalTransition(before, action)
        if action is Action.VISIT and self.kind not in lifecycle.VISITED_KINDS:
            raise IllegalTransition(before, action)  # nowhere to go: a wish, a suggestion
        if action is Action.ACCEPT and before is Status.WAITING_REQUESTER:
            if self.accepted_at is not None:
                raise IllegalTransition(before, action)
            after = before  # taken, and still waiting for the requester's answer
        self.status = after
        self.updated_at = now
        self._stamp(action, actor_id, now, note, before)
        return TicketEvent(
            ticket_id=self.id,
            at=now,
            action=action.value,
            actor_id=actor_id,
            actor_role=role,
            from_status=before,
            to_status=after,
            note=note,
            data=dict(data or {}),
        )

    def _stamp(
        self, action: Action, actor_id: int | None, now: datetime, note: str, before: Status
    ) -> None:
        """Record the timestamps and fields each transition owns."""
        if action in RESPONSES and self.responded_at is None:
            # The cycle's first response, and the deadline it kept or missed.
            self.responded_at, self.response_due_at = now, self.accept_due_at
        if action in (Action.DISPATCH, Action.TRANSFER, Action.REASSIGN):
            # A (re)dispatched ticket waits for its new team to accept it.
            self.dispatched_at = now
            self.accepted_at = None
            self.accepted_by = None
            self.paused_at = None
            self.resume_status = None
            self.responded_at = self.response_due_at = None
        elif action is Action.ACCEPT:
            self.accepted_at = now
            self.accepted_by = actor_id
            if before is Status.WAITING_REQUESTER:
                # Taken while the answer is awaited: the answer returns it to 已接单, and the
                # requester's reminders go on from where they were (no step reset).
                self.resume_status = Status.ACCEPTED
                return
        elif action is Action.VISIT:
            self.on_site_at = now
            self.paused_at = None  # gone to see, the question's wait is over
            self.resume_status = None
        elif action is Action.ASK:
            self.paused_at = now
            self.resume_status = before
        elif action is Action.ANSWER:
            self.paused_at = None
            self.resume_status = None
        elif action is Action.RESOLVE:
            self.resolved_at = now
            self.resolved_by = actor_id
            self.resolution_note = note
            self.wish_outcome = WishOutcome.GRANTED if self.kind is Kind.WISH else None
            self.paused_at = None
            self.resume_status = None
        elif action in (Action.CONFIRM, Action.CLOSE, Action.AUTO_CLOSE, Action.EXPIRE):
            self.closed_at = now
            self.closed_without_reply = action in (Action.AUTO_CLOSE, Action.EXPIRE)
        elif action is Action.REOPEN:
            self.reopen_count += 1
            self.dispatched_at = now
            self.accepted_at = None
            self.accepted_by = None
            self.on_site_at = None
            self.resolved_at = None
            self.resolved_by = None
            self.resolution_note = ""  # the ledger's 办理情况 must not say it was done
            self.wish_outcome = None
            self.closed_at = None
            self.closed_without_reply = False
            # Taken up again after closing unanswered: the old question's pause is over.
            self.paused_at = None
            self.resume_status = None
            self.rating = None
            self.rating_comment = ""
            self.rated_at = None
            # The call-back owed for that rating is no longer: the team works on it again,
            # and the requester's next rating says whether one is owed.
            self.callback_due_at = None
            self.callback_team = None
            self.callback_at = None
            self.callback_by = None
            self.callback_note = ""
            self.responded_at = self.response_due_at = None
        elif action is Action.CANCEL:
            self.cancelled_at = now
            self.paused_at = None  # a question it waited on is answered by the withdrawal
            self.resume_status = None
        self.escalation_step = 0

    def rate(self, score: int, comment: str, now: datetime) -> None:
        if not 1 <= score <= 5:
            raise InvalidInput("rating must be 1 to 5")
        self.rating = score
        self.rating_comment = comment.strip()[:500]
        self.rated_at = now
        self.updated_at = now

    @property
    def owes_callback(self) -> bool:
        """A call-back (回访) is owed and nobody has recorded it yet."""
        return self.callback_due_at is not None and self.callback_at is None

    @property
    def worked_on_by(self) -> int | None:
        """Who took the ticket and is at work on it now; None while nobody is."""
        return self.accepted_by if self.status in lifecycle.BEING_WORKED_ON else None

    @property
    def label(self) -> str:
        return self.number or "?"

    @property
    def closed_unresolved(self) -> bool:
        """Closed for want of the requester's answer, never resolved: not crossed off (销号)."""
        return self.status is Status.CLOSED and self.resolved_at is None


# What counts as the team's response to a dispatch: taking it, asking for details, or
# resolving it straight away.
RESPONSES = frozenset({Action.ACCEPT, Action.ASK, Action.RESOLVE})

# The moves that end a team's cycle with a ticket and begin another (`TicketCycle`).
NEW_CYCLE = frozenset({Action.TRANSFER, Action.REASSIGN, Action.REOPEN})


@dataclass(eq=False)
class TicketCycle:
    """A ticket's handling by a team from a dispatch to the move that ended it (a transfer,
    a reassignment or a reopening), as it stood then. The ticket itself holds only its
    current cycle; the rates and the ledger also count these, so a move made later does not
    rewrite what a finished period said of the team that had the ticket."""

    ticket_id: int
    team_id: str
    line: str
    area: str | None
    kind: Kind
    filed_at: datetime
    started_at: datetime
    ended_at: datetime
    ended_by: str
    accept_due_at: datetime | None  # the one the response was measured against
    resolve_due_at: datetime | None
    responded_at: datetime | None
    accepted_at: datetime | None
    paused_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    rating: int | None
    rated_at: datetime | None
    reopen_count: int
    id: int | None = None

    @classmethod
    def ending(
        cls, ticket: Ticket, action: Action, now: datetime, *, sent_on: bool = False
    ) -> TicketCycle:
        """The cycle `action` (one of NEW_CYCLE) ends, read before it changes the ticket.
        `sent_on`: the move is the team's own answer to the dispatch (a transfer it made,
        or the triage desk's sending the ticket to its team), its response if it had none."""
        assert ticket.id is not None
        responded, response_due = ticket.responded_at, ticket.response_due_at
        if sent_on and responded is None:
            responded, response_due = now, ticket.accept_due_at
        return cls(
            ticket_id=ticket.id,
            team_id=ticket.team_id,
            line=ticket.line,
            area=ticket.area,
            kind=ticket.kind,
            filed_at=ticket.created_at,
            started_at=ticket.dispatched_at or ticket.created_at,
            ended_at=now,
            ended_by=action.value,
            accept_due_at=response_due or ticket.accept_due_at,
            resolve_due_at=ticket.resolve_due_at,
            responded_at=responded,
            accepted_at=ticket.accepted_at,
            paused_at=ticket.paused_at,
            resolved_at=ticket.resolved_at,
            closed_at=ticket.closed_at,
            rating=ticket.rating,
            rated_at=ticket.rated_at,
            reopen_count=ticket.reopen_count,
        )


@dataclass(eq=False)
class User:
    """Someone who talks to the bot. `id` is the Telegram user id."""

    id: int
    created_at: datetime
    name: str = ""
    kind: Requester | None = None
    phone: str = ""
    # The phone was typed, not shared as Telegram's contact card (an old handset, a number
    # said during a 110 call): nobody checked it is theirs, and the team's card says so.
    phone_typed: bool = False
    area: str | None = None
    site_code: str | None = None
    script: Script | None = None
    script_chosen: bool = False  # picked with /lang: no longer follows what they write
    language_code: str = ""
    reachable: bool = True
    unreachable_since: datetime | None = None
    # When they first wrote to the bot in a private chat: before that Telegram lets the bot
    # send them nothing, so a 110 page to a leader who never did cannot arrive.
    private_chat_at: datetime | None = None
    echo_opt_out: bool = False
    # When they last finished registering (the phone given or skipped): a name alone tells
    # nothing, as everyone has the one their Telegram profile gives until they register.
    registered_at: datetime | None = None
    # A retailer's shop as the bureau knows it: its name (店名) and its tobacco retail
    # licence number (烟草专卖零售许可证号, `core.licence`). None until they give them; a
    # farmer or staff member has neither.
    shop_name: str | None = None
    licence_number: str | None = None
    # Where they said they are, typed at registration's place question (城关镇人民路12号,
    # 白石乡松林村三组): the door a delivery or a technician finds, which a town's button does
    # not tell, and the only place known of one naming no town the bureau has. None until
    # typed; another place chosen later (a town, a barn, a pin) drops it.
    address: str | None = None
    # When a retailer registered without either was reminded to add them: once, ever.
    shop_reminded_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def may_have_barn(self) -> bool:
        """A farmer, or someone who has not said who they are: a curing barn may be theirs.
        A retailer's or a staff member's 停电 is their shop's or office's."""
        return self.kind in (None, Requester.FARMER)

    @property
    def shop_incomplete(self) -> bool:
        """A registered retailer whose shop's name or licence number the bureau does not
        know (registered before shops were asked, or either skipped)."""
        registered = self.registered_at is not None and self.kind is Requester.RETAILER
        return registered and not (self.shop_name and self.licence_number)

    @property
    def registered(self) -> bool:
        """Registration finished, phone and all (a phone shared on a call is not one)."""
        return self.registered_at is not None and bool(self.kind and self.phone)

    def details(self) -> tuple[object, ...]:
        """Everything but the timestamps: a step compares them to know if it changed the row."""
        return tuple(getattr(self, name) for name in _USER_DETAILS)

    def registration(self) -> dict[str, str | bool | None]:
        """What registration asks, as JSON (kept while they register again)."""
        return {
            "kind": self.kind.value if self.kind else None,
            "name": self.name,
            "phone": self.phone,
            "phone_typed": self.phone_typed,
            "area": self.area,
            "site_code": self.site_code,
            "registered_at": self.registered_at.isoformat() if self.registered_at else None,
            "shop_name": self.shop_name,
            "licence_number": self.licence_number,
            "address": self.address,
        }

    def restore_registration(self, saved: Mapping[str, object]) -> None:
        """Put back what `registration` kept."""
        kind = saved.get("kind")
        self.kind = Requester(kind) if isinstance(kind, str) else None
        self.name = str(saved.get("name") or "")
        self.phone = str(saved.get("phone") or "")
        if "phone_typed" in saved:  # kept by a version that knew it
            self.phone_typed = saved["phone_typed"] is True
        area, site = saved.get("area"), saved.get("site_code")
        self.area = area if isinstance(area, str) else None
        self.site_code = site if isinstance(site, str) else None
        if "registered_at" in saved:  # kept by a version that knew it
            finished = saved["registered_at"]
            self.registered_at = (
                datetime.fromisoformat(finished) if isinstance(finished, str) else None
            )
        if "shop_name" in saved:  # kept by a version that knew them
            shop, licence = saved.get("shop_name"), saved.get("licence_number")
            self.shop_name = shop if isinstance(shop, str) else None
            self.licence_number = licence if isinstance(licence, str) else None
        if "address" in saved:  # kept by a version that knew it
            address = saved.get("address")
            self.address = address if isinstance(address, str) else None


_USER_DETAILS = tuple(f.name for f in fields(User) if f.name not in ("created_at", "updated_at"))


@dataclass(eq=False)
class Membership:
    """A staff role: member or leader of a team, or supervisor/admin (team_id None)."""

    user_id: int
    role: Role
    created_at: datetime
    team_id: str | None = None
    on_duty: bool = False
    # Listed in the bureau's config (leaders, members): taken away when the config no
    # longer lists it. One from an invite stays until removed otherwise.
    from_config: bool = False
    id: int | None = None


@dataclass(eq=False)
class Attachment:
    ticket_id: int
    kind: str  # photo | voice | document | location
    added_at: datetime
    added_by: int | None
    file_id: str = ""
    file_unique_id: str = ""
    caption: str = ""
    id: int | None = None


@dataclass(eq=False)
class Conversation:
    """Where a guided conversation stands, per chat and user; survives restarts."""

    chat_id: int
    user_id: int
    flow: str
    step: str
    updated_at: datetime
    expires_at: datetime
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(eq=False)
class OutboxMessage:
    """A message to someone other than the current sender, sent later by the outbox sender."""

    chat_id: int
    method: str  # send_message | edit_message | edit_buttons | send_photo | send_location | ...
    payload: dict[str, Any]
    created_at: datetime
    not_before: datetime
    priority: int = 1  # 0 urgent, 1 normal, 2 bulk
    ticket_id: int | None = None
    purpose: str = ""  # card | notify | alert | digest | ...
    status: str = "pending"  # pending | sent | failed | dead | superseded
    attempts: int = 0
    last_error: str = ""
    sent_at: datetime | None = None
    locked_until: datetime | None = None
    result_message_id: int | None = None
    dedup_key: str | None = None
    id: int | None = None

    @property
    def shown_in(self) -> Script:
        """The script its text is in: 繁體 once converted for its reader, else 简体."""
        return shown_in(self.payload)

    @property
    def place(self) -> ChatPlace:
        """The chat and forum topic it was written for."""
        thread = self.payload.get("thread_id")
        return ChatPlace(self.chat_id, None if thread is None else int(thread))


SCRIPT_KEY = "script"  # payload: the script a message was converted to (none: 简体)


def shown_in(payload: dict[str, Any]) -> Script:
    return Script(payload.get(SCRIPT_KEY) or Script.HANS)


@dataclass(eq=False)
class Invite:
    token: str
    role: Role
    created_at: datetime
    expires_at: datetime
    team_id: str | None = None
    created_by: int | None = None
    used_by: int | None = None
    used_at: datetime | None = None


@dataclass(eq=False)
class TeamChat:
    """A team's dispatch chat bound with /bindteam (overrides the config's chat_id), and
    the forum topic of that chat it was bound in, if any."""

    team_id: str
    chat_id: int
    bound_by: int
    bound_at: datetime
    thread_id: int | None = None

    @property
    def place(self) -> ChatPlace:
        return ChatPlace(self.chat_id, self.thread_id)


class ChatPlace(NamedTuple):
    """Where a team's messages go: a chat, and in a group with topics (a forum) the topic.
    A place without a topic in a forum is its General topic."""

    chat_id: int
    thread_id: int | None = None

    def holds(self, chat_id: int, thread_id: int | None) -> bool:
        """Is a message in `chat_id`, topic `thread_id`, said here? A place without a
        topic takes in the whole chat: a team bound before its group had topics keeps
        its commands in every one of them."""
        return chat_id == self.chat_id and (self.thread_id is None or thread_id == self.thread_id)


@dataclass(eq=False)
class TicketMessage:
    """A message the bot sent about a ticket, kept so it can be edited: the team card, or a
    ladder's reminder or alert with buttons (`purpose` is one of `lifecycle.PROMPTS`, and
    `team_id` the team it was sent for); or so that a reply to it tells its ticket: a team's
    question to the requester (`lifecycle.QUESTION_NOTICE`)."""

    ticket_id: int
    chat_id: int
    message_id: int
    purpose: str
    created_at: datetime
    id: int | None = None
    team_id: str | None = None
    thread_id: int | None = None  # the forum topic it was sent to, if any
    script: Script | None = None  # the script it was sent in, and its edits are; None: 简体

    @property
    def place(self) -> ChatPlace:
        return ChatPlace(self.chat_id, self.thread_id)

    @property
    def shown_in(self) -> Script:
        return self.script or Script.HANS


@dataclass(eq=False)
class ProcessedUpdate:
    """An update id already handled: a redelivery changes nothing, and shows `replies`
    (what the step said) again."""

    key: str
    processed_at: datetime
    replies: dict[str, Any] | None = None

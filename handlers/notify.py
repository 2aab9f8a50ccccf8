"""Messages to people other than the sender, written as outbox rows in the step's transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from core.complainant import keeper_places, notes_hidden_from, said_later_hidden, team_keeps
from core.config import Team
from core.enums import Kind, Script, Status
from core.investigated import team_places
from core.left_behind import REPOSTED_NOTE, moved_note, places_left, supersede_card_edits
from core.lifecycle import PROMPTS
from core.model import Attachment, ChatPlace, Membership, Ticket, TicketMessage
from core.ranks import supervisors, team_leaders
from core.services import about_overseers, may_work_on, withdraw_stale_prompts
from core.team_card import cards_by_place, current_card, shown_name
from core.team_chats import team_place
from core.texts import is_named, person_name
from core.written import as_written
from handlers.cards import card_buttons, history_text, last_move, take_over_buttons
from handlers.context import Ctx, Paging, enqueue
from handlers.i18n import t
from handlers.overdue_alerts import retell_answered_alerts
from handlers.replies import Button


async def team_chat(ctx: Ctx, team_id: str) -> ChatPlace | None:
    """The team's dispatch chat (and topic): the one bound with /bindteam, else the
    configured one."""
    return await team_place(ctx.uow, ctx.cfg, team_id)


async def teams_here(ctx: Ctx, teams: list[str]) -> set[str]:
    """Those of `teams` whose chat this message was said in (in their topic, for a team
    bound to one)."""
    here = set()
    for team_id in teams:
        place = await team_chat(ctx, team_id)
        if place is not None and place.holds(ctx.msg.chat_id, ctx.msg.topic):
            here.add(team_id)
    return here


async def another_teams_chat(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether this group (or topic) is the chat of teams the ticket has never been with:
    no card of it can be there, so a press on one there is forged. A chat no team has now
    (one the team moved away from) still holds its old cards, and a team that sent the
    ticket on (the triage desk, a transfer) its own."""
    if ctx.msg.is_private:
        return False  # a member's or a supervisor's own chat: their pages and alerts
    here = await teams_here(ctx, [team.id for team in ctx.cfg.teams])
    if not here or ticket.team_id in here:
        return False
    assert ticket.id is not None
    been_with = {
        str(event.data[key])
        for event in await ctx.uow.tickets.events(ticket.id)
        for key in ("team", "from_team")
        if event.data.get(key)
    }
    return not here & been_with


async def duty_pagers(ctx: Paging, team_id: str, *, requester: int | None = None) -> list[int]:
    """Who is paged for an urgent ticket: the on-duty members, else the team's leaders.
    Someone the bot cannot reach (they blocked it) is no pager: a page that cannot arrive
    must not stand in for one to a leader that can. Nor is the on-duty member whose own
    barn it is (`requester`), who may not handle their own ticket."""
    memberships = await ctx.uow.memberships.of_team(team_id)
    if ctx.cfg.team(team_id).duty_roster:
        on_duty = [m.user_id for m in memberships if m.on_duty and m.user_id != requester]
        on_duty = await reachable(ctx, on_duty)
        if on_duty:
            return on_duty
    return await leaders(ctx, team_id)


async def leaders(ctx: Paging, team_id: str) -> list[int]:
    """The team's leaders, by the config or by an invite, whom the bot can reach."""
    memberships = await ctx.uow.memberships.of_team(team_id)
    return await reachable(ctx, team_leaders(ctx.cfg, team_id, memberships))


async def overseers(ctx: Ctx) -> list[int]:
    """The supervisors (by the config or an invite) the bot can reach, else the admins."""
    found = await reachable(ctx, await supervisors(ctx.uow, ctx.cfg))
    return found or await reachable(ctx, list(ctx.cfg.admins))


async def reachable(ctx: Paging, user_ids: list[int]) -> list[int]:
    """Those of `user_ids` the outbox has not found unreachable."""
    found = []
    for user_id in user_ids:
        user = await ctx.uow.users.get(user_id)
        if user is None or user.reachable:
            found.append(user_id)
    return found


async def without_private_chat(ctx: Paging, user_ids: list[int]) -> list[int]:
    """Those of `user_ids` who never wrote to the bot in a private chat: Telegram delivers
    none of its private messages to them, a page neither, until they do (/start)."""
    found = []
    for user_id in user_ids:
        user = await ctx.uow.users.get(user_id)
        if user is None or user.private_chat_at is None:
            found.append(user_id)
    return found


async def team_targets(
    ctx: Ctx, team_id: str, *, urgent: bool, requester: int | None = None
) -> list[ChatPlace]:
    """Where news of a team's ticket goes: its chat, and for an urgent one (or a nudge)
    those paged too, whose phones a message in a busy group may not ring. A team with no
    chat yet (none configured, none bound) has its pagers told of every ticket, or nobody
    would see a card until the ladder's first reminder."""
    chat = await team_chat(ctx, team_id)
    targets = [chat] if chat is not None else []
    if urgent or chat is None:
        pagers = await duty_pagers(ctx, team_id, requester=requester)
        paged = [ChatPlace(uid) for uid in pagers]
        targets += [place for place in paged if place not in targets]
    return targets


async def ticket_targets(
    ctx: Ctx, ticket: Ticket, *, urgent: bool | None = None
) -> list[ChatPlace]:
    """Where news of `ticket` goes: its team's targets (paged as `urgent`, by default as
    the ticket is), and whoever accepted it, who may be on the road to the barn and not
    watching the group."""
    paged = ticket.urgent if urgent is None else urgent
    targets = await team_targets(ctx, ticket.team_id, urgent=paged, requester=ticket.requester_id)
    taker = ticket.accepted_by
    if (
        taker is not None
        and ChatPlace(taker) not in targets
        and await may_work_on(ctx.uow, ctx.cfg, taker, ticket)
    ):
        targets.append(ChatPlace(taker))
    return targets


async def tell(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    files: Mapping[str, str | None] | Sequence[tuple[str, str | None]] | None = None,
    pin: tuple[float, float] | None = None,
) -> None:
    """`text`, with the photos, voice notes or pin it is about (`files`: by kind, or
    (kind, file id) pairs), to everyone `ticket_targets` names."""
    pairs = list(files.items() if isinstance(files, Mapping) else files or ())
    for target in await ticket_targets(ctx, ticket):
        await ctx.enqueue(target, text, urgent=ticket.urgent, ticket_id=ticket.id)
        for kind, file_id in pairs:
            if file_id:
                await forward(ctx, target, ticket, FILE_METHODS[kind], file_id=file_id)
        if pin is not None:
            await forward(ctx, target, ticket, "send_location", lat=pin[0], lon=pin[1])


def as_team_reads(ctx: Ctx, ticket: Ticket, team_id: str, words: str) -> str:
    """What the requester (`ctx.user`) has just said of `ticket`, as `team_id`'s people may
    read it: a complainant's details hidden from a team that does not keep them,
    as the complaint's own words are (`core.complainant.said_later_hidden`)."""
    keeper = team_keeps(ctx.cfg, team_id)
    hide = said_later_hidden(ctx.cfg, ticket, ctx.user, keeper=keeper)
    return words if hide is None else hide(words)


async def moved_away(ctx: Ctx, ticket: Ticket, from_team: str, taker: int | None) -> None:
    """Tell the team a supervisor took `ticket` from (its chat, unless the move was made
    there, and the member who had accepted it, who may be on the road to the barn) that it
    is another team's now: their cards only change silently."""
    text = t("moved_away", number=ticket.label, team=ctx.cfg.team(ticket.team_id).name)
    place = await team_chat(ctx, from_team)
    if place is not None and not place.holds(ctx.msg.chat_id, ctx.msg.topic):
        await ctx.enqueue(place, text, urgent=ticket.urgent, ticket_id=ticket.id)
    if taker is not None and taker != ctx.user.id:
        await ctx.enqueue(ChatPlace(taker), text, urgent=ticket.urgent, ticket_id=ticket.id)


async def work_places(ctx: Ctx, ticket: Ticket) -> set[ChatPlace]:
    """Where the ticket's card carries its buttons: its team's places (`team_places`), and
    the private chat of whoever took it while they work on it, who may be no member (a
    supervisor who took the call with 由我接单)."""
    places = await team_places(ctx.uow, ctx.cfg, ticket.team_id)
    taker = ticket.worked_on_by
    if taker is not None and await may_work_on(ctx.uow, ctx.cfg, taker, ticket):
        places.add(ChatPlace(taker))
    return places


async def keep_as_card(ctx: Ctx, ticket: Ticket, message_id: int, script: Script) -> bool:
    """Keep the pressed message `message_id` (a /ticket reply, the offer a supervisor took
    the call from) as this place's copy of the card, which later changes edit, when the
    place has none, sent or on its way; False when it has one: that copy is the live one."""
    assert ticket.id is not None
    here = ChatPlace(ctx.msg.chat_id, ctx.msg.topic)
    if here in await _newest_cards(ctx, ticket):
        return False
    if here in await ctx.uow.outbox.pending_places(ticket.id, "card"):
        return False
    copy = TicketMessage(
        ticket_id=ticket.id,
        chat_id=here.chat_id,
        message_id=message_id,
        purpose="card",
        created_at=ctx.now,
        team_id=ticket.team_id,
        thread_id=here.thread_id,
        script=script,
    )
    await ctx.uow.ticket_messages.add(copy)
    return True


async def kept_copy(ctx: Ctx, ticket: Ticket, message_id: int) -> TicketMessage | None:
    """The message of this chat with that id, if it is a card of `ticket` or one of the
    ladder's reminders or alerts about it."""
    assert ticket.id is not None
    kept = await ctx.uow.ticket_messages.of_ticket(ticket.id, "card", *PROMPTS)
    here = [m for m in kept if m.chat_id == ctx.msg.chat_id and m.message_id == message_id]
    return here[-1] if here else None


async def superseded_card(ctx: Ctx, ticket: Ticket, copy: TicketMessage) -> bool:
    """Whether `copy` is a card of the ticket that a newer card in the same place replaced
    (one posted after a reopen, or when the ticket came back to the team)."""
    if copy.purpose != "card":
        return False
    newest = await _newest_cards(ctx, ticket)
    return newest.get(copy.place, copy).message_id != copy.message_id


async def _newest_cards(ctx: Ctx, ticket: Ticket) -> dict[ChatPlace, TicketMessage]:
    """Each place's newest copy of the ticket's card: its live one. The place is the chat
    and its forum topic: two teams' topics of one group, or a team's and the oversight
    team's, each have their own copy."""
    assert ticket.id is not None
    return {sent.place: sent for sent in await ctx.uow.ticket_messages.of_ticket(ticket.id, "card")}


async def post_card(ctx: Ctx, ticket: Ticket, *, with_history: bool = False) -> None:
    """Put the ticket's card, its attachments, and (if urgent) pages, in front of the team.

    `with_history`: the ticket comes from elsewhere (a transfer, a reassignment, a reopen),
    so what was asked, answered and done before follows the card; the new team should not
    ask the requester again what they already told the old one.
    """
    assert ticket.id is not None
    requester = await ctx.uow.users.get(ticket.requester_id)
    # As the card reads now, as its edits will: a ticket sent on keeps the 问／答 of what its
    # requester was asked and answered, which the team it comes to must not ask again.
    text = await current_card(ctx.uow, ctx.cfg, ticket)
    targets = await team_targets(
        ctx, ticket.team_id, urgent=ticket.urgent, requester=ticket.requester_id
    )
    # A complaint another team handles is copied to the oversight team: without the team's
    # buttons, here or in later edits (`update_cards` gives them to the ticket's team
    # only), but with its own 接管.
    watchers = [
        c for c in [await oversight_chat(ctx, ticket)] if c is not None and c not in targets
    ]
    # A watcher holding a copy already keeps that one, brought up to date, and reads one
    # short line of what moved the complaint: not a second copy with each send-back or 转派.
    watchers = [w for w in watchers if not await _kept_watching(ctx, ticket, w)]
    for watcher in watchers:
        team = ctx.cfg.team(ticket.team_id).name
        # In the ticket's line, so that a group that refuses it is told of as for the card.
        await ctx.enqueue(
            watcher, t("t_complaint_copy", number=ticket.label, team=team), ticket_id=ticket.id
        )
    everyone = [*targets, *watchers]
    attachments = await ctx.uow.attachments.of_ticket(ticket.id) if everyone else ()
    history = hidden_history = ""
    if with_history and everyone:
        events = list(await ctx.uow.tickets.events(ticket.id))
        history = hidden_history = history_text(ctx.cfg, ticket, events)
        # What a complainant said later may name them, as its words may, and so may a note
        # a team wrote (王小五您好，…).
        if (hide := notes_hidden_from(ctx.cfg, ticket, requester)) is not None:
            hidden_history = history_text(ctx.cfg, ticket, events, hide)
    team_buttons, watch_buttons = card_buttons(ctx.cfg, ticket), take_over_buttons(ticket)
    # A complainant's details are read only where the teams keeping them are, and by the
    # supervisors (`core.complainant`): the oversight team's copy names them, and the
    # ticket's own team's copies do when it is one of those.
    keepers = await keeper_places(ctx.uow, ctx.cfg, ticket)
    named = await current_card(ctx.uow, ctx.cfg, ticket, keeper=True) if keepers else text
    for target in everyone:
        await ctx.enqueue(
            target,
            named if target in keepers else text,
            buttons=team_buttons if target in targets else watch_buttons,
            urgent=ticket.urgent,
            ticket_id=ticket.id,
            purpose="card",
        )
        told = history if target in keepers else hidden_history
        if told:
            await ctx.enqueue(target, told, urgent=ticket.urgent, ticket_id=ticket.id)
        await _files_of(ctx, target, ticket, attachments)


async def _kept_watching(ctx: Ctx, ticket: Ticket, watcher: ChatPlace) -> bool:
    """Whether the oversight team's chat `watcher` holds a copy of the complaint's card
    (sent, or on its way): if so, that copy is edited to the card now, with 接管 (unless an
    edit of it is already on its way: `update_cards`, when the ticket was moved), the chat
    is told in one line what moved it and to whom, and the photos and voice notes it has
    not been sent follow. False for a chat holding none, which gets the copy afresh."""
    assert ticket.id is not None
    sent = (await _newest_cards(ctx, ticket)).get(watcher)
    queued = await ctx.uow.outbox.pending_places(ticket.id, "card")
    if sent is None and watcher not in queued:
        return False
    if watcher not in await ctx.uow.outbox.pending_places(ticket.id, "card_edit"):
        card_at = await cards_by_place(ctx.uow, ctx.cfg, ticket)
        where: dict[str, object] = (
            {"ref_purpose": "card"}
            if watcher in queued or sent is None
            else {"message_id": sent.message_id}
        )
        await ctx.enqueue(
            watcher,
            card_at(watcher),
            buttons=take_over_buttons(ticket),
            urgent=ticket.urgent,
            ticket_id=ticket.id,
            purpose="card_edit",
            method="edit_message",
            extra=where,
            script=queued.get(watcher) or (sent.shown_in if sent is not None else None),
        )
    moved = last_move(list(await ctx.uow.tickets.events(ticket.id)))
    said = t(
        "t_complaint_copy_moved",
        number=ticket.label,
        moved=f"{moved}，" if moved else "",
        team=ctx.cfg.team(ticket.team_id).name,
    )
    await ctx.enqueue(watcher, said, urgent=ticket.urgent, ticket_id=ticket.id)
    # What the outbox holds for the chat, not what was added since its copy was sent: that
    # copy is kept through every move, and a photo added once would follow each of them.
    had = await ctx.uow.outbox.files_sent(ticket.id, watcher)
    for attachment in await ctx.uow.attachments.of_ticket(ticket.id):
        method = FILE_METHODS.get(attachment.kind)
        if method and attachment.file_id not in had:
            had.add(attachment.file_id)
            await forward(ctx, watcher, ticket, method, file_id=attachment.file_id)
    return True


async def _files_of(
    ctx: Paging, target: ChatPlace, ticket: Ticket, attachments: Iterable[Attachment]
) -> None:
    """The ticket's photos, voice notes and pin, after its card to `target`: a call said
    aloud is only heard from its voice note."""
    for attachment in attachments:
        method = FILE_METHODS.get(attachment.kind)
        if method:
            await forward(ctx, target, ticket, method, file_id=attachment.file_id)
    if ticket.lat is not None and ticket.lon is not None:
        await forward(ctx, target, ticket, "send_location", lat=ticket.lat, lon=ticket.lon)


async def oversight_chat(ctx: Ctx, ticket: Ticket) -> ChatPlace | None:
    """Where a complaint that another team handles is copied: the oversight line's team
    (作风监督). A complaint about a team's own people ("投诉配送员小王") may be routed to that
    team by its domain words; the copy keeps its handling in sight of someone outside the
    team, so it cannot be resolved and closed there unseen."""
    watcher = await watching_team(ctx, ticket)
    return None if watcher is None else await team_chat(ctx, watcher)


async def watching_team(ctx: Ctx, ticket: Ticket) -> str | None:
    """The oversight team, for a complaint another team handles, which it keeps in sight
    (`oversight_chat`); None otherwise."""
    line = ctx.cfg.oversight_line()
    if ticket.kind is not Kind.COMPLAINT or line is None or ticket.line == line.id:
        return None
    if await about_the_overseers(ctx, ticket):
        return None  # a complaint about the oversight team's own people is not theirs to see
    return ctx.cfg.default_team(line.id).id


async def about_the_overseers(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether `ticket` is a complaint about the oversight team's own people (纪检, 监督员,
    its name), which the router sent to the triage desk (`services.about_overseers`, as
    it was filed: not the words read again, which may name that team only in passing):
    wherever it goes from there that team gets no copy of it, nor the news of it a
    complaint's watchers get."""
    if ticket.kind is not Kind.COMPLAINT or ticket.id is None:
        return False
    return about_overseers(await ctx.uow.tickets.events(ticket.id))


async def teams_to_offer(ctx: Ctx, ticket: Ticket, teams: list[Team]) -> list[Team]:
    """`teams`, as a 转派 or 改派 list offers them: for a complaint about the oversight
    team's own people, without that team (`about_the_team`), which one press would send
    it, and its complainant's name, to the very people it is about."""
    return [team for team in teams if not await about_the_team(ctx, ticket, team.id)]


async def about_the_team(ctx: Ctx, ticket: Ticket, team_id: str) -> bool:
    """Whether `team_id` is the oversight team of a complaint about its own people: what
    no list offers must not be reached by typing its name or forging a press either."""
    line = ctx.cfg.oversight_line()
    if line is None or ctx.cfg.team(team_id).line != line.id:
        return False
    return await about_the_overseers(ctx, ticket)


FILE_METHODS = {"photo": "send_photo", "voice": "send_voice"}


async def forward(
    ctx: Paging,
    target: ChatPlace,
    ticket: Ticket,
    method: str,
    *,
    purpose: str = "attachment",
    **payload: object,
) -> None:
    """A photo, voice note or location of the ticket to `target`, labelled with its number;
    `purpose`, the words' it goes with when they are to be delivered alike (a call-back's,
    silent at night: `core.night.delivered_silently`)."""
    if method != "send_location":
        payload["caption"] = f"工单 {ticket.label}"
    await enqueue(
        ctx.uow,
        ctx.now,
        target,
        "",
        urgent=ticket.urgent,
        ticket_id=ticket.id,
        purpose=purpose,
        method=method,
        extra=payload,
    )


async def name_of(ctx: Ctx, user_id: int | None) -> str:
    """The person as others are told of them (`core.texts.person_name`): their name, kept
    as written (`as_written`), else 尾号1234 or 用户#200011, our words, converted for a
    reader of 繁體 as the rest of a message is; never a bare id; "?" for nobody."""
    user = await ctx.uow.users.get(user_id) if user_id else None
    name = person_name(user, user_id) or "?"
    return as_written(name) if is_named(user) else name


async def name_to_requester(ctx: Ctx, ticket: Ticket, user_id: int) -> str | None:
    """A staff member as the requester is told of them: their own name, kept as written; None
    without one. Colleagues tell a nameless one by 尾号1234 or 用户#200011 (`name_of`), but
    those are a staff member's phone digits and our id, not for a requester to read: they
    are told of the team instead."""
    user = await ctx.uow.users.get(user_id)
    if user is None or not is_named(user):
        return None
    return as_written(user.name)


async def page_waiting_calls(ctx: Paging, team_id: str) -> list[list[int]]:
    """The team's urgent tickets nobody has accepted, paged to whoever is paged now (the
    members still on duty, else the leaders) who holds no card of them yet: the member who
    went off duty, or lost their place, held the only page. For each waiting call, who is
    paged for it now (holds its card, sent now or before): not the on-duty member whose own
    barn it is."""
    waiting = [
        ticket
        for ticket in await ctx.uow.tickets.open_tickets(team_id)
        if ticket.urgent and ticket.status is Status.DISPATCHED
    ]
    paged: list[list[int]] = []
    for ticket in waiting:
        assert ticket.id is not None
        holding = {
            copy.place for copy in await ctx.uow.ticket_messages.of_ticket(ticket.id, "card")
        }
        # And one on its way (sent but not yet recorded, or waiting its turn): not twice.
        holding |= set(await ctx.uow.outbox.pending_places(ticket.id, "card"))
        pagers = await duty_pagers(ctx, team_id, requester=ticket.requester_id)
        text, buttons = await card_now(ctx, ticket)
        attachments = await ctx.uow.attachments.of_ticket(ticket.id)
        for pager in (ChatPlace(uid) for uid in pagers):
            if pager not in holding:
                await enqueue(
                    ctx.uow,
                    ctx.now,
                    pager,
                    text,
                    buttons=buttons,
                    urgent=True,
                    ticket_id=ticket.id,
                    purpose="card",
                )
                await _files_of(ctx, pager, ticket, attachments)  # as at filing
        paged.append(pagers)
    return paged


async def hand_on_pages(ctx: Paging, gone: Iterable[Membership]) -> None:
    """Places taken away (by an admin, or by the config at the start): the calls waiting
    for 接单 whose page an on-duty one of them held are paged at once to whoever is paged
    now, not left with nobody until the ladder's alert to the leaders."""
    teams = {m.team_id for m in gone if m.on_duty and m.team_id}
    for team_id in sorted(teams):
        if ctx.cfg.find_team(team_id) is not None:  # a team gone from the config pages nobody
            await page_waiting_calls(ctx, team_id)


async def card_now(
    ctx: Paging, ticket: Ticket, at: ChatPlace | None = None
) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The ticket's card as it should read now at `at` (`core.team_card.cards_by_place`;
    None: in the ticket's team's places): its text and the buttons its state allows."""
    text = (await cards_by_place(ctx.uow, ctx.cfg, ticket))(at)
    return text, card_buttons(ctx.cfg, ticket)


async def update_cards(
    ctx: Ctx,
    ticket: Ticket,
    *,
    skip_message_id: int | None = None,
    reposting: bool = False,
    card_at: Callable[[ChatPlace | None], str] | None = None,
    moved_from: str | None = None,
) -> None:
    """Edit every sent copy of the ticket's card to its state now (but the one at
    `skip_message_id` in this chat, which the step edits itself). `reposting`: a fresh
    card follows (`post_card`), which alone has the buttons, also where the ticket comes
    back to a team that had it. `card_at`: the card as each place reads it now, when the
    step has built it already (`cards_by_place`). `moved_from`: the team the step sent the
    ticket on from, whose copies say where it went, once: the copies of the teams it has
    left are edited no more (`core.left_behind`)."""
    assert ticket.id is not None
    if card_at is None:
        card_at = await cards_by_place(ctx.uow, ctx.cfg, ticket)
    buttons = () if reposting else card_buttons(ctx.cfg, ticket)
    # Copies with another team (before a transfer) keep the text but lose the buttons: the
    # ticket is no longer theirs to act on.
    current = await work_places(ctx, ticket)
    # The oversight team's copy keeps its 接管 while the complaint may still be taken over.
    watcher = await oversight_chat(ctx, ticket)
    leaving, moved_at = await moved_card_at(ctx, ticket, moved_from)
    left = (await places_left(ctx.uow, ctx.cfg, ticket) | leaving) - current - {watcher}
    # Each edit carries the whole card: edits still waiting are said again by these, and
    # would only keep a busy chat (an on-duty member's, 1 message a second) behind. But a
    # copy left behind before this step is edited no more: its edit saying where the ticket
    # went, if still waiting, is its last word, and goes out.
    behind = left - leaving
    await supersede_card_edits(ctx.uow, ticket, ctx.now, behind=behind)
    # What is left is held by a sender and goes out before anything written now; the step's
    # own edit of the pressed copy does not, so that copy is then edited here too.
    held = set(await ctx.uow.outbox.pending_places(ticket.id, "card_edit")) - behind
    # Cards still queued first: one that goes out between the two reads is then in both
    # (edited twice), never in neither.
    queued = await ctx.uow.outbox.pending_places(ticket.id, "card")
    # A supervisor's 超时督办 that says 仍未接单 tells the news once it is answered or moved;
    # then the ladder's reminders and alerts lose the buttons that no longer apply (接单 once
    # accepted, any team's after a transfer, 催办/改派 once resolved).
    # Each as its place may read the card, as the card's copies below.
    taker = await shown_name(ctx.uow, ticket.accepted_by)
    await retell_answered_alerts(ctx, ticket, card_at, taker)
    await withdraw_stale_prompts(ctx.uow, ticket, ctx.now)
    # A place's newest copy is its live one: an older one (from before a reopen, or before
    # the ticket came back to a team that had it) keeps the state it was left showing.
    newest = await _newest_cards(ctx, ticket)
    # Where each edit goes: a sent copy by its message id; a card still queued once it has
    # gone out (the sender finds its message id then). Each in the script that copy is in.
    # Not a copy the ticket left behind before this step: that team follows it no more.
    edits: list[tuple[ChatPlace, dict[str, object], Script]] = []
    for place, sent in newest.items():
        if place in queued or place in behind:
            continue  # a newer copy is on its way there; its edit follows below
        pressed = sent.chat_id == ctx.msg.chat_id and sent.message_id == skip_message_id
        if pressed and place not in held:
            continue
        edits.append((place, {"message_id": sent.message_id}, sent.shown_in))
    edits += [
        (place, {"ref_purpose": "card"}, script)
        for place, script in queued.items()
        if place not in behind
    ]
    # Each copy as its place may read it: a complainant named only where they may be, a
    # complaint the oversight team has only what it was about on the other teams' copies.
    # The places the fresh card goes to: their copies say the new one has the buttons.
    fresh = await fresh_card_places(ctx, ticket) if reposting else set()
    for place, where, script in edits:
        text = moved_at(place) if place in leaving else card_at(place)
        await ctx.enqueue(
            place,
            f"{text}\n{REPOSTED_NOTE}" if place in fresh else text,
            buttons=buttons if place in current else _watching(place, watcher, ticket),
            urgent=ticket.urgent,  # a 110 card's new state (accepted, its place) goes first
            ticket_id=ticket.id,
            purpose="card_edit",
            method="edit_message",
            extra=where,
            script=script,
        )


async def fresh_card_places(ctx: Ctx, ticket: Ticket) -> set[ChatPlace]:
    """Where `post_card` puts the ticket's fresh card: its team's chat and, for an urgent
    one, those paged, whose private chat holds their older page of it too."""
    return set(
        await team_targets(ctx, ticket.team_id, urgent=ticket.urgent, requester=ticket.requester_id)
    )


async def moved_card_at(
    ctx: Ctx, ticket: Ticket, moved_from: str | None
) -> tuple[set[ChatPlace], Callable[[ChatPlace | None], str]]:
    """The places of the team the ticket was just sent on from (none when `moved_from` is
    None), but where it is worked on or watched now, and their copies' last card: the card
    as it is now, with where it went below it."""
    if moved_from is None or ctx.cfg.find_team(moved_from) is None:
        return set(), lambda _: ""
    keep = await work_places(ctx, ticket) | {await oversight_chat(ctx, ticket)}
    leaving = await team_places(ctx.uow, ctx.cfg, moved_from) - keep
    note = moved_note(ctx.cfg, ticket)
    return leaving, await cards_by_place(ctx.uow, ctx.cfg, ticket, note=note)


def _watching(
    place: ChatPlace, watcher: ChatPlace | None, ticket: Ticket
) -> tuple[tuple[Button, ...], ...]:
    """The buttons of a copy that is not the ticket's team's: the oversight team's 接管
    on its own copy, which is kept when the complaint moves on (`_kept_watching`), else
    none."""
    return take_over_buttons(ticket) if place == watcher else ()

"""Where a 110 call is, when the farmer tells it after the alarm went out.

A farmer whose barn the bot does not know is not kept waiting on a question: the alarm goes
out at once (`intake`), and 在哪个烤房？ comes after it. The answer is added to the call and
shown to whoever has it (the card, the team chat, the on-duty pagers). A barn in another
town moves the call to that town's 110 team, while nobody there has accepted it yet.
"""

from __future__ import annotations

from core.enums import Action, Role, Status
from core.model import Ticket
from core.services import note_event, perform
from handlers import intake, notify
from handlers.context import Ctx
from handlers.i18n import in_script, t
from handlers.intake import PlaceAnswer
from handlers.team import tell_requester
from handlers.tickets import attach
from routing import bare

# While the call is in these states the farmer's next words answer the place question;
# else they mean something else (the team's question, a verdict on the resolution).
_ANSWERING = (Status.DISPATCHED, Status.ACCEPTED, Status.ON_SITE)


async def place_step(ctx: Ctx) -> bool:
    """Take this message as the place of the call; False when it is not an answer to the
    place question (the call moved on meanwhile) and the desk should read it afresh."""
    ticket = await _call(ctx)
    if ticket is None or ticket.status not in _ANSWERING:
        await ctx.end_flow()
        if ctx.msg.is_button:
            ctx.toast("stale_button")
            return True
        return False
    answer = intake.read_place(ctx)
    if answer is None:
        return True  # answered already (a stale button, a location out of the region)
    if answer.skipped:
        await skip(ctx, ticket)
        return True
    await ctx.end_flow()
    await _place_call(ctx, ticket, answer)
    return True


async def skip(ctx: Ctx, ticket: Ticket | None = None) -> None:
    """No place (跳过, /cancel): the question ends, the alarm stays, and the farmer is told so."""
    assert ctx.conv is not None
    ticket = ticket or await _call(ctx)
    await ctx.end_flow()
    number = ticket.label if ticket is not None else ""
    ctx.say("e_place_skipped", keyboard="remove", number=number)


async def _call(ctx: Ctx) -> Ticket | None:
    """The 110 call whose place is asked for."""
    assert ctx.conv is not None
    raw_id = ctx.conv.data.get("ticket_id")
    return await ctx.uow.tickets.get(raw_id) if isinstance(raw_id, int) else None


async def _place_call(ctx: Ctx, ticket: Ticket, answer: PlaceAnswer) -> None:
    said = _said(ctx, answer)
    site = ctx.cfg.site(answer.site_code) if answer.site_code else None
    if site is not None:
        ticket.site_code, ticket.area = site.code, site.area
    elif answer.area is not None:
        ticket.area = answer.area
    if answer.lat is not None:
        ticket.lat, ticket.lon = answer.lat, answer.lon
    ticket.text = intake.with_place_words(ctx, ticket.text, answer.words)
    for kind, file_id in (("voice", answer.voice), ("photo", answer.photo)):
        if file_id:
            await attach(ctx, ticket, kind, file_id, caption=answer.words)
    await note_event(
        ctx.uow, ticket, "place", actor_id=ctx.user.id, role=Role.REQUESTER, now=ctx.now, note=said
    )
    town_team = ctx.cfg.team_for(ticket.line, ticket.area)
    first_team = ticket.team_id
    moving = ticket.status is Status.DISPATCHED and town_team.id != first_team
    if moving:
        note = f"报告人告知位置：{said}"
        await perform(
            ctx.uow,
            ctx.cfg,
            ticket,
            Action.TRANSFER,
            actor_id=None,
            role=Role.SYSTEM,
            now=ctx.now,
            note=note,
            to_team=town_team.id,
        )
    await notify.update_cards(ctx, ticket)  # after a move, the first team's lose their buttons
    if moving:
        await notify.post_card(ctx, ticket)  # card, files, location and pages for the new team
        # Those paged first stand down: an edited card alone would not tell them.
        moved = t("place_moved_team", number=ticket.label, place=said, team=town_team.name)
        await _tell_team(ctx, ticket, first_team, moved)
        await tell_requester(ctx, ticket, "n_transferred", team=town_team.name)
    else:
        told = t("place_to_team", number=ticket.label, place=said)
        await _tell_team(ctx, ticket, ticket.team_id, told, answer)
    shown = in_script(said, ctx.script)
    ctx.say("e_place_added", keyboard="remove", number=ticket.label, place=shown)


def _said(ctx: Ctx, answer: PlaceAnswer) -> str:
    """The place in words for the team: the barn, else the farmer's words, else a pin."""
    site = ctx.cfg.site(answer.site_code) if answer.site_code else None
    if answer.words:
        area = ctx.cfg.area(answer.area) if answer.area else None
        named = site.name if site else area.name if area else ""
        if not named or bare(answer.words) == bare(named):
            return answer.words
        return f"{answer.words}（{named}）"
    if site is not None:
        return site.name if answer.lat is None else f"共享位置（最近：{site.name}）"
    return "共享位置" if answer.lat is not None else "语音/照片"


async def _tell_team(
    ctx: Ctx, ticket: Ticket, team_id: str, text: str, answer: PlaceAnswer | None = None
) -> None:
    """`text` (with the pin and what the farmer sent) to the team chat and, for the urgent
    call, to those paged: the card's edit alone would not ring anyone's phone."""
    for target in await notify.team_targets(ctx, team_id, urgent=True):
        await ctx.enqueue(target, text, urgent=ticket.urgent, ticket_id=ticket.id)
        if answer is None:
            continue
        for kind, file_id in (("voice", answer.voice), ("photo", answer.photo)):
            if file_id:
                method = notify.FILE_METHODS[kind]
                await notify.forward(ctx, target, ticket, method, file_id=file_id)
        if answer.lat is not None and answer.lon is not None:
            await notify.forward(
                ctx, target, ticket, "send_location", lat=answer.lat, lon=answer.lon
            )

"""What a requester adds to their open ticket: words, a photo, a voice note, a pin."""

from __future__ import annotations

from collections.abc import Sequence

from core.enums import Action, Role
from core.model import Ticket
from core.services import note_event, perform
from core.triage import at_triage
from handlers import notify
from handlers.context import Ctx
from handlers.i18n import t
from handlers.places import town_named
from handlers.tickets import attach


async def add_info(
    ctx: Ctx,
    ticket: Ticket,
    text: str,
    photo: str | None,
    *,
    voice: str | None = None,
    pin: tuple[float, float] | None = None,
    answer: bool = False,
    draft_id: str = "",
    more: Sequence[tuple[str, str]] = (),
) -> None:
    """Attach the requester's words, photo, voice note or pin to the ticket and tell the
    team; `draft_id`, the draft they were written in, when added from its summary; `more`,
    the other files ("photo" or "voice", file id) sent with the words."""
    assert ticket.id is not None
    files = [("photo", photo), ("voice", voice), *more]
    if pin is not None and ticket.lat is None:
        ticket.lat, ticket.lon = pin  # where it is, when the request did not say
    for kind, file_id in files:
        if file_id:
            await attach(ctx, ticket, kind, file_id, caption=text)
    if answer and ticket.area is None and at_triage(ctx.cfg, ticket):
        # 在龙潭镇 to the desk's 您的烤房在哪个乡镇？: its card shows the town, and its 派给
        # offers that town's team, not the default one's.
        ticket.area = town_named(ctx, text)
    if answer:
        event = await perform(
            ctx.uow, ctx.cfg, ticket, Action.ANSWER, actor_id=ctx.user.id, now=ctx.now, note=text
        )
        if draft_id:  # a second press of the draft's 补充到工单 finds where it went
            event.data = {**event.data, "draft": draft_id}
        await notify.update_cards(ctx, ticket)  # no longer 待报告人补充
    else:
        await note_event(
            ctx.uow,
            ticket,
            "info",
            actor_id=ctx.user.id,
            role=Role.REQUESTER,
            now=ctx.now,
            note=text,
            data={
                "photo": bool(photo),
                "voice": bool(voice),
                "location": pin is not None,
                **({"draft": draft_id} if draft_id else {}),
            },
        )
    key = "answer_to_team" if answer else "info_to_team"
    text = notify.as_team_reads(ctx, ticket, ticket.team_id, text)
    shown = text or ("[语音]" if voice else "[照片]" if photo else "[位置]")
    await notify.tell(ctx, ticket, t(key, number=ticket.label, text=shown), files, pin)

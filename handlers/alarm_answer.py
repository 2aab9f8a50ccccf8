"""Words that raise a 110 call and answer a team's question too (在龙潭镇，正在烤，烤房漏风
温度上不去 to the desk's 您的烤房在哪个乡镇？): typed, in a photo's caption or a voice note's,
at length, or confirmed at 现在需要马上处理吗？ (`alarm_check`). Which ticket they answer
is `answers.answered_by_alarm`'s to say; this records them there and raises the call."""

from __future__ import annotations

from core.enums import Role, Status
from core.model import Ticket
from core.services import note_event
from handlers import alarm_intake, notify
from handlers.cards import called_here
from handlers.context import Ctx
from handlers.i18n import t
from handlers.ticket_info import add_info
from handlers.tickets import Gathered


def still_asking(ticket: Ticket | None) -> bool:
    """Whether `ticket` still waits for the answer (not answered, withdrawn or closed since
    the words were kept at 现在需要马上处理吗？)."""
    return ticket is not None and ticket.status is Status.WAITING_REQUESTER


async def answer_with(ctx: Ctx, ticket: Ticket, words: Gathered) -> None:
    """`words`, with every photo and voice note kept with them, as `ticket`'s answer."""
    photos, voices = words.photos, words.voices
    more = [*(("photo", p) for p in photos[1:]), *(("voice", v) for v in voices[1:])]
    first_photo = photos[0] if photos else None
    first_voice = voices[0] if voices else None
    await add_info(ctx, ticket, words.text, first_photo, voice=first_voice, answer=True, more=more)


async def alarm_answers(ctx: Ctx, ticket: Ticket, alarm: Gathered) -> None:
    """Words that raise a 110 call and answer `ticket`'s question: they are its answer,
    with the photo or voice note they came with, and the call goes out; its team is told
    the call's number and team, and goes on with the rest of the request (its 烟苗),
    rather than waiting for an answer already given until the ticket closes as 未补充."""
    await answer_with(ctx, ticket, alarm)
    ctx.say("answer_added_alarm", number=ticket.label, what=called_here(ctx, ticket))
    call = await alarm_intake.start_emergency(ctx, alarm)
    assert call is not None  # its words say what is wrong: it is filed at once
    team = ctx.cfg.team(call.team_id).name
    await note_event(
        ctx.uow,
        ticket,
        "alarm",
        actor_id=None,
        role=Role.SYSTEM,
        now=ctx.now,
        note=f"工单 {call.label}（{team}）",
        data={"call": call.id},
    )
    told = t("answer_raised_alarm_team", number=ticket.label, call=call.label, team=team)
    await notify.tell(ctx, ticket, told)

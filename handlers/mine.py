"""/my: a requester's tickets, their timelines, and what the requester can do with them."""

from __future__ import annotations

import re

from core.enums import Action, Role, Status
from core.errors import IllegalTransition, PermissionDenied
from core.model import Attachment, Ticket
from core.services import note_event, perform
from handlers import notify
from handlers.cards import status_label, timeline
from handlers.context import Ctx
from handlers.i18n import in_script, t
from handlers.replies import Button, rows
from routing import bare

ADD_INFO, RATE, REOPEN = "addinfo", "rate", "reopen"

# What people type back to a resolution notice instead of pressing its buttons: a score
# ("5", "五星", "4分"), or a few words about the outcome ("解决了，谢谢", "还是不行").
_TYPED_SCORE = re.compile(r"([1-5一二三四五])(分|星|颗星)?")
_SCORES = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_VERDICT_WORDS = (
    "解决", "好了", "修好", "可以了", "行了", "谢谢", "感谢", "满意", "好评", "差评", "收到",
    "没好", "不行",
)  # fmt: skip
_VERDICT_MAX = 12  # longer text is a new matter, and is routed as one


async def list_mine(ctx: Ctx) -> None:
    mine = await ctx.uow.tickets.of_requester(ctx.user.id, limit=10)
    if not mine:
        ctx.say("my_none")
        return
    buttons = [
        Button(f"{t.label} {status_label(t.status, ctx.script)} {t.text[:12]}", f"my:v:{t.id}")
        for t in mine
    ]
    ctx.say("my_list", rows(*buttons, per_row=1))


async def own_ticket(ctx: Ctx, raw_id: str) -> Ticket | None:
    """The user's own ticket by id from callback data; None (and a reply) otherwise."""
    ticket = await ctx.uow.tickets.get(int(raw_id)) if raw_id.isdigit() else None
    if ticket is None or ticket.requester_id != ctx.user.id:
        ctx.toast("not_your_ticket")
        return None
    return ticket


def _actions(ctx: Ctx, ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    tid, status = ticket.id, ticket.status
    buttons = []
    if status.is_open and status is not Status.RESOLVED:
        buttons.append(Button(ctx.text("btn_add_info"), f"my:add:{tid}"))
    if status in (Status.NEW, Status.DISPATCHED):
        buttons.append(Button(ctx.text("btn_cancel_ticket"), f"my:x:{tid}"))
    if status is Status.RESOLVED:
        buttons.append(Button(ctx.text("btn_confirm"), f"my:ok:{tid}"))
    if status in (Status.RESOLVED, Status.CLOSED):
        buttons.append(Button(ctx.text("btn_not_resolved"), f"my:bad:{tid}"))
    return rows(*buttons, per_row=2)


async def show(ctx: Ctx, ticket: Ticket) -> None:
    assert ticket.id is not None
    events = list(await ctx.uow.tickets.events(ticket.id))
    own = ticket.requester_id == ctx.user.id  # else a supervisor's /ticket
    ctx.say(
        "detail",
        _actions(ctx, ticket) if own else (),  # the requester's buttons are theirs alone
        number=ticket.label,
        kind=ctx.text(f"kind_{ticket.kind.value}"),
        status=status_label(ticket.status, ctx.script, for_staff=not own),
        team=in_script(ctx.cfg.team(ticket.team_id).name, ctx.script),
        text=ticket.text,
        timeline=timeline(ctx.cfg, events, ctx.script),
    )


async def on_button(ctx: Ctx, data: str) -> None:
    """my:v|add|x|ok|bad:<id> and my:r:<id>:<score>."""
    parts = data.split(":")
    if len(parts) < 3:
        ctx.toast("stale_button")
        return
    verb, raw_id = parts[1], parts[2]
    ticket = await own_ticket(ctx, raw_id)
    if ticket is None:
        return
    if verb == "v":
        await show(ctx, ticket)
    elif verb == "add" and ticket.status.is_open:
        await ctx.start_flow(ADD_INFO, "info", {"ticket_id": ticket.id})
        ctx.say("add_info_ask")
    elif verb == "x":
        await _transition(ctx, ticket, Action.CANCEL)
        if ticket.status is Status.CANCELLED:
            ctx.say("ticket_cancelled", number=ticket.label)
            await _tell_team_withdrawn(ctx, ticket)
    elif verb == "ok" and ticket.status is Status.RESOLVED:
        scores = [Button(str(n), f"my:r:{ticket.id}:{n}") for n in (5, 4, 3, 2, 1)]
        ctx.say("rate_ask", rows(*scores, per_row=5))
    elif verb == "r" and len(parts) == 4 and parts[3] in {"1", "2", "3", "4", "5"}:
        await _rate(ctx, ticket, int(parts[3]))
    elif verb == "bad" and ticket.status in (Status.RESOLVED, Status.CLOSED):
        await ctx.start_flow(REOPEN, "reason", {"ticket_id": ticket.id})
        ctx.say("reopen_ask")
    else:
        ctx.say("not_allowed_now", status=status_label(ticket.status, ctx.script))


async def typed_verdict(ctx: Ctx, text: str) -> bool:
    """A score or a short verdict typed back to the person's ticket awaiting confirmation.

    A score rates it (which confirms it, as the buttons do); words get the notice's buttons
    again, since "好了" or "还是不行" alone is too little to close or reopen a ticket on.
    False when the text is something else, or no ticket awaits the person's verdict.
    """
    plain = bare(text)
    if not plain or len(plain) > _VERDICT_MAX:
        return False
    score = _TYPED_SCORE.fullmatch(plain)
    if score is None and not any(word in plain for word in _VERDICT_WORDS):
        return False
    recent = await ctx.uow.tickets.of_requester(ctx.user.id, limit=5)
    ticket = next((t for t in recent if t.status is Status.RESOLVED), None)
    if ticket is None:
        return False
    if score is not None:
        digit = score.group(1)
        await _rate(ctx, ticket, _SCORES.get(digit) or int(digit))
    else:
        ctx.say("verdict_buttons", _actions(ctx, ticket), number=ticket.label)
    return True


async def _tell_team_withdrawn(ctx: Ctx, ticket: Ticket) -> None:
    """The team stops working on it: its cards lose their buttons, and its chat is told."""
    await notify.update_cards(ctx, ticket)
    chat = await notify.team_chat(ctx, ticket.team_id)
    if chat is not None:
        text = t("t_withdrawn", number=ticket.label)
        await ctx.enqueue(chat, text, urgent=ticket.urgent, ticket_id=ticket.id, purpose="notify")


async def _transition(ctx: Ctx, ticket: Ticket, action: Action, note: str = "") -> bool:
    try:
        await perform(
            ctx.uow, ctx.cfg, ticket, action, actor_id=ctx.user.id, now=ctx.now, note=note
        )
    except (IllegalTransition, PermissionDenied):
        ctx.say("not_allowed_now", status=status_label(ticket.status, ctx.script))
        return False
    return True


async def _rate(ctx: Ctx, ticket: Ticket, score: int) -> None:
    if ticket.status is not Status.RESOLVED:
        ctx.say("not_allowed_now", status=status_label(ticket.status, ctx.script))
        return
    if not await _transition(ctx, ticket, Action.CONFIRM):
        return
    ticket.rate(score, "", ctx.now)
    await note_event(
        ctx.uow,
        ticket,
        "rate",
        actor_id=ctx.user.id,
        role=Role.REQUESTER,
        now=ctx.now,
        data={"rating": score},
    )
    await ctx.start_flow(RATE, "comment", {"ticket_id": ticket.id})
    ctx.say("rate_comment_ask", rows(Button(ctx.text("skip"), "f:skip")))


async def flow_step(ctx: Ctx) -> None:
    """The text (or photo) that follows 补充 / 没解决 / a rating."""
    assert ctx.conv is not None
    ticket = await own_ticket(ctx, str(ctx.conv.data.get("ticket_id", "")))
    flow, msg = ctx.conv.flow, ctx.msg
    if ticket is None:
        await ctx.end_flow()
        return
    text = msg.text.strip()
    if flow == RATE:
        if text and msg.callback_data is None:  # a typed comment, not the 跳过 button
            ticket.rating_comment = text[:500]
            await note_event(
                ctx.uow,
                ticket,
                "rate",
                actor_id=ctx.user.id,
                role=Role.REQUESTER,
                now=ctx.now,
                note=text[:500],
            )
        await ctx.end_flow()
        ctx.say("rated", number=ticket.label)
        return
    if not text and not msg.photo_file_id:
        ctx.say("need_text")
        return
    if len(text) > ctx.cfg.limits.max_text:
        ctx.say("too_long", length=len(text), limit=ctx.cfg.limits.max_text)
        return
    if flow == ADD_INFO:
        await add_info(ctx, ticket, text, msg.photo_file_id)
        await ctx.end_flow()
        ctx.say("add_info_done", number=ticket.label)
    elif flow == REOPEN:
        if not text:
            ctx.say("reopen_ask")
        elif await _transition(ctx, ticket, Action.REOPEN, note=text):
            await ctx.end_flow()
            await notify.post_card(ctx, ticket)
            team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
            ctx.say("reopened", number=ticket.label, team=team)


async def add_info(
    ctx: Ctx, ticket: Ticket, text: str, photo: str | None, *, answer: bool = False
) -> None:
    """Attach the requester's words or photo to the ticket and tell the team."""
    assert ticket.id is not None
    if photo:
        await ctx.uow.attachments.add(
            Attachment(
                ticket_id=ticket.id,
                kind="photo",
                added_at=ctx.now,
                added_by=ctx.user.id,
                file_id=photo,
                caption=text,
            )
        )
    if answer:
        await perform(
            ctx.uow, ctx.cfg, ticket, Action.ANSWER, actor_id=ctx.user.id, now=ctx.now, note=text
        )
    else:
        await note_event(
            ctx.uow,
            ticket,
            "info",
            actor_id=ctx.user.id,
            role=Role.REQUESTER,
            now=ctx.now,
            note=text,
            data={"photo": bool(photo)},
        )
    chat = await notify.team_chat(ctx, ticket.team_id)
    if chat is not None:
        key = "answer_to_team" if answer else "info_to_team"
        await ctx.enqueue(
            chat,
            t(key, number=ticket.label, text=text or "[照片]"),
            urgent=ticket.urgent,
            ticket_id=ticket.id,
        )
        if photo:
            await notify.forward(ctx, chat, ticket, "send_photo", file_id=photo)

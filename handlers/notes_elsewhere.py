"""A card's note typed in the wrong chat: 需补充, 办结 or 转派 pressed in the team's group and
the note typed in the member's private chat with the bot, or pressed on a page in the private
chat and typed in the group. The prompt waits in the chat where the button was pressed; the
words typed elsewhere would otherwise be the team's own talk (said to nobody) or a request of
the member's own, and the note lost without a word. The member is told once where to type it.
"""

from __future__ import annotations

from core.model import Conversation
from handlers.context import Ctx
from handlers.i18n import in_script
from handlers.team_notes import FLOWS, WAITS_FOR, number_of

_TOLD = "told_elsewhere"


async def note_waits_elsewhere(ctx: Ctx) -> bool:
    """Whether the sender's card prompt waits in another chat and they have not been told
    so yet; if so they are told where to type the note (True), and nothing else is done."""
    msg = ctx.msg
    if (
        msg.is_button
        or msg.command
        or not (msg.text.strip() or msg.photo_file_id or msg.voice_file_id)
    ):
        return False
    waiting = await _waiting(ctx)
    if waiting is None:
        return False
    what, button = (in_script(word, ctx.script_here) for word in WAITS_FOR[waiting.flow])
    key = "t_note_in_private" if waiting.chat_id == waiting.user_id else "t_note_in_group"
    ctx.say(key, number=await number_of(ctx, waiting), what=what, button=button)
    # Once: a member who goes on typing here means it here (a request of their own, the
    # team's talk), and the prompt still waits where it was asked.
    waiting.data = {**waiting.data, _TOLD: True}
    await ctx.uow.conversations.save(waiting)
    return True


async def _waiting(ctx: Ctx) -> Conversation | None:
    for conv in await ctx.uow.conversations.of_user(ctx.user.id):
        if conv.chat_id == ctx.msg.chat_id or conv.flow not in FLOWS:
            continue
        if conv.expires_at > ctx.now and not conv.data.get(_TOLD):
            return conv
    return None

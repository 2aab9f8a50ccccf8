"""A card's note typed in the wrong chat: 需补充, 办结 or 转派 pressed in the team's group and
the note typed in the member's private chat with the bot, or pressed on a page in the private
chat and typed in the group. The prompt waits in the chat where the button was pressed; the
words typed elsewhere would otherwise be the team's own talk (said to nobody) or a request of
the member's own, and the note lost without a word. The member is told once in each chat
where to type it: from the private chat to the groups where prompts wait, from a group to the
private chat; never from one group to another, whose talk is no note of a prompt elsewhere.

What is plainly the member's own in their private chat (an alarm about their own barn, a
menu entry, the answer to a ticket of theirs that waits for it) is never held back for the
pointer: it goes as it would without the prompt, the pointer beside it. A barn's trouble
that is not said to be theirs (烤房停电了吗？, 你家烤房是不是停电了) is the note itself, the
question for the farmer typed in the wrong chat: pointed, not a 110 call of the member's.
"""

from __future__ import annotations

import re

from core.model import Conversation
from handlers.context import Ctx
from handlers.i18n import in_script
from handlers.team_notes import FLOWS, WAITS_FOR, number_of
from handlers.tickets import typed_alarm
from handlers.typed_menu import menu_key
from routing import to_simplified

# The chats each prompt's pointer was said in (True, as it was first stored: said once).
_TOLD = "told_elsewhere"

# A barn said to be the writer's own: 我家烤房, 我们家的烤房, 自家那个烤房, 我的2号烤房,
# 家里烤房 (opening its clause), 我家那边的烤房. Not 你家烤房, 他们家的烤房, 他家里烤房,
# 农户家里烤房, 我的问题是烤房… (我的 not the barn's),
# 跟我家烤房一样 (a likeness told the farmer), nor 我们的烤房技术员 (a person).
_OWN_BARN = re.compile(
    r"(?<![跟和像同比])(?:(?:我们|咱们|我|咱|俺|自)家里?|(?<![^，,。；;！!\s])家里|我们的|我的)"
    r"(?:的|那个|这个|那座|这座|那间|这间|那边|这边|[一二三四五六七八九十两\d]+(?:号|个|座|间))*"
    r"烤(?:烟)?房(?!技术员|师傅|队|服务)"
)
# What asks the farmer (烤房停电了吗？, 是不是停电了): a question mark or a question word
# that waits for an answer; not 怎么办 or 怎么也降不下来, which tell of trouble.
_ASKS = re.compile(r"[?？]|吗|是不是|有没有|几点|什么时候")


async def note_waits_elsewhere(ctx: Ctx) -> bool:
    """Whether the sender's message is held back by a card prompt waiting in another chat:
    they are told where to type the note, and nothing else is done (True). False: the
    message goes on as it would (told beside it of a prompt waiting, if it is their own)."""
    msg = ctx.msg
    if (
        msg.is_button
        or msg.command
        or not (msg.text.strip() or msg.photo_file_id or msg.voice_file_id)
    ):
        return False
    waiting = await _waiting(ctx)
    if not waiting:
        return False
    for conv in waiting:
        what, button = (in_script(word, ctx.script_here) for word in WAITS_FOR[conv.flow])
        key = "t_note_in_private" if conv.chat_id == conv.user_id else "t_note_in_group"
        ctx.say(key, number=await number_of(ctx, conv), what=what, button=button)
        # Once in this chat: a member who goes on typing here means it here (a request of
        # their own, the team's talk), and the prompt still waits where it was asked.
        told = conv.data.get(_TOLD)
        chats = told if isinstance(told, list) else []
        conv.data = {**conv.data, _TOLD: [*chats, msg.chat_id]}
        await ctx.uow.conversations.save(conv)
    return not (msg.is_private and await _their_own(ctx))


async def _their_own(ctx: Ctx) -> bool:
    """Whether the private message is plainly the member's own matter, as their private
    chat takes it: an alarm about their own barn (110 paged at once), a menu entry, or
    words while a ticket of theirs waits for their answer."""
    text = ctx.msg.text.strip()
    if text and (menu_key(text) is not None or (_own_barn(text) and typed_alarm(ctx))):
        return True
    return bool(list(await ctx.uow.tickets.waiting_for(ctx.user.id)))


def _own_barn(text: str) -> bool:
    """Words that tell of the writer's own barn (我家烤房停电了), not ask about a barn: the
    note for the farmer typed here asks (烤房停电了吗？) or names theirs (你家烤房)."""
    simplified = to_simplified(text)
    return _OWN_BARN.search(simplified) is not None and _ASKS.search(simplified) is None


async def _waiting(ctx: Ctx) -> list[Conversation]:
    """The sender's card prompts waiting where this message should point: from the private
    chat, those in groups; from a group, the one in the private chat. Not told here yet."""
    here, private = ctx.msg.chat_id, ctx.msg.is_private
    found = []
    for conv in await ctx.uow.conversations.of_user(ctx.user.id):
        in_private = conv.chat_id == conv.user_id
        if conv.chat_id == here or conv.flow not in FLOWS or in_private == private:
            continue
        told = conv.data.get(_TOLD)
        if told is True or (isinstance(told, list) and here in told):
            continue
        if conv.expires_at > ctx.now:
            found.append(conv)
    return sorted(found, key=lambda conv: conv.updated_at)

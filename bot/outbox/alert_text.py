"""What an alert about an undelivered message says, as each place it goes to may read it.

The alert names whom the message (and the alerts about it, `bot.outbox.relayed`) could not
reach and why, whom to phone, and quotes the message first lost. A complainant the reader
may not know (匿名, or one the oversight team keeps) is not named, and a message that gave
their details is not quoted, where the ticket's card would not name them
(`core.complainant`). Outside the places that read an investigated complaint whole, the
alert shows its 🔒 card in the quote's stead (`core.investigated`); the supervisors' desk
reads it as any other alert.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.outbox.relayed import (
    earlier_whys,
    phone_lines,
    relay_names,
    unreached_clause,
)
from core.complainant import ANONYMOUS, card_shown_at, keeper_places, withheld
from core.config import Config
from core.investigated import investigated, reads_it_whole
from core.model import ChatPlace, OutboxMessage, Ticket
from core.unreached import desk_place, why_refused
from routing.reader import as_written
from storage.uow import SqlUnitOfWork

_EXCERPT = 200


@dataclass(frozen=True)
class Lost:
    """What an alert is about: the message first lost (`root`), the chats whose alerts about
    it were refused after it (`relays`), and the message refused just now (`row`: `root`,
    or the last of those alerts), with Telegram's reason for it."""

    root: OutboxMessage
    relays: list[int]
    row: OutboxMessage
    reason: str
    forbidden: bool
    # The names of the others the same message reached (the other member paged on duty):
    # nobody has to be woken to phone the one it missed.
    reached: tuple[str, ...] = ()
    # Those it is still on its way to, when it reached nobody yet: said, and the alert still
    # rings, as nobody has the page yet; that copy may meet a long back-off or be refused.
    on_way: tuple[str, ...] = ()

    @property
    def covered(self) -> bool:
        """Whether another has the message already: nobody need be woken."""
        return bool(self.reached)

    @property
    def chats(self) -> list[int]:
        return [self.root.chat_id, *self.relays]


async def alert_texts(
    uow: SqlUnitOfWork,
    cfg: Config,
    ticket: Ticket,
    lost: Lost,
    *,
    group: str | None = None,
) -> Callable[[ChatPlace], str]:
    """The alert as each place it goes to may read it (`core.complainant.card_shown_at`): a
    named complainant is named where their details may be read (`keeper_places`), in the
    supervisors' own chats whichever team has the complaint, as a 超时督办's card is; the
    team complained about and its leaders read who keeps them. The message first lost is
    quoted as the reader may read it: a copy sent where the complainant is named (the
    oversight team's) is quoted only where they may be."""
    keepers = await keeper_places(uow, cfg, ticket)
    original = excerpt(lost.root)
    hidden = original
    if keepers and original and (lost.root.place in keepers or await _names(uow, ticket, original)):
        hidden = f"（{withheld(cfg, ticket) or ANONYMOUS}，此处不转述）"
    unnamed = await _alert_text(uow, cfg, ticket, lost, group=group)
    named = await _alert_text(uow, cfg, ticket, lost, group=group, keeper=True)
    outside = quoted(unnamed, hidden)
    inside = quoted(named, original)
    shown = await card_shown_at(uow, cfg, ticket, outside, None if inside == outside else inside)
    if not investigated(cfg, ticket):
        return shown
    # An investigated complaint's copies outside the places reading it whole show what it
    # was about only (🔒): there it stands for the quote, after the alert's own lines, which
    # name no complainant the card would not; alone, it would not say what was not delivered.
    # The supervisors' desk is no team the complaint is about: it reads what was lost, as
    # the supervisors do in their own chats, the complainant withheld where not a keeper.
    whole = await reads_it_whole(uow, cfg, ticket)
    desk = await desk_place(uow, cfg)

    def at(place: ChatPlace) -> str:
        if place in whole:
            return shown(place)
        return outside if place == desk else f"{unnamed}\n{shown(place)}"

    return at


async def _names(uow: SqlUnitOfWork, ticket: Ticket, text: str) -> bool:
    """Whether `text` gives any of the requester's details (a copy sent to a chat no team
    has any more, which the ladder cannot place, may be the oversight team's)."""
    requester = await uow.users.get(ticket.requester_id)
    if requester is None:
        return False
    details = [requester.name, requester.phone.lstrip("+")]
    details += [requester.shop_name or "", requester.licence_number or ""]
    details += [requester.address or ""]
    return any(detail and detail in text for detail in details)


def excerpt(row: OutboxMessage) -> str:
    """The failed message as quoted: whole, or cut after its last whole line that fits (a
    card's head says what it is about); mid-line when whole lines would leave less than half
    of it (a card's head, then a long 内容: the request itself must show)."""
    original = str(row.payload.get("text") or row.payload.get("caption") or "")
    if len(original) <= _EXCERPT:
        return original
    head = original[:_EXCERPT]
    lines = head.rpartition("\n")[0]
    return (lines if len(lines) >= _EXCERPT // 2 else _before_digits(head, original)) + "…"


def _before_digits(head: str, original: str) -> str:
    """`head` cut from `original` mid-line, moved back to before a run of digits it would
    split: half a phone or licence number is still theirs, and the check for a requester's
    details (`_names`) looks for whole numbers only, so it would be quoted where they may
    not be named."""
    end = len(head)
    if original[end : end + 1].isdigit():
        while end and head[end - 1].isdigit():
            end -= 1
    return head[:end]


def quoted(alert: str, original: str) -> str:
    return f"{alert}\n原消息：{original}" if original else alert


async def _alert_text(
    uow: SqlUnitOfWork,
    cfg: Config,
    ticket: Ticket,
    lost: Lost,
    *,
    group: str | None = None,
    keeper: bool = False,
) -> str:
    """The alert, but the message it quotes; `keeper`: as read where a named complainant
    may be (`withheld`); `group`: the team whose chat or person the message first lost was
    for, when not the ticket's."""
    root = lost.root
    user = await uow.users.get(root.chat_id) if root.chat_id > 0 else None
    # A complainant the team may not know (匿名, or one 作风监督 keeps) stays unnamed to the
    # team and its leaders, who hear of the failed message first.
    requester = root.chat_id == ticket.requester_chat_id
    instead = withheld(cfg, ticket, keeper=keeper) if requester else None
    if instead is not None:
        user = None
    if requester:
        who = "申请人"
    elif root.chat_id < 0:
        who = "服务队群" if group is None else f"{group}的群"
    else:
        who = "工作人员" if group is None else f"{group}的工作人员"
    if user is not None and user.name:
        who += f" {as_written(user.name)}"
    row, reason, forbidden = lost.row, lost.reason, lost.forbidden
    whys = {row.chat_id: why_refused(reason, forbidden=forbidden, group=row.chat_id < 0)}
    if lost.relays:
        whys = await earlier_whys(uow, ticket.id or 0, lost.chats, root.created_at) | whys
    why = whys.get(root.chat_id) or why_refused("", forbidden=True, group=root.chat_id < 0)
    names = await relay_names(uow, lost.relays, "服务队群")
    relayed = [whys.get(chat_id, why) for chat_id in lost.relays]
    lines = [f"⚠️ 工单 {ticket.label}：消息未能送达{unreached_clause(who, why, names, relayed)}。"]
    if not forbidden:  # no words of ours for whatever else Telegram said
        lines.append(f"原因：{reason[:200]}")
    if instead == ANONYMOUS:
        lines.append("投诉人要求匿名，没有其他联系方式。")
    elif instead is not None:
        lines.append(f"{instead}，需要联系投诉人请找该室。")
    lines += await phone_lines(uow, user, lost.relays)
    if lost.reached:
        lines.append(f"同一消息已送达 {'、'.join(lost.reached)}。")
    elif lost.on_way:
        lines.append(f"同一消息正在发给 {'、'.join(lost.on_way)}；如果也没有送达，会另行提醒。")
    return "\n".join(lines)

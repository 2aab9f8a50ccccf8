"""Thanks and praise a requester sends about a service given ("师傅来得很快，感谢！", "谢谢白石乡
110服务队的张师傅"): the summary of their words offers to pass them on to the team that
served them (「👍 把感谢转给…」), beside filing them as a request, which thanks that also
ask for something still are. Passed on, they reach the team's chat through the outbox and
are recorded on the ticket they thank for (its timeline reads 致谢); nothing is filed."""

from __future__ import annotations

import re
from datetime import datetime

from core.config import Config
from core.enums import Role, Status
from core.lifecycle import REOPEN_AFTER_CLOSE
from core.model import Ticket
from core.services import note_event
from handlers import notify
from handlers.context import Ctx
from handlers.drafts import DRAFT
from handlers.i18n import t
from handlers.rating_words import thanks_only
from handlers.tickets import is_question, routed
from routing import to_simplified

# Tickets a team has taken up: what thanks may be for (not one nobody has come to yet).
_SERVED = (
    Status.ACCEPTED,
    Status.ON_SITE,
    Status.WAITING_REQUESTER,
    Status.RESOLVED,
    Status.CLOSED,
)
_LOOKED_AT = 10  # of the requester's newest tickets


async def thanked_ticket(ctx: Ctx, text: str) -> Ticket | None:
    """The ticket whose team words of thanks that ask for nothing are for: of the
    requester's served in the last week, the newest of the team the words name (by its
    name, its town's or for short: 烘烤队), or, naming none, the newest. None for other
    words (`only_thanks`), or with no such ticket (the thanks are then offered as a request
    only, as any words are, unless they name a team: `unserved_team_thanked`)."""
    if not only_thanks(ctx, text):
        return None
    served = await _served(ctx)
    named = teams_named(ctx.cfg, to_simplified(text))
    if named:
        served = [ticket for ticket in served if ticket.team_id in named]
    return max(served, key=_served_at, default=None)


async def unserved_team_thanked(ctx: Ctx, text: str) -> set[str]:
    """The teams words of thanks that ask for nothing name ("谢谢白石乡110服务队的张师傅"),
    when they served none of the requester's tickets in the last week: thanks all the same,
    not a request to offer for filing, with no ticket to pass them on with. Empty
    otherwise."""
    if not only_thanks(ctx, text):
        return set()
    named = teams_named(ctx.cfg, to_simplified(text))
    if not named or any(ticket.team_id in named for ticket in await _served(ctx)):
        return set()
    return named


async def _served(ctx: Ctx) -> list[Ticket]:
    """The requester's tickets a team took up, acting on them in the last week."""
    since = ctx.now - REOPEN_AFTER_CLOSE
    return [
        ticket
        for ticket in await ctx.uow.tickets.of_requester(ctx.user.id, limit=_LOOKED_AT)
        if ticket.status in _SERVED
        and ticket.accepted_by is not None
        and _served_at(ticket) >= since
    ]


# How a team is called for short: words of its name before a word a team's name ends with
# (烘烤队 or 110队 of 青山镇烘烤110服务队, 专卖所 of 专卖管理所, 配送中心 of 物流配送中心).
_TEAM_ENDS = ("服务队", "服务组", "服务站", "中心", "队", "组", "所", "站", "室", "部")
_LONGEST_STEM = 6
# What follows a team thanked: its people (烘烤队的赵师傅, 配送中心师傅), a pause or the end;
# not the words of a question about the place (专卖所在哪里, 配送中心电话多少).
_AFTER_THANKED = re.compile(r"$|[的们\s,，.。!！~～、]|师傅|同志|老师|兄弟|大哥|大姐")


def teams_named(cfg: Config, said: str) -> set[str]:
    """The teams `said` (Simplified) names: in full, for short (`team_nicknames`), by the
    town it serves (白石乡的师傅), or both (白石乡110服务队: the 110 team of 白石乡)."""
    towns = {
        area.id for area in cfg.areas if any(to_simplified(name) in said for name in area.names())
    }
    in_full = {team.id for team in cfg.teams if to_simplified(team.name) in said}
    of_towns = {team.id for team in cfg.teams if towns & set(team.areas)}
    short: set[str] = set()
    for _, teams in team_nicknames(cfg, said):
        short |= teams
    if short and of_towns:
        return in_full | (short & of_towns or of_towns)
    return in_full | short | of_towns


def team_nicknames(cfg: Config, said: str) -> list[tuple[str, set[str]]]:
    """The short names of teams in `said` (Simplified), each with the teams it may stand
    for: two or more characters of a team's name, the longest such, right before a word a
    team's name ends with (谢谢烘烤队的赵师傅: 烘烤队, the 110 teams)."""
    names = {team.id: to_simplified(team.name) for team in cfg.teams}
    found: list[tuple[str, set[str]]] = []
    for end in _TEAM_ENDS:
        at = said.find(end)
        while at >= 0:
            for size in range(min(_LONGEST_STEM, at), 1, -1):
                stem = said[at - size : at]
                teams = {team for team, name in names.items() if stem in name}
                if teams and _AFTER_THANKED.match(said, at + len(end)):
                    found.append((stem + end, teams))
                    break
            at = said.find(end, at + len(end))
    return found


def only_thanks(ctx: Ctx, text: str) -> bool:
    """Thanks or praise that ask for nothing (`rating_words.thanks_only`), and beside which
    the router finds no service's words: "谢谢，烟叶烤黑了", "谢谢，但是烟叶发霉了" tell of a
    matter of their own. The name of a team thanked is no such words ("谢谢青山镇烘烤110服务队"
    or "谢谢烘烤队的赵师傅" names 烘烤), nor are the thanks themselves. A question beside
    them ("谢谢，配送中心的电话多少") is a matter of its own too."""
    praise = ctx.cfg.routing.praise_words
    if not thanks_only(text, praise) or is_question(text):
        return False
    rest = to_simplified(text)
    names = [to_simplified(team.name) for team in ctx.cfg.teams]
    names += [nickname for nickname, _ in team_nicknames(ctx.cfg, rest)]
    for words in sorted([*names, *praise], key=len, reverse=True):
        rest = rest.replace(words, "，")
    decision = routed(ctx, rest)
    # Any line's words count, however weak: the triage desk's doubt is still a matter.
    return decision is None or not decision.candidates


def _served_at(ticket: Ticket) -> datetime:
    """When the team last acted on the ticket: took it up, went, resolved it, or it was
    closed. Not when anything last happened to it: a reminder, a call-back or thanks passed
    on move that too, and would make a service long past seem recent."""
    acts = (ticket.accepted_at, ticket.on_site_at, ticket.resolved_at, ticket.closed_at)
    return max((at for at in acts if at is not None), default=ticket.created_at)


async def thanked_from(ctx: Ctx, draft_id: str) -> Ticket | None:
    """The requester's ticket the draft `draft_id`'s thanks were passed on for, if they were
    (its 致谢 names the draft)."""
    if not draft_id:
        return None  # a draft begun before drafts had ids: nothing names it
    for ticket in await ctx.uow.tickets.of_requester(ctx.user.id, limit=_LOOKED_AT):
        assert ticket.id is not None
        events = await ctx.uow.tickets.events(ticket.id)
        if any(e.action == "thanks" and e.data.get(DRAFT) == draft_id for e in events):
            return ticket
    return None


async def pass_on(ctx: Ctx, ticket_id: int, text: str, draft_id: str) -> Ticket | None:
    """The thanks to the ticket's team (its chat, else those it pages), recorded on the
    ticket; None, and nothing sent, for a ticket that is not the requester's."""
    ticket = await ctx.uow.tickets.get(ticket_id)
    if ticket is None or ticket.requester_id != ctx.user.id:
        return None
    await note_event(
        ctx.uow,
        ticket,
        "thanks",
        actor_id=ctx.user.id,
        role=Role.REQUESTER,
        now=ctx.now,
        note=text[:500],
        data={DRAFT: draft_id} if draft_id else None,
    )
    said = notify.as_team_reads(ctx, ticket, ticket.team_id, text)
    words = t("thanks_to_team", number=ticket.label, text=said)
    for target in await notify.team_targets(ctx, ticket.team_id, urgent=False):
        await ctx.enqueue(target, words, ticket_id=ticket.id)
    return ticket

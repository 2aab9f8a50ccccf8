"""A complaint on the oversight line (作风监督): what the other teams' copies of its card
say. A complaint the oversight team took over from the team it is about (接管), or that a
team sent on to it, is shown to the teams that had it as what it was about only: not who
complained, how to reach them, what the investigation found or how it was rated. The desk
(a press, a rating) and the sweep (an auto-close) edit those copies alike, so both ask here.
"""

from __future__ import annotations

from core.config import Config
from core.enums import Kind
from core.model import ChatPlace, Ticket
from core.ports import UnitOfWork
from core.ranks import supervisors
from core.team_chats import team_place
from core.texts import clip


def investigated(cfg: Config, ticket: Ticket) -> bool:
    """Whether `ticket` is a complaint the oversight line has."""
    oversight = cfg.oversight_line()
    return ticket.kind is Kind.COMPLAINT and oversight is not None and ticket.line == oversight.id


def investigated_card(cfg: Config, ticket: Ticket, words: str) -> str:
    """The card of an investigated complaint as a team that had it reads it (Simplified);
    `words`, the ticket's as that team may read them (`core.complainant.shown_words`)."""
    team = cfg.team(ticket.team_id).name
    return (
        f"🔒 工单 {ticket.label}｜投诉｜已由 {team} 接管调查，本队不再办理\n"
        f"内容：{clip(words, 200)}"
    )


async def team_places(uow: UnitOfWork, cfg: Config, team_id: str) -> set[ChatPlace]:
    """Where the team's cards may be: its chat (in its topic, for a team bound to one), its
    members' and leaders' own chats. Another topic of the same group is not the team's: it
    may be another team's, or the oversight team's copy of a complaint."""
    chat = await team_place(uow, cfg, team_id)
    team = cfg.find_team(team_id)
    people = {m.user_id for m in await uow.memberships.of_team(team_id)}
    people |= set(team.leaders if team is not None else [])
    return {ChatPlace(uid) for uid in people} | ({chat} if chat is not None else set())


async def reads_it_whole(uow: UnitOfWork, cfg: Config, ticket: Ticket) -> set[ChatPlace]:
    """The places whose copy of an investigated complaint's card shows all of it: the
    oversight team's own, and supervisors' and admins' wherever theirs is."""
    above = {*await supervisors(uow, cfg), *cfg.admins}
    return await team_places(uow, cfg, ticket.team_id) | {ChatPlace(uid) for uid in above}

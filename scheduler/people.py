"""Who hears about a ticket, looked up once per batch (a sweep touches many tickets of few
teams, so caching per transaction saves most of the queries)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select

from core.config import Config
from core.model import ChatPlace, Membership, Ticket, User
from core.ranks import supervisors, team_leaders, unique
from core.team_chats import team_place
from storage.tables import users
from storage.uow import SqlUnitOfWork


class People:
    """Recipients within one unit of work. Unreachable people (they blocked the bot) are
    left out: the outbox sender already told someone about them, and a message that
    cannot arrive must not stand in for one that can."""

    def __init__(self, uow: SqlUnitOfWork, cfg: Config) -> None:
        self.uow = uow
        self.cfg = cfg
        self._chats: dict[str, ChatPlace | None] = {}
        self._teams: dict[str, Sequence[Membership]] = {}
        self._users: dict[int, User | None] = {}
        self._supervisors: list[int] | None = None

    async def load_users(self, ids: Iterable[int]) -> None:
        """Fetch many people in one query (a batch's requesters) instead of one by one."""
        assert self.uow.session is not None
        wanted = [i for i in set(ids) if i not in self._users]
        if not wanted:
            return
        query = select(User).where(users.c.id.in_(wanted))
        found = {u.id: u for u in (await self.uow.session.execute(query)).scalars()}
        for user_id in wanted:
            self._users[user_id] = found.get(user_id)

    async def user(self, user_id: int) -> User | None:
        if user_id not in self._users:
            self._users[user_id] = await self.uow.users.get(user_id)
        return self._users[user_id]

    async def reachable(self, ids: Iterable[int]) -> list[int]:
        found = []
        for user_id in unique(ids):
            user = await self.user(user_id)
            if user is None or user.reachable:
                found.append(user_id)
        return found

    async def team_chat(self, team_id: str) -> ChatPlace | None:
        """The chat (and forum topic) bound with /bindteam, else the configured chat."""
        if team_id not in self._chats:
            self._chats[team_id] = await team_place(self.uow, self.cfg, team_id)
        return self._chats[team_id]

    async def _memberships(self, team_id: str) -> Sequence[Membership]:
        if team_id not in self._teams:
            self._teams[team_id] = await self.uow.memberships.of_team(team_id)
        return self._teams[team_id]

    async def on_duty(self, team_id: str) -> list[int]:
        team = self.cfg.find_team(team_id)
        if team is None or not team.duty_roster:
            return []  # no roster kept: its leaders are the ones alerted
        return await self.reachable(
            m.user_id for m in await self._memberships(team_id) if m.on_duty
        )

    async def stand_in_pagers(self, ticket: Ticket) -> list[int]:
        """Who is paged for `ticket` when nobody of its team is on duty: its leaders, for a
        team that keeps a duty roster (one without is chased up to its leaders by the
        ladder's next rung); never the requester, who may not take their own ticket."""
        team = self.cfg.find_team(ticket.team_id)
        if team is None or not team.duty_roster:
            return []
        leaders = await self.leaders(ticket.team_id)
        return [uid for uid in leaders if uid != ticket.requester_id]

    async def leaders(self, team_id: str) -> list[int]:
        memberships = await self._memberships(team_id)
        return await self.reachable(team_leaders(self.cfg, team_id, memberships))

    async def supervisors(self) -> list[int]:
        """Supervisors from the config and those made so by invitation."""
        if self._supervisors is None:
            self._supervisors = await self.reachable(await supervisors(self.uow, self.cfg))
        return self._supervisors

    async def admins(self) -> list[int]:
        return await self.reachable(self.cfg.admins)

    async def leaders_or_up(self, team_id: str) -> list[int]:
        """The team's leaders; a team without one reachable goes to the supervisors."""
        return await self.leaders(team_id) or await self.supervisors() or await self.admins()

    async def supervisors_or_up(self) -> list[int]:
        return await self.supervisors() or await self.admins()

    async def unreachable_above(self, team_id: str | None) -> list[int]:
        """Those above a team the ladder could not write to privately (never opened a
        private chat with the bot, or blocked it): the team's leaders (none for None), the
        supervisors and the admins, in that order."""
        leaders = (
            team_leaders(self.cfg, team_id, await self._memberships(team_id)) if team_id else []
        )
        everyone = unique([*leaders, *await supervisors(self.uow, self.cfg), *self.cfg.admins])
        reached = set(await self.reachable(everyone))
        return [uid for uid in everyone if uid not in reached]

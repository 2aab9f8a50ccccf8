"""Who leads a team and who supervises: those the config names, then those an invite made
so (memberships). The handlers, the scheduler and the outbox's alerts all ask this, and
must agree on it: a leader by invite who hears one kind of alert hears every kind."""

from __future__ import annotations

from collections.abc import Iterable

from core.config import Config
from core.enums import Role
from core.model import Membership
from core.ports import UnitOfWork


def unique(ids: Iterable[int]) -> list[int]:
    """`ids` without repeats, in their first order."""
    return list(dict.fromkeys(ids))


def team_leaders(cfg: Config, team_id: str, memberships: Iterable[Membership]) -> list[int]:
    """The leaders of `team_id`, given the team's memberships (callers that look at a
    team's members for other reasons too pass what they already read)."""
    team = cfg.find_team(team_id)
    configured = team.leaders if team is not None else []
    joined = (m.user_id for m in memberships if m.role is Role.LEADER)
    return unique([*configured, *joined])


async def supervisors(uow: UnitOfWork, cfg: Config) -> list[int]:
    """The supervisors, by the config or by an invite."""
    joined = (m.user_id for m in await uow.memberships.supervisors())
    return unique([*cfg.supervisors, *joined])

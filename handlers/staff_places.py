"""Who holds which staff place, and taking away a place someone joined with an invite.

The config's leaders and members come and go with the config (`staff.seed_memberships`);
an invite's place stays until an admin takes it away here (someone who left the bureau, or
moved to another team). The person is told, in their script, and a supervisor's own
command menu goes back to the requesters' one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from core.config import Config
from core.enums import Requester, Role, Script
from core.model import Membership, OutboxMessage
from core.ports import UnitOfWork
from handlers.command_menu import own_menu
from handlers.context import Offstage
from handlers.i18n import in_script, t
from handlers.notify import hand_on_pages


@dataclass(frozen=True, slots=True)
class Place:
    """One place, as an admin reads it."""

    user_id: int
    name: str
    team_id: str | None  # None: a supervisor
    role: Role
    on_duty: bool
    from_config: bool
    team_in_config: bool  # False: its team was taken out of the config (the place does nothing)
    reachable: bool


@dataclass
class Removal:
    removed: list[Membership] = field(default_factory=list)
    # Places the config lists: only taking them out of the config removes them.
    listed: list[Membership] = field(default_factory=list)
    configured_overseer: bool = False  # in the config's supervisors or admins


async def places(uow: UnitOfWork, cfg: Config, team_id: str | None = None) -> list[Place]:
    """Every place (or a team's), team by team in the config's order, then supervisors."""
    order = {team.id: i for i, team in enumerate(cfg.teams)}
    found = []
    for membership in await uow.memberships.everyone():
        if team_id is not None and membership.team_id != team_id:
            continue
        user = await uow.users.get(membership.user_id)
        found.append(
            Place(
                user_id=membership.user_id,
                name=user.name if user is not None else "",
                team_id=membership.team_id,
                role=membership.role,
                on_duty=membership.on_duty,
                from_config=membership.from_config,
                team_in_config=membership.team_id is None or membership.team_id in order,
                reachable=user is None or user.reachable,
            )
        )
    last = len(order) + 1

    def rank(place: Place) -> tuple[int, str, int, int]:
        team = last if place.team_id is None else order.get(place.team_id, len(order))
        return team, place.team_id or "", place.role is not Role.LEADER, place.user_id

    return sorted(found, key=rank)


async def remove_places(
    uow: UnitOfWork,
    cfg: Config,
    user_id: int,
    *,
    team_id: str | None = None,
    now: datetime,
) -> Removal:
    """Take away the invite places `user_id` holds (in `team_id` only, if given); those the
    config lists stay, and are returned as `listed`."""
    result = Removal(configured_overseer=user_id in (*cfg.supervisors, *cfg.admins))
    held: Sequence[Membership] = await uow.memberships.of_user(user_id)
    for membership in held:
        if team_id is not None and membership.team_id != team_id:
            continue
        if membership.from_config:
            result.listed.append(membership)
            continue
        await _forget_invites(uow, membership)
        await uow.memberships.remove(membership)
        result.removed.append(membership)
    if result.removed:
        await _tell(uow, cfg, user_id, result.removed, now)
        await hand_on_pages(Offstage(cfg, uow, now), result.removed)
    return result


async def _forget_invites(uow: UnitOfWork, membership: Membership) -> None:
    """The invite that gave the place is spent for good: were the config to list the person
    for a while later, the next start must not keep the place as the invite's."""
    for invite in await uow.invites.used_by(membership.user_id):
        if invite.team_id == membership.team_id and invite.role is membership.role:
            await uow.invites.forget(invite)


async def _tell(
    uow: UnitOfWork, cfg: Config, user_id: int, removed: list[Membership], now: datetime
) -> None:
    user = await uow.users.get(user_id)
    script = user.script if user is not None and user.script is not None else Script.HANS
    names = []
    for membership in removed:
        role = t(f"role_{membership.role.value}", script)
        team = cfg.find_team(membership.team_id or "")
        names.append(f"{in_script(team.name, script)}{role}" if team else role)
    text = t("staff_removed", script, places="、".join(names))
    await uow.outbox.add(_row(user_id, "send_message", {"text": text}, now))
    overseer = user_id in (*cfg.supervisors, *cfg.admins)
    if any(m.role is Role.SUPERVISOR for m in removed) and not overseer:
        # Their own menu listed /stats and /ledger; a staff member's (or the requesters') now.
        staff = user is not None and user.kind is Requester.STAFF
        menu = [[name, text] for name, text in own_menu(script, overseer=False, staff=staff)]
        await uow.outbox.add(_row(user_id, "set_menu", {"text": "", "commands": menu}, now))


def _row(chat_id: int, method: str, payload: dict[str, object], now: datetime) -> OutboxMessage:
    return OutboxMessage(
        chat_id=chat_id,
        method=method,
        payload=payload,
        created_at=now,
        not_before=now,
        priority=1,
        purpose="menu" if method == "set_menu" else "notify",
    )

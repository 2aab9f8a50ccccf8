"""Telegram's command menu by scope: requesters see their own commands, a team's group the
team's, a supervisor's or admin's private chat theirs as well; never a farmer /reassign."""

from __future__ import annotations

import re

from core.config import Config
from core.enums import Role
from core.model import Membership, User
from handlers import entries, team_commands
from handlers.command_menu import Commands, MenuScope, menu_plan
from storage.uow import Database
from tests.support.tickets import T0

SUPERVISOR, ADMIN = 300001, 300002  # config/demo.yaml
JOINED_SUPERVISOR = 300077  # joined with an invite link: a membership, not in the config
STAFF_ONLY = {"queue", "ticket", "reassign", "stats", "ledger", "duty", "bindteam"}
OVERSIGHT = {"queue", "ticket", "reassign", "stats", "ledger"}


async def _plan(db: Database, cfg: Config) -> dict[MenuScope, Commands]:
    async with db.uow() as uow:
        await uow.users.add(User(JOINED_SUPERVISOR, T0, name="赵督办"))
        await uow.memberships.add(Membership(JOINED_SUPERVISOR, Role.SUPERVISOR, T0))
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        return dict(await menu_plan(uow, cfg))


def _names(commands: Commands) -> set[str]:
    return {name for name, _ in commands}


async def test_requesters_see_no_team_or_supervisor_commands(
    db: Database, demo_config: Config
) -> None:
    menus = await _plan(db, demo_config)
    everyone = _names(menus[MenuScope("default")])
    assert {"110", "new", "my", "complain", "suggest", "help"} <= everyone
    assert everyone & STAFF_ONLY == set()


async def test_groups_see_the_team_commands_only(db: Database, demo_config: Config) -> None:
    groups = _names((await _plan(db, demo_config))[MenuScope("all_group_chats")])
    assert {"queue", "ticket", "duty", "bindteam", "help"} <= groups
    assert groups & {"reassign", "stats", "ledger", "110", "new"} == set()


async def test_supervisors_and_admins_see_their_commands_in_their_private_chat(
    db: Database, demo_config: Config
) -> None:
    menus = await _plan(db, demo_config)
    people = [scope.chat_id or 0 for scope in menus if scope.kind == "chat"]
    assert sorted(people) == [SUPERVISOR, ADMIN, JOINED_SUPERVISOR]  # once each
    for person in people:
        theirs = _names(menus[MenuScope("chat", person)])
        assert theirs >= OVERSIGHT and theirs >= {"110", "new", "my", "help"}


async def test_every_menu_entry_is_a_command_the_desk_answers_as_telegram_allows(
    db: Database, demo_config: Config
) -> None:
    known = set(entries.COMMANDS) | set(team_commands.COMMANDS)
    for commands in (await _plan(db, demo_config)).values():
        assert len(commands) == len(_names(commands)) <= 100
        for name, description in commands:
            assert name in known and re.fullmatch(r"[a-z0-9_]{1,32}", name)
            assert 1 <= len(description) <= 256 and re.search(r"[\u4e00-\u9fff]", description)

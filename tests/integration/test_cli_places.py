"""`jinye110 staff list` and `staff remove`: an admin sees who holds which staff place and
takes away a place someone joined with an invite (before, nothing could: a member who left
the bureau kept their team's cards, buttons and duty pages)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.cli import main
from bot.outbox.escalation import mark_unreachable
from core.config import Config
from core.enums import Role
from core.model import Membership
from handlers.staff import create_invite, seed_memberships
from storage.uow import Database
from tests.support.config_edits import with_member_toggled
from tests.support.desk import Harness, texts
from tests.support.tickets import T0

LEAVER = 200777  # joins Qingshan's 110 team and the supervisors by invite, then leaves
CONFIG_MEMBER = 200001


@pytest.fixture
def env(db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("JINYE_DATABASE_URL", db.url)
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def _joined(db: Database, cfg: Config, *, traditional: bool = False) -> Harness:
    desk = Harness(db, cfg)
    await desk.seed()
    for team_id, role in (("curing-qingshan", Role.MEMBER), (None, Role.SUPERVISOR)):
        async with db.uow() as uow:
            invite = await create_invite(uow, team_id=team_id, role=role, now=T0)
            await uow.commit()
        await desk.send(
            LEAVER,
            f"/start join_{invite.token}",
            language_code="zh-hant" if traditional else "zh-hans",
        )
    return desk


async def _cli(*args: str) -> int:
    return await asyncio.to_thread(main, list(args))


async def test_list_shows_every_place_and_where_it_came_from(
    env: Path, db: Database, demo_config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    await _joined(db, demo_config)
    assert await _cli("staff", "list", "--team", "curing-qingshan") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("team\trole\tuser")
    rows = [line.split("\t") for line in lines[1:]]
    assert [[*r[:3], r[5]] for r in rows] == [
        ["curing-qingshan", "leader", "200002", "config"],
        ["curing-qingshan", "member", "200001", "config"],
        ["curing-qingshan", "member", "200003", "config"],
        ["curing-qingshan", "member", str(LEAVER), "invite"],
    ]
    assert await _cli("staff", "list") == 0
    assert f"(supervisor)\tsupervisor\t{LEAVER}" in capsys.readouterr().out


async def test_a_leader_the_bot_cannot_write_to_is_not_said_to_have_blocked_it(
    env: Path, db: Database, demo_config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    """Telegram refuses a private message alike to someone who never wrote to the bot (the
    console demo's team personas) and to someone who blocked it: the list cannot tell which."""
    await _joined(db, demo_config)
    async with db.uow() as uow:
        await mark_unreachable(uow, 200002, T0)
        await uow.commit()
    assert await _cli("staff", "list", "--team", "curing-qingshan") == 0
    leader = capsys.readouterr().out.splitlines()[1].split("\t")
    assert leader[2] == "200002"
    assert leader[6] == "cannot be written to privately (blocked the bot or never wrote to it)"


async def test_remove_takes_away_invite_places_and_tells_the_person(
    env: Path, db: Database, demo_config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = await _joined(db, demo_config)
    before = {r.id for r in await desk.outbox()}
    assert await _cli("staff", "remove", str(LEAVER)) == 0
    out = capsys.readouterr().out
    assert "removed: curing-qingshan member" in out and "removed: (supervisor) supervisor" in out
    async with db.uow(read_only=True) as uow:
        assert await uow.memberships.of_user(LEAVER) == []
    told = [r for r in await desk.outbox() if r.id not in before and r.chat_id == LEAVER]
    [notice] = [r for r in told if r.method == "send_message"]
    assert "青山镇烘烤110服务队队员、督办" in notice.payload["text"]
    [menu] = [r for r in told if r.method == "set_menu"]
    assert "stats" not in [name for name, _ in menu.payload["commands"]]
    # No longer staff: the team's queue and the supervisors' figures are refused.
    assert "只对服务队和督办人员开放" in texts(await desk.send(LEAVER, "/queue"))


async def test_a_traditional_reader_is_told_in_traditional(
    env: Path, db: Database, demo_config: Config
) -> None:
    desk = await _joined(db, demo_config, traditional=True)
    assert await _cli("staff", "remove", str(LEAVER), "--team", "curing-qingshan") == 0
    [notice] = [r for r in await desk.outbox() if r.chat_id == LEAVER and r.purpose == "notify"]
    assert "管理員已取消您的以下身份：青山鎮烘烤110服務隊隊員" in notice.payload["text"]
    async with db.uow(read_only=True) as uow:  # --team: the supervisor place stays
        assert [m.role for m in await uow.memberships.of_user(LEAVER)] == [Role.SUPERVISOR]


async def test_a_place_the_config_lists_is_kept_and_the_admin_told_where_to_change_it(
    env: Path, db: Database, demo_config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    await _joined(db, demo_config)
    assert await _cli("staff", "remove", str(CONFIG_MEMBER)) == 1
    assert "listed in the config" in capsys.readouterr().err
    async with db.uow(read_only=True) as uow:
        assert len(await uow.memberships.of_user(CONFIG_MEMBER)) == 1
    assert await _cli("staff", "remove", "999") == 1
    assert "999 holds no staff place" in capsys.readouterr().err


async def test_a_removed_place_does_not_come_back_as_the_invite_s(
    env: Path, db: Database, demo_config: Config
) -> None:
    """Removed, then listed by the config for a while, then taken out of it: gone, not
    kept as the (spent) invite's place."""
    await _joined(db, demo_config)
    assert await _cli("staff", "remove", str(LEAVER), "--team", "curing-qingshan") == 0
    listed = with_member_toggled(demo_config, "curing-qingshan", LEAVER)
    async with db.uow() as uow:
        await seed_memberships(uow, listed, T0)
        await seed_memberships(uow, demo_config, T0)
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        assert [m.team_id for m in await uow.memberships.of_user(LEAVER)] == [None]


async def test_a_team_not_in_the_config_is_named_so_with_the_places_it_still_holds(
    env: Path, db: Database, demo_config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    await _joined(db, demo_config)
    assert await _cli("staff", "list", "--team", "nosuch") == 2  # a typo, as invite says
    assert capsys.readouterr().err == (
        "jinye110 staff list: --team: no team or service line 'nosuch' in the config, "
        "and no staff place held in it\n"
    )
    assert await _cli("staff", "remove", "999", "--team", "nosuch") == 1
    assert capsys.readouterr().err == (
        "999 holds no staff place in team nosuch, which is not in the config and holds no places\n"
    )
    # A team taken out of the config keeps the places invites gave until they are removed.
    async with db.uow() as uow:
        await uow.memberships.add(Membership(LEAVER, Role.MEMBER, T0, team_id="retired"))
        await uow.commit()
    assert await _cli("staff", "list", "--team", "retired") == 0
    assert "team no longer in the config" in capsys.readouterr().out
    assert await _cli("staff", "remove", "999", "--team", "retired") == 1
    assert capsys.readouterr().err == (
        "999 holds no staff place in team retired, which is not in the config; "
        f"its places are held by {LEAVER} (member)\n"
    )

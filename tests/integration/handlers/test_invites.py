"""Staff invite links opened after the bureau's config changed: a link lives up to a year,
and the team it names may have been renamed or removed since."""

from __future__ import annotations

from core.config import Config
from core.enums import Role
from handlers.staff import create_invite
from tests.support.config_edits import with_team_changed
from tests.support.desk import Harness, texts

JOINER = 400002
GONE = "这个邀请链接要加入的服务队已不存在（已改名或撤销），请向管理员重新索取邀请链接。"
GONE_HANT = "這個邀請鏈接要加入的服務隊已不存在（已改名或撤銷），請向管理員重新索取邀請鏈接。"


def renamed(cfg: Config) -> Config:
    """The bureau's config after 烟叶生产技术服务组's id changed from growing."""
    return with_team_changed(cfg, "growing", id="growing-tech")


async def _invite(desk: Harness, team_id: str) -> str:
    async with desk.db.uow() as uow:
        invite = await create_invite(uow, team_id=team_id, role=Role.MEMBER, now=desk.clock())
        await uow.commit()
    return invite.token


async def test_an_invite_to_a_team_no_longer_in_the_config_joins_no_one(desk: Harness) -> None:
    token = await _invite(desk, "growing")
    later = Harness(desk.db, renamed(desk.cfg), desk.clock)
    out = texts(await later.send(JOINER, f"/start join_{token}"))
    assert GONE in out and "欢迎加入" not in out and "growing" not in out
    async with desk.db.uow(read_only=True) as uow:
        assert await uow.memberships.of_user(JOINER) == []
        invite = await uow.invites.get(token)
    assert invite is not None and invite.used_at is None and invite.used_by is None


async def test_the_refusal_is_in_the_readers_script(desk: Harness) -> None:
    token = await _invite(desk, "growing")
    later = Harness(desk.db, renamed(desk.cfg), desk.clock)
    out = texts(await later.send(JOINER, f"/start join_{token}", language_code="zh-hant"))
    assert GONE_HANT in out


async def test_the_link_still_works_once_the_team_is_back(desk: Harness) -> None:
    """The admin put the old id back (a rename undone): the unused link joins as made."""
    token = await _invite(desk, "growing")
    await Harness(desk.db, renamed(desk.cfg), desk.clock).send(JOINER, f"/start join_{token}")
    out = texts(await desk.send(JOINER, f"/start join_{token}"))
    assert "欢迎加入 烟叶生产技术服务组，身份：队员" in out
    async with desk.db.uow(read_only=True) as uow:
        assert [m.team_id for m in await uow.memberships.of_user(JOINER)] == ["growing"]


async def test_ones_own_link_opened_after_the_team_went_says_it_is_gone(desk: Harness) -> None:
    """Not 您已是 growing 的队员: the place names a team that does nothing now."""
    token = await _invite(desk, "growing")
    assert "欢迎加入" in texts(await desk.send(JOINER, f"/start join_{token}"))
    later = Harness(desk.db, renamed(desk.cfg), desk.clock)
    out = texts(await later.send(JOINER, f"/start join_{token}"))
    assert GONE in out and "不用再点" not in out

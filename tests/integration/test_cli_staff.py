"""`jinye110 invite` and `site-qr`: links that work, QR codes that decode to them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from bot.cli import main
from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness, texts

NEW_MEMBER = 200777


def decode(path: Path) -> str:
    [result] = zxingcpp.read_barcodes(Image.open(path))
    return str(result.text)


@pytest.fixture
def env(db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("JINYE_DATABASE_URL", db.url)
    monkeypatch.setenv("JINYE_BOT_USERNAME", "qingshan_yancao_bot")
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def test_invite_link_registers_the_member_once(
    env: Path, db: Database, demo_config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    code = await asyncio.to_thread(
        main, ["invite", "--team", "curing", "--role", "member", "-o", "i.png"]
    )
    assert code == 0
    link = capsys.readouterr().out.splitlines()[0]
    assert link.startswith("https://t.me/qingshan_yancao_bot?start=join_")
    assert decode(env / "i.png") == link
    token = link.split("start=")[1]
    desk = Harness(db, demo_config)
    out = await desk.send(NEW_MEMBER, f"/start {token}")
    assert "欢迎加入 青山镇烘烤110服务队" in texts(out)  # curing's default team
    async with db.uow(read_only=True) as uow:
        memberships = await uow.memberships.of_user(NEW_MEMBER)
    assert [(m.team_id, m.role.value) for m in memberships] == [("curing-qingshan", "member")]
    again = await desk.send(NEW_MEMBER + 1, f"/start {token}")
    assert "邀请链接无效" in texts(again)


async def test_expired_invite_is_refused(
    env: Path, db: Database, demo_config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await asyncio.to_thread(main, ["invite", "--team", "monopoly", "--ttl", "1m"]) == 0
    token = capsys.readouterr().out.splitlines()[0].split("start=")[1]
    desk = Harness(db, demo_config)
    desk.clock.now = datetime.now(UTC) + timedelta(minutes=2)
    out = await desk.send(NEW_MEMBER, f"/start {token}")
    assert "邀请链接无效" in texts(out)


def test_unknown_team_is_a_clear_error(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["invite", "--team", "nowhere"]) == 2
    assert "no team or service line 'nowhere'" in capsys.readouterr().err


def test_site_qr_writes_one_code_per_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_config: Config
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["site-qr", "--out-dir", "qr"]) == 0
    files = sorted((tmp_path / "qr").glob("*.png"))
    assert len(files) == len(demo_config.sites)
    assert decode(tmp_path / "qr" / "QS01.png").endswith("?start=site_QS01")

"""`jinye110 invite` and `site-qr`: links that work, QR codes that decode to them."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import text

from bot.cli import main
from core.config import Config
from core.durations import parse_duration
from storage.uow import Database
from tests.support.closed_pipe import ClosedPipe
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
    assert capsys.readouterr().err == "jinye110 invite: --team: no team or service line 'nowhere'\n"


def test_site_qr_writes_one_code_per_site(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    demo_config: Config,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["site-qr", "--out-dir", "qr"]) == 0
    files = sorted((tmp_path / "qr").glob("*.png"))
    assert len(files) == len(demo_config.sites)
    assert decode(tmp_path / "qr" / "QS01.png").endswith("?start=site_QS01")
    # One line a site, its fields tab-separated, for a spreadsheet to take.
    [first, *_] = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert first[0] == demo_config.sites[0].code and first[2].startswith("https://t.me/")


async def invites_in(db: Database) -> int:
    async with db.engine.connect() as conn:
        return int((await conn.execute(text("SELECT count(*) FROM invites"))).scalar_one())


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--ttl", "0m"], "--ttl: must be longer than zero, not '0m'"),
        (["--ttl=-1d"], "--ttl: not a duration: '-1d'"),
        (["--ttl", "400d"], "--ttl: duration '400d' is longer than 365d"),
        # Read as seconds, 7 would make a link that dies before anyone opens it.
        (["--ttl", "7"], "--ttl: '7' has no unit: write 7d for days, 7h for hours\n"),
        (["--ttl", "1.5"], "--ttl: '1.5' has no unit: write 1.5d for days, 1.5h for hours\n"),
        (["-o", "nowhere/i.png"], "-o: cannot write nowhere/i.png: there is no folder nowhere"),
        (["-o", "taken.txt/i.png"], "-o: cannot write taken.txt/i.png: there is no folder"),
        (["-o", "."], "-o must end in .png or .svg, not ''"),
        (["-o", "i.jpg"], "-o must end in .png or .svg, not 'i.jpg'"),
        (["--role", "supervisor"], "--team does not apply to --role supervisor"),
    ],
)
async def test_a_refused_invite_leaves_no_invite_behind(
    env: Path, db: Database, args: list[str], error: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (env / "taken.txt").write_text("a file, not a folder")
    argv = ["invite", "--team", "curing", *args]
    assert await asyncio.to_thread(main, argv) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"jinye110 invite: {error}") and captured.out == ""
    assert await invites_in(db) == 0


async def test_a_supervisor_invite_needs_no_team_and_a_svg_works(
    env: Path, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["invite", "--role", "supervisor", "-o", "s.svg"]
    assert await asyncio.to_thread(main, argv) == 0
    assert (env / "s.svg").read_text().startswith("<?xml")
    assert await invites_in(db) == 1
    assert await asyncio.to_thread(main, ["invite", "--role", "supervisor"]) == 0
    said = capsys.readouterr().out.splitlines()[-1]
    name = said.removeprefix("QR code: ").split(" (")[0]
    assert name.startswith("invite-supervisor-")  # the default name, and the token's start
    assert (env / name).is_file()


async def test_each_invite_has_its_own_qr_code_named_in_the_output(
    env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three members invited to one team: three QR codes, each decoding to its own link."""
    links = {}
    for _ in range(3):
        assert await asyncio.to_thread(main, ["invite", "--team", "curing-qingshan"]) == 0
        link, said = capsys.readouterr().out.splitlines()
        name = said.removeprefix("QR code: ").split(" (")[0]
        assert name.startswith("invite-curing-qingshan-member-") and name.endswith(".png")
        links[name] = link
    assert len(links) == 3
    for name, link in links.items():
        assert decode(env / name) == link
        assert name.removesuffix(".png").rsplit("-", 1)[1] in link  # the token's start


@pytest.mark.parametrize(("ttl", "said"), [("7d", "7d"), ("90m", "1h30m"), ("36h", "1d12h")])
async def test_the_invite_says_how_long_it_works(
    env: Path, db: Database, capsys: pytest.CaptureFixture[str], ttl: str, said: str
) -> None:
    start = datetime.now(UTC)
    assert await asyncio.to_thread(main, ["invite", "--team", "monopoly", "--ttl", ttl]) == 0
    link, said_line = capsys.readouterr().out.splitlines()
    assert said_line.endswith(f"(one use, expires in {said})")
    async with db.uow(read_only=True) as uow:
        invite = await uow.invites.get(link.split("start=join_")[1])
    assert invite is not None
    lasts = invite.expires_at - start
    assert timedelta(0) <= lasts - parse_duration(ttl) < timedelta(minutes=1)


def test_site_qr_into_a_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "taken").write_text("a file, not a folder")
    assert main(["site-qr", "--out-dir", "taken"]) == 2
    assert capsys.readouterr().err.startswith(
        "jinye110 site-qr: --out-dir: cannot make folder taken: "
    )
    assert main(["site-qr", "--out-dir", "taken/qr"]) == 2
    assert capsys.readouterr().err.startswith(
        "jinye110 site-qr: --out-dir: cannot make folder taken/qr: "
    )


def read_only_folder(tmp_path: Path) -> Path:
    """A folder no file can be made in: a mode-555 one, or for root the read-only /sys."""
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    for candidate in (folder, Path("/sys")):
        try:
            with tempfile.TemporaryFile(dir=candidate):
                pass
        except OSError:
            return candidate
    pytest.skip("every folder here can be written to")


def test_site_qr_into_a_read_only_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = read_only_folder(tmp_path)
    assert main(["site-qr", "--out-dir", str(folder)]) == 2
    assert capsys.readouterr().err.startswith(
        f"jinye110 site-qr: --out-dir: cannot write in folder {folder}: "
    )


@pytest.mark.parametrize("command", [["invite", "--team", "growing"], ["site-qr"]])
def test_an_invalid_config_is_listed_one_problem_a_line(
    command: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.yaml").write_text("bureau: x\nfoo: 1\n", encoding="utf-8")
    monkeypatch.setenv("JINYE_CONFIG", str(tmp_path / "bad.yaml"))
    assert main(command) == 2
    lines = capsys.readouterr().err.splitlines()
    where = f"jinye110 {command[0]}: {tmp_path / 'bad.yaml'}: "
    assert len(lines) > 1 and all(line.startswith(where) for line in lines)
    assert not any("\\n" in line for line in lines)


async def test_invite_into_a_closed_pipe_ends_quietly(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`jinye110 invite --team ordering | head -1`: the reader goes after the link."""
    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert await asyncio.to_thread(main, ["invite", "--team", "ordering"]) == 141
    assert capsys.readouterr().err == ""

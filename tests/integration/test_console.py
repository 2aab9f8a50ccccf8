"""The console demo as a person uses it: the README's walk-through, and the quick-start command."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.bootstrap import build_app
from bot.console import Console
from bot.settings import Settings
from tests.conftest import ROOT
from tests.support.minimal_config import MINIMAL

WALKTHROUGH = """烤房停电了，温度一直往下掉
#1
:as member
#6
:as farmer
/my
:later 60
:sticker
:quit
"""


async def test_walkthrough_from_the_readme(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    out = io.StringIO()
    try:
        code = await Console(app, out=out).run(io.StringIO(WALKTHROUGH))
    finally:
        await app.db.dispose()
    screen = out.getvalue()
    assert code == 0
    assert "已报警，工单号 10019" in screen
    assert "📨 → 青山镇烘烤110服务队" in screen  # the card reached the team chat
    assert "已接单" in screen  # the member accepted and the card was edited
    assert "您的工单 10019 已由 赵队员 接单" in screen  # the farmer was told who
    assert "暂不支持这种消息" in screen
    assert "Traceback" not in screen


async def test_an_older_cards_buttons_stay_pressable_from_their_own_chat(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    out = io.StringIO()
    # The card's 接单 is button 6 (the five barn choices come first). The farmer goes on
    # talking, and the member presses it afterwards; the press comes from the team chat.
    script = "烤房停电了，温度一直往下掉\n#1\n/my\n:who\n:as member\n#6\n:quit\n"
    try:
        await Console(app, out=out).run(io.StringIO(script))
    finally:
        await app.db.dispose()
    screen = out.getvalue()
    assert "[6] 接单" in screen and "已接单" in screen
    assert "→ farmer：张大山" in screen
    assert "member：赵队员（id 200001，在 青山镇烘烤110服务队）" in screen
    assert "失效" not in screen and "Traceback" not in screen


async def test_a_reply_to_a_numbered_message_is_read_as_telegrams_reply(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    try:
        event = Console(app, out=io.StringIO()).parse(":reply #12 办公楼东侧 空地")
    finally:
        await app.db.dispose()
    assert event is not None and (event.text, event.reply_to) == ("办公楼东侧 空地", 12)


async def test_a_command_for_another_bot_in_a_group_is_left_to_that_bot(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    out = io.StringIO()
    # As on Telegram (docs/conversations.md, Team chats): /help@other_bot is that bot's,
    # while /help@ and the bot's own name (in any case) are this one's.
    script = ":as member\n/help@other_bot\n/queue@Jinye110_Bot\n:quit\n"
    try:
        await Console(app, out=out).run(io.StringIO(script))
    finally:
        await app.db.dispose()
    screen = out.getvalue()
    assert "服务队群里可以这样用" not in screen
    assert "没有未办结的工单" in screen


def test_quick_start_run_without_token_starts_the_console_demo_without_log_lines(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JINYE_")}
    env["JINYE_DATABASE_URL"] = f"sqlite+aiosqlite:///{tmp_path / 'q.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        input="/help\n:quit\n",
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "starting the console demo" in done.stdout
    assert "/110 烤房紧急故障" in done.stdout
    # A fresh database is migrated first; the migrations' INFO lines stay out of the terminal.
    assert done.stderr == "", done.stderr


async def _screen(tmp_path: Path, script: str, at: datetime | None = None) -> str:
    """What the console demo prints for `script` typed on a fresh demo database, its clock
    set to `at` (in the bureau's zone) when given."""
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    out = io.StringIO()
    try:
        console = Console(app, out=out)
        if at is not None:
            console.clock.offset = at.replace(tzinfo=app.cfg.zone) - datetime.now(UTC)
        await console.run(io.StringIO(script))
    finally:
        await app.db.dispose()
    return out.getvalue()


def _press(console: Console, action: str) -> str:
    """The console line that presses the newest button whose data starts with `action`."""
    numbers = [n for n, (data, _, _) in enumerate(console.buttons, 1) if data.startswith(action)]
    assert numbers, action
    return f"#{numbers[-1]}"


async def test_the_wish_team_has_personas_who_accept_and_resolve_a_staff_wish(
    tmp_path: Path,
) -> None:
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    out = io.StringIO()
    console = Console(app, out=out)
    try:
        await console.send(":as staff")
        await console.send("/start")
        await console.send(_press(console, "f:kind:staff"))
        for line in ("/cancel", "/wish", "食堂增加早餐品种"):
            await console.send(line)
        await console.send(_press(console, "f:next"))
        await console.send(_press(console, "f:ok"))
        await console.send(":as wish-member")
        await console.send(_press(console, "tk:acc:"))
        await console.send(_press(console, "tk:res:"))
        await console.send("已增加两种早餐")
        await console.send(":who")
    finally:
        await app.db.dispose()
    screen = out.getvalue()
    assert "📨 → 工会职工服务站" in screen  # the wish's card in the wish team's chat
    assert "您的心愿 10019 已由 周干事 接单" in screen  # told to the staff member
    assert "已增加两种早餐" in screen.split("📨 → staff(王建国)")[-1]
    for persona in (
        "wish-member：周干事（id 200081，在 工会职工服务站）",
        "wish-leader：吴站长（id 200082，在 工会职工服务站）",
        "delivery-member：郑配送员（id 200071，在 物流配送中心）",
        "delivery-leader：冯主任（id 200072，在 物流配送中心）",
        "ordering-member：何经理（id 200061，在 营销服务部（客户经理））",
        "ordering-leader：罗部长（id 200062，在 营销服务部（客户经理））",
        "monopoly-member：马专管员（id 200051，在 专卖管理所）",
        "monopoly-leader：高所长（id 200052，在 专卖管理所）",
        "desk：孙督办（id 300001，在 督办分派台）",
        "conduct-member：陈监督员（id 200091，在 纪检作风监督室）",
        "conduct-leader：卫主任（id 200092，在 纪检作风监督室）",
    ):
        assert persona in screen
    assert "Traceback" not in screen


async def test_the_growing_and_purchase_teams_have_personas_who_work_a_farmers_request(
    tmp_path: Path,
) -> None:
    """A farmer's seedling question reaches 烟叶生产技术服务组, whose member accepts it and
    transfers it to 烟叶收购服务组, whose member resolves it: both teams act in the demo."""
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    out = io.StringIO()
    console = Console(app, out=out)
    try:
        await console.send("/start")
        await console.send(_press(console, "f:kind:farmer"))
        for line in ("/cancel", "/new", "烟苗发黄，叶子上有斑点"):
            await console.send(line)
        await console.send(_press(console, "f:next"))
        await console.send(_press(console, "f:ok"))
        await console.send(":as growing-member")
        await console.send(_press(console, "tk:acc:"))
        await console.send(_press(console, "tk:xfer:"))
        [to_purchase] = [
            n for n, (data, _, _) in enumerate(console.buttons, 1) if data.endswith(":purchase")
        ]
        await console.send(f"#{to_purchase}")
        await console.send("是定级的问题")
        await console.send(":as purchase-leader")
        await console.send(_press(console, "tk:acc:"))
        await console.send(":who")
    finally:
        await app.db.dispose()
    screen = out.getvalue()
    assert "📨 → 烟叶生产技术服务组" in screen
    assert "您的工单 10019 已由 韩技术员 接单" in screen
    assert "您的工单 10019 已由 潘组长 接单" in screen
    for persona in (
        "growing-member：韩技术员（id 200031，在 烟叶生产技术服务组）",
        "growing-leader：曹组长（id 200032，在 烟叶生产技术服务组）",
        "purchase-member：彭收购员（id 200041，在 烟叶收购服务组）",
        "purchase-leader：潘组长（id 200042，在 烟叶收购服务组）",
    ):
        assert persona in screen
    assert "Traceback" not in screen


async def test_the_phone_questions_skip_key_is_shown_and_can_be_typed(tmp_path: Path) -> None:
    screen = await _screen(tmp_path, "/start\n烟农\n张大山\n跳过\n:quit\n")
    assert "⌨️ (:contact 共享手机号)  [跳过]" in screen
    assert "请选择您所在的乡镇" in screen  # 跳过 typed, as the key would send it


async def test_a_bureaus_own_config_without_the_demo_teams_starts_with_the_personas_it_has(
    tmp_path: Path,
) -> None:
    """No curing-qingshan (nor the other demo teams): the requesters and the supervisor
    remain, and a farmer can still call."""
    (tmp_path / "bureau.yaml").write_text(MINIMAL, encoding="utf-8")
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}",
        config=tmp_path / "bureau.yaml",
    )
    app = await build_app(settings)
    out = io.StringIO()
    try:
        console = Console(app, out=out)
        code = await console.run(io.StringIO(":who\n/start\n:as member\n:quit\n"))
    finally:
        await app.db.dispose()
    screen = out.getvalue()
    assert code == 0
    assert list(console.people) == ["farmer", "retailer", "staff", "supervisor"]
    assert "farmer：张大山" in screen and "这里是测试局服务台" in screen
    assert "Traceback" not in screen


ECHO_WALK = """烤房停电了，温度一直往下掉
#1
:as member
#6
#15
更换了风机电容，温度已恢复
:as farmer
#16
#18
:later 3
:quit
"""


async def test_later_posts_newly_closed_tickets_to_the_echo_wall(tmp_path: Path) -> None:
    """Confirmed and rated, the call is posted to the echo wall (回音壁) the next time the
    clock moves on, as the scheduler's job would post it."""
    screen = await _screen(tmp_path, ECHO_WALK)
    assert "[18] 5" in screen  # the farmer's score
    assert "回音壁 1 条" in screen
    assert "【回音壁】烘烤110 · 青山镇\n诉求：烤房停电了，温度一直往下掉" in screen
    assert "评价：满意" in screen
    assert "Traceback" not in screen


REQUEST_OVERNIGHT = """:as retailer
我想办理烟草专卖零售许可证延续，需要带什么材料
#1
:later 720
:quit
"""


async def test_later_counts_what_was_sent_not_a_step_put_off(tmp_path: Path) -> None:
    """A licence request filed on a Monday morning and the clock moved on to the night: its
    missed reminder waits for working time, and nothing is sent. The summary says so, not
    that a ticket was chased (1 个工单被催办/督办，0 条消息)."""
    screen = await _screen(tmp_path, REQUEST_OVERNIGHT, at=datetime(2026, 12, 7, 10, 0))
    assert "已提交，工单号" in screen
    [summary] = [line for line in screen.splitlines() if "⏩ 720 分钟后" in line]
    assert "没有新的提醒或通知" in summary and "0 条" not in summary, summary
    assert "Traceback" not in screen


# The curing team's leader sends /start in a private chat with the bot, without which
# Telegram delivers them no page, reminder or card of their own.
LEADER_OPENS_PRIVATE_CHAT = """:as leader
:private
/start
:as farmer
"""


async def test_later_counts_the_reminders_sent(tmp_path: Path) -> None:
    """A 110 call nobody accepts: ten minutes on, the team and its leader are reminded and
    the farmer reassured, one ticket's three messages. (The leader has written to the bot
    privately, or Telegram would deliver no reminder to them.)"""
    script = f"{LEADER_OPENS_PRIVATE_CHAT}/110 烤房停电了，温度一直往下掉\n:later 10\n:quit\n"
    screen = await _screen(tmp_path, script)
    assert "⏩ 10 分钟后：1 个工单发出 3 条提醒或通知" in screen, screen


HELD_OVERNIGHT = f"""{LEADER_OPENS_PRIVATE_CHAT}/start
烤房停电了，温度一直往下掉
#16
:as member
#21
:later 600
#36
换了保险丝，已恢复供电
:later 1440
:later 2880
:later 600
:quit
"""


async def test_later_counts_a_notice_held_for_quiet_hours_when_it_goes_out(
    tmp_path: Path,
) -> None:
    """A call resolved at night and not confirmed: the 销号 two nights on edits the team's
    and the leader's cards then, and the farmer's notice waits for the morning. Each step's
    summary counts what went out in it: two edits that night (not three), the notice the
    next morning (not 没有新的提醒或通知)."""
    screen = await _screen(tmp_path, HELD_OVERNIGHT, at=datetime(2026, 12, 7, 13, 44))
    assert "已办结，已请报告人确认并评价" in screen, screen
    [night] = [line for line in screen.splitlines() if "⏩ 2880 分钟后" in line]
    assert "1 个工单发出 2 条提醒或通知" in night, night
    morning = screen.split("⏩ 600 分钟后")[2]
    assert "已自动销号" in morning, morning
    assert morning.startswith("：1 个工单发出 1 条提醒或通知"), morning
    assert "Traceback" not in screen


async def test_a_team_persona_answers_a_prompt_in_the_private_chat_its_button_was_pressed_in(
    tmp_path: Path,
) -> None:
    # 「📞 已回访」 reaches the oversight leader privately: the line typed after pressing it is
    # the call-back's record, as it would be in that private chat on Telegram, not the
    # team's talk in its group. A press in the group brings the typing back there.
    settings = Settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}")
    app = await build_app(settings)
    out = io.StringIO()
    console = Console(app, out=out)
    try:
        # The oversight leader has written to the bot privately: Telegram delivers the
        # call-back's request to nobody who has not.
        for line in (":as conduct-leader", ":private", "/start", "/cancel"):
            await console.send(line)
        await console.send(":as retailer")
        await console.send("投诉配送员小王，送货总是迟到")
        await console.send(_press(console, "f:ok:"))
        await console.send(":as delivery-member")
        await console.send(_press(console, "tk:acc:"))
        await console.send(_press(console, "tk:res:"))
        await console.send("已和小王谈话")
        await console.send(":as retailer")
        await console.send(_press(console, "my:ok:"))
        await console.send(_press(console, "my:r:1:1"))
        await console.send(_press(console, "f:skip"))
        await console.send(":as conduct-leader")
        leaders = [n for n, (d, _, chat) in enumerate(console.buttons, 1) if chat == 200092]
        await console.send(f"#{leaders[-1]}")
        await console.send("电话回访了，小王已道歉")
        await console.send("/ticket 10019")
    finally:
        await app.db.dispose()
    screen = out.getvalue()
    assert "已记录工单 10019 的回访：电话回访了，小王已道歉" in screen
    assert screen.count("回访：电话回访了，小王已道歉") >= 2  # recorded, and on /ticket
    assert "Traceback" not in screen


async def test_a_page_to_a_leader_who_never_wrote_privately_is_refused_as_on_telegram(
    tmp_path: Path,
) -> None:
    """The curing team's leader has only ever talked in the team's group: Telegram lets the
    bot send them nothing privately, so the 110 page to them is refused (403), shown as
    such, and the supervisors are alerted instead (refused too, until they write). Once the
    leader sends /start privately, the next call's page reaches them."""
    script = (
        "/110 烤房停电了，温度一直往下掉\n"
        ":as leader\n:private\n/start\n/cancel\n"
        ":as retailer\n/110 烤房停电了\n:quit\n"
    )
    screen = await _screen(tmp_path, script)
    first, second = screen.split("现在的身份：leader", 1)
    assert "📨 → 青山镇烘烤110服务队" in first  # the card in the team's group
    assert "📵 → leader(钱队长): 未送达（Forbidden: bot can't initiate conversation" in first
    assert "📨 → leader(钱队长)" not in first
    assert "📵 → supervisor(孙督办)" in first  # the alert up the ladder, refused too
    assert "📨 → leader(钱队长)" in second.split("现在的身份：retailer")[1]
    assert "Traceback" not in screen


async def test_a_button_in_a_chat_the_persona_is_not_in_cannot_be_pressed(
    tmp_path: Path,
) -> None:
    """As on Telegram, where only those in a chat see its buttons: the farmer cannot accept
    their own call from the team's card, and the member can, after :as member."""
    screen = await _screen(tmp_path, "烤房停电了，温度一直往下掉\n#6\n:as member\n#6\n:quit\n")
    farmer, member = screen.split("现在的身份：member", 1)
    assert "这个按钮在 青山镇烘烤110服务队 的聊天里，farmer 不在那里，按不到" in farmer
    assert "已由 赵队员 接单" not in farmer
    assert "您的工单 10019 已由 赵队员 接单" in member
    assert "Traceback" not in screen


LICENCE_AT_NIGHT = """:as retailer
/start
我想办理烟草专卖许可证延续，需要什么材料
#10
:as monopoly-member
#13
:quit
"""


async def test_a_licence_ticket_taken_at_night_reaches_the_retailer_without_sound(
    tmp_path: Path,
) -> None:
    screen = await _screen(tmp_path, LICENCE_AT_NIGHT, at=datetime(2026, 12, 8, 23, 30))
    assert "📨 → retailer(李小梅) #1001: 🔕 您的工单 10019 已由 马专管员 接单" in screen, screen
    assert "Traceback" not in screen


async def test_a_110_call_taken_at_night_reaches_the_farmer_with_sound(tmp_path: Path) -> None:
    screen = await _screen(tmp_path, WALKTHROUGH, at=datetime(2026, 12, 8, 23, 30))
    [told] = [line for line in screen.splitlines() if "已由 赵队员 接单" in line]
    assert "🔕" not in told and "🔕" not in screen, screen

"""The console demo: the real handlers and database in a terminal, no Telegram needed.

Switch persona to see every side: a farmer reporting a barn failure at night, the curing
team accepting it in their chat, a supervisor reading the queue. Messages the desk sends to
other people (team cards, pages, notifications) arrive through the outbox, as they would
on Telegram.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, TextIO

from bot.bootstrap import App
from bot.console_help import HELP
from bot.console_transport import ConsoleTransport
from bot.outbox import OutboxSender, RateLimiter, RateLimits
from bot.outbox.clock import ShiftedClock
from handlers.incoming import Contact, Incoming, Location, read_command
from handlers.replies import Outcome
from reports.echo_publisher import publish_recent
from scheduler.sweep import sweep
from storage.outbox_queries import OutboxQueries


@dataclass
class Persona:
    user_id: int
    name: str
    chat_id: int
    chat_type: str = "private"
    language_code: str = "zh-hans"
    phone: str = ""


# The teams a requester's other matters go to, and who acts for each in its chat: the
# farmer's growing advice (烟叶生产技术服务组) and purchase (烟叶收购服务组), the staff
# member's wish (工会职工服务站), the retailer's delivery (物流配送中心), ordering (营销服务部)
# and licence (专卖管理所), and a complaint about staff (纪检作风监督室) can be accepted,
# transferred and resolved in the demo as a barn alarm can.
# (persona prefix, team id, member's name, leader's name)
_OTHER_TEAMS = (
    ("growing", "growing", "韩技术员", "曹组长"),
    ("purchase", "purchase", "彭收购员", "潘组长"),
    ("wish", "staff", "周干事", "吴站长"),
    ("delivery", "delivery", "郑配送员", "冯主任"),
    ("ordering", "ordering", "何经理", "罗部长"),
    ("monopoly", "monopoly", "马专管员", "高所长"),
    ("conduct", "conduct", "陈监督员", "卫主任"),
)


def personas(app: App) -> dict[str, Persona]:
    people = {
        "farmer": Persona(100001, "张大山", 100001, phone="8613800000001"),
        "retailer": Persona(100002, "李小梅", 100002, language_code="zh-hant", phone="85291234567"),
        "staff": Persona(100003, "王建国", 100003, phone="8613800000003"),
    }
    team = app.cfg.find_team("curing-qingshan")
    if team is not None:  # a bureau's own config may name its 110 teams otherwise
        team_chat = team.chat_id or -1
        people["member"] = Persona(200001, "赵队员", team_chat, "supergroup")
        people["leader"] = Persona(200002, "钱队长", team_chat, "supergroup")
    for prefix, team_id, member_name, leader_name in _OTHER_TEAMS:
        other = app.cfg.find_team(team_id)
        if other is None or not (other.members and other.leaders):
            continue  # a bureau's own config without it: no persona to act for it
        chat = other.chat_id or -1
        people[f"{prefix}-member"] = Persona(other.members[0], member_name, chat, "supergroup")
        people[f"{prefix}-leader"] = Persona(other.leaders[0], leader_name, chat, "supergroup")
    people["supervisor"] = Persona(300001, "孙督办", 300001)
    # The supervisor leads the triage desk too: a card's 需补充 or 转派 pressed in its chat
    # asks for the note there, so the words that follow are typed in that chat.
    desk = app.cfg.find_team("triage")
    if desk is not None and desk.chat_id and 300001 in desk.leaders:
        people["desk"] = Persona(300001, "孙督办", desk.chat_id, "supergroup")
    return people


@dataclass
class Console:
    app: App
    out: TextIO = sys.stdout
    persona_name: str = "farmer"
    # Every button shown so far, numbered for the whole session, so that an older card's
    # buttons can still be pressed: (callback data, message id, chat the message is in).
    buttons: list[tuple[str, int | None, int]] = field(default_factory=list)
    write: Callable[[str], Any] | None = None
    # A team persona who pressed a button in their private chat with the bot (a page, a
    # call-back's 「📞 已回访」) types there next, as on Telegram: the prompt it asked waits
    # in that chat. A press in their group, or :as, brings them back to the group.
    typing_in: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.people = personas(self.app)
        # One reader at one terminal: Telegram's per-chat limits would only hide messages.
        clock = self.clock = ShiftedClock()
        self.app.desk.svc.clock = clock  # the desk and the sender share the demo's time
        unlimited = RateLimits(global_count=10_000, private_count=10_000, group_count=10_000)
        self.outbox = OutboxSender(
            self.app.db,
            self.app.cfg,
            ConsoleTransport(self._show_delivery, self.app.db, self._show_refusal),
            clock=clock,
            rate_limiter=RateLimiter(clock, unlimited),
        )

    @property
    def persona(self) -> Persona:
        return self.people[self.persona_name]

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def _show(
        self,
        prefix: str,
        text: str,
        buttons: list[list[dict[str, str]]],
        message_id: int | None,
        chat_id: int,
    ) -> None:
        self._print(f"{prefix}{text}")
        labels = []
        for row in buttons:
            for button in row:
                if "data" in button:
                    self.buttons.append((button["data"], message_id, chat_id))
                    labels.append(f"[{len(self.buttons)}] {button['text']}")
        if labels:
            self._print("    " + "  ".join(labels))

    def _show_delivery(
        self, chat_id: int, text: str, buttons: list[list[dict[str, str]]], message_id: int
    ) -> None:
        if chat_id in (self.persona.chat_id, self.persona.user_id):
            where = "本群" if chat_id < 0 else "您"
        else:
            where = self._chat_label(chat_id)
        self._show(f"  📨 → {where} #{message_id}: ", text, buttons, message_id, chat_id)

    def _show_refusal(self, chat_id: int, reason: str) -> None:
        """A private message Telegram would not deliver: said, as the sender will record it
        (the alert it sends up the ladder instead follows)."""
        self._print(
            f"  📵 → {self._chat_label(chat_id)}: 未送达（{reason}）："
            "没有私聊过机器人，Telegram 不让机器人先发私信"
        )

    def _save_file(self, photo: bytes | None, document: tuple[str, bytes] | None) -> None:
        """Photos and files cannot be shown in a terminal: save them and say where."""
        if photo is None and document is None:
            return
        name, content = (
            document if document else (f"chart-{uuid.uuid4().hex[:6]}.png", photo or b"")
        )
        folder = Path("out")
        folder.mkdir(exist_ok=True)
        (folder / name).write_bytes(content)
        self._print(f"    📎 已保存 saved: {folder / name} ({len(content)} 字节)")

    def _chat_label(self, chat_id: int) -> str:
        for team in self.app.cfg.teams:
            if team.chat_id == chat_id:
                return team.name
        for name, persona in self.people.items():
            if persona.user_id == chat_id:
                return f"{name}({persona.name})"
        return str(chat_id)

    def _event(self, chat_id: int | None = None, **fields: Any) -> Incoming:
        """What the persona sends, in the chat they are in unless `chat_id` (a pressed
        button's)."""
        p = self.persona
        chat = self.typing_in.get(self.persona_name, p.chat_id) if chat_id is None else chat_id
        return Incoming(
            update_key=f"console:{uuid.uuid4().hex}",
            user_id=p.user_id,
            chat_id=chat,
            chat_type=p.chat_type if chat == p.chat_id else _chat_type(chat),
            user_name=p.name,
            language_code=p.language_code,
            **fields,
        )

    def parse(self, line: str) -> Incoming | None:
        """A typed line as an event, or None for console commands handled here."""
        words = line.split()
        if line.startswith("#") and line[1:].isdigit():
            words = [":press", line[1:]]
        head = words[0] if words else ""
        if head == ":as" and len(words) == 2 and words[1] in self.people:
            self.persona_name = words[1]
            self.typing_in.pop(words[1], None)
            self._print(f"现在的身份：{words[1]}（{self.persona.name}，id {self.persona.user_id}）")
            return None
        if head == ":press" and len(words) == 2 and words[1].isdigit():
            index = int(words[1]) - 1
            if not 0 <= index < len(self.buttons):
                self._print("没有这个按钮。")
                return None
            data, message_id, chat_id = self.buttons[index]
            if chat_id not in (self.persona.chat_id, self.persona.user_id):
                # On Telegram only those in a chat see its buttons: a requester cannot press
                # a leader's page, nor a team's card in another team's group.
                self._print(
                    f"这个按钮在 {self._chat_label(chat_id)} 的聊天里，"
                    f"{self.persona_name} 不在那里，按不到（先 :as 那里的身份）。"
                )
                return None
            self._move_to(chat_id)
            return self._event(chat_id, callback_data=data, callback_message_id=message_id)
        if head == ":private" and len(words) == 1:
            self._to_private_chat()
            return None
        if head == ":who":
            self._who()
            return None
        if head == ":contact":
            return self._event(
                contact=Contact(self.persona.phone or "8613900000000", self.persona.user_id)
            )
        if head == ":contact-other":
            return self._event(contact=Contact("8613711112222", None, "别人"))
        if head == ":loc" and len(words) == 3:
            try:
                return self._event(location=Location(float(words[1]), float(words[2])))
            except ValueError:
                self._print("用法：:loc 26.51 106.70")
                return None
        if head == ":photo":
            caption = " ".join(words[1:])
            photo = f"demo-photo-{uuid.uuid4().hex[:6]}"
            return self._event(photo_file_id=photo, text=caption, **_command_of(caption))
        if head == ":voice":
            return self._event(voice_file_id=f"demo-voice-{uuid.uuid4().hex[:6]}")
        if head == ":sticker":
            return self._event(unsupported="sticker")
        if head == ":reply" and len(words) >= 3 and words[1].lstrip("#").isdigit():
            said = line.split(maxsplit=2)[2]
            return self._event(text=said, reply_to=int(words[1].lstrip("#")))
        if head.startswith(":"):
            self._print(HELP)
            return None
        if line.startswith("/") and read_command(line, self.app.settings.bot_username) is None:
            # As the adapters do on Telegram: /help@other_bot is for that bot to answer.
            self._print(f"（这条命令是发给别的机器人的，@{self.app.settings.bot_username} 不回应）")
            return None
        return self._event(text=line, **_command_of(line))

    def _move_to(self, chat_id: int) -> None:
        """A team persona pressing in their private chat types there from now on, and
        pressing in their group types there again (see `typing_in`)."""
        p = self.persona
        if p.chat_id == p.user_id:
            return  # a requester's or a supervisor's one chat
        if chat_id == p.user_id and self.typing_in.get(self.persona_name) != chat_id:
            self.typing_in[self.persona_name] = chat_id
            self._print("（现在在与机器人的私聊中输入；在群里点按钮或 :as 回到群里）")
        elif chat_id == p.chat_id:
            self.typing_in.pop(self.persona_name, None)

    def _to_private_chat(self) -> None:
        """A team persona types in their private chat with the bot from now on: there a
        /start opens it, and Telegram delivers the bot's private messages (pages, alerts)
        only after that."""
        p = self.persona
        if p.chat_id == p.user_id:
            self._print("（已经在与机器人的私聊中）")
            return
        self.typing_in[self.persona_name] = p.user_id
        self._print("（现在在与机器人的私聊中输入；:as 回到群里）")

    def _who(self) -> None:
        for name, persona in self.people.items():
            mark = "→" if name == self.persona_name else " "
            in_group = persona.chat_id != persona.user_id
            where = f"，在 {self._chat_label(persona.chat_id)}" if in_group else ""
            self._print(f"{mark} {name}：{persona.name}（id {persona.user_id}{where}）")

    async def later(self, minutes: float) -> None:
        """Move the demo's clock on and run the SLA sweep: the reminders and alerts it sends,
        and the echo wall's posts of the tickets whose close became final."""
        self.clock.offset += timedelta(minutes=minutes)
        now = self.clock.now()
        await sweep(self.app.db, self.app.cfg, now)
        # What goes out now, not what the sweep queued: a step put off (a licence request's
        # reminder missed overnight waits for working time) and a notice held for quiet
        # hours tell no one yet, and the held notice is counted when its time comes.
        async with self.app.db.uow(read_only=True) as uow:
            messages, tickets = await OutboxQueries.on(uow).due_now(now)
        posted = await publish_recent(self.app.db, self.app.cfg, now)
        wall = f"，回音壁 {posted} 条" if posted else ""
        told = f"{tickets} 个工单发出 {messages} 条提醒或通知" if messages else "没有新的提醒或通知"
        self._print(f"⏩ {minutes:g} 分钟后：{told}{wall}")
        await self._deliver()

    async def _deliver(self) -> None:
        for _ in range(10):  # urgent rows go first; each round sends what is due
            if not await self.outbox.drain_once():
                break

    async def send(self, line: str) -> Outcome | None:
        words = line.split()
        if len(words) == 2 and words[0] == ":later":
            try:
                await self.later(float(words[1]))
            except ValueError:
                self._print("用法：:later 30")
            return None
        event = self.parse(line.strip())
        if event is None:
            return None
        outcome = await self.app.desk.handle(event)
        if outcome.toast:
            self._print(f"  💬 {outcome.toast}")
        for reply in outcome.replies:
            mark = "✏️ " if reply.edit else ""
            self._show(
                f"🤖 {mark}",
                reply.text,
                reply.buttons_payload(),
                event.callback_message_id if reply.edit else None,
                event.chat_id,
            )
            self._save_file(reply.photo, reply.document)
            if reply.keyboard in ("contact", "location"):
                # The keyboard's other keys (跳过) are typed as they are in Telegram.
                extra = "".join(f"  [{key}]" for key in reply.keyboard_extra)
                self._print(
                    "    ⌨️ "
                    + (
                        "(:contact 共享手机号)"
                        if reply.keyboard == "contact"
                        else "(:loc LAT LON 共享位置)"
                    )
                    + extra
                )
        await self._deliver()
        return outcome

    async def run(self, lines: TextIO) -> int:
        self._print(f"金叶110 控制台演示 — {self.app.cfg.bureau}\n{HELP}\n")
        self._print(
            f"现在的身份：farmer（{self.persona.name}）。"
            "试试：/start 或 “烤房停电了，温度一直往下掉”"
        )
        while True:
            self.out.write(f"{self.persona_name}> ")
            self.out.flush()
            line = lines.readline()
            if not line or line.strip() in (":quit", ":q", "exit"):
                self._print("再见。")
                return 0
            if line.strip():
                await self.send(line)


def _command_of(words: str) -> dict[str, Any]:
    """The command a line or a photo's caption starts with, read as Telegram's adapters
    read it ("/110烤房停电了" is /110 with its words); nothing for other words."""
    if not words.startswith("/"):
        return {}
    command, args = read_command(words, None) or ("", ())
    return {"command": command, "args": args}


def _chat_type(chat_id: int) -> str:
    return "supergroup" if chat_id < 0 else "private"

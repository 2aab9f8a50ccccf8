"""The real `jinye110 run` on aiogram and on python-telegram-bot, both in webhook mode, play
the same script against a fake Bot API each; people must see the same thing either way.

The script: two teams bound to two topics of one forum group with /bindteam sent inside
the topics, a farmer's night 110 call with a photo and a location that goes to one of them,
accepted and resolved in its topic with a photo as the note, confirmed and rated; a
supervisor's /stats; a Traditional-Chinese requester with their own command menu; an
edited message; the same update delivered twice; a request without the secret token.
What each fake server holds at the end (every message the bot sent, as last edited, with
its topic and buttons, and the command menus) is compared; the log is read for the token.

Both bots run at once (a bot takes seconds to start) on a night-time clock.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio

from core.config import Config
from tests.e2e.botproc import BotProcess, Webhook
from tests.e2e.campaign import wait_drained
from tests.e2e.conftest import World, open_world
from tests.e2e.scenarios import SUPERVISOR
from tests.support.fake_bot_api import TOKEN, FakeBotApi

pytestmark = pytest.mark.asyncio(loop_scope="module")

NIGHT = datetime(2026, 8, 19, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai"))
FORUM = -1001000000777  # one group, a topic per team
BAISHI_TOPIC, GROWING_TOPIC = 11, 22
BAISHI_LEADER, BAISHI_MEMBER, GROWING_LEADER = 200012, 200011, 200032  # config/demo.yaml
FARMER, HANT_REQUESTER, STRANGER = 160001, 160002, 160003
Framework = Literal["ptb", "aiogram"]


@dataclass
class Played:
    world: World
    seen: dict[int, Counter[tuple[Any, ...]]]  # chat -> what the bot's messages show
    menus: dict[str, list[str]]
    unauthorised: tuple[int, int]  # statuses of posts without / with a wrong secret
    log: str


def _photo(file_id: str) -> list[dict[str, Any]]:
    return [
        {"file_id": f"{file_id}-s", "file_unique_id": f"{file_id}-us", "width": 90, "height": 90},
        {"file_id": file_id, "file_unique_id": f"u-{file_id}", "width": 1280, "height": 960},
    ]


def _in_topic(topic: int) -> dict[str, Any]:
    return {"message_thread_id": topic, "is_topic_message": True}


def _command_in_topic(api: FakeBotApi, user: int, words: str, topic: int) -> dict[str, Any]:
    """`/command@bot args` typed inside a forum topic, as Telegram delivers it."""
    name, _, args = words.lstrip("/").partition(" ")
    head = f"/{name}@{api.bot_user['username']}"
    entity = {"type": "bot_command", "offset": 0, "length": len(head)}
    text = f"{head} {args}".strip()
    return api.push_message(user, text, chat_id=FORUM, entities=[entity], **_in_topic(topic))


async def _play(world: World) -> Played:
    api, d = world.api, world.driver(button_within=10.0, within=30.0)
    hook = world.bot.webhook
    assert hook is not None
    step = d._step  # acts the updates the driver has no words for, and waits as it does

    def bind(leader: int, team: str, topic: int) -> Any:
        return lambda: _command_in_topic(api, leader, f"/bindteam {team}", topic)

    await step("bind baishi", bind(BAISHI_LEADER, "curing-baishi", BAISHI_TOPIC))
    await step("bind growing", bind(GROWING_LEADER, "growing", GROWING_TOPIC))

    await d.say(FARMER, "/110")
    caption = "烤房风机不转了，温度上不去"
    await step("photo", lambda: api.push_message(FARMER, photo=_photo("barn"), caption=caption))
    await step("location", lambda: api.push_location(FARMER, 26.4215, 106.6152))  # 白石乡松林
    ticket = await d.ticket_of(FARMER)
    card = await d.shown(FORUM, f"tk:acc:{ticket}")

    def press_card(action: str) -> Any:
        data = f"tk:{action}:{ticket}"
        return lambda: api.push_callback(BAISHI_MEMBER, data, card, chat_id=FORUM)

    await step("accept", press_card("acc"))
    await step("resolve", press_card("res"))
    note = {"photo": _photo("fixed"), "caption": "换了温控仪", **_in_topic(BAISHI_TOPIC)}
    await step("note", lambda: api.push_message(BAISHI_MEMBER, chat_id=FORUM, **note))
    await d.press(FARMER, f"my:ok:{ticket}")
    await d.press(FARMER, f"my:r:{ticket}:5")

    api.user(HANT_REQUESTER, "阿明", language_code="zh-hant")
    await d.say(HANT_REQUESTER, "/start")
    said = await d.say(HANT_REQUESTER, "請問收購預約怎麼辦")
    edited = {**said["message"], "text": "請問收購預約怎麼辦理？", "edit_date": 1}
    await step("edit", lambda: api.push_update(edited_message=edited))
    await d.say(SUPERVISOR, "/stats today")

    # Telegram repeats an update; a stranger posts one without the secret.
    twice = await d.say(STRANGER, "/my")
    assert await api.post_update(hook.local_url, twice, secret=hook.secret) == 200
    intruder = api.push_command(STRANGER, "help")
    api.updates.remove(intruder)
    unauthorised = (
        await api.post_update(hook.local_url, intruder, secret=None),
        await api.post_update(hook.local_url, intruder, secret="wrong"),
    )
    await d.say(STRANGER, "/cancel")
    await api.wait_delivered()  # every step's replies shown (a step waits only for its commit)
    await wait_drained(world.db, within=20)
    return Played(
        world, _seen(api), _menus(api), unauthorised, world.bot.log_path.read_text("utf-8")
    )


_DRAFT_ID = re.compile(r'("f:[a-z]+):[0-9a-z]+(?=")')


def _seen(api: FakeBotApi) -> dict[int, Counter[tuple[Any, ...]]]:
    """Each chat's messages from the bot as they stand now: kind, topic, words, buttons.
    (Counted, not ordered: the outbox and direct replies may interleave differently.)"""
    seen: dict[int, Counter[tuple[Any, ...]]] = {}
    for (chat, _), message in api.messages.items():
        if message["from"]["id"] != api.bot_user["id"]:
            continue
        kind = next(k for k in ("photo", "document", "location", "text") if k in message)
        words = message.get("text") or message.get("caption")
        buttons = json.dumps(message.get("reply_markup"), ensure_ascii=False, sort_keys=True)
        # A summary's buttons carry its draft's id, the moment the draft began: each run's own.
        buttons = _DRAFT_ID.sub(r"\1:<draft>", buttons)
        shown = (kind, message.get("message_thread_id"), words, buttons)
        seen.setdefault(chat, Counter())[shown] += 1
    return seen


def _menus(api: FakeBotApi) -> dict[str, list[str]]:
    return {
        scope: [f"{c['command']} {c['description']}" for c in commands]
        for scope, commands in api.commands.items()
    }


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def played(
    tmp_path_factory: pytest.TempPathFactory, e2e_config: Config
) -> AsyncIterator[dict[Framework, Played]]:
    def maker(framework: Framework) -> Any:
        def make(api: FakeBotApi, workdir: Path) -> BotProcess:
            env = {"JINYE_RUN_SCHEDULER": "false"}
            webhook = Webhook()
            return BotProcess(
                api, workdir, framework=framework, webhook=webhook, clock=NIGHT, extra_env=env
            )

        return make

    frameworks: tuple[Framework, ...] = ("ptb", "aiogram")
    async with AsyncExitStack() as stack:
        worlds = await asyncio.gather(
            *(
                stack.enter_async_context(
                    open_world(tmp_path_factory.mktemp(f"alike-{fw}"), e2e_config, maker(fw))
                )
                for fw in frameworks
            )
        )
        results = await asyncio.gather(*(_play(world) for world in worlds))
        yield dict(zip(frameworks, results, strict=True))
        for world in worlds:
            assert world.bot.errors() == [], f"unexpected errors in {world.bot.log_path}"


async def test_aiogram_shows_people_what_python_telegram_bot_shows(
    played: dict[Framework, Played],
) -> None:
    ptb, aiogram = played["ptb"], played["aiogram"]
    assert set(aiogram.seen) == set(ptb.seen)
    for chat in ptb.seen:
        only_aiogram, only_ptb = (
            aiogram.seen[chat] - ptb.seen[chat],
            ptb.seen[chat] - aiogram.seen[chat],
        )
        assert not only_aiogram and not only_ptb, (chat, only_aiogram, only_ptb)
    assert aiogram.menus == ptb.menus
    # The script did what it says, on both: the card and its answers in the team's topic ...
    forum = ptb.seen[FORUM]
    assert {topic for (_, topic, _, _) in forum} == {BAISHI_TOPIC, GROWING_TOPIC}
    # ... the Traditional requester's own menu, in Traditional.
    hant_menu = next(m for scope, m in ptb.menus.items() if str(HANT_REQUESTER) in scope)
    assert any("報警" in line for line in hant_menu)
    assert ptb.unauthorised == aiogram.unauthorised == (401, 401)


async def test_the_bot_token_never_reaches_the_log(played: dict[Framework, Played]) -> None:
    """Bot API URLs carry the token, and the HTTP client logs every request's URL."""
    secret_half = TOKEN.partition(":")[2]
    for framework, run in played.items():
        assert "HTTP Request" in run.log  # the requests were logged, the token masked
        assert secret_half not in run.log, framework
        hook = run.world.bot.webhook
        assert hook is not None and hook.secret is not None and hook.secret not in run.log

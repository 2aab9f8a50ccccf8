"""One scripted conversation through the neutral desk, python-telegram-bot and aiogram:
the same replies and the same database rows, on SQLite and on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.types import Update
from aiohttp.test_utils import TestClient, TestServer
from telegram import Bot as PtbBot
from telegram import Update as PtbUpdate

from bot.aiogram_adapter import to_incoming as aiogram_incoming
from bot.aiogram_runner import api_server, build_dispatcher, build_webhook_app
from bot.ptb_adapter import to_incoming as ptb_incoming
from core.config import Config
from core.enums import Kind, Priority, Requester, Status
from handlers.incoming import Incoming
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.telegram_scripts import (
    BOT_USER,
    TEAM_CHAT,
    TOKEN,
    MockSession,
    Run,
    adapter_app,
    aiogram_bot,
    anonymous_admin,
    edge_updates,
    edit_of,
    location,
    neutral_incoming,
    press,
    reply_texts,
    reset,
    run_aiogram,
    run_neutral,
    run_ptb,
    say,
    service_desk_script,
    snapshot,
)
from tests.support.tickets import FARMER, MEMBER


async def _fresh(db: Database, cfg: Config) -> Harness:
    await reset(db)
    harness = Harness(db, cfg)
    await harness.seed()
    return harness


@pytest.fixture
async def runs(
    db: Database, demo_config: Config
) -> dict[str, tuple[Run, dict[str, list[tuple[Any, ...]]]]]:
    """The script run three times, each on an emptied database (the same backend)."""
    script = service_desk_script()
    found = {}
    for name, runner in (("neutral", run_neutral), ("ptb", run_ptb), ("aiogram", run_aiogram)):
        harness = await _fresh(db, demo_config)
        run = await runner(harness, script)
        found[name] = (run, await snapshot(db))
    return found


async def test_the_script_does_what_a_service_desk_should(
    db: Database, demo_config: Config
) -> None:
    run = await run_neutral(await _fresh(db, demo_config), service_desk_script())
    rows = await snapshot(db)
    texts = reply_texts(run.calls)
    assert any("张大山" in t for t in texts)  # registration done
    assert sum("已报警" in t for t in texts) == 1  # the redelivered press was not run again
    assert any("暂不支持" in t for t in texts)  # the sticker
    assert any("已提交" in t for t in texts)
    assert "失效" in texts[-1]  # the stale confirm button
    edits = [c for c in run.calls if c[0] == "editMessageText"]
    assert edits and edits[0][1] == TEAM_CHAT and "接单" in edits[0][2]
    emergency, request = rows["tickets"]
    assert emergency[1:4] == (Kind.EMERGENCY, Priority.URGENT, Status.ACCEPTED)
    assert emergency[6] == "QS01" and emergency[8] == MEMBER
    assert request[1] is Kind.REQUEST and request[3] is Status.DISPATCHED
    assert (request[9], request[10]) == (26.513, 106.703)
    assert {a[1] for a in rows["attachments"]} == {"voice", "photo"}
    assert rows["users"][0][:4] == (FARMER, "张大山", Requester.FARMER, "+8613800000001")
    assert rows["conversations"] == []
    assert any(r[0] == TEAM_CHAT and r[4] == "card" for r in rows["outbox"])


async def test_an_edited_message_is_answered_alike_on_both_frameworks(
    db: Database, demo_config: Config
) -> None:
    # (An edit in the team's chat is read as nothing at all: see edge_updates.)
    script = [edit_of(say(70, FARMER, "烤房溫度上不去"))]
    calls = {}
    for name, runner in (("neutral", run_neutral), ("ptb", run_ptb), ("aiogram", run_aiogram)):
        calls[name] = (await runner(await _fresh(db, demo_config), script)).calls
        assert (await snapshot(db))["tickets"] == []
    assert calls["ptb"] == calls["aiogram"] == calls["neutral"]
    [(method, chat, text, *_)] = calls["neutral"]
    assert (method, chat) == ("sendMessage", FARMER) and "改過的消息" in text


async def test_an_update_sent_again_while_it_is_being_shown_says_nothing_more_on_either(
    db: Database, demo_config: Config
) -> None:
    """Each update of the script comes twice at once, the second while the first is still
    showing its replies (a webhook update Telegram sent again): the people see what they see
    when each comes once, and the database holds the same."""
    once = await run_neutral(await _fresh(db, demo_config), service_desk_script())
    rows = await snapshot(db)
    for runner in (run_ptb, run_aiogram):
        twice = await runner(
            await _fresh(db, demo_config), service_desk_script(), twice_at_once=True
        )
        assert reply_texts(twice.calls) == reply_texts(once.calls), runner.__name__
        assert await snapshot(db) == rows, runner.__name__


async def test_a_live_location_moving_on_gets_no_answer_on_either_framework(
    db: Database, demo_config: Config
) -> None:
    # A live location is one message Telegram edits as the phone moves, every few seconds
    # for up to hours: each move is not a correction, and must not be answered as one.
    shared = location(72, FARMER, 26.513, 106.703)
    shared["message"]["location"]["live_period"] = 900
    moved = edit_of(location(73, FARMER, 26.514, 106.704))
    moved["edited_message"]["location"]["live_period"] = 900
    assert neutral_incoming(moved) is None
    for runner in (run_ptb, run_aiogram):
        harness = await _fresh(db, demo_config)
        assert (await runner(harness, [shared])).calls  # the location itself is read as usual
        assert (await runner(harness, [moved, moved | {"update_id": 74}])).calls == []


async def test_python_telegram_bot_and_aiogram_match_the_neutral_desk(
    runs: dict[str, Any],
) -> None:
    (neutral, neutral_rows), (ptb, ptb_rows), (aio, aio_rows) = (
        runs["neutral"],
        runs["ptb"],
        runs["aiogram"],
    )
    assert reply_texts(ptb.calls) == reply_texts(neutral.calls)
    assert reply_texts(aio.calls) == reply_texts(neutral.calls)
    assert ptb.calls == neutral.calls  # methods, chats, texts and keyboards, in order
    assert aio.calls == neutral.calls
    assert aio.labels == ptb.labels and ptb.labels  # the same reply keyboard wording
    assert ptb_rows == neutral_rows
    assert aio_rows == neutral_rows


# ---- reading updates, and what only aiogram does ---------------------------------------


async def _read_by_both(update: dict[str, Any]) -> tuple[Incoming | None, Incoming | None]:
    username = str(BOT_USER["username"])
    async with aiogram_bot() as bot:
        parsed = Update.model_validate(update, context={"bot": bot})
        by_aiogram = aiogram_incoming(parsed, username)
    return ptb_incoming(PtbUpdate.de_json(update, PtbBot(TOKEN)), username), by_aiogram


def every_update() -> list[Any]:
    """The script and the edge cases, one test case each."""
    updates = (*service_desk_script(), *edge_updates())
    return [pytest.param(update, id=f"u{update['update_id']}") for update in updates]


@pytest.mark.parametrize("update", every_update())
async def test_aiogram_reads_every_update_as_telegram_means_it(update: dict[str, Any]) -> None:
    _, by_aiogram = await _read_by_both(update)
    assert by_aiogram == neutral_incoming(update)


@pytest.mark.parametrize("update", every_update())
async def test_python_telegram_bot_reads_every_update_as_telegram_means_it(
    update: dict[str, Any],
) -> None:
    by_ptb, _ = await _read_by_both(update)
    assert by_ptb == neutral_incoming(update)


async def test_update_keys_are_shared_so_a_switch_of_framework_redelivers_nothing() -> None:
    by_ptb, by_aiogram = await _read_by_both(say(42, FARMER, "/110 急"))
    assert by_ptb is not None and by_aiogram is not None
    assert by_ptb.update_key == by_aiogram.update_key == "tg:42"
    assert (by_aiogram.command, by_aiogram.args) == ("110", ("急",))


async def test_a_bare_slash_reads_as_an_unknown_command_in_aiogram() -> None:
    async with aiogram_bot() as bot:
        update = Update.model_validate(say(1, FARMER, "/"), context={"bot": bot})
    assert aiogram_incoming(update) == neutral_incoming(say(1, FARMER, "/"))


def test_a_bare_slash_reads_as_an_unknown_command_in_python_telegram_bot() -> None:
    update = PtbUpdate.de_json(say(1, FARMER, "/"), PtbBot(TOKEN))
    assert ptb_incoming(update) == neutral_incoming(say(1, FARMER, "/"))


async def test_message_not_modified_counts_as_success(db: Database, demo_config: Config) -> None:
    harness = await _fresh(db, demo_config)
    script = service_desk_script()
    await run_neutral(harness, script[:10])  # the 110 ticket, dispatched
    session = MockSession()
    session.fail_next["editMessageText"] = (
        400,
        "Bad Request: message is not modified: specified new message content and reply "
        "markup are exactly the same",
    )
    dispatcher = build_dispatcher(adapter_app(harness, demo_config))
    async with aiogram_bot(session) as bot:
        accept = press(10, MEMBER, "tk:acc:1", message_id=900, chat=TEAM_CHAT)
        await dispatcher.feed_update(bot, Update.model_validate(accept, context={"bot": bot}))
    names = [name for name, _ in session.calls if name != "getMe"]  # getMe: the bot's name
    assert names == ["answerCallbackQuery", "editMessageText"]
    [ticket, *_] = await harness.tickets()
    assert ticket.status is Status.ACCEPTED


async def test_webhook_refuses_a_wrong_secret_token(db: Database, demo_config: Config) -> None:
    harness = await _fresh(db, demo_config)
    session = MockSession()
    dispatcher = build_dispatcher(adapter_app(harness, demo_config))
    header = "X-Telegram-Bot-Api-Secret-Token"
    async with aiogram_bot(session) as bot:
        web_app = build_webhook_app(dispatcher, bot, secret="s3cret", paths=("/tg", "/"))
        async with TestClient(TestServer(web_app)) as client:
            body = say(7, FARMER, "/help")
            wrong = await client.post("/tg", json=body, headers={header: "nope"})
            missing = await client.post("/", json=body)
            # Not ASCII: compare_digest refuses such text; a 401 all the same, not a 500.
            odd = await client.post("/tg", json=body, headers={header: "s3crét"})
            assert (wrong.status, missing.status, odd.status) == (401, 401, 401)
            assert (await snapshot(db))["processed_updates"] == []
            right = await client.post("/tg", json=body, headers={header: "s3cret"})
            assert right.status == 200
            # Answered once handled: the step is committed before Telegram hears "200".
            assert (await snapshot(db))["processed_updates"] == [("tg:7",)]
    assert [name for name, _ in session.calls if name != "getMe"] == ["sendMessage"]


async def test_an_aiogram_webhook_update_that_fails_is_logged_and_answered_200(
    db: Database,
    demo_config: Config,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """As python-telegram-bot does: a 500 would make Telegram send the update again and
    again, holding up the updates behind it, to fail the same way."""
    harness = await _fresh(db, demo_config)

    async def broken_render(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug while showing the replies")

    monkeypatch.setattr("bot.aiogram_runner.render", broken_render)
    dispatcher = build_dispatcher(adapter_app(harness, demo_config))
    async with aiogram_bot(MockSession()) as bot:
        web_app = build_webhook_app(dispatcher, bot, secret=None, paths=("/",))
        async with TestClient(TestServer(web_app)) as client:
            answered = await client.post("/", json=say(8, FARMER, "/help"))
    assert answered.status == 200
    assert "update 8 failed" in caplog.text and "a bug while showing" in caplog.text
    assert (await snapshot(db))["processed_updates"] == [("tg:8",)]  # the step itself stands


@pytest.mark.parametrize(
    ("configured", "method_url", "file_url"),
    [
        (
            "https://api.telegram.org/bot",
            "https://api.telegram.org/botT/getMe",
            "https://api.telegram.org/file/botT/a.jpg",
        ),
        (
            "http://bot-api:8081/bot/",
            "http://bot-api:8081/botT/getMe",
            "http://bot-api:8081/file/botT/a.jpg",
        ),
        (
            "https://proxy.example/tg/",
            "https://proxy.example/tg/T/getMe",
            "https://api.telegram.org/file/botT/a.jpg",
        ),
    ],
)
def test_bot_api_url_is_read_as_python_telegram_bot_reads_it(
    configured: str, method_url: str, file_url: str
) -> None:
    server = api_server(configured)
    assert server.api_url("T", "getMe") == method_url
    assert server.file_url("T", "a.jpg") == file_url


@pytest.mark.parametrize("runner", [run_ptb, run_aiogram], ids=["ptb", "aiogram"])
async def test_a_command_for_another_bot_in_the_team_chat_is_left_to_that_bot(
    runner: Any, db: Database, demo_config: Config
) -> None:
    harness = await _fresh(db, demo_config)
    run = await runner(harness, [say(80, MEMBER, "/help@group_helper_bot", chat=TEAM_CHAT)])
    assert run.calls == []  # not our /help: the team chat hears nothing from us
    assert (await snapshot(db))["processed_updates"] == []
    run = await runner(harness, [say(81, MEMBER, "/help@jinye110_bot", chat=TEAM_CHAT)])
    assert "服务队群里可以这样用" in reply_texts(run.calls)[0]


@pytest.mark.parametrize("runner", [run_ptb, run_aiogram], ids=["ptb", "aiogram"])
async def test_an_anonymous_admins_command_is_answered_and_changes_nothing(
    runner: Any, db: Database, demo_config: Config
) -> None:
    harness = await _fresh(db, demo_config)
    before = await snapshot(db)
    run = await runner(harness, [anonymous_admin(82, "/bindteam curing-qingshan")])
    [said] = reply_texts(run.calls)
    assert "匿名" in said and "自己的身份" in said
    assert await snapshot(db) == before  # no binding, no person, no inbox row
    run = await runner(harness, [anonymous_admin(83, "大家注意烤房安全")])
    assert run.calls == []  # the group's chatter is not for the desk

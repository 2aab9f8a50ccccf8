"""A step that meets a pooled PostgreSQL connection the server has dropped is run again;
one whose COMMIT went through before the connection died shows the replies it kept."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness, texts
from tests.support.scratch_db import empty_tables, pg_admin

FARMER = 7001
TEAM_CHAT, MEMBER = -1001000000001, 200001  # curing-qingshan


@pytest.fixture
async def pg_desk(pg_url: str, demo_config: Config) -> AsyncIterator[Harness]:
    # No ping at checkout: the step itself meets the dead connection, as when the server
    # drops it between the ping and the step's first statement.
    database = Database(pg_url, pool_size=1, max_overflow=0, pool_pre_ping=False)
    await empty_tables(database)
    harness = Harness(database, demo_config)
    await harness.seed()
    yield harness
    await database.dispose()


async def _server_drops_every_connection_to(url: str) -> None:
    name = make_url(url).database
    await pg_admin(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )


async def test_a_dropped_connection_costs_the_person_nothing(pg_desk: Harness) -> None:
    started = await pg_desk.send(FARMER, "/new")
    assert "请描述" in texts(started)
    await _server_drops_every_connection_to(pg_desk.db.url)

    described = await pg_desk.send(FARMER, "卷烟订货系统登录不了，提示密码错误")

    assert "系统繁忙" not in texts(described)
    assert "下一步" in texts(described)  # the conversation moved on to the extras step
    assert "请确认" in texts(await pg_desk.press(FARMER, "f:next"))
    assert "已提交" in texts(await pg_desk.press(FARMER, "f:ok"))
    assert [t.requester_id for t in await pg_desk.tickets()] == [FARMER]


def _commit_then_lose_the_connection(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver is the edge faked here: SQLite commits, then the answer is lost the way a
    dead connection loses it (SQLAlchemy sees a disconnect and invalidates the connection)."""
    dialect = db.engine.sync_engine.dialect
    commit = dialect.do_commit

    def commit_then_lose_it(dbapi_connection: Any) -> None:
        commit(dbapi_connection)
        monkeypatch.setattr(dialect, "do_commit", commit)  # once
        raise sqlite3.ProgrammingError("Cannot operate on a closed database.")

    monkeypatch.setattr(dialect, "do_commit", commit_then_lose_it)


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
async def test_a_connection_lost_after_the_commit_still_shows_the_steps_replies(
    db: Database, demo_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness = Harness(db, demo_config)
    await harness.seed()
    await harness.send(FARMER, "/new")
    _commit_then_lose_the_connection(db, monkeypatch)

    described = await harness.send(FARMER, "捲菸訂貨系統登錄不了，提示密碼錯誤")

    # The step ran once, and what it said is said, in the script they wrote in.
    assert described.duplicate  # the try again found the step done, and says what it said
    assert "可以再發照片或共享位置作為補充" in texts(described)
    assert "f:next" in {b.data for r in described.replies for row in r.buttons for b in row}
    assert "請確認" in texts(await harness.press(FARMER, "f:next"))  # the step was saved


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
async def test_a_connection_lost_after_a_step_that_said_nothing_says_nothing(
    db: Database, demo_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chatter in a team's group is no request: nothing was said, and nothing (no apology)
    is said when the connection dies after its commit."""
    harness = Harness(db, demo_config)
    await harness.seed()
    _commit_then_lose_the_connection(db, monkeypatch)

    chatter = await harness.send(MEMBER, "大家好，明天上午开会", chat=TEAM_CHAT, key="t:chat-1")

    assert chatter.duplicate  # the try again found the step done
    assert (chatter.replies, chatter.toast) == ([], None)


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
async def test_a_connection_lost_after_a_press_that_edited_its_card_says_it_was_done(
    db: Database, demo_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """接单 answers by editing the pressed card; that edit is not kept (by a repeat the card
    may show a newer state): the try again edits it to how it reads now, and the member
    hears the press was done."""
    harness = Harness(db, demo_config)
    await harness.seed()
    ticket = await harness.file_110(FARMER)
    _commit_then_lose_the_connection(db, monkeypatch)

    accepted = await harness.press(MEMBER, f"tk:acc:{ticket}", chat=TEAM_CHAT)

    assert accepted.duplicate
    [card] = accepted.replies
    assert card.edit and "已接单" in card.text.splitlines()[0]
    assert accepted.toast == "刚才的操作已完成。"
    assert (await harness.actions(ticket)).count("accept") == 1

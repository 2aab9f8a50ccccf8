"""The same conversation through python-telegram-bot: Application.process_update with an
offline request object (no network), giving the same replies and database rows."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update
from telegram.ext import Application

from bot.bootstrap import App
from bot.ptb_adapter import build_application, to_incoming
from core.config import Config
from core.enums import Kind
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.telegram_scripts import OfflineRequest
from tests.support.tickets import FARMER


def message_update(update_id: int, user: int, text: str) -> dict[str, Any]:
    entities = (
        [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if text.startswith("/")
        else []
    )
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_763_600_000,
            "chat": {"id": user, "type": "private"},
            "from": {"id": user, "is_bot": False, "first_name": "张", "language_code": "zh-hans"},
            "text": text,
            "entities": entities,
        },
    }


def button_update(update_id: int, user: int, data: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": str(update_id),
            "chat_instance": "1",
            "data": data,
            "from": {"id": user, "is_bot": False, "first_name": "张"},
            "message": {
                "message_id": 5,
                "date": 1_763_600_000,
                "chat": {"id": user, "type": "private"},
                "text": "x",
            },
        },
    }


@pytest.fixture
async def ptb(
    db: Database, demo_config: Config
) -> tuple[Application[Any, Any, Any, Any, Any, Any], OfflineRequest, Harness]:
    harness = Harness(db, demo_config)
    await harness.seed()
    request = OfflineRequest()
    app = App(settings=None, cfg=demo_config, db=db, desk=harness.desk)  # type: ignore[arg-type]
    application = build_application(app, token="123:ABC", base_url="http://offline/bot")
    application.bot._request = (request, request)
    await application.initialize()
    return application, request, harness


async def test_a_110_call_through_python_telegram_bot(
    ptb: tuple[Any, OfflineRequest, Harness],
) -> None:
    application, request, harness = ptb
    for update in (
        message_update(1, FARMER, "/110"),
        message_update(2, FARMER, "烤房风机不转了，温度上不去"),
        button_update(3, FARMER, "f:site:QS01"),
        button_update(3, FARMER, "f:site:QS01"),  # redelivered: nothing happens twice
    ):
        await application.process_update(Update.de_json(update, application.bot))
    sent = [p["text"] for name, p in request.calls if name == "sendMessage"]
    assert any("110 烘烤报警" in text for text in sent)
    assert any("已报警" in text and "10019" in text for text in sent)
    [ticket] = await harness.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.site_code == "QS01"
    # The redelivered press is still answered (the spinner must stop) but does nothing more:
    # its replies were shown, so nothing of it is kept to show again.
    assert sum(1 for text in sent if "已报警" in text) == 1
    assert sum(1 for text in sent if text.startswith("位置已告诉值班服务队")) == 1
    assert sum(1 for name, _ in request.calls if name == "answerCallbackQuery") == 2
    assert (await harness.actions(ticket.id or 0)).count("place") == 1
    await application.shutdown()


async def test_a_step_whose_replies_were_cut_off_shows_them_when_its_update_comes_again(
    ptb: tuple[Any, OfflineRequest, Harness],
) -> None:
    """The bot stopped between the step's commit and its replies (here: the desk ran the
    step, nothing was rendered). Telegram sends the update again, as it was never confirmed:
    the step is not run again, and the farmer gets the barn question after all, once."""
    application, request, harness = ptb
    await application.process_update(
        Update.de_json(message_update(1, FARMER, "/110"), application.bot)
    )
    words = message_update(2, FARMER, "烤房风机不转了，温度上不去")
    cut_off = to_incoming(Update.de_json(words, application.bot))
    assert cut_off is not None
    await harness.desk.handle(cut_off)  # committed; the process died before showing it

    for _ in range(2):  # it comes again; and again, as if the confirmation was lost too
        await application.process_update(Update.de_json(words, application.bot))

    sent = [p for name, p in request.calls if name == "sendMessage"]
    alarms = [p for p in sent if "已报警" in p["text"]]
    assert len(alarms) == 1  # shown once it was, then forgotten
    question = next(p for p in sent if p["text"].startswith("在哪个烤房"))
    assert "f:site:QS01" in str(question["reply_markup"])
    [ticket] = await harness.tickets()
    assert await harness.actions(ticket.id or 0) == ["create", "dispatch"]
    await application.shutdown()

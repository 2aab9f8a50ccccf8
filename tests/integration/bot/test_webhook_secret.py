"""python-telegram-bot's webhook: a request without the right secret token gets 401, also
when its header is not ASCII (it got a 500: compare_digest refuses such text)."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer
from telegram.ext import ApplicationBuilder

from bot.ptb_runner import SECRET_HEADER, webhook_app


async def test_a_wrong_or_odd_secret_token_is_refused_with_401() -> None:
    application = ApplicationBuilder().token("123:abc").updater(None).build()
    server = webhook_app(application, "/tg", "s3cret")
    async with TestClient(TestServer(server)) as client:
        statuses = []
        for given in ("nope", "s3crét", None):
            headers = {} if given is None else {SECRET_HEADER: given}
            answer = await client.post("/tg", json={"update_id": 1}, headers=headers)
            statuses.append(answer.status)
        assert statuses == [401, 401, 401]
        unreadable = await client.post("/tg", data=b"{", headers={SECRET_HEADER: "s3cret"})
        assert unreadable.status == 400  # past the guard: the right token

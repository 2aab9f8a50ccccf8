"""The service lines beside 110, as their people use them: a retailer's licence, ordering
and delivery requests, a staff member's wish list (心愿清单), complaints and suggestions."""

from __future__ import annotations

from core.enums import Status
from tests.support.desk import Harness, texts

RETAILER = 100002
STAFF = 100003
MONOPOLY_CHAT = -1001000000012


async def test_a_photos_caption_sent_after_the_description_joins_it(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "我的許可證快到期了")
    await desk.send(RETAILER, "許可證照片，請幫我辦延續", photo_file_id="licence-photo")
    out = await desk.press(RETAILER, "f:next")
    assert "請幫我辦延續" in texts(out)  # the summary shows what will be submitted
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "我的許可證快到期了\n許可證照片，請幫我辦延續"
    [card] = [r for r in await desk.outbox() if r.payload.get("text", "").startswith("工单")]
    assert card.chat_id == MONOPOLY_CHAT and "請幫我辦延續" in card.payload["text"]
    assert any(r.payload.get("file_id") == "licence-photo" for r in await desk.outbox())


async def test_a_photo_captioned_ok_at_the_summary_is_added_not_taken_as_submit(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "許可證要變更地址")
    out = await desk.send(RETAILER, "好的", photo_file_id="new-address")
    assert await desk.tickets() == []  # not submitted without the photo being shown
    assert "補充：1 項" in texts(out)
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    assert any(r.payload.get("file_id") == "new-address" for r in await desk.outbox())

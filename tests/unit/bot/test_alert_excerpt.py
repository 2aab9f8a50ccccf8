"""What an alert about an undelivered message quotes of it."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.outbox.alert_text import excerpt
from core.model import OutboxMessage


def quoted(text: str) -> str:
    now = datetime(2026, 8, 1, tzinfo=UTC)
    return excerpt(OutboxMessage(1, "send_message", {"text": text}, now, now))


def test_a_short_message_is_quoted_whole() -> None:
    assert (
        quoted("🚨 工单 10019｜110报警\n内容：烤房停电了")
        == "🚨 工单 10019｜110报警\n内容：烤房停电了"
    )


def test_a_long_message_is_cut_after_its_last_whole_line_that_fits() -> None:
    lines = [f"第{n}行：" + "说明" * 20 for n in range(1, 6)]  # 45 characters a line
    cut = quoted("\n".join(lines))
    assert cut == "\n".join(lines[:4]) + "…"


def test_a_cards_head_before_a_long_request_is_quoted_with_the_requests_start() -> None:
    """Whole lines would leave the head alone: what the request says must still show."""
    text = "🚨【紧急】工单 10019｜110报警｜待接单\n内容：" + "烤房停电了温度一直往下掉" * 30
    cut = quoted(text)
    assert cut.startswith("🚨【紧急】工单 10019") and "内容：烤房停电了" in cut
    assert cut.endswith("…") and len(cut) == 201

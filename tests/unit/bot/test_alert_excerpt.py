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


def test_a_cut_mid_line_never_splits_a_number() -> None:
    """Half a phone number would slip past the check for the requester's details, which
    looks for whole numbers: the cut falls before the run of digits."""
    # The number starts four characters before the 200th, where the quote is cut.
    request = "内容：" + "烤房停电了温度一直往下掉" * 15
    text = f"🚨 工单 10019\n{request}电话13800000002请尽快来"
    cut = quoted(text)
    assert cut.endswith("电话…")
    assert "138" not in cut


def test_a_cut_right_after_a_whole_number_keeps_it() -> None:
    request = "内容：" + "烤房停电了温度一直往下掉" * 15
    number = "8" * (200 - len("🚨 工单 10019\n") - len(request) - 2)
    cut = quoted(f"🚨 工单 10019\n{request}电话{number}，请尽快来")
    assert cut.endswith(f"电话{number}…")

"""Words shown in more than one place: free text cut to fit (a card line, an alert, the echo
wall), and the names staff read for a ticket's status, the same on cards, alerts, digests
and the ledger (Simplified; callers convert for a 繁體 reader)."""

from __future__ import annotations

from core.enums import Status

STATUS_NAMES = {
    Status.NEW: "新建",
    Status.DISPATCHED: "待接单",
    Status.ACCEPTED: "已接单",
    Status.ON_SITE: "已上门",
    Status.WAITING_REQUESTER: "待报告人补充",
    Status.RESOLVED: "已办结待确认",
    Status.CLOSED: "已销号",
    Status.CANCELLED: "已撤回",
}
# Closed because the requester never answered the team's question: never resolved, so not
# crossed off (销号) as done.
CLOSED_UNANSWERED = "未补充关闭"


def status_name(status: Status, *, closed_unresolved: bool = False) -> str:
    return CLOSED_UNANSWERED if closed_unresolved else STATUS_NAMES[status]


def clip(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its first `limit - 1` and "…"."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"

"""The small closed vocabularies of the domain."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    NEW = "new"
    DISPATCHED = "dispatched"
    ACCEPTED = "accepted"
    ON_SITE = "on_site"
    WAITING_REQUESTER = "waiting_requester"
    RESOLVED = "resolved"
    CLOSED = "closed"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self not in (Status.CLOSED, Status.CANCELLED)


OPEN_STATUSES = tuple(s for s in Status if s.is_open)


class Kind(StrEnum):
    EMERGENCY = "emergency"  # 110
    REQUEST = "request"
    COMPLAINT = "complaint"
    WISH = "wish"
    SUGGESTION = "suggestion"


class WishOutcome(StrEnum):
    """How a wish on the wish list (心愿清单) ended, as the team that resolved it said: a
    union service station answers every wish, and one it could not grant, or granted only
    in part, is crossed off with the reason, not counted as granted."""

    GRANTED = "granted"  # 已实现
    PARTLY = "partly"  # 部分实现
    DECLINED = "declined"  # 无法实现


class Priority(StrEnum):
    URGENT = "urgent"
    NORMAL = "normal"


class Role(StrEnum):
    """Who acts on a ticket. A person may hold several; the caller picks the strongest that fits."""

    REQUESTER = "requester"
    MEMBER = "member"
    LEADER = "leader"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    SYSTEM = "system"


class Action(StrEnum):
    DISPATCH = "dispatch"
    ACCEPT = "accept"
    VISIT = "visit"
    ASK = "ask"
    ANSWER = "answer"
    TRANSFER = "transfer"
    REASSIGN = "reassign"
    RESOLVE = "resolve"
    CONFIRM = "confirm"
    AUTO_CLOSE = "auto_close"
    CLOSE = "close"
    REOPEN = "reopen"
    CANCEL = "cancel"
    EXPIRE = "expire"


class Requester(StrEnum):
    """What kind of person a requester is (registration asks this)."""

    FARMER = "farmer"  # 烟农
    RETAILER = "retailer"  # 零售户
    STAFF = "staff"  # 职工


class Script(StrEnum):
    """Which Chinese script replies are written in."""

    HANS = "hans"  # 简体
    HANT = "hant"  # 繁體

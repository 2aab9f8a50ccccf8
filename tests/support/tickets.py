"""Helpers to put tickets into a real database for tests."""

from __future__ import annotations

from datetime import UTC, datetime

from core.config import Config
from core.enums import Kind
from core.model import Ticket
from core.services import Draft, open_ticket
from storage.uow import Database

T0 = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)  # Wednesday 09:00 in Shanghai
FARMER = 100001
MEMBER = 200001
OTHER_MEMBER = 200003
LEADER = 200002
SUPERVISOR = 300001
STRANGER = 999999


def draft(**overrides: object) -> Draft:
    values: dict[str, object] = {
        "kind": Kind.EMERGENCY,
        "text": "烤房风机不转了，温度上不去",
        "requester_id": FARMER,
        "chat_id": FARMER,
        "line": "curing",
        "team_id": "curing-qingshan",
        "urgent": True,
        "area": "qingshan",
        "site_code": "QS01",
    }
    values.update(overrides)
    return Draft(**values)  # type: ignore[arg-type]


async def new_ticket(db: Database, cfg: Config, now: datetime = T0, **overrides: object) -> Ticket:
    async with db.uow() as uow:
        ticket = await open_ticket(uow, cfg, draft(**overrides), now)
        await uow.commit()
    return ticket

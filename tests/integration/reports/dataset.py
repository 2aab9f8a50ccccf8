"""A small history of tickets with hand-computed figures, for the report tests.

All tickets are urgent curing tickets: 10 minutes to accept and 4 hours to resolve, counted
on the wall clock, so every deadline below is T0 + a round number. The window is the local
day 2026-11-18 in Shanghai: [2026-11-17 16:00 UTC, 2026-11-18 16:00 UTC). T0 is 09:00 local.

Team curing-qingshan (area qingshan), requester FARMER:
  A  created T0      accepted +5m (on time)  resolved +1h  confirmed +2h   rated 5
  B  created +10m    accepted +30m (late)    resolved +5h (late)  auto-closed +6h, no rating
  C  created +20m    never touched: misses both deadlines, still open
  D  created +30m    cancelled +35m, before its accept deadline (+40m)
  E  created +1h     accepted +1h05  resolved +1h30  confirmed +1h40 rated 3, REOPENED +2h,
                     accepted +2h05 (deadline +2h10)  resolved +3h  confirmed +3h10  rated 4
  F  created +2h     accepted +2h02  resolved +2h30  confirmed +2h40  rated 2
  K  a week earlier, all done the same day (must not count anywhere)
Team curing-baishi (area baishi), requester RETAILER:
  G  created T0      accepted +3m  resolved +30m  confirmed +40m  rated 5
  H  created +5m     team asks for details +6m; the requester never answers: expired +7h
  J  created the evening before (22:00 local), accepted +5m, resolved at 01:00 local,
     confirmed +30m after T0, rated 4
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from core.config import Config
from core.enums import Action, Kind, Role, WishOutcome
from core.model import Ticket, User
from core.services import perform
from reports.periods import Window, days
from storage.uow import Database
from tests.support.tickets import FARMER, MEMBER, T0, new_ticket

BAISHI_MEMBER = 200011
# A staff member's wish for the staff line, as `new_ticket`'s fields.
WISH: dict[str, object] = {
    "kind": Kind.WISH, "line": "staff", "team_id": "staff", "urgent": False, "area": None,
    "site_code": None,
}  # fmt: skip
RETAILER = 100002
DAY = date(2026, 11, 18)
AFTER = datetime(2026, 11, 19, 2, 0, tzinfo=UTC)  # the report is run the next morning


def m(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def window(cfg: Config) -> Window:
    return days(DAY, DAY, cfg.zone)


async def act(
    db: Database,
    cfg: Config,
    ticket: Ticket,
    action: Action,
    actor: int | None,
    when: datetime,
    note: str = "",
    outcome: WishOutcome | None = None,
) -> None:
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        role = Role.SYSTEM if actor is None else None
        await perform(
            uow, cfg, loaded, action, actor_id=actor, now=when, note=note, role=role,
            outcome=outcome,
        )  # fmt: skip
        await uow.commit()


async def rate(db: Database, ticket: Ticket, score: int, when: datetime, comment: str = "") -> None:
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        loaded.rate(score, comment, when)
        await uow.commit()


async def done(
    db: Database,
    cfg: Config,
    ticket: Ticket,
    accept: datetime,
    resolve: datetime,
    confirm: datetime,
    *,
    member: int = MEMBER,
    requester: int = FARMER,
    note: str = "已上门处理，设备恢复正常",
) -> None:
    """Accept, resolve and confirm, in one transaction (each step keeps its own time)."""
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        for action, actor, when, text in (
            (Action.ACCEPT, member, accept, ""),
            (Action.RESOLVE, member, resolve, note),
            (Action.CONFIRM, requester, confirm, ""),
        ):
            await perform(uow, cfg, loaded, action, actor_id=actor, now=when, note=text)
        await uow.commit()


async def add_users(db: Database) -> None:
    async with db.uow() as uow:
        for user in (
            User(FARMER, T0, name="张德明", phone="13812345678", area="qingshan"),
            User(RETAILER, T0, name="李秀英", phone="0851-85551234", area="baishi"),
            User(MEMBER, T0, name="王建国", phone="13900001111"),
            User(BAISHI_MEMBER, T0, name="刘小红", phone="13700002222"),
        ):
            await uow.users.add(user)
        await uow.commit()


@dataclass
class History:
    tickets: dict[str, Ticket]


async def build(db: Database, cfg: Config) -> History:
    await add_users(db)
    q = {"team_id": "curing-qingshan", "area": "qingshan", "site_code": "QS01"}
    b = {
        "team_id": "curing-baishi",
        "area": "baishi",
        "site_code": "BS01",
        "requester_id": RETAILER,
        "chat_id": RETAILER,
    }
    made: dict[str, Ticket] = {}
    made["A"] = await new_ticket(db, cfg, now=m(0), **q)
    await done(db, cfg, made["A"], m(5), m(60), m(120))
    await rate(db, made["A"], 5, m(120), "师傅来得很快")
    made["B"] = await new_ticket(db, cfg, now=m(10), text="烤房温度降不下来", **q)
    await act(db, cfg, made["B"], Action.ACCEPT, MEMBER, m(30))
    await act(db, cfg, made["B"], Action.RESOLVE, MEMBER, m(300), "更换了温控器")
    await act(db, cfg, made["B"], Action.AUTO_CLOSE, None, m(360))
    made["C"] = await new_ticket(db, cfg, now=m(20), text="烤房漏烟", **q)
    made["D"] = await new_ticket(db, cfg, now=m(30), text="风机声音大", **q)
    await act(db, cfg, made["D"], Action.CANCEL, FARMER, m(35))
    made["E"] = await new_ticket(db, cfg, now=m(60), text="循环风机不转", **q)
    await done(db, cfg, made["E"], m(65), m(90), m(100))
    await rate(db, made["E"], 3, m(100))
    await act(db, cfg, made["E"], Action.REOPEN, FARMER, m(120))
    await done(db, cfg, made["E"], m(125), m(180), m(190))
    await rate(db, made["E"], 4, m(190), "第二次修好了")
    made["F"] = await new_ticket(db, cfg, now=m(120), text="加热管烧了", **q)
    await done(db, cfg, made["F"], m(122), m(150), m(160))
    await rate(db, made["F"], 2, m(160), "态度一般")
    week_before = T0 - timedelta(days=8)
    made["K"] = await new_ticket(db, cfg, now=week_before, text="上周的烤房问题", **q)
    await done(
        db, cfg, made["K"], week_before + timedelta(minutes=1),
        week_before + timedelta(minutes=10), week_before + timedelta(minutes=20),
    )  # fmt: skip
    await rate(db, made["K"], 1, week_before + timedelta(minutes=20))

    made["G"] = await new_ticket(db, cfg, now=m(0), text="白石烤房停电", **b)
    await done(db, cfg, made["G"], m(3), m(30), m(40), member=BAISHI_MEMBER, requester=RETAILER)
    await rate(db, made["G"], 5, m(40))
    made["H"] = await new_ticket(db, cfg, now=m(5), text="烤房有异味", **b)
    await act(db, cfg, made["H"], Action.ASK, BAISHI_MEMBER, m(6), "请拍照片")
    await act(db, cfg, made["H"], Action.EXPIRE, None, m(420))
    evening = datetime(2026, 11, 17, 14, 0, tzinfo=UTC)  # 22:00 local, the day before
    made["J"] = await new_ticket(db, cfg, now=evening, text="夜里烤房报警", **b)
    await done(
        db, cfg, made["J"], evening + timedelta(minutes=5), evening + timedelta(hours=3),
        m(30), member=BAISHI_MEMBER, requester=RETAILER,
    )  # fmt: skip
    await rate(db, made["J"], 4, m(30))
    return History(made)

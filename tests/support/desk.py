"""Drive the messenger-neutral desk as people would, against a real database."""

from __future__ import annotations

import itertools
import re
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import select

from core.config import Config
from core.enums import Action, Role
from core.model import OutboxMessage, Ticket
from core.services import perform
from handlers.context import Services
from handlers.desk import Desk
from handlers.incoming import Contact, Incoming, Location, read_command
from handlers.replies import Outcome
from handlers.staff import seed_memberships
from routing import Router
from storage.uow import Database
from tests.support.snapshots import Snapshots
from tests.support.tickets import T0

_update_ids = itertools.count(1)
T = TypeVar("T")


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class Harness:
    db: Database
    cfg: Config
    clock: Clock = field(default_factory=Clock)
    # Set on a desk seeded on SQLite (`seeded_desk`), whose common starts can be copied in.
    snapshots: Snapshots | None = None

    def __post_init__(self) -> None:
        self.desk = Desk(
            self.db, Services(cfg=self.cfg, router=Router.from_config(self.cfg), clock=self.clock)
        )

    async def seed(self) -> None:
        async with self.db.uow() as uow:
            await seed_memberships(uow, self.cfg, self.clock.now)
            await uow.commit()

    async def prepared(self, key: Hashable, start: Callable[[], Awaitable[T]]) -> T:
        """`start()` run on this desk, or its rows copied in from a snapshot of an earlier
        test's run of it (`tests.support.snapshots`): `key` names the start and its
        arguments."""
        if self.snapshots is None:
            return await start()
        svc = self.desk.svc
        # A test may give the desk another config or router (one that fails): a start run
        # with them writes other rows.
        on = (key, id(svc.cfg), type(svc.router), svc.bot_username)
        return await self.snapshots.prepared(self.db, self.clock, on, start)

    async def send(
        self,
        user: int,
        text: str = "",
        *,
        chat: int | None = None,
        key: str | None = None,
        **fields: Any,
    ) -> Outcome:
        command: str | None = None
        args: tuple[str, ...] = ()
        if text.startswith("/"):  # as the adapters read it: "/110烤房停电了" is /110
            command, args = read_command(text, None) or ("", ())
        event = Incoming(
            update_key=key or f"t:{next(_update_ids)}",
            user_id=user,
            chat_id=chat or user,
            chat_type="private" if (chat or user) > 0 else "supergroup",
            text=text,
            command=command,
            args=args,
            **fields,
        )
        return await self.desk.handle(event)

    async def press(
        self,
        user: int,
        data: str,
        *,
        chat: int | None = None,
        message_id: int | None = 1,
        topic: int | None = None,
    ) -> Outcome:
        return await self.send(
            user, chat=chat, callback_data=data, callback_message_id=message_id, topic=topic
        )

    async def contact(self, user: int, phone: str, owner: int | None) -> Outcome:
        return await self.send(user, contact=Contact(phone, owner))

    async def location(self, user: int, lat: float, lon: float) -> Outcome:
        return await self.send(user, location=Location(lat, lon))

    async def registered_as(self, user: int, kind: str) -> None:
        """`user` says who they are (farmer, retailer, staff) and leaves the rest of
        registration for later."""
        await self.prepared(("registered_as", user, kind), lambda: self._registered_as(user, kind))

    async def _registered_as(self, user: int, kind: str) -> None:
        await self.send(user, "/start")
        await self.press(user, f"f:kind:{kind}")
        await self.send(user, "/cancel")

    async def file_110(self, user: int) -> int:
        """`user` calls 110 ("烤房温度上不去" at site QS01); the new ticket's id."""
        return await self.prepared(("file_110", user), lambda: self._file_110(user))

    async def _file_110(self, user: int) -> int:
        before = len(await self.tickets())
        await self.send(user, "/110")
        await self.send(user, "烤房温度上不去")
        await self.press(user, "f:site:QS01")
        filed = await self.tickets()
        assert len(filed) == before + 1  # exactly one ticket
        ticket = filed[-1]
        assert ticket.id is not None and ticket.urgent
        return ticket.id

    async def file_request(self, user: int, text: str, command: str = "/new") -> Ticket:
        """`user` files `text` through /new, or `command` (/wish, /suggest), pressing 下一步
        then 提交; the new ticket."""
        start = ("file_request", user, text, command)
        await self.prepared(start, lambda: self._file_request(user, text, command))
        ticket = (await self.tickets())[-1]
        assert ticket.id is not None
        return ticket

    async def _file_request(self, user: int, text: str, command: str) -> None:
        await self.send(user, command)
        await self.send(user, text)
        await self.press(user, "f:next")
        await self.press(user, "f:ok")

    async def resolved_110(self, user: int, member: int, team_chat: int) -> int:
        """`user` calls 110, `member` accepts and resolves it in `team_chat`; the ticket's id."""
        start = ("resolved_110", user, member, team_chat)
        return await self.prepared(start, lambda: self._resolved_110(user, member, team_chat))

    async def _resolved_110(self, user: int, member: int, team_chat: int) -> int:
        ticket_id = await self.file_110(user)
        await self.press(member, f"tk:acc:{ticket_id}", chat=team_chat)
        await self.press(member, f"tk:res:{ticket_id}", chat=team_chat)
        await self.send(member, "更换了风机电容，温度已恢复", chat=team_chat)
        return ticket_id

    async def expired_110(self, user: int, member: int, team_chat: int) -> int:
        """`user` calls 110, `member` accepts it and asks a question in `team_chat`, and no
        answer comes until the sweep closes it (未补充关闭); the ticket's id."""
        ticket_id = await self.file_110(user)
        await self.press(member, f"tk:acc:{ticket_id}", chat=team_chat)
        await self.press(member, f"tk:ask:{ticket_id}", chat=team_chat)
        await self.send(member, "请拍一张温控仪的照片", chat=team_chat)
        await self.sweep_does(ticket_id, Action.EXPIRE)  # no answer comes
        return ticket_id

    async def sweep_does(self, ticket_id: int, action: Action) -> None:
        """What the sweep does to a ticket nobody moved on (EXPIRE, AUTO_CLOSE), now."""
        async with self.db.uow() as uow:
            ticket = await uow.tickets.get(ticket_id)
            assert ticket is not None
            await perform(
                uow, self.cfg, ticket, action, actor_id=None, now=self.clock(), role=Role.SYSTEM
            )
            await uow.commit()

    async def block(self, user_id: int) -> None:
        """What the outbox sender records when Telegram answers 403 for `user_id`."""
        async with self.db.uow() as uow:
            user = await uow.users.get(user_id)
            assert user is not None
            user.reachable, user.unreachable_since = False, self.clock.now
            await uow.commit()

    async def reachable(self, user_id: int) -> bool:
        async with self.db.uow(read_only=True) as uow:
            user = await uow.users.get(user_id)
        assert user is not None
        return user.reachable

    async def tickets(self) -> list[Ticket]:
        async with self.db.uow(read_only=True) as uow:
            assert uow.session is not None
            return list((await uow.session.execute(select(Ticket).order_by(Ticket.id))).scalars())  # type: ignore[arg-type]

    async def actions(self, ticket_id: int) -> list[str]:
        """The ticket's audit events' actions, in order."""
        async with self.db.uow(read_only=True) as uow:
            return [e.action for e in await uow.tickets.events(ticket_id)]

    async def outbox(self) -> list[OutboxMessage]:
        async with self.db.uow(read_only=True) as uow:
            assert uow.session is not None
            query = select(OutboxMessage).order_by(OutboxMessage.id)  # type: ignore[arg-type]
            return list((await uow.session.execute(query)).scalars())


def texts(outcome: Outcome) -> str:
    return "\n".join([r.text for r in outcome.replies] + [outcome.toast or ""])


def button_data(outcome: Outcome) -> list[str]:
    return [b.data or "" for r in outcome.replies for row in r.buttons for b in row]


_SUMMARY_PRESS = re.compile(
    r"(f:(?:ok|one|edit|no|add|anon|thanks|as)):[0-9a-z]+(?::[0-9]+)?(?::[0-9a-f]{6})?"
)


def button_actions(outcome: Outcome) -> list[str]:
    """`button_data`, with the draft's id taken off a request summary's buttons (f:ok:<id>
    reads f:ok)."""
    return [_SUMMARY_PRESS.sub(r"\1", d) for d in button_data(outcome)]

"""The unit of work: one database transaction per step, with every repository on it."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from core.errors import ConcurrentUpdate, ConnectionLost
from storage import delivery_repositories as delivery
from storage import repositories as repos
from storage.engine import READ_ONLY, create_engine, is_sqlite, is_sqlite_file, session_factory
from storage.wal import WalCheckpoints

# PostgreSQL's deadlock_detected and serialization_failure: nothing was written, try again.
_RACES = frozenset({"40P01", "40001"})


class SqlUnitOfWork:
    """`async with uow:` opens a transaction; leave without commit() and it rolls back."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], *, read_only: bool = False):
        self._sessions = sessions
        self._read_only = read_only
        self.session: AsyncSession | None = None

    async def __aenter__(self) -> Self:
        session = self._sessions()
        self.session = session
        if self._read_only:
            await session.connection(execution_options={READ_ONLY: True})
        self.tickets = repos.SqlTicketRepository(session)
        self.users = repos.SqlUserRepository(session)
        self.memberships = repos.SqlMembershipRepository(session)
        self.attachments = repos.SqlAttachmentRepository(session)
        self.conversations = repos.SqlConversationRepository(session)
        self.inbox = delivery.SqlInboxRepository(session)
        self.outbox = delivery.SqlOutboxRepository(session)
        self.invites = repos.SqlInviteRepository(session)
        self.team_chats = repos.SqlTeamChatRepository(session)
        self.ticket_messages = repos.SqlTicketMessageRepository(session)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.session is not None
        try:
            # Whatever was not committed is rolled back. Objects are detached first so
            # that what a read loaded stays readable after the block (a rollback would
            # expire it); after a failed write they show the refused change, so callers
            # reload rather than reuse them.
            self.session.expunge_all()
            if self.session.in_transaction():
                await self.session.rollback()
        finally:
            await self.session.close()
            self.session = None
        if isinstance(exc, DBAPIError) and exc.connection_invalidated:
            # The pool has dropped the dead connection; the caller may simply try again.
            raise ConnectionLost(str(exc.orig)) from exc
        if isinstance(exc, StaleDataError):
            # The ticket changed under a flush a read set off mid-step (autoflush, or a
            # repository's flush before its query), not the step's own flush or commit:
            # the same lost race, run again on fresh data.
            raise ConcurrentUpdate("the ticket was changed by someone else") from exc
        if isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in _RACES:
            # Two steps (of different chats, handled side by side) locked the same rows in
            # opposite orders and PostgreSQL gave up on one: it runs again on fresh data.
            raise ConcurrentUpdate(str(exc.orig)) from exc

    async def flush(self) -> None:
        assert self.session is not None
        try:
            await self.session.flush()
        except StaleDataError as exc:
            raise ConcurrentUpdate("the ticket was changed by someone else") from exc

    async def commit(self) -> None:
        assert self.session is not None
        self.team_chats.forget_unbound()
        try:
            await self.session.commit()
        except StaleDataError as exc:
            await self.session.rollback()
            raise ConcurrentUpdate("the ticket was changed by someone else") from exc

    async def rollback(self) -> None:
        assert self.session is not None
        self.team_chats.forget_unbound()
        await self.session.rollback()


class Database:
    """The process's engines and a factory of units of work.

    On SQLite the steps' engine runs on the event loop's thread; read-only units of work
    (reports, exports, which may scan every ticket) use a second, threaded engine so that
    they never hold up the loop. WAL lets the two read and write side by side, and the
    log's checkpoints run on the threaded engine too (`storage.wal`).
    """

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine: AsyncEngine = create_engine(url, **engine_kwargs)
        self.sessions = session_factory(self.engine)
        self.reader_engine = self.engine
        self.wal: WalCheckpoints | None = None
        if is_sqlite_file(url):
            self.reader_engine = create_engine(url, threaded=True, **engine_kwargs)
            self.wal = WalCheckpoints(self.engine, self.reader_engine)
        self.reader_sessions = session_factory(self.reader_engine)

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    def uow(self, *, read_only: bool = False) -> SqlUnitOfWork:
        sessions = self.reader_sessions if read_only else self.sessions
        return SqlUnitOfWork(sessions, read_only=read_only)

    async def dispose(self) -> None:
        if self.wal is not None:
            await self.wal.close()
        await self.engine.dispose()
        if self.reader_engine is not self.engine:
            await self.reader_engine.dispose()

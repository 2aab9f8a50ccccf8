"""The real `jinye110 run` process, pointed at the fake Bot API server, for end-to-end tests.

    bot = BotProcess(api, workdir)
    await bot.start()          # returns once the bot long-polls (or has set its webhook)
    await bot.kill()           # SIGKILL: no shutdown code runs
    await bot.start()          # a new process on the same database
    await bot.stop()           # SIGTERM, then SIGKILL if it lingers (always call, in finally)

The process runs in `workdir` (so no `.env` of the developer's is read) with its own SQLite
file unless `database_url` is given, and writes its log to `workdir/bot.log`, which a failing
test prints. `clock` starts the process at another wall-clock time (time-machine, ticking),
for scenarios that happen at night; everything else is the console script as installed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

from tests.support.fake_bot_api import TOKEN, FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
JINYE110 = Path(sys.executable).with_name("jinye110")
START_WITHIN = 60.0  # seconds; start-up is 3-6 s on the loaded 2-core machine
STOP_WITHIN = 10.0


def free_port() -> int:
    """A free TCP port on the loopback interface (for the bot's webhook listener)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Webhook:
    """Webhook mode: the bot registers `public_url` and listens on 127.0.0.1:`port`."""

    secret: str | None = "e2e-secret-token_123"
    port: int = field(default_factory=free_port)
    path: str = "/tg/hook"

    @property
    def public_url(self) -> str:
        return f"https://bot.example.test{self.path}"

    @property
    def local_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"


@dataclass
class BotProcess:
    api: FakeBotApi
    workdir: Path
    database_url: str | None = None
    framework: Literal["ptb", "aiogram"] = "ptb"
    webhook: Webhook | None = None
    clock: datetime | None = None  # start the process's wall clock here (aware datetime)
    extra_env: dict[str, str] = field(default_factory=dict)
    proc: asyncio.subprocess.Process | None = None
    starts: int = 0
    kills: int = 0
    log_mark: int = 0  # errors() looks at the log from here on (see mark_log)
    hung_on_stop: int = 0  # times SIGTERM did not end the process in time

    def __post_init__(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        if self.database_url is None:
            self.database_url = f"sqlite+aiosqlite:///{self.workdir / 'jinye110.sqlite3'}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "bot.log"

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    def env(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("JINYE_") or key == "JINYE_CACHE_DIR"
        }
        env.update(
            JINYE_BOT_TOKEN=TOKEN,
            JINYE_BOT_API_URL=self.api.base_url,
            JINYE_DATABASE_URL=str(self.database_url),
            JINYE_CONFIG=str(ROOT / "config" / "demo.yaml"),
            JINYE_LOG_LEVEL="INFO",
            JINYE_REPORTS_DIR=str(self.workdir / "reports"),
            PYTHONUNBUFFERED="1",
        )
        if self.webhook is not None:
            env.update(
                JINYE_WEBHOOK_URL=self.webhook.public_url,
                JINYE_WEBHOOK_LISTEN="127.0.0.1",
                JINYE_WEBHOOK_PORT=str(self.webhook.port),
            )
            if self.webhook.secret is not None:
                env["JINYE_WEBHOOK_SECRET"] = self.webhook.secret
        # The code of this checkout, not whichever one the virtualenv was installed from
        # (a campaign run from a second worktree must not pick up edits in the first).
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        if self.clock is not None:
            env["JINYE_E2E_CLOCK"] = self.clock.isoformat()
        env.update(self.extra_env)
        return env

    def argv(self) -> list[str]:
        args = ["run", "--framework", self.framework]
        if self.clock is not None:
            return [sys.executable, "-m", "tests.e2e.clock_shim", *args]
        return [str(JINYE110), *args]

    async def start(self, *, wait: bool = True) -> None:
        """Start the process; with `wait`, return once it takes updates."""
        assert not self.running, "already running"
        since = self.api.clock()
        webhooks_before = len(self.api.calls_of("setWebhook"))
        with self.log_path.open("ab") as log:
            log.write(f"\n===== start {self.starts + 1} =====\n".encode())
            log.flush()
            self.proc = await asyncio.create_subprocess_exec(
                *self.argv(),
                cwd=self.workdir,
                env=self.env(),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=asyncio.subprocess.STDOUT,
            )
        self.starts += 1
        if self.webhook is not None:
            await self.api.deliver_to(self.webhook.local_url)
        if wait:
            await self.wait_ready(since, webhooks_before)

    async def wait_ready(self, since: float, webhooks_before: int = 0) -> None:
        async def ready() -> None:
            if self.webhook is None:
                await self.api.wait_polling(since=since, within=START_WITHIN)
                return
            await self.api.wait_for(
                lambda c: c.method == "setWebhook" and c.ok,
                count=webhooks_before + 1,
                within=START_WITHIN,
            )

        waiting = asyncio.ensure_future(ready())
        exited = asyncio.ensure_future(self._exited())
        try:
            done, _ = await asyncio.wait(
                {waiting, exited}, timeout=START_WITHIN, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            for task in (waiting, exited):
                task.cancel()
        if waiting not in done or waiting.cancelled() or waiting.exception() is not None:
            raise RuntimeError(f"the bot did not come up:\n{self.log_tail()}")

    async def _exited(self) -> None:
        assert self.proc is not None
        await self.proc.wait()

    async def kill(self) -> None:
        """SIGKILL: the process gets no chance to finish anything."""
        if self.running:
            assert self.proc is not None
            self.proc.send_signal(signal.SIGKILL)
            self.kills += 1
        await self._reap()

    async def stop(self, *, within: float = STOP_WITHIN, release_polls: bool = True) -> float:
        """SIGTERM (a clean shutdown), SIGKILL if it has not ended `within` seconds; the
        seconds it took. With `release_polls`, a long poll in flight is answered at once (as
        its timeout would, later) so that a bot waiting on it need not hold up the test."""
        took = 0.0
        if self.running:
            assert self.proc is not None
            began = time.monotonic()
            self.proc.send_signal(signal.SIGTERM)
            while self.running and time.monotonic() - began < within:
                if release_polls:
                    await self.api.release_polls()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(asyncio.shield(self.proc.wait()), 0.2)
            took = time.monotonic() - began
            if self.running:
                self.hung_on_stop += 1
                await self._dump_stacks()
                self.proc.send_signal(signal.SIGKILL)
        await self._reap()
        if self.webhook is not None:
            await self.api.deliver_to(None)
        return took

    async def _dump_stacks(self) -> None:
        """Append the hung process's Python stacks to its log (when py-spy is installed)."""
        spy = Path(sys.executable).with_name("py-spy")
        if self.proc is None or not spy.exists():
            return
        with self.log_path.open("ab") as log:
            log.write(b"\n===== did not stop on SIGTERM; stacks (py-spy dump) =====\n")
            log.flush()
            dump = await asyncio.create_subprocess_exec(
                str(spy), "dump", "--pid", str(self.proc.pid), stdout=log, stderr=log
            )
            try:
                await asyncio.wait_for(dump.wait(), 20)
            except TimeoutError:
                dump.kill()
                await dump.wait()

    async def _reap(self) -> None:
        if self.proc is not None:
            await asyncio.wait_for(self.proc.wait(), STOP_WITHIN)

    async def restart(self) -> None:
        await self.kill()
        await self.start()

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    async def wait_for_log(self, phrase: str, *, within: float) -> None:
        """Wait until the bot has logged `phrase` (it logs as it goes)."""
        deadline = time.monotonic() + within
        while phrase not in self.log_tail(2000):
            if time.monotonic() > deadline:
                raise AssertionError(f"the bot did not log {phrase!r} within {within}s")
            await asyncio.sleep(0.05)

    def mark_log(self) -> None:
        """Errors logged so far were expected: errors() starts after them."""
        try:
            self.log_mark = self.log_path.stat().st_size
        except OSError:
            self.log_mark = 0

    def errors(self) -> list[str]:
        """Log lines of errors (tracebacks and ERROR records) since the last mark_log()."""
        try:
            with self.log_path.open("rb") as log:
                log.seek(self.log_mark)
                text = log.read().decode(errors="replace")
        except OSError:
            return []
        return [
            line
            for line in text.splitlines()
            if "Traceback (most recent call last)" in line or " ERROR " in line
        ]

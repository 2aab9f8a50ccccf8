"""`jinye110 run` loads only the framework it runs, and no command loads what it does not use:
aiogram's import builds the schemas of all its models, and matplotlib and openpyxl (charts
and spreadsheets) take a second more on a small machine, which a bot would wait for at every
start and every restart after a crash, and a quick command at every call."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The runner is replaced by one that says which of the heavy libraries were imported on the
# way to it.
_PROBE = """
import sys
import bot.{module} as runner

def probe(*args, **kwargs):
    print(*sorted(m for m in ("aiogram", "matplotlib", "openpyxl") if m in sys.modules))
    return 0

setattr(runner, "{runner}", probe)
from bot.cli import main
sys.exit(main(["run", "--framework", "{framework}"]))
"""


@pytest.mark.parametrize(
    ("framework", "module", "runner", "loaded"),
    [
        ("ptb", "ptb_adapter", "run_ptb", ""),
        ("aiogram", "aiogram_runner", "run_aiogram", "aiogram"),
    ],
)
def test_run_imports_aiogram_only_for_the_aiogram_framework_and_no_reports_library(
    framework: str, module: str, runner: str, loaded: str, tmp_path: Path
) -> None:
    code = _PROBE.format(module=module, runner=runner, framework=framework)
    if framework == "aiogram":
        # run_aiogram is a coroutine function, awaited by asyncio.run.
        code = code.replace("def probe", "async def probe")
    printed = _python(code, tmp_path, JINYE_BOT_TOKEN="123456789:AAsome-token")
    assert printed.strip() == loaded


# What a command imports, printed after it ran (its own output goes to stdout first).
_IMPORTS_AFTER = """
import sys
from bot.cli import main
try:
    main({argv!r})
except SystemExit:
    pass
print("\\nloaded:", *sorted(m for m in ("matplotlib", "openpyxl", "telegram") if m in sys.modules))
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["route", "explain", "烤房停电了"],
        ["check-config", str(ROOT / "config/demo.yaml")],
    ],
    ids=["help", "route-explain", "check-config"],
)
def test_quick_commands_leave_charts_spreadsheets_and_the_bot_unloaded(
    argv: list[str], tmp_path: Path
) -> None:
    """matplotlib, openpyxl and python-telegram-bot are a second of imports on a small
    machine: a command that draws, writes or sends nothing does not wait for them."""
    printed = _python(_IMPORTS_AFTER.format(argv=argv), tmp_path)
    assert printed.rstrip().splitlines()[-1] == "loaded:"


def _python(code: str, workdir: Path, **env: str) -> str:
    """What `code` prints, run by a fresh interpreter in `workdir` on a database of its own
    and the demo bureau; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=workdir,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "JINYE_CONFIG": str(ROOT / "config/demo.yaml"),
            "JINYE_DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'bot.sqlite3'}",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout

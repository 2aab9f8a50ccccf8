"""`jinye110 run` loads only the framework it runs: aiogram's import builds the schemas of
all its models (seconds on a small machine), which a python-telegram-bot bot would wait for
at every start and every restart after a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The runner is replaced by one that says whether aiogram was imported on the way to it.
_PROBE = """
import sys
import bot.{module} as runner

def probe(*args, **kwargs):
    print("aiogram" in sys.modules)
    return 0

setattr(runner, "{runner}", probe)
from bot.cli import main
sys.exit(main(["run", "--framework", "{framework}"]))
"""


@pytest.mark.parametrize(
    ("framework", "module", "runner", "loads_aiogram"),
    [("ptb", "ptb_adapter", "run_ptb", False), ("aiogram", "aiogram_runner", "run_aiogram", True)],
)
def test_run_imports_aiogram_only_for_the_aiogram_framework(
    framework: str, module: str, runner: str, loads_aiogram: bool, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "JINYE_BOT_TOKEN": "123456789:AAsome-token",
        "JINYE_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
    }
    code = _PROBE.format(module=module, runner=runner, framework=framework)
    if framework == "aiogram":
        # run_aiogram is a coroutine function, awaited by asyncio.run.
        code = code.replace("def probe", "async def probe")
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(loads_aiogram)

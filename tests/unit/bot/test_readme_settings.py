"""README's configuration table lists every JINYE_ variable the code reads."""

from __future__ import annotations

import re

from bot.cli_run import CONSOLE_LOG_LEVEL
from bot.settings import Settings
from tests.conftest import ROOT

SOURCES = ["core", "storage", "routing", "handlers", "scheduler", "reports", "bot"]


def read_by_the_code() -> set[str]:
    names = {f"JINYE_{name.upper()}" for name in Settings.model_fields}
    files = [ROOT / "dev.py", *(p for d in SOURCES for p in (ROOT / d).rglob("*.py"))]
    for path in files:
        names |= set(re.findall(r"environ\.get\(\"(JINYE_\w+)\"", path.read_text("utf-8")))
    return names


def test_every_variable_the_code_reads_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `(JINYE_\w+)` \|", readme, flags=re.MULTILINE))
    assert read_by_the_code() - table == set()
    assert {"JINYE_WEBHOOK_PORT", "JINYE_REPORTS_DIR", "JINYE_CACHE_DIR"} <= read_by_the_code()


def test_the_readme_gives_the_log_level_the_console_demo_really_uses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = re.search(r"^\| `JINYE_LOG_LEVEL` \|.*$", readme, flags=re.MULTILINE)
    assert row is not None
    assert f"the console demo: `{CONSOLE_LOG_LEVEL}`" in row.group(0)

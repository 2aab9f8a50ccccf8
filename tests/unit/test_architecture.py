"""The one rule of the house: imports point downward, and core/routing import no framework."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = {
    "bot": 3,
    "handlers": 2,
    "scheduler": 2,
    "reports": 2,
    "storage": 1,
    "routing": 1,
    "core": 0,
}
FRAMEWORKS = {
    "telegram",
    "aiogram",
    "sqlalchemy",
    "alembic",
    "apscheduler",
    "aiohttp",
    "httpx",
    "asyncpg",
    "aiosqlite",
    "matplotlib",
    "openpyxl",
}
PURE = {"core", "routing"}


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations() -> list[str]:
    problems: list[str] = []
    for package, level in LAYERS.items():
        for path in sorted((ROOT / package).rglob("*.py")):
            for lineno, module in imported_modules(path):
                top = module.split(".")[0]
                where = f"{path.relative_to(ROOT)}:{lineno} imports {module}"
                if top in LAYERS and top != package and LAYERS[top] >= level:
                    problems.append(f"{where} (upward or sideways)")
                if package in PURE and top in FRAMEWORKS:
                    problems.append(f"{where} (framework in a pure layer)")
    return problems


def test_imports_point_downward_and_pure_layers_stay_pure() -> None:
    assert violations() == []


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    for package in LAYERS:
        (tmp_path / package).mkdir()
    (tmp_path / "core" / "bad.py").write_text(
        "from storage.tables import metadata\nimport telegram\n"
    )
    globals()["ROOT"] = tmp_path
    try:
        found = violations()
    finally:
        globals()["ROOT"] = ROOT_REAL
    assert any("storage.tables" in p and "upward" in p for p in found)
    assert any("telegram" in p and "framework" in p for p in found)


ROOT_REAL = ROOT

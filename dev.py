#!/usr/bin/env python3
"""One entry point for people and CI: `python3 dev.py run|test|lint|cli|bench|help`.

It needs only python3 (3.11+) and the package registry: on first use it creates .venv and
installs the project with its test extras, and again whenever pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("JINYE_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".jinye110-installed"
LAYERS = ("core", "routing", "storage", "handlers", "scheduler", "reports", "bot")


def _python() -> str:
    return str(BIN / "python")


def _in_parallel(args: list[str]) -> list[str]:
    """pytest-xdist's workers, one a CPU, unless the arguments choose (-n 0 runs in one)."""
    chosen = any(a in ("-n", "--numprocesses", "no:xdist") or a.startswith("-n") for a in args)
    return [] if chosen else ["-n", "auto"]


def ensure_env() -> None:
    if sys.version_info < (3, 11):
        sys.exit("jinye110 needs Python 3.11 or newer")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not (BIN / "python").exists():
        print(f"creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing jinye110 and its dependencies (first run takes a minute) ...", flush=True)
    pip = [_python(), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("help", [])
    if command in ("help", "-h", "--help"):
        print(__doc__)
        print("  run [ARGS]   start the bot (the console demo when JINYE_BOT_TOKEN is not set)")
        print("  test [ARGS]  run the whole test suite (pytest ARGS; -n auto unless -n is given)")
        print("  lint         ruff (lint and format) and mypy")
        print('  cli ARGS     any jinye110 command, e.g. `cli route "烤房停电了"`')
        print("  bench NAME [ARGS]  a benchmark from bench/, e.g. `bench router`")
        return 0
    ensure_env()
    os.chdir(ROOT)
    if command == "run":
        return subprocess.call([str(BIN / "jinye110"), "run", *rest])
    if command == "cli":
        return subprocess.call([str(BIN / "jinye110"), *rest])
    if command == "bench":
        if not rest or not (ROOT / "bench" / f"bench_{rest[0]}.py").exists():
            found = (ROOT / "bench").glob("bench_*.py")
            names = sorted(p.stem.removeprefix("bench_") for p in found)
            print(f"usage: python3 dev.py bench {{{'|'.join(names)}}} [ARGS]", file=sys.stderr)
            return 2
        return subprocess.call([_python(), str(ROOT / "bench" / f"bench_{rest[0]}.py"), *rest[1:]])
    if command == "test":
        return subprocess.call([_python(), "-m", "pytest", *_in_parallel(rest), *rest])
    if command == "lint":
        ruff = subprocess.call([_python(), "-m", "ruff", "check", "."])
        formatted = subprocess.call([_python(), "-m", "ruff", "format", "--check", "-q", "."])
        layers = [p for p in LAYERS if (ROOT / p / "__init__.py").exists()]
        mypy = subprocess.call([_python(), "-m", "mypy", *layers, "tests", "bench"])
        return ruff or formatted or mypy
    print(f"unknown command {command!r}; try `python3 dev.py help`", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

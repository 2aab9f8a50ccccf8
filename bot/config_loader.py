"""Read a YAML config file (and its includes) from disk and validate it."""

from __future__ import annotations

from pathlib import Path

from core.config import Config, ConfigError, parse_config
from core.config_yaml import not_utf8


def _read(path: Path) -> str:
    # utf-8-sig: Notepad's "UTF-8" puts a byte-order mark in front, which is still UTF-8.
    return path.read_bytes().decode("utf-8-sig")


def load_config(path: str | Path) -> Config:
    """Load and validate the config at `path`; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        text = _read(path)
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read: {exc.strerror}"]) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError([f"{path}: {not_utf8(exc)}"]) from exc
    return parse_config(text, lambda name: _read(path.parent / name), source=str(path))

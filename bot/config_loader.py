"""Read a YAML config file (and its includes) from disk and validate it."""

from __future__ import annotations

from pathlib import Path

from core.config import Config, ConfigError, parse_config


def load_config(path: str | Path) -> Config:
    """Load and validate the config at `path`; raise ConfigError listing every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError([f"{path}: cannot read: {exc.strerror}"]) from exc
    return parse_config(text, lambda name: (path.parent / name).read_text(encoding="utf-8"))

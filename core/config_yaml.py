"""A config's YAML text, and the files it includes, as one mapping of top-level keys.

Each key remembers the file it came from, so that an error found later, when the mapping is
validated, can name the file to open as well as the key's path in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import yaml

from core.yaml_text import DuplicateKeys, load_yaml, one_line_yaml_error


class ConfigError(Exception):
    """The config is invalid; `errors` holds one line per problem, each starting with its path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


_TOP_KEY = re.compile(r"[A-Za-z_]+")


@dataclass
class Sources:
    """Which file each top-level key came from; `main` is None when the text has no file."""

    main: str | None
    files: dict[str, str] = field(default_factory=dict)

    def at(self, path: str, message: str) -> str:
        """One error line: the file holding `path` (when known), the path, the message."""
        found = _TOP_KEY.match(path)
        file = self.files.get(found[0], self.main) if found else self.main
        return f"{file}: {path}: {message}" if file else f"{path}: {message}"


def _mapping(text: str, where: str | None) -> dict[str, Any]:
    prefix = f"{where}: " if where else ""
    try:
        data = load_yaml(text)
    except DuplicateKeys as exc:
        raise ConfigError([prefix + error for error in exc.errors]) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(
            [f"{where or '(root)'}: invalid YAML: {one_line_yaml_error(exc)}"]
        ) from exc
    if not isinstance(data, dict):
        raise ConfigError([f"{where or '(root)'}: the config must be a mapping"])
    return data


def _include_names(value: object, sources: Sources) -> list[str]:
    if isinstance(value, str):  # one file, written without the brackets
        value = [value]
    if not isinstance(value, list):
        raise ConfigError([sources.at("include", "must be a list of file names, e.g. [a.yaml]")])
    for i, name in enumerate(value):
        if not isinstance(name, str) or not name.strip():
            raise ConfigError([sources.at(f"include[{i}]", f"not a file name: {name!r}")])
    return value


def merged_mapping(
    text: str, read_include: Callable[[str], str] | None, source: str | None
) -> tuple[dict[str, Any], Sources]:
    """The config's keys with those of its includes; refuse a key defined in two files."""
    data = _mapping(text, source)
    sources = Sources(source, dict.fromkeys(data, source) if source else {})
    for i, name in enumerate(_include_names(data.pop("include", []), sources)):
        if read_include is None:
            raise ConfigError([sources.at(f"include[{i}]", "includes are not supported here")])
        # Shown as a path next to the including file, the one an admin has to open.
        shown = str(PurePath(source).parent / name) if source else name
        try:
            included = read_include(name)
        except OSError as exc:
            error = f"cannot read '{name}': {exc.strerror}"
            raise ConfigError([sources.at(f"include[{i}]", error)]) from exc
        except UnicodeDecodeError as exc:
            raise ConfigError([f"{shown}: {not_utf8(exc)}"]) from exc
        for key, value in _mapping(included, shown).items():
            if key in data:
                first = sources.files.get(key, "the main file")
                raise ConfigError([f"{shown}: {key}: already defined in {first}"])
            data[key] = value
            sources.files[key] = shown
    return data, sources


def not_utf8(exc: UnicodeDecodeError) -> str:
    """The one line for a file saved in another encoding (GBK, as Chinese Windows does)."""
    byte = exc.object[exc.start]
    return f"not UTF-8 text (byte 0x{byte:02x} at offset {exc.start}); save it as UTF-8"

"""Keyword tables as YAML text, in the config's own `keywords:` format.

`route learn` writes this; `route --keywords` and `route eval --keywords` read it; a config
can `include:` it. Reading and writing the file is the caller's job.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml
from pydantic import ValidationError

from core.config import KeywordTable
from core.yaml_text import DuplicateKeys, load_yaml, one_line_yaml_error


class KeywordsError(ValueError):
    """The text is not a valid `keywords:` mapping."""


def dump_keywords_yaml(tables: Mapping[str, KeywordTable], header: str = "") -> str:
    """`keywords:` with one table per line id; empty synonyms/negative are left out."""
    body: dict[str, Any] = {}
    for line, table in tables.items():
        entry: dict[str, Any] = {"words": dict(table.words)}
        if table.synonyms:
            entry["synonyms"] = {k: list(v) for k, v in table.synonyms.items()}
        if table.negative:
            entry["negative"] = dict(table.negative)
        body[line] = entry
    text = yaml.safe_dump(
        {"keywords": body}, allow_unicode=True, sort_keys=False, default_flow_style=False
    )
    comments = "".join(f"# {row}\n" if row else "#\n" for row in header.splitlines())
    return comments + text


def parse_keywords_yaml(text: str) -> dict[str, KeywordTable]:
    """Tables from `keywords: {line: {words: ...}}` (a bare `{line: ...}` mapping also works)."""
    try:
        data = load_yaml(text)
    except DuplicateKeys as exc:
        raise KeywordsError(str(exc)) from exc
    except yaml.YAMLError as exc:
        raise KeywordsError(f"invalid YAML: {one_line_yaml_error(exc)}") from exc
    if isinstance(data, dict) and "keywords" in data:
        data = data["keywords"]
    if not isinstance(data, dict) or not data:
        raise KeywordsError("expected a non-empty 'keywords:' mapping of line id -> table")
    tables: dict[str, KeywordTable] = {}
    for line, table in data.items():
        try:
            tables[str(line)] = KeywordTable.model_validate(table or {})
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise KeywordsError(f"keywords.{line}.{where}: {first['msg']}") from exc
    return tables

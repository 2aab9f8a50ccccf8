"""YAML as a bureau's admins write it, read strictly.

PyYAML keeps the last of two equal keys in a mapping without a word, so a team, a policy or
a keyword written twice would silently lose one of them. Here that is an error naming the
key's path and both lines.

YAML 1.1 reads 8:30 and 8:30:00 as base-60 integers (510, 30600), and 0700 as an octal
one (448), from which what was written cannot be told back; here they are the text
written, as times of day are meant.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_MERGE = "tag:yaml.org,2002:merge"


class DuplicateKeys(yaml.YAMLError):
    """Keys written twice; `errors` holds one line per key, each starting with its path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


class _Loader(yaml.SafeLoader):
    """The pure-Python safe loader, reading times as written."""


def _int_as_written(loader: _Loader | _FastLoader, node: ScalarNode) -> Any:
    """A number written with colons (8:30), or an octal one (0700), as the text written."""
    digits = node.value.lstrip("+-")
    if ":" in digits or (len(digits) > 1 and digits[0] == "0" and digits[1:2].isdigit()):
        return node.value
    return SafeConstructor.construct_yaml_int(loader, node)


def _float_as_written(loader: _Loader | _FastLoader, node: ScalarNode) -> Any:
    """A number written with colons (8:30:00) as the text written."""
    if ":" in node.value:
        return node.value
    return SafeConstructor.construct_yaml_float(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:int", _int_as_written)
_Loader.add_constructor("tag:yaml.org,2002:float", _float_as_written)

if yaml.__with_libyaml__:  # PyYAML's wheels have it; a build from source may not

    class _FastLoader(yaml.CSafeLoader):
        """_Loader on libyaml's parser, which reads the bureau's keyword tables some five
        times faster: every command and every restart waits for them."""

    _FastLoader.add_constructor("tag:yaml.org,2002:int", _int_as_written)
    _FastLoader.add_constructor("tag:yaml.org,2002:float", _float_as_written)


def load_yaml(text: str) -> Any:
    """The document in `text`, like yaml.safe_load, but refusing keys written twice.

    Read with libyaml where PyYAML has it; YAML it refuses is read again by the pure-Python
    parser, whose errors say more (a tab is named as a tab) to the admin who must mend it."""
    if yaml.__with_libyaml__:
        try:
            return _document(_FastLoader(text))
        except DuplicateKeys:
            raise
        except yaml.YAMLError:
            pass
    return _document(_Loader(text))


def _document(loader: _Loader | _FastLoader) -> Any:
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        errors = list(_duplicate_keys(node, "", set()))
        if errors:
            raise DuplicateKeys(errors)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def one_line_yaml_error(exc: yaml.YAMLError) -> str:
    """PyYAML's error in one line, placed by line and column: its own text spans several
    lines, quotes the text as "<unicode string>" and points at it with a caret."""
    if not isinstance(exc, yaml.MarkedYAMLError) or exc.problem_mark is None:
        return " ".join(str(exc).split())
    mark = exc.problem_mark
    line = f"line {mark.line + 1}, column {mark.column + 1}: {exc.problem}"
    if exc.context and exc.context_mark is not None:
        start = exc.context_mark
        line += f" ({exc.context} that starts at line {start.line + 1}, column {start.column + 1})"
    elif exc.context:
        line += f" ({exc.context})"
    return line


def _duplicate_keys(node: Node, path: str, seen_nodes: set[int]) -> Iterator[str]:
    # An alias repeats a node (and may even point back to its own parent): walk it once.
    if id(node) in seen_nodes:
        return
    seen_nodes.add(id(node))
    if isinstance(node, SequenceNode):
        for i, item in enumerate(node.value):
            yield from _duplicate_keys(item, f"{path}[{i}]", seen_nodes)
    elif isinstance(node, MappingNode):
        lines: dict[str, int] = {}
        for key, value in node.value:
            if key.tag == _MERGE or not isinstance(key, ScalarNode):
                yield from _duplicate_keys(value, path, seen_nodes)
                continue
            child = f"{path}.{key.value}" if path else str(key.value)
            line = key.start_mark.line + 1
            if key.value in lines:
                first = lines[key.value]
                where = f"line {line}" if first == line else f"lines {first} and {line}"
                yield f"{child}: written twice ({where}); only one of them would count"
            else:
                lines[key.value] = line
            yield from _duplicate_keys(value, child, seen_nodes)

"""Word groups in routing terms: `骂我+<职员>` is 骂我+收购员, 骂我+客户经理, … for every word
of the group `职员` (`routing.word_groups`).

A family of terms (scolding, goods taken, tie-in selling beside any of the bureau's people;
a child beside 买烟) is written once, and a role added to the group counts in every family:
a list copied into each family misses the role somebody forgot to add there (收购员骂我).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import product

# <name>: `<` may start a YAML plain scalar (`@` and `{` may not), and the brackets end the
# name where a word goes on after it (<未成年>来买烟).
GROUP = re.compile(r"<([^<>+]+)>")


def groups_named(term: str) -> list[str]:
    """The group names `term` refers to, in order."""
    return [name.strip() for name in GROUP.findall(term)]


def expand(term: str, groups: Mapping[str, Sequence[str]]) -> list[str]:
    """`term` with each <name> replaced by every word of that group, every combination;
    a term naming no group is itself. A group nobody defined is a KeyError (the config's
    checks report it first)."""
    pieces = GROUP.split(term)
    if len(pieces) == 1:
        return [term]
    literal, names = pieces[::2], pieces[1::2]
    choices = [members(name.strip(), groups) for name in names]
    expanded: list[str] = []
    for picked in product(*choices):
        text = literal[0]
        for word, after in zip(picked, literal[1:], strict=True):
            text += word + after
        expanded.append(text)
    return expanded


def members(
    name: str, groups: Mapping[str, Sequence[str]], _within: tuple[str, ...] = ()
) -> list[str]:
    """The words of group `name`, a group named among them (<店里的职员> in 职员) by its own
    words: the bureau's people are those who serve a shop and those of the station."""
    if name in _within:
        raise ValueError(f"word group <{name}> contains itself")
    found: dict[str, None] = {}
    for word in groups[name]:
        inner = GROUP.fullmatch(word.strip())
        if inner is None:
            found[word.strip()] = None
        else:
            found.update(dict.fromkeys(members(inner[1].strip(), groups, (*_within, name))))
    return list(found)


def unknown_groups(terms: Iterable[str], groups: Mapping[str, Sequence[str]]) -> list[str]:
    """The group names the terms refer to that `groups` does not define, each once."""
    unknown: dict[str, None] = {}
    inside = [word for words in groups.values() for word in words]
    for term in [*terms, *inside]:
        for name in groups_named(term):
            if name not in groups:
                unknown[name] = None
    return list(unknown)

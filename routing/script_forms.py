"""Which characters belong to one script only, from the installed OpenCC's own character tables.

OpenCC converts characters that are also standard in the other script: s2t turns 了解 into
瞭解, 周 into 週 after 下, 范 into 範, 余 into 餘, 干 into 幹, though 了 周 范 余 干 are
ordinary Traditional characters (a surname, a weekday). Whether a text changes under
conversion therefore does not tell its script. OpenCC's tables do: STCharacters lists, for
each Simplified character, its Traditional forms, the character itself among them when it
is standard Traditional too (了 → 了 瞭, 范 → 範 范); TSCharacters the other way round.

A character is Simplified-only when s2tw changes it and it is no Traditional form (们, 这,
么); Traditional-only when t2s changes it and it is no Simplified form (們, 這, 裡).
Everything else (了 周 台 范 余 于 干 里 后, and 李 好 烤, the same in both) tells nothing.

The tables are `.ocd2` files: a marisa trie of the keys, then the candidate lists
(OpenCC's SerializedValues: item count and buffer size as little-endian uint32, the
NUL-terminated values, then each item's value count and value sizes as uint16). Only the
values are needed, so the trie is skipped by finding the buffer: the one run of
NUL-terminated UTF-8 strings preceded by its own size. Read once at import, about 10 ms.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterable
from pathlib import Path

import opencc

_SHARE = Path(opencc.__file__).parent / "clib" / "share" / "opencc"

# Traditional forms: the standard ones (STCharacters) and Taiwan's both ways (s2tw writes 裡
# for the standard 裏; either may be typed).
TRADITIONAL_TABLES = ("STCharacters.ocd2", "TWVariants.ocd2", "TWVariantsRev.ocd2")
# Hong Kong's forms count as Traditional only where no Simplified text has them (綫, 濕):
# the ones mainland Simplified shares (温, 户, 税, 脱) would otherwise tell nothing, and a
# mainland writer's 烤房温度 is Simplified.
HONG_KONG_TABLES = ("HKVariants.ocd2", "HKVariantsRev.ocd2")
SIMPLIFIED_TABLES = ("TSCharacters.ocd2", "TSCharactersExt.ocd2")

_VALUES = re.compile(
    rb"(?:(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})+\x00)+"
)
_SIZES = struct.Struct("<II")


def table_values(path: Path) -> set[str]:
    """Every candidate an OpenCC `.ocd2` table gives, whatever its key."""
    data = path.read_bytes()
    found: list[bytes] = []
    for run in _VALUES.finditer(data):
        start, end = run.span()
        if start < _SIZES.size:
            continue
        items, size = _SIZES.unpack_from(data, start - _SIZES.size)
        # Each item has at least one value: a count and a size, two uint16 each, follow.
        if size == end - start and items * 4 <= len(data) - end:
            found.append(data[start:end])
    if len(found) != 1:
        raise ValueError(f"{path.name}: not an OpenCC table this code can read")
    return set(found[0].decode("utf-8").split("\x00")[:-1])


def _forms(tables: Iterable[str]) -> set[str]:
    return set().union(*(table_values(_SHARE / table) for table in tables))


def _changed_by(convert: Callable[[str], str], chars: set[str]) -> set[str]:
    """The characters `convert` changes, each on its own (one call for all: a line each,
    so that no phrase spans two)."""
    ordered = sorted(c for c in chars if len(c) == 1)
    converted = convert("\n".join(ordered)).split("\n")
    return {char for char, out in zip(ordered, converted, strict=True) if out != char}


def one_script_characters(
    to_traditional: Callable[[str], str], to_simplified: Callable[[str], str]
) -> tuple[frozenset[str], frozenset[str]]:
    """(Simplified-only characters, Traditional-only characters), for the converters the
    process uses."""
    traditional = _forms(TRADITIONAL_TABLES)
    simplified = _forms(SIMPLIFIED_TABLES)
    hong_kong = _forms(HONG_KONG_TABLES)
    return (
        frozenset(_changed_by(to_traditional, simplified - traditional)),
        frozenset(_changed_by(to_simplified, (traditional | hong_kong) - simplified)),
    )

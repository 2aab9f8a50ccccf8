"""A tobacco retail licence number (烟草专卖零售许可证号) as a retailer types it.

The number is 12 digits: the first 6 the administrative division code (行政区划代码) of the
licensing bureau's place, whose first two are the province's; the 7th whether the holder is
an individual business (1) or an enterprise or other (2); the last 5 a serial number. It is
also the last 12 digits of the code printed on every carton delivered to the shop. People
type it as it stands on the licence, in groups with spaces (5201 0210 0123), with full-width
digits from a Chinese input method, after its name (许可证号：…, 许可证编号：…, 证号 for short,
我的许可证号是…)
or with 号, a full stop or thanks after it (520102100123号。, …，谢谢); all of those are
the number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LICENCE_DIGITS = 12
# The mainland's provinces, autonomous regions and municipalities (GB/T 2260): a licence's
# place code starts with one of them; a mistyped first digit shows here.
_PROVINCES = frozenset((
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65",
))  # fmt: skip
# The number's name as typed before it, in either script (the 繁體 question reads
# 菸草專賣零售許可證號, and Taiwan writes 菸 for 烟): who issues it, 许可证, 号 (or 编号, as
# the number is as often called: 许可证编号), 的 between them or not (许可证的编号是…).
_ISSUER = r"(?:烟草|煙草|菸草)?(?:专卖|專賣)?(?:零售)?"
_LICENCE = r"(?:许可证|許可證)"
_NUMBER = r"(?:号码|號碼|编号|編號|号|號)"
# Named enough to be the licence's (许可证号, 烟草专卖零售许可证): after a shop's name too.
LICENCE_NAME = rf"{_ISSUER}{_LICENCE}(?:的?{_NUMBER})?"
# Whose it is and that it is, said around the name: 我的许可证号是…, 本店证号为….
_WHOSE = r"(?:我的|我们的|我們的|本店的?|我店的?)?"
_IS = r"(?:是|为|為)?"
# The name as said before the number after a shop's name: 许可证号, 证号 for short, with whose
# it is and 是; the colon or space after it is the caller's.
LICENCE_SAID = rf"{_WHOSE}(?:{LICENCE_NAME}|(?:证|證){_NUMBER}){_IS}"
# Typed alone at its question: any part of the name, with or without a colon.
_LEAD = re.compile(rf"^{_WHOSE}{_ISSUER}(?:(?:{_LICENCE}|证|證)的?)?{_NUMBER}?{_IS}[:：\s]*")
# After the number: 号 (520102100123号), a sentence's end, and thanks that end the answer
# (…123，谢谢): nothing more is said of the number, alone at its question or after a
# shop's name.
_THANKS = r"(?:谢谢|謝謝|多谢|多謝|麻烦了|麻煩了|辛苦了)?"
LICENCE_TAIL = re.compile(rf"(?<=\d)\s*[号號]?[。.！!，,；;\s]*{_THANKS}[。.！!～~\s]*$")
# Between the digits: spaces (ASCII, full-width, tabs) and dashes, as the groups are typed.
_SEPARATORS = re.compile(r"[\s\-－—_.·]")


@dataclass(frozen=True, slots=True)
class TypedLicence:
    """What was typed: `number` when it is a licence number; else how many digits it has
    (`digits`, to tell someone who missed one) and whether it is digits at all."""

    number: str | None
    digits: int
    only_digits: bool


def read_licence(text: str) -> TypedLicence:
    """The licence number in `text`, or what is wrong with it."""
    plain = unicodedata.normalize("NFKC", text).strip()
    plain = _SEPARATORS.sub("", LICENCE_TAIL.sub("", _LEAD.sub("", plain)))
    only_digits = plain.isascii() and plain.isdigit()
    digits = sum(ch.isdigit() for ch in plain)
    if only_digits and len(plain) == LICENCE_DIGITS and plain[:2] in _PROVINCES:
        return TypedLicence(plain, digits, only_digits)
    return TypedLicence(None, digits, only_digits)

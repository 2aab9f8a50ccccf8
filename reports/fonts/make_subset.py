"""Rebuild the bundled chart font: a subset of Noto Sans CJK SC Regular for GB2312, the
frequently used hanzi of Big5 and the Traditional forms OpenCC gives GB2312's characters.

Not imported at run time; kept so the bundled binary can be reproduced and audited (from
the repository's root, with the project installed, for OpenCC):

    apt-get download fonts-noto-cjk && dpkg-deb -x fonts-noto-cjk_*.deb noto
    python reports/fonts/make_subset.py noto/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

GB2312 holds the 6,763 hanzi of everyday Simplified Chinese (team, line and area names,
chart labels); Big5's level-1 hanzi and the Traditional forms OpenCC gives them let a chart
be drawn in a reader's Traditional script (the Noto SC face has those glyphs, in mainland
forms). About 4.5 MB, where the whole font is ~16 MB. The family is renamed so that it can
never be mistaken for, or shadowed by, a full Noto Sans CJK installed on the system.
The font stays under the SIL Open Font License 1.1 (see OFL.txt beside it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere
from routing import to_traditional

FAMILY = "Jinye Sans SC"
POSTSCRIPT = "JinyeSansSC-Regular"
OUT = Path(__file__).with_name("JinyeSansSC-Regular.otf")
DESCRIPTION = (
    "Subset of Noto Sans CJK SC Regular (Version 2.004) covering GB2312, Big5 level 1 and "
    "the Traditional forms of their hanzi, ASCII, Latin-1 and CJK/full-width punctuation, "
    "renamed for the jinye110 service desk's charts."
)


def charset_text() -> str:
    chars = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    # Big5's 5,401 frequently used hanzi: forms OpenCC picks only within a phrase (卷烟 →
    # 捲菸) are among them.
    for lead in range(0xA4, 0xC7):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            if (lead, trail) >= (0xC6, 0x7F):
                break
            try:
                chars.add(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                continue
    # Each character on its own, and in a run, where OpenCC's phrases pick other forms;
    # again for the forms added, until converting adds nothing (so any text drawn from
    # these characters, converted once more, still has every glyph).
    added = sorted(chars)
    while added:
        forms = {form for ch in added for form in to_traditional(ch)}
        forms.update(to_traditional("".join(added)))
        added = sorted(forms - chars)
        chars.update(added)
    ranges = [(0x20, 0x7F), (0xA0, 0x180), (0x2000, 0x2070), (0x3000, 0x3040), (0xFF00, 0xFFF0)]
    for low, high in ranges:
        chars.update(chr(c) for c in range(low, high))
    return "".join(sorted(chars))


def sc_face(path: str) -> TTFont:
    if path.endswith(".ttc"):
        for font in TTCollection(path).fonts:
            if font["name"].getDebugName(1) == "Noto Sans CJK SC":
                return font
        raise SystemExit("no 'Noto Sans CJK SC' face in the collection")
    return TTFont(path)


def rename(font: TTFont) -> None:
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            table.removeNames(nameID=record.nameID)
    for name_id, value in (
        (1, FAMILY),
        (2, "Regular"),
        (3, f"{POSTSCRIPT};subset"),
        (4, f"{FAMILY} Regular"),
        (6, POSTSCRIPT),
        (10, DESCRIPTION),
    ):
        table.setName(value, name_id, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [POSTSCRIPT]
        top = cff.topDictIndex[0]
        top.FullName = f"{FAMILY} Regular"
        top.FamilyName = FAMILY


def main(source: str) -> None:
    font = sc_face(source)
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=charset_text())
    subsetter.subset(font)
    rename(font)
    font.save(OUT)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(sys.argv[1])

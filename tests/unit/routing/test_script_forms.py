from __future__ import annotations

from pathlib import Path

import pytest

from routing.script_forms import _SHARE, table_values


def test_a_simplified_characters_traditional_forms_include_itself_when_it_is_standard() -> None:
    forms = table_values(_SHARE / "STCharacters.ocd2")
    assert {"了", "瞭", "範", "范", "餘", "余", "們"} <= forms
    assert not {"们", "这"} & forms


def test_a_file_that_is_no_opencc_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.ocd2"
    path.write_bytes(b"OPENCC_MARISA_0.2.5" + "了\0".encode() * 3)
    with pytest.raises(ValueError, match=r"x\.ocd2"):
        table_values(path)

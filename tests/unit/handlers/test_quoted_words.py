"""The words a summary quotes back, as the requester typed them."""

from __future__ import annotations

from handlers.quoted_words import typed_stretch


def test_a_stretch_is_quoted_in_the_characters_typed() -> None:
    assert typed_stretch("卖烟的钱", "賣菸的錢一個月了還沒收到") == "賣菸的錢"


def test_a_stretch_is_not_shifted_by_a_letter_that_lower_casing_lengthens() -> None:
    """İ lower-cased is two characters: the index found in the lower-cased text would fall
    one character late in the text as typed (菸的錢一)."""
    assert typed_stretch("卖烟的钱", "İ賣菸的錢一個月") in ("賣菸的錢", None)


def test_words_typed_apart_are_no_stretch() -> None:
    assert typed_stretch("登录不上", "登錄 不上") is None

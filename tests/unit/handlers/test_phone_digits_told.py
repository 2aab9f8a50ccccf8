"""Digits of a Hong Kong or Macau number typed without its code at registration's phone
question: told to add the code only when, with it, the number is one the bot keeps."""

from __future__ import annotations

import pytest

from core.texts import typed_phone
from handlers.registration_typed import phone_digits_told


@pytest.mark.parametrize("typed", ["852 9123 45678", "853 6612 34567"])
def test_a_code_is_suggested_only_for_a_number_that_is_kept_with_it(typed: str) -> None:
    """852 9123 45678 (nine digits after 852; Hong Kong's have eight) is not told to be sent
    again as +852 912345678, which is then refused as no whole number."""
    told = phone_digits_told(typed)
    assert told is not None
    key, values = told
    if key == "phone_code_missing":
        assert typed_phone(f"{values['code']} {values['local']}") is not None, values

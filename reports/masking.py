"""Masking for exports that leave the system: phone numbers keep only enough to recognise."""

from __future__ import annotations

import re
import unicodedata

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def ascii_digits(text: str) -> str:
    """Full-width digits (１３８…, common from Chinese input methods) as ASCII digits."""
    return text.translate(_FULLWIDTH_DIGITS)


def mask_phone(phone: str) -> str:
    """138****5678 for a mobile; 0851****1234 for a landline; short numbers hide all but two.

    The country code is dropped first so that +86 138... masks like 138....
    """
    digits = re.sub(r"\D", "", ascii_digits(phone))
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits:
        return ""
    if len(digits) >= 11 and digits.startswith("0"):  # area code + local number
        return f"{digits[:4]}****{digits[-4:]}"
    if len(digits) >= 7:
        return f"{digits[:3]}****{digits[-4:]}"
    return "*" * (len(digits) - 2) + digits[-2:] if len(digits) > 2 else "**"


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet or terminal: CJK characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

"""Short public ticket numbers a farmer can read over the phone.

A number is the ticket's sequence (starting at 1001) followed by one Damm check digit, so
"10019" is ticket 1 (sequence 1001, check digit 9). The check digit catches every
single-digit typo and every swap of two adjacent digits when a number is typed back.
"""

from __future__ import annotations

_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)

SEQUENCE_OFFSET = 1000


def _damm_digit(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def public_number(ticket_id: int) -> str:
    """The public number of the ticket with database id `ticket_id`."""
    seq = str(ticket_id + SEQUENCE_OFFSET)
    return f"{seq}{_damm_digit(seq)}"


def parse_public_number(text: str) -> int | None:
    """The ticket id behind a typed number, or None when it is not a valid number.

    Accepts spaces, dashes and a leading '#' or 'No.' because people copy numbers that way.
    """
    # Decimal digits only: "²" is a digit to str.isdigit, but no number int() can read.
    cleaned = "".join(ch for ch in text.translate(_FULLWIDTH_DIGITS) if ch.isdecimal())
    if len(cleaned) < 5 or _damm_digit(cleaned) != 0:
        return None
    ticket_id = int(cleaned[:-1]) - SEQUENCE_OFFSET
    return ticket_id if ticket_id > 0 else None


def ticket_id_of(raw: str) -> int | None:
    """The ticket id a button's data names ("tk:acc:17" names 17), or None when it is not
    one we could have written (ASCII digits: "١" or "１" would read as 1). The data comes
    from the person's client, which may send anything."""
    return int(raw) if raw.isascii() and raw.isdigit() else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

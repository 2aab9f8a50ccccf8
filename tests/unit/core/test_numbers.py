"""Public ticket numbers: short, and a typo in one digit or a swap is caught."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.numbers import parse_public_number, public_number, ticket_id_of


def test_first_ticket_has_a_five_digit_number() -> None:
    assert public_number(1) == "10019"
    assert len(public_number(8999)) == 5


def test_number_round_trips_with_spaces_dashes_and_fullwidth_digits() -> None:
    assert parse_public_number("1001-9") == 1
    assert parse_public_number("#１００１９") == 1
    assert parse_public_number(" 1001 9 ") == 1


@given(st.integers(min_value=1, max_value=10**7))
def test_every_number_round_trips(ticket_id: int) -> None:
    assert parse_public_number(public_number(ticket_id)) == ticket_id


@given(st.integers(min_value=1, max_value=10**6), st.data())
def test_single_digit_typos_are_rejected(ticket_id: int, data: st.DataObject) -> None:
    number = public_number(ticket_id)
    pos = data.draw(st.integers(0, len(number) - 1))
    wrong = data.draw(st.sampled_from([d for d in "0123456789" if d != number[pos]]))
    typo = number[:pos] + wrong + number[pos + 1 :]
    assert parse_public_number(typo) != ticket_id


@given(st.integers(min_value=1, max_value=10**6), st.data())
def test_adjacent_swaps_are_rejected(ticket_id: int, data: st.DataObject) -> None:
    number = public_number(ticket_id)
    pos = data.draw(st.integers(0, len(number) - 2))
    if number[pos] == number[pos + 1]:
        return
    swapped = number[:pos] + number[pos + 1] + number[pos] + number[pos + 2 :]
    assert parse_public_number(swapped) is None


def test_garbage_is_not_a_number() -> None:
    for text in ("", "abc", "12", "0000", "烤房坏了"):
        assert parse_public_number(text) is None


def test_a_digit_int_cannot_read_is_no_part_of_a_number() -> None:
    """A "²" is a digit to str.isdigit; it must not reach the check digit's int()."""
    assert parse_public_number("²²²²²") is None
    assert parse_public_number("1001²9") == 1  # skipped like a space


def test_a_buttons_ticket_id_is_ascii_digits_only() -> None:
    assert ticket_id_of("17") == 17
    for raw in ("", "-1", "+1", " 1", "1e3", "²", "١", "１", "一"):
        assert ticket_id_of(raw) is None

"""How a person is named to others (`core.texts.person_name`): their name, else what tells
them apart without a name, never a bare id."""

from __future__ import annotations

from datetime import UTC, datetime

from core.model import User
from core.texts import named, person_name

NOW = datetime(2026, 12, 6, tzinfo=UTC)


def test_a_name_is_the_name() -> None:
    assert person_name(User(200011, NOW, name="赵队员", phone="13812345678")) == "赵队员"


def test_without_a_name_the_last_four_digits_of_the_phone() -> None:
    assert person_name(User(200011, NOW, phone="138-1234-5678")) == "尾号5678"
    assert person_name(User(200011, NOW, name="  ", phone="+8613812345678")) == "尾号5678"


def test_without_a_name_or_a_phone_the_end_of_the_id() -> None:
    assert person_name(User(200011, NOW)) == "用户#200011"
    assert person_name(None, 7) == "用户#7"  # known only by the id, no record of them


def test_nobody_is_no_name() -> None:
    assert person_name(None) == ""
    assert named("", "", None) == ""

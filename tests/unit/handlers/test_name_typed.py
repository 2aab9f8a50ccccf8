"""The name read from what is typed at the name question (`registration_typed.name_typed`):
after where one is from (大坪村的张大山), never a relation of someone else's."""

from __future__ import annotations

import pytest

from handlers.registration_typed import name_typed


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("我是大坪村的张大山", "张大山"),
        ("李站长您好，我是大坪村的张大山", "张大山"),
        ("我是老王烟酒店的王小五", "王小五"),
        ("我是张大山的孙子", "张大山的孙子"),  # a grandson, unnamed: kept as said
        ("我是张大山的孙女", "张大山的孙女"),
    ],
)
def test_the_name_after_where_one_is_from_but_not_after_a_person(typed: str, name: str) -> None:
    assert name_typed(typed) == name

"""A staff note calling a withheld complainant by a form of address, a nickname or their
shop's short name hides it, as it hides the name they registered."""

from __future__ import annotations

import pytest

from core.called_by import name_forms, shop_forms, surname_of
from core.own_details import complainant_named_hidden


def _hidden(note: str, name: str | None, shop: str | None = None, given: str = "") -> str:
    return complainant_named_hidden(note, (name,), (shop,), (), given)


@pytest.mark.parametrize(
    ("note", "shown"),
    [
        ("已回访王老板，表示满意", "已回访某某，表示满意"),
        ("王老板娘说货到了", "某某说货到了"),
        ("已电话联系王师傅", "已电话联系某某"),
        ("小王说已经收到", "某某说已经收到"),
        ("和老王核实过了", "和某某核实过了"),
        ("王姐不在家，改天再访", "某某不在家，改天再访"),
        ("王总同意撤回", "某某同意撤回"),
    ],
)
def test_a_form_of_address_with_the_complainants_surname_is_hidden(note: str, shown: str) -> None:
    assert _hidden(note, "王五") == shown


def test_total_read_as_an_adverb_after_the_surname_stays() -> None:
    # 王总是不在: 总是 (always), not Manager Wang.
    assert _hidden("王总是不在家", "王五") == "王总是不在家"


def test_a_given_name_that_is_a_nickname_is_hidden_alone() -> None:
    assert _hidden("已回访小五，满意", "王小五") == "已回访某某，满意"


def test_a_given_name_that_is_not_a_nickname_stays() -> None:
    # 大山 alone is as likely the hills a barn stands in.
    assert _hidden("大山里的烤房已修好", "张大山") == "大山里的烤房已修好"


def test_the_shop_by_its_own_part_and_a_shop_word_is_hidden() -> None:
    assert _hidden("老王店的烟已补送", "王五", "老王烟酒店") == "某店的烟已补送"
    assert _hidden("去了老王家", None, "老王烟酒店") == "去了某店"


def test_the_form_the_complaint_itself_uses_is_whom_it_is_about_and_stays() -> None:
    # Filed by 王五 against the delivery man 小王: the team must read whom it concerns,
    # and 王老板, which the complaint does not use, is still the complainant.
    note = _hidden("已找小王核实，王老板满意", "王五", given="投诉配送员小王送货总迟到")
    assert note == "已找小王核实，某某满意"


@pytest.mark.parametrize(
    ("note", "name"),
    [
        ("小叶片发黄，叶师傅说要换肥", "叶明"),  # 小叶片: small leaves
        ("已向经理汇报，处理结果已告知", "向明"),  # 向: to
        ("对方老板已道歉", "方明"),  # 对方: the other side
        ("查看了小苗的长势", "苗明"),  # 小苗: seedlings
        ("都是老关系了", "关明"),  # 老关系: old acquaintances
    ],
)
def test_a_surname_that_begins_everyday_words_keeps_the_notes_words(note: str, name: str) -> None:
    assert _hidden(note, name) == note


def test_a_traditional_complaints_form_is_whom_it_is_about_in_a_simplified_note() -> None:
    # 投訴配送員王師傅 (Traditional): the note's 王师傅 is the man complained about.
    assert _hidden("王师傅已道歉", "王五", given="投訴配送員王師傅送貨總是遲到") == "王师傅已道歉"


def test_a_traditional_note_calling_the_complainant_hides_it() -> None:
    assert (
        _hidden("已回訪王老闆，老王店的貨已補送", "王五", "老王煙酒店")
        == "已回訪某某，某店的貨已補送"
    )


@pytest.mark.parametrize(("name", "surname"), [("欧阳明", "欧阳"), ("王五", "王"), ("Tom", "")])
def test_surname_of_reads_double_surnames_and_knows_no_foreign_one(name: str, surname: str) -> None:
    assert surname_of(name) == surname


def test_no_forms_for_a_name_without_a_known_surname_or_a_generic_shop() -> None:
    assert name_forms("Tom") == []
    assert name_forms("王") == []
    assert shop_forms("烟酒店") == []
    assert shop_forms(None) == []

"""Reply texts in Traditional: OpenCC converts word by word, and a word it finds across
two of ours (心愿清单只对: 单只 "a single one") can pick the wrong character."""

from __future__ import annotations

import pytest

from core.enums import Script
from handlers.i18n import MESSAGES, t

# Characters OpenCC gives for a sense none of our texts means: 隻 (a measure word, not
# 只 "only"), 乾 (dry, not 干 "do"), 鬆 (loose), 髮 (hair).
_WRONG_SENSE = "隻乾鬆髮"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_no_reply_reads_wrongly_in_traditional(key: str) -> None:
    hant = t(key, Script.HANT)
    assert not [c for c in hant if c in _WRONG_SENSE], hant


def test_the_wish_list_refusal_says_only_in_traditional() -> None:
    assert t("wish_staff_only", Script.HANT).startswith("心願清單僅對本局職工開放")

"""Reply texts in Traditional: OpenCC converts word by word, and a word it finds across
two of ours (心愿清单只对: 单只 "a single one") can pick the wrong character."""

from __future__ import annotations

import pytest

from core.config import Config
from core.enums import Script
from core.written import unwrapped
from handlers.i18n import MESSAGES, as_written, in_script, t
from handlers.messages_intake import INTAKE
from handlers.messages_mine import MINE
from handlers.messages_notices import NOTICES
from handlers.messages_staff import STAFF
from scheduler import texts

# Characters OpenCC gives for a sense none of our texts means: 隻 (a measure word, not
# 只 "only"), 乾 (dry, not 干 "do"), 鬆 (loose), 髮 (hair).
_WRONG_SENSE = "隻乾鬆髮"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_no_reply_reads_wrongly_in_traditional(key: str) -> None:
    hant = t(key, Script.HANT)
    assert not [c for c in hant if c in _WRONG_SENSE], hant


def test_the_wish_list_refusal_says_only_in_traditional() -> None:
    assert t("wish_staff_only", Script.HANT).startswith("心願清單僅對本局職工開放")


# The forms our texts do not use, where OpenCC writes one word two ways by context: 回復
# beside 回覆 (reply), 檯 beside 臺 (服務檯 beside 督辦分派臺, 臺賬).
_OTHER_FORM = ("回復", "檯")


def _ours(cfg: Config) -> dict[str, str]:
    found = {f"message {key}": text for key, text in MESSAGES.items()}
    found |= {f"staff {key}": text for key, text in texts.STAFF.items()}
    found |= {f"requester {key}": text for key, text in texts.REQUESTER.items()}
    named = [
        *(team.name for team in cfg.teams),
        *(line.name for line in cfg.service_lines),
        *(area.name for area in cfg.areas),
        *(site.name for site in cfg.sites),
    ]
    return found | {f"name {name}": name for name in named}


def test_each_word_has_one_form_in_traditional(demo_config: Config) -> None:
    for where, text in _ours(demo_config).items():
        hant = in_script(text, Script.HANT)
        assert not [form for form in _OTHER_FORM if form in hant], (where, hant)
    assert "直接回覆" in t("n_question", Script.HANT) and "服務臺" in t("welcome", Script.HANT)


def test_no_reply_is_written_in_two_parts_of_the_catalogue() -> None:
    # Merged into one dict, a key written twice would keep one text and lose the other
    # without a word.
    parts = (INTAKE, MINE, STAFF, NOTICES)
    assert sum(len(part) for part in parts) == len(MESSAGES)


def test_values_are_converted_for_a_traditional_reader_but_what_is_written_as_is() -> None:
    """A team's name or 用户#200003 is ours, converted with the message; a name marked
    `as_written` keeps its marks for another message or the reply to take off."""
    said = t("duty_set", Script.HANT, who="用户#200003", state="值班")
    assert said == "用戶#200003 值班狀態：值班。"
    named = t("duty_set", Script.HANT, who=as_written("余美玲"), state="值班")
    assert unwrapped(named) == "余美玲 值班狀態：值班。" and as_written("余美玲") in named
    nested = t("duty_roster", Script.HANT, team="青山镇", names=named, off="")
    assert unwrapped(nested).startswith("青山鎮 值班：余美玲 值班狀態")
    assert (
        t("duty_set", Script.HANS, who="用户#200003", state="值班")
        == "用户#200003 值班状态：值班。"
    )

from __future__ import annotations

import pytest

from core.enums import Script
from routing import detect_script, normalize, to_simplified, to_traditional


def test_traditional_becomes_simplified() -> None:
    assert normalize("煙葉變黃了，烤房溫度上不去") == "烟叶变黄了,烤房温度上不去"


@pytest.mark.parametrize(
    ("hant", "hans"),
    [
        ("烤房沒有著火", "烤房没有着火"),
        ("點不著火", "点不着火"),
        ("師傅甚麼時候來", "师傅什么时候来"),
        ("妳好", "你好"),
        ("著名的品牌", "著名的品牌"),  # 著 of 著名 is 著 in Simplified too
    ],
)
def test_traditional_forms_t2s_leaves_become_the_simplified_ones(hant: str, hans: str) -> None:
    assert to_simplified(hant) == hans


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("烟站的钱还没到帐", "烟站的钱还没到账"),
        ("煙站的錢還沒到帳", "烟站的钱还没到账"),
        ("結帳的時候", "结账的时候"),
        ("转帐到我的帐户", "转账到我的账户"),
        ("蚊帐破了", "蚊帐破了"),
        ("帐篷搭在烟地边", "帐篷搭在烟地边"),
    ],
)
def test_money_words_spelt_with_zhang_read_as_account(text: str, simplified: str) -> None:
    """到帐 and 结帐 (and 到帳, which t2s leaves as 到帐) are 到账 and 结账 as the tables
    write them; 帐 of a tent or a net stays."""
    assert normalize(text) == simplified


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("烟叶先放到帐篷里", "烟叶先放到帐篷里"),
        ("入帳篷休息", "入帐篷休息"),
        ("蚊帳本來就破了", "蚊帐本来就破了"),
        ("蚊帐目前还够用", "蚊帐目前还够用"),
        ("搬到帳子裡", "搬到帐子里"),
    ],
)
def test_a_tent_or_a_net_beside_a_money_syllable_stays_a_tent(text: str, simplified: str) -> None:
    """帐 of a tent or a net stays 帐 when 到, 入 … or 本, 目 … happen to stand beside it."""
    assert normalize(text) == simplified
    assert to_simplified(text) == simplified


@pytest.mark.parametrize("text", ["煙站的錢還沒到帳", "结帐的时候"])
def test_text_put_in_simplified_for_reading_keeps_zhang_as_written(text: str) -> None:
    """The 账 reading is the router's: text shown or kept is converted by t2s alone."""
    assert "帐" in to_simplified(text)


@pytest.mark.parametrize(
    ("text", "simplified"),
    [
        ("冰雹把烟苗打坏了", "冰雹把烟苗打坏了"),
        ("控制器让雷打坏了", "控制器让雷打坏了"),
        ("风机皮带拉坏了", "风机皮带拉坏了"),
        ("冰雹把菸苗打壞了", "冰雹把烟苗打坏了"),
        ("雷把控制器打壞，電也停了", "雷把控制器打坏,电也停了"),
    ],
)
def test_broken_stays_broken_where_opencc_reads_an_old_variant(text: str, simplified: str) -> None:
    """OpenCC's phrases turn 打坏 into 打坯 (坏 as an old form of 坯), Simplified input too."""
    assert normalize(text) == simplified


def test_full_width_letters_and_digits_become_half_width_lower_case() -> None:
    assert normalize("ＷＩＦＩ密码１２３") == "wifi密码123"


def test_emoji_and_decoration_are_dropped() -> None:
    assert normalize("🔥🔥【急】★烤房停电了！！！😭") == "急烤房停电了!"


def test_spaces_between_chinese_characters_are_removed_and_others_collapsed() -> None:
    assert normalize("  烤 房   停 电\n\n了  app  坏了 ") == "烤房停电了 app 坏了"


def test_emoji_only_text_normalises_to_nothing() -> None:
    assert normalize("👍🏻👍🏻 ✨") == ""


@pytest.mark.parametrize("text", ["煙葉變黃了！！", "ＡＢＣ 烤 房", "🔥烟叶~~~", ""])
def test_normalize_is_idempotent(text: str) -> None:
    assert normalize(normalize(text)) == normalize(text)


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("烤房停電了，怎麼辦", Script.HANT),
        ("烤房停电了，怎么办", Script.HANS),
        ("許可證到期了", Script.HANT),
        ("烤房温度", Script.HANS),
        ("我在台中路開店", Script.HANT),  # 開 tells; 台, in both scripts, does not
        ("干什麼", Script.HANT),
        ("了解，谢谢", Script.HANS),
        ("周三下午有空吗", Script.HANS),
        ("烤房", None),  # the same in both scripts: it tells nothing
        ("李小梅", None),
        ("好的，下一步", None),
        ("ok 👍", None),
        ("", None),
    ],
)
def test_detect_script(text: str, script: Script | None) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    "text",
    # OpenCC's s2t would change each (瞭解, 週三, 臺北, 範, 餘, 於, 幹), yet every character
    # is standard Traditional as well as Simplified: a Traditional writer's text as much
    # as a Simplified one's.
    ["了解", "周三", "下周一", "台北", "范先生", "余先生", "余美玲", "范志于", "干", "/help"],
)
def test_text_valid_in_both_scripts_tells_nothing(text: str) -> None:
    assert detect_script(text) is None


def test_as_many_characters_of_each_script_tell_nothing() -> None:
    assert detect_script("这個") is None


def test_mostly_traditional_text_with_an_ambiguous_character_is_traditional() -> None:
    # 台 is converted by OpenCC but is also ordinary Traditional usage.
    assert detect_script("臺灣後來的烤房溫度") == Script.HANT


def test_conversion_round_trip_for_replies() -> None:
    assert to_traditional("烤房温度上不去") == "烤房溫度上不去"
    assert to_simplified("烤房溫度上不去") == "烤房温度上不去"


def test_a_word_opencc_writes_two_ways_gets_one_form() -> None:
    assert to_traditional("直接回复这条消息") == "直接回覆這條消息"  # OpenCC: 直接回復
    assert to_traditional("您的回复") == "您的回覆"
    assert to_traditional("服务台") == "服務臺"  # OpenCC: 服務檯, beside 分派臺 and 臺賬
    assert to_traditional("回復正常") == "回復正常"  # written in Traditional: left alone


def test_a_week_counted_in_digits_is_a_week_in_traditional() -> None:
    # OpenCC left 周 after a digit: 2026年第48周 beside 本週 and 第四十八週.
    assert to_traditional("服务指标 2026年第48周（2026-11-23 至 2026-11-29）") == (
        "服務指標 2026年第48週（2026-11-23 至 2026-11-29）"
    )
    assert to_traditional("近3周的回复") == "近3週的回覆"
    assert to_traditional("周师傅") == "周師傅"  # the surname, not after a digit


@pytest.mark.parametrize(
    ("hans", "hant"),
    [
        ("前2周", "前2週"),
        ("每2周", "每2週"),
        ("过去3周", "過去3週"),
        ("3周内", "3週內"),
        ("3周后", "3週後"),
        ("用了3周。", "用了3週。"),
        ("第1周到第3周", "第1週到第3週"),
    ],
)
def test_every_count_of_weeks_in_digits_is_a_week_in_traditional(hans: str, hant: str) -> None:
    assert to_traditional(hans) == hant


@pytest.mark.parametrize(
    ("hans", "hant"),
    [
        ("明天9:30周师傅上门", "明天9:30周師傅上門"),  # the surname after a time
        ("12:30周的", "12:30周的"),
        ("请联系13800001111周先生", "請聯繫13800001111周先生"),  # after a phone number
        ("国道210周边的烟站", "國道210周邊的煙站"),  # 周边 is 周邊, not 週邊
        ("1号烤房周围有积水", "1號烤房周圍有積水"),  # no digit: OpenCC already right
        ("烤房1周围有积水", "烤房1周圍有積水"),  # 周围 is 周圍, not 週圍
    ],
)
def test_a_zhou_after_a_digit_that_is_no_week_stays_zhou_in_traditional(
    hans: str, hant: str
) -> None:
    # Before, every 周 after a digit became 週: 9:30週師傅, 國道210週邊.
    assert to_traditional(hans) == hant

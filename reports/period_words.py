"""The words a supervisor types for a period after /stats or /ledger, in Simplified
(Traditional is converted before it is looked up): the words of a chat, not only of a
report form. reports/periods.py reads them."""

from __future__ import annotations

import re
import unicodedata

from routing import to_simplified

ALIASES = {
    "today": "today",
    "今天": "today",
    "今日": "today",
    "yesterday": "yesterday",
    "昨天": "yesterday",
    "昨日": "yesterday",
    "前天": "daybeforeyesterday",
    "前日": "daybeforeyesterday",
    "大前天": "threedaysago",
    "大前日": "threedaysago",
    "week": "week",
    "thisweek": "week",
    "本周": "week",
    "这周": "week",
    "本星期": "week",
    "这星期": "week",
    "这个星期": "week",
    "这一周": "week",
    "本礼拜": "week",
    "这礼拜": "week",
    "这个礼拜": "week",
    "lastweek": "lastweek",
    "上周": "lastweek",
    "上星期": "lastweek",
    "上个星期": "lastweek",
    "上一个星期": "lastweek",
    "上一周": "lastweek",
    "上礼拜": "lastweek",
    "上个礼拜": "lastweek",
    "上上周": "weekbeforelast",
    "上上星期": "weekbeforelast",
    "上上个星期": "weekbeforelast",
    "上上礼拜": "weekbeforelast",
    "上上个礼拜": "weekbeforelast",
    "month": "month",
    "thismonth": "month",
    "本月": "month",
    "这个月": "month",
    "lastmonth": "lastmonth",
    "上月": "lastmonth",
    "上个月": "lastmonth",
    "上一个月": "lastmonth",
    "上上月": "monthbeforelast",
    "上上个月": "monthbeforelast",
    "year": "year",
    "thisyear": "year",
    "今年": "year",
    "本年": "year",
    "本年度": "year",
    "今年度": "year",
    "lastyear": "lastyear",
    "去年": "lastyear",
    "上年": "lastyear",
    "上一年": "lastyear",
    "上一年度": "lastyear",
    "上年度": "lastyear",
    "quarter": "quarter",
    "thisquarter": "quarter",
    "本季度": "quarter",
    "这季度": "quarter",
    "这个季度": "quarter",
    "lastquarter": "lastquarter",
    "上季度": "lastquarter",
    "上个季度": "lastquarter",
    "上一季度": "lastquarter",
    "season": "season",
    "thisseason": "season",
    "烘烤季": "season",
    "本烘烤季": "season",
    "这个烘烤季": "season",
    "今年烘烤季": "season",
    "今年的烘烤季": "season",
    "烤季": "season",
    "本烤季": "season",
    "今年烤季": "season",
    "lastseason": "lastseason",
    "上个烘烤季": "lastseason",
    "上一个烘烤季": "lastseason",
    "上烘烤季": "lastseason",
    "去年烘烤季": "lastseason",
    "去年的烘烤季": "lastseason",
    "上个烤季": "lastseason",
    "去年烤季": "lastseason",
}
# What a chat puts after a period's name without changing it: 本周内, 本月份, 上个月的.
_AFTER = r"(?:以内|之内|内|的|份)"
_AFTER_NAME = re.compile(rf"{_AFTER}$")


def named_kind(word: str) -> str | None:
    """The kind of period `word` names (ALIASES), also with 内, 的 or 份 after the name
    (本月内, 上周的, 本月份: this month, last week, this month)."""
    return ALIASES.get(word) or ALIASES.get(_AFTER_NAME.sub("", word))


# Periods that have not begun: refused as such, not as words nobody can read.
FUTURE = {
    "明天", "明日", "后天", "下周", "下星期", "下个星期", "下礼拜", "下个礼拜", "下个月", "下月",
    "明年", "下季度", "下个季度", "下个烘烤季", "明年烘烤季", "tomorrow", "nextweek", "nextmonth",
    "nextyear",
}  # fmt: skip


def future(word: str) -> bool:
    """Whether `word` names a period that has not begun (`FUTURE`), also with 内, 的 or 份
    after the name (下周内, 下个月的)."""
    return word in FUTURE or _AFTER_NAME.sub("", word) in FUTURE


# 季 alone is a quarter (季度) as often as a curing season: asked back rather than guessed.
AMBIGUOUS = {"本季", "这季", "这个季", "上季", "上个季", "季"}

_DAY = re.compile(r"(\d{4})\s*[年/.]\s*(\d{1,2})\s*[月/.]\s*(\d{1,2})(?:\s*[日号])?")
_MONTH = re.compile(r"(\d{4})\s*[年/.]\s*(\d{1,2})(?:\s*(?:月份|月))?")
# A day of a week (周一, 星期三, 礼拜天, 上周五, 本周一, 上上周二, 上上上周五), and a range of
# them (上周三到周五, 周一至周三): the end without its week takes the start's.
# The mark between the start and the end of a range (2026-11-01..2026-11-15, 11月1日至15日).
TO = r"(?:\.\.|~|至|到|-|—|–)"
_WEEK_WORD = r"(?:周|星期|礼拜)"
WEEK_OF = r"(?:上{2,}个?|上一?个?|本|这一?个?)?"
WEEKDAY = re.compile(rf"^(?P<week>{WEEK_OF}){_WEEK_WORD}(?P<day>[一二三四五六日天1-7])$")
WEEKDAY_RANGE = re.compile(
    rf"^(?P<start>{WEEK_OF}{_WEEK_WORD}[一二三四五六日天1-7])\s*{TO}\s*"
    rf"(?P<end>(?:{WEEK_OF}{_WEEK_WORD})?[一二三四五六日天1-7])$"
)
WEEKDAY_NUMBERS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
                   "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}  # fmt: skip
# A week or month further back than 上上周 or 上上个月, by one 上 a week or month (上上上周,
# 上上上个星期, 上上上个月), with 内, 的 or 份 after it alike (上上上周的, 上上上个月内).
WEEKS_AGO = re.compile(rf"^(?P<back>上{{3,}})(?:一?个)?(?:周|星期|礼拜){_AFTER}?$")
MONTHS_AGO = re.compile(rf"^(?P<back>上{{3,}})(?:一?个)?月{_AFTER}?$")

# A day without its year (12月6日): which year is the caller's to say.
MONTH_DAY = re.compile(r"(?<![\d-])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
# A range of days written the Chinese way, its end perhaps without its year or month
# (12月1日至12月6日, 2026年12月1日至6日, 12月6日-8日): the end takes the start's.
_MD = r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"
DAY_RANGE = re.compile(
    rf"^{_MD}\s*{TO}\s*(?:(?:(\d{{4}})\s*年\s*)?(\d{{1,2}})\s*月\s*)?"
    r"(\d{1,2})\s*[日号]?$"
)

# A period typed up to now (11月1日至今, 2026-11-01到现在, 本月以来, 11月1日起, 自11月1日起,
# 从上周一到今天): its start, then today.
SO_FAR = re.compile(
    rf"^(?:从|自)?\s*(?P<start>.+?)\s*(?:{TO}\s*(?:今|今天|今日|现在|目前)"
    r"|迄今|以来|起|开始|以后|之后)$"
)
# A range typed from its start (从11月1日到11月15日, 从上周三到周五): read without the 从.
FROM = re.compile(r"^(?:从|自)\s*(?=\S)")


# The last days, weeks, months or years up to today (近7天, 近一周, 最近一个月, 过去两周,
# 近半年, 这两天, 这三天): how many, and of what.
LAST = re.compile(
    r"^(?P<lead>近|最近|过去|这)(?P<span>(?P<count>\d{1,5}|[一二两三四五六七八九十]{1,3}|半)个?"
    r"(?P<unit>天|日|周|星期|礼拜|月|年))$"
)
# The days before today, today not among them (前三天, 前7天): how many.
DAYS_BEFORE = re.compile(r"^前(?P<count>\d{1,5}|[一二两三四五六七八九十]{1,3})个?(?:天|日)$")
_HAN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
               "九": 9}  # fmt: skip


def count_of(typed: str) -> int | None:
    """A count written in digits or in Chinese up to 99 (7, 七, 两, 十, 十五, 二十, 三十一);
    None when it is none (十十, 三五)."""
    if typed.isdigit():
        return int(typed)
    tens, ten, ones = typed.partition("十")
    if not ten:
        return _HAN_DIGITS.get(typed)
    high = _HAN_DIGITS.get(tens) if tens else 1
    low = _HAN_DIGITS.get(ones) if ones else 0
    return None if high is None or low is None else high * 10 + low


# A month and day written with a dot or a slash and no year (11.30, 12/1, as in 11.30-12.1
# or 11/30-12/1): read as 11月30日. One after a year (2026.11.30) or a digit is not.
# ... with the 日 or 号 typed after it, if any (2026年11.18号, 12.1号): one 日 is written.
_DOTTED_DAY = re.compile(r"(?<![\d./])(\d{1,2})[./](\d{1,2})(?![\d./])[日号]?")


# A month in Chinese numerals after its year (2025年十二月): written in digits, as 2025年12月.
_YEAR_HAN_MONTH = re.compile(r"(?<=\d年)([一二三四五六七八九十]{1,3})(?=月)")
# A day in Chinese numerals after its month or a range's mark (十二月六日, 本月十五号,
# 12月1日至六日), or alone first (十五号, 从十五日): in digits, as 12月6日 and 15号. Not after
# 近 or 前 (近三日, 前三日 are spans), nor a day of the week (周日).
_HAN_DAY = re.compile(r"(?:(?<=[月至到~\-—–从自])|^)([一二三四五六七八九十]{1,3})(?=[日号])")
# ... and then its month in Chinese numerals, before a day in digits (十二月6日).
_HAN_MONTH_OF_DAY = re.compile(
    r"(?<![一二三四五六七八九十])([一二三四五六七八九十]{1,3})(?=月\d{1,2}[日号])"
)


# What a chat puts around a period without meaning anything by it: a full stop, a question
# or exclamation mark, quotes (/stats 上周。, /stats 「本月」, /stats 上周?). Not the dots
# and dashes of dates and ranges (11.30, 2026-11-01..2026-11-15).
_AROUND = "。!?！？,，、;；:：\"'“”‘’「」『』《》()（）[]【】 \t\n"


# What a supervisor says of the report around its period (本月的台账, 上周的统计, 近7天数据,
# 导出本月的Excel表格, 查看上周的报表): the command already says which report, so the words
# are dropped, one after another from the end (Excel表格, 台账表). Read after t2s, which
# writes 臺帳 as 台帐 and 資料 (data, in 繁體) as 资料.
_REPORT_NAME = re.compile(
    r"\s*(?:的|导出)?\s*(?:服务指标|指标|统计数据|统计|数据|资料|台账|台帐|报表|报告|汇总|明细"
    r"|情况|工单|表格|图表|表|excel|xlsx|导出)$"
)
_ASKING = re.compile(r"^(?:导出|查看|查询|查一下|查|看一下|看看|看下)\s*")


def _without_report_name(text: str) -> str:
    """`text` without the words `_REPORT_NAME` and `_ASKING` name around the period."""
    text = _ASKING.sub("", text)
    while (shorter := _REPORT_NAME.sub("", text).strip(_AROUND)) != text:
        text = shorter
    return text


# Days counted in Chinese numerals before the report's name (七日数据, 三日的台账): a span,
# as 近七日数据 is, as much as a day of the month (七日 alone, 七号).
_HAN_DAYS = re.compile(r"^([一二两三四五六七八九十]{1,3})日$")


def days_before_report(text: str) -> int | None:
    """How many days `text` counts when it is days in Chinese numerals before the report's
    name (七日数据: 7); None for any other text (七日, 近七日数据, 7日数据)."""
    said = _ASKING.sub("", to_simplified(unicodedata.normalize("NFKC", text)).lower())
    said = said.strip(_AROUND)
    bare = _without_report_name(said)
    found = _HAN_DAYS.match(bare) if bare != said else None
    return count_of(found[1]) if found else None


def _in_digits(found: re.Match[str]) -> str:
    """A count in Chinese numerals found (十二), in digits (12); as typed when it is none."""
    return str(count_of(found[1]) or found[1])


def plain(text: str) -> str:
    """Half-width, Simplified, lower case, without surrounding spaces or punctuation or
    the words for the report around the period (导出本月的台账: 本月), a
    month and day written 11.30 or 11/30 as 11月30日, 2025年十二月 as 2025年12月 and 十二月六日
    as 12月6日."""
    text = to_simplified(unicodedata.normalize("NFKC", text)).lower().strip(_AROUND)
    text = _without_report_name(text)
    text = _YEAR_HAN_MONTH.sub(_in_digits, text)
    text = _HAN_MONTH_OF_DAY.sub(_in_digits, _HAN_DAY.sub(_in_digits, text))
    return _DOTTED_DAY.sub(r"\1月\2日", text)


def normalize(text: str) -> str:
    """What a supervisor typed, in one spelling: half-width digits and signs (a Chinese
    keyboard types ２０２６－１１ and ～), Simplified, lower case, single spaces, and dates
    written the Chinese way (2026年8月1日, 2026/8/1, 2026.8.1, 2026年8月) as 2026-8-1."""
    text = plain(text)
    text = _DAY.sub(r"\1-\2-\3", text)
    text = _MONTH.sub(r"\1-\2", text)
    return " ".join(text.split())

"""Contact details and numbers the echo wall (回音壁) hides beyond `core.own_details`' phone,
ID card and long numbers: e-mail addresses, WeChat and QQ ids and other accounts said after
their name (加我微信zhangwei88, QQ号：12345), numbers written in groups (许可证号
52-0102-100123, 电话8555-1234) and vehicle plates (贵A12345). Only on the wall: the teams
that read a complaint need the plate of the van it is about."""

from __future__ import annotations

import re

from core.own_details import NUMBER, PHONE, numbers_hidden

CONTACT = "【联系方式已隐去】"

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# An account's name, then what it is (微信号：wx_abc123, vx liming88, QQ 12345).
_ACCOUNT = re.compile(
    r"(?i)(?:微信号?|威信|薇信|v信|vx|wx|wechat|weixin|qq号?|扣扣|抖音号?|快手号?|钉钉号?)"
    r"\s*(?:号|是|为)?\s*[:：]?\s*([A-Za-z0-9][A-Za-z0-9_.-]{3,})"
)
# Digits in groups joined by dashes, dots or spaces, seven or more in all (a phone number or
# licence written in parts), but not a date (2026-11-18) or a time (08:30).
_GROUPED = re.compile(r"(?<![\d-])\d+(?:[-－.·\s]\d+)+(?![\d-])")
_DATE = re.compile(r"\d{4}[-.]\d{1,2}[-.]\d{1,2}|\d{1,2}[-.]\d{1,2}")
# 贵A12345, 贵A·1234B, 京AD12345 (new energy).
_PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]\s*[·.]?\s*"
    r"[A-Z0-9]{5,6}(?![A-Za-z0-9])"
)


def _grouped(found: re.Match[str]) -> str:
    digits = sum(char.isdigit() for char in found[0])
    if digits < 7 or _DATE.fullmatch(found[0]):
        return found[0]
    return PHONE if PHONE in numbers_hidden(found[0]) else NUMBER


def _account(found: re.Match[str]) -> str:
    """The account's name kept, what it is hidden: a QQ number as a number."""
    said = found[0][: found.start(1) - found.start()]
    return said + (NUMBER if found[1].isdigit() else CONTACT)


def contacts_hidden(text: str) -> str:
    """`text` without e-mail addresses, accounts, grouped numbers and plates."""
    out = _EMAIL.sub(CONTACT, text)
    out = _ACCOUNT.sub(_account, out)
    out = _PLATE.sub(NUMBER, out)
    return _GROUPED.sub(_grouped, out)

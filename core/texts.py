"""Words shown in more than one place: free text cut to fit (a card line, an alert, the echo
wall), and the names staff read for a ticket's kind and status, the same on cards, alerts,
digests and the ledger (Simplified; callers convert for a 繁體 reader)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta

from core.calendar import AlwaysOn, Calendar
from core.enums import Kind, Status, WishOutcome
from core.model import Ticket, User
from core.written import as_written

KIND_NAMES = {
    Kind.EMERGENCY: "110报警",
    Kind.REQUEST: "求助办事",
    Kind.COMPLAINT: "投诉",
    Kind.SUGGESTION: "建议",
    Kind.WISH: "心愿",
}

# How a wish ended (是否实现), on the team's card, the requester's notice and the ledger.
WISH_OUTCOME_NAMES = {
    WishOutcome.GRANTED: "已实现",
    WishOutcome.PARTLY: "部分实现",
    WishOutcome.DECLINED: "无法实现",
}


def not_granted_in_full(ticket: Ticket) -> str:
    """部分实现 or 无法实现 for a wish answered without being granted in full; "" else."""
    if ticket.wish_outcome in (WishOutcome.PARTLY, WishOutcome.DECLINED):
        return WISH_OUTCOME_NAMES[ticket.wish_outcome]
    return ""


# What a requester's notices call their ticket: a staff member's wish is a 心愿 on the list
# and a suggestion a 建议, as the rest of the desk says to them; anything else a 工单.
_CALLED = {Kind.WISH: "心愿", Kind.SUGGESTION: "建议"}


def called(ticket: Ticket) -> str:
    """The word for `ticket` in front of its number, in a notice to its requester."""
    return _CALLED.get(ticket.kind, "工单")


def answered_as(ticket: Ticket) -> str:
    """How the requester's notices of a resolution speak of it, as the end of their message
    keys: a wish by how it ended ("_wish_granted", "_wish_partly", "_wish_declined"), a
    suggestion as answered ("_suggestion": it asks for a view, not a fix), "" for a problem
    solved. A wish resolved before its outcome was kept reads as a problem solved."""
    if ticket.kind is Kind.SUGGESTION:
        return "_suggestion"
    if ticket.kind is Kind.WISH and ticket.wish_outcome is not None:
        return f"_wish_{ticket.wish_outcome.value}"
    return ""


def is_an_answer(ticket: Ticket) -> bool:
    """Whether what the team did answers the requester rather than grants or fixes it: a
    suggestion, or a wish not granted in full. Its requester acknowledges it (收到), and
    nobody asks whether it is solved."""
    return ticket.kind is Kind.SUGGESTION or bool(not_granted_in_full(ticket))


def confirm_key(ticket: Ticket) -> str:
    """The message key of the requester's ✅ button under a resolution: an answer (a
    suggestion, a wish not granted in full) is acknowledged (收到), not called solved
    (已解决)."""
    return "btn_confirm_answer" if is_an_answer(ticket) else "btn_confirm"


def dispute_key(ticket: Ticket) -> str:
    """The message key of the requester's ❌ button under a resolution: a suggestion's
    answer is one they are not satisfied with (不满意), nothing left unsolved."""
    return "btn_not_satisfied" if ticket.kind is Kind.SUGGESTION else "btn_not_resolved"


# The single surnames common in China today. A report scrubs 王师傅, 关师傅 and 老张 with
# them and finds a full name nobody registered (配送员关伟, 施伟, 梅芳); registration tells
# a name (许可, 王中华) from a request's words (换证, 送货). Left out are surnames that are
# words a sentence is made of far more often (和, 时, 都, 但, 明, 全, 路, 成, 哈) or that
# this desk's messages say all the time (烤房, 工单, 查, 修, 满意, 车, 信息, 花叶): jieba
# glues them to the next character into words it does not know (登记时|发的, 派单|群),
# which would pass for names. The commonest come first (`COMMONEST_SURNAMES`).
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤洪柳易乔温赖殷倪牛聂齐庞樊兰葛鲁耿甘祝管欧傅阎常康施文邢安伍颜庄章岳翟詹申关"
    "焦俞左包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍华喻祁蒲滕屈饶解牟艾尤阳穆"
    "农司卓古吉缪简项芦麦褚娄窦戚岑景宫费卜冷晏席卫柏宗瞿桂佟臧闵苟邬卞姬师仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩佘池麻苑迟邝官封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘闻厉伊仝郜海阚权"
    "帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平索宣晋云容敬扈晁芮普阙浦戈伏鹿薄邸雍辜羊乌母裘亓邰赫杭况宿"
    "鲜印逯隆茹诸战慕危玉银亢嵇公湛宾戎勾茅利呼居揭尉冶斯束檀衣展阴昝智幸奉植衡富尧闭"
)
# Registration reads a short text as a name by these alone: a rarer surname begins more
# everyday words a request is typed with (宿舍漏水, 农药, 申请) than names.
COMMONEST_SURNAMES = SURNAMES[:121]
# Surnames that begin everyday words too (高温, 金色, 叶子, 小叶, 老毛病, 小程序): jieba
# tagging one of them as a name, or 老/小 before it, says little.
EVERYDAY_SURNAMES = "于高白方金石田叶毛江龙程任段钱孔康姜苏文常向万武牛温易甘管兰齐"
# ... and the double surnames still borne.
COMPOUND_SURNAMES = frozenset(
    (
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "司徒", "夏侯", "端木",
        "公孙", "尉迟", "宇文", "长孙", "呼延", "轩辕", "独孤", "南宫", "万俟", "闻人", "赫连",
        "澹台", "钟离", "宗政", "濮阳", "申屠", "鲜于", "拓跋", "公羊", "左丘", "东郭",
    )
)  # fmt: skip

STATUS_NAMES = {
    Status.NEW: "新建",
    Status.DISPATCHED: "待接单",
    Status.ACCEPTED: "已接单",
    Status.ON_SITE: "已上门",
    Status.WAITING_REQUESTER: "待报告人补充",
    Status.RESOLVED: "已办结待确认",
    Status.CLOSED: "已销号",
    Status.CANCELLED: "已撤回",
}
# Closed because the requester never answered the team's question: never resolved, so not
# crossed off (销号) as done.
CLOSED_UNANSWERED = "未补充关闭"


# A ticket's text when its requester sent no words (a voice note, a photo, a pin, or an
# alarm said only with 是): ours, not theirs, so no learner takes them for a request's words.
STAND_INS = frozenset({"[语音]", "[照片]", "[位置]", "[未说明]"})


def quoted(text: str) -> str:
    """A requester's words, quoted back to them as they wrote them (`as_written`)."""
    # Our own stand-ins for a request without words are converted like the rest of our texts.
    return text if text in STAND_INS else as_written(text)


def status_name(status: Status, *, closed_unresolved: bool = False) -> str:
    return CLOSED_UNANSWERED if closed_unresolved else STATUS_NAMES[status]


def person_name(user: User | None, user_id: int | None = None) -> str:
    """How a person is named to others: on cards, alerts, lists and the ledger. Their name;
    without one (a Telegram profile without a first name, someone who never registered, a
    team member known only by the id in the config), what a colleague can still tell them
    by: the last four digits of their phone (尾号1234), else their whole Telegram id
    (用户#200011: unique, and what /duty takes), never a bare number read as a count. ""
    for nobody."""
    if user is not None:
        return named(user.name, user.phone, user.id)
    return named("", "", user_id)


def named(name: str, phone: str, user_id: int | None) -> str:
    """`person_name` from a person's stored fields (a report reads them in its own query)."""
    if name.strip():
        return name
    digits = re.sub(r"\D", "", phone)
    if len(digits) >= _TAIL:
        return f"尾号{digits[-_TAIL:]}"
    return f"用户#{user_id}" if user_id is not None else ""


_TAIL = 4  # digits of a phone that tell a person apart without showing it all


def is_named(user: User | None) -> bool:
    """Whether `person_name` gives the person's own name (kept as written for a 繁體 reader)
    rather than our stand-in for one (converted as our words are)."""
    return user is not None and bool(user.name.strip())


def clip(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its first `limit - 1` and "…"."""
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def one_line(text: str, limit: int) -> str:
    """`text` as a row of a list or a field of a card shows it: its line breaks and runs of
    spaces as one space, then `clip`ped. A wish written on three numbered lines would
    otherwise put its second line where the next row or field is read."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else f"{flat[: limit - 1].rstrip()}…"


def span(delta: timedelta, *, in_days: bool = True) -> str:
    """A duration the way people say it: 2天3小时, 1小时5分钟, 40分钟 (without days, for
    working time: a working day is not 24 hours)."""
    minutes = max(int(delta.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60) if in_days else (0, minutes)
    return in_words(days, *divmod(rest, 60))


def in_words(days: int, hours: int, minutes: int) -> str:
    """The wording of every duration a person reads (alerts, the digest, /stats, reports),
    so that 41小时30分钟 reads the same wherever it is: 2天3小时 (minutes dropped once
    there are days), 1小时5分钟, 40分钟."""
    if days:
        return f"{days}天{hours}小时" if hours else f"{days}天"
    if hours:
        return f"{hours}小时{minutes}分钟" if minutes else f"{hours}小时"
    return f"{minutes}分钟"


def month_day(at: date) -> str:
    """A day as Chinese writes it, without leading zeros: 12月1日, not 12月01日."""
    return f"{at.month}月{at.day}日"


def lateness(calendar: Calendar, deadline: datetime, now: datetime) -> str:
    """How late, on the clock; for a deadline in working time, in working time too: over a
    weekend a ticket is 2天16小时 late on the clock, 35分钟 in working time."""
    clock = span(now - deadline)
    if isinstance(calendar, AlwaysOn):
        return clock
    working = span(calendar.between(deadline, now), in_days=False)
    return clock if working == clock else f"{clock}（工作时间{working}）"


# A phone number typed: a mainland mobile (with or without +86 or 0086, kept as its eleven
# digits, as a team dials it) or a landline with its area code. Spaces, dashes and brackets
# round the area code between the digits are allowed.
_PHONE = re.compile(r"(?:(?:\+|00)?86)?(?P<mobile>1[3-9][0-9]{9})|0[0-9]{2,3}[0-9]{7,8}")
# Or one of Hong Kong or Macau (8 digits) or Taiwan (8 or 9 after its trunk 0, which is
# often typed after +886 and dropped: +886 0912 345 678 is +886912345678), with its
# country code and + (or 00) before it: farmers near the border and staff may have one.
# Without the code the digits are no number a team can dial from the mainland.
_PHONE_ABROAD = re.compile(
    r"(?:\+|00)(?:(?P<hk>85[23])(?P<local>[2-9][0-9]{7})"
    r"|(?P<tw>886)0?(?P<tw_local>[2-9][0-9]{7,8}))"
)


# What may come before a number typed where the phone is asked: words naming it (手机号：,
# 我的电话是, 电话号, 联系电话, 聯絡電話, 號碼), or 我是 alone, in either script. The number
# after them must still be a phone's whole (`typed_phone`): 我是520102100123 or 我要20条
# is no answer.
_PHONE_LEAD_IN = re.compile(
    r"(?:我的|我)?"
    r"(?:(?:联系|联络|聯繫|聯絡)?(?:手机|手機|电话|電話)(?:号码|號碼|号|號)?"
    r"|号码|號碼|(?:联系|联络|聯繫|聯絡)方式)?"
    r"(?:是|为|為)?[:：]?"
)


def phone_answered(text: str) -> str | None:
    """`typed_phone` of an answer to "what is your phone number": the number alone, or
    after words naming it (手机号13812345678, 我的电话是 138-1234-5678, 我是13812345678),
    with a full stop or a comma after it."""
    plain = text.strip().rstrip("。.!！，,、；;～~ ")
    lead_in = _PHONE_LEAD_IN.match(plain)
    return typed_phone(plain[lead_in.end() :] if lead_in else plain)


# After a number the requester typed rather than shared from Telegram's contact card: it
# may be mistyped, and nobody checked it is theirs.
TYPED_UNVERIFIED = "本人输入，未核实"


def phone_marked(phone: str, typed: bool) -> str:
    """`phone` as staff read it: 13812345678（本人输入，未核实） for one typed."""
    return f"{phone}（{TYPED_UNVERIFIED}）" if typed and phone else phone


def same_phone(one: str, other: str) -> bool:
    """Whether two numbers as kept are the same line: a contact card's +8613812345678 is
    13812345678 typed."""

    def digits(phone: str) -> str:
        plain = "".join(char for char in unicodedata.normalize("NFKC", phone) if char.isdigit())
        return plain[2:] if len(plain) == 13 and plain.startswith("86") else plain

    return bool(digits(one)) and digits(one) == digits(other)


def typed_phone(text: str) -> str | None:
    """The number in ASCII digits, when the words are a phone number and nothing else: a
    Chinese keyboard's full-width digits (１３８…, ＋86) are the same number, kept as one a
    team can dial: a mainland mobile as its eleven digits (13800000001 for +86 138 0000 0001
    or 0086 138 0000 0001), one abroad with its code (+85291234567 for +852 9123 4567,
    00852 9123 4567 or +852-9123-4567)."""
    plain = re.sub(r"[\s\-—()]", "", unicodedata.normalize("NFKC", text))
    home = _PHONE.fullmatch(plain)
    if home is not None:
        return home["mobile"] or plain
    abroad = _PHONE_ABROAD.fullmatch(plain)
    if abroad is None:
        return None
    if abroad["hk"]:
        return f"+{abroad['hk']}{abroad['local']}"
    return f"+{abroad['tw']}{abroad['tw_local']}"

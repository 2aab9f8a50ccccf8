"""A menu button's name typed instead of pressed: "110", "我要登记", "我的工单", "投诉".

People who do not find the buttons type what they want. Words that are only the name of a
menu entry, with nothing about a matter of their own, open that entry, as the button
would; "投诉配送员送货迟到" says what the complaint is and is filed as one, as before.
A question after what one has filed ("我的心愿怎么样了", "投诉进度", "查一下心愿清单") opens
我的工单, where it is listed, rather than being filed as a new matter that says only that.
"""

from __future__ import annotations

import re
import unicodedata

from core.enums import Kind
from core.texts import typed_phone
from routing import bare, normalize, to_simplified

HELP = "help"
PHONE = "m:phone"  # typed only: no button offers it
# The script named, typed for /lang's buttons ("繁體", "换成简体"), and /lang itself ("语言").
LANG, LANG_HANT, LANG_HANS = "lang", "lang:hant", "lang:hans"

_ENTRIES: dict[str, tuple[str, ...]] = {
    "m:110": (
        "110", "报110", "打110", "110报警", "报警", "要报警", "紧急报警", "烘烤报警", "烤房报警",
    ),
    # 举报 alone may be a shop selling fakes (专卖's) as well as a complaint: described first.
    "m:new": ("求助", "办事", "求助办事", "办业务", "办理业务", "举报"),
    "m:complain": ("投诉", "投诉举报"),
    "m:suggest": ("建议", "提建议", "提个建议", "提意见", "提点意见", "意见建议"),
    "m:wish": ("心愿", "许愿", "许个愿", "提心愿", "写心愿", "心愿清单"),
    "m:my": (
        "我的工单", "工单", "查工单", "查询工单", "看工单", "工单进度", "进度", "查进度",
        "查询进度", "办理进度", "我的单子", "我提交的",
    ),
    "m:reg": (
        "登记", "注册", "登记信息", "重新登记", "修改登记", "更新登记", "改登记",
        "修改信息", "更新信息", "改信息",
    ),
    # The number alone: its question, not the whole registration again (`change_phone`).
    PHONE: ("改手机号", "换手机号", "修改手机号"),
    # The shop's own words only: 改许可证号 may be the licence itself changed (专卖's).
    "m:shop": (
        "补充店铺信息", "店铺信息", "补充店铺", "补店铺信息", "改店铺信息", "修改店铺信息",
        "改店名", "修改店名", "补店名", "补充店名", "填店名",
    ),
    HELP: (
        "帮助", "菜单", "主菜单", "怎么用", "使用说明", "功能", "help", "menu", "开始", "开始使用",
        "start",
    ),
    LANG: ("语言", "切换语言", "换语言", "改语言", "选择语言", "设置语言", "lang", "language"),
    LANG_HANT: (
        "繁体", "繁体字", "繁体中文", "用繁体", "用繁体字", "切换繁体", "切换成繁体", "换繁体",
        "换成繁体", "改繁体", "改成繁体", "正体", "正体字",
    ),
    LANG_HANS: (
        "简体", "简体字", "简体中文", "用简体", "用简体字", "切换简体", "切换成简体", "换简体",
        "换成简体", "改简体", "改成简体",
    ),
}  # fmt: skip
_KEY_OF = {words: key for key, entry in _ENTRIES.items() for words in entry}

# A greeting, and a wish to do it ("您好，我要登记", "麻烦帮我查一下工单进度", "喂，快来人，我要
# 报警"), around the words.
_LEAD = re.compile(
    r"^(?:你好|您好|喂|在吗|在不在|请问|麻烦|师傅|快来人|快点|快|救命)*"
    r"(?:我(?:要|想|想要|需要)|请|帮我|我来)?(?P<how>怎么|如何)?(?P<look>查询|查看|查查|查|看看|看)?"
    r"(?:一下)?"
)
_TAIL = re.compile(r"(?:一下|下)?(?:吧|啊|呀|哈|了)?(?:谢谢|谢谢你|谢谢您)?$")

# What one files, as people name it when they ask after it; 心愿清单 and 投诉 open their
# entry when typed alone, and say "mine" when asked after or looked up.
_FILED = r"(?:工单|单子|心愿清单|心愿|愿望|投诉|举报|建议|意见|求助|申请|报修)"
# "我的", "我提的", "我反映的": their own, so a matter of any name ("我反映的问题").
_OWN = r"我(?:的|提的|提交的|交的|报的|写的|许的|反映的|申请的)"
_MATTER = rf"(?:{_FILED}|问题|事情|事)"
# How it is going: 进度, 怎么样了, 到哪一步了, 有回复了吗, 办好了没 ...
_PROGRESS = (
    r"的?(?:(?:处理|办理)?(?:进度|进展|情况|结果)(?:怎么样|咋样|如何)?"
    r"|(?:处理|办理|办|弄)?得?(?:怎么样|咋样|如何)"
    r"|(?:到哪|到哪一步|到什么程度)"
    r"|有(?:结果|回复|回音|消息|下文)"
    r"|(?:处理|办理|办|弄)(?:好|完|(?=了)))"  # 办好了, 处理了吗; 投诉处理 alone is no question
    r"了?(?:吗|呢|没有|没)?"
)
# How far it has got, asked of no matter named (办得怎么样了, 现在处理到哪一步了) or of one of
# their own (我的许可证延续办得怎么样了): only something filed is being 办 or 处理 for them.
# Not 怎么样了 alone, nor a matter named without 我的 (补贴办得怎么样了 may be a question
# about a scheme, for its service).
_HOW_FAR = (
    r"(?:现在|目前)?(?:处理|办理|办)(?:得(?:怎么样|咋样|如何)|到(?:哪|哪一步|什么程度|什么地步))"
    r"了?(?:吗|呢|没有|没)?"
)
_ASKS_AFTER_MINE = re.compile(
    rf"(?:{_OWN}{_MATTER}|{_FILED}){_PROGRESS}"  # 我的心愿怎么样了, 心愿清单进度
    rf"|(?:处理|办理)?(?:进度|进展)(?:怎么样|咋样|如何)了?(?:吗|呢)?"  # 进度怎么样了
    rf"|{_OWN}{_FILED}"  # 我的心愿
    rf"|(?:现在|目前)?(?:{_OWN}.{{1,10}}?)?{_HOW_FAR}"  # 处理到哪一步了, 我的…办得怎么样了
)
# Looked up ("查一下心愿清单", "看看我的投诉"): what was filed, not a new one.
_LOOKED_UP = re.compile(rf"(?:{_OWN})?{_FILED}")


# Their number changed, said as news ("我换手机号了", "我的电话号码改了"): an update of the
# registration's phone, which only they can make, not a request for the desk to read. A number's
# word (号, 号码) is wanted: 换手机了 is a new handset.
_NUMBER_WORD = r"(?:手机|电话)?(?:号码|号)"
_NUMBER_CHANGED = re.compile(
    rf"(?:我的?)?(?:{_NUMBER_WORD}(?:换|改|变)(?:了|掉了)?"
    rf"|(?:换|改|更换|修改|变更)了?(?:个|一个)?(?:新的?)?{_NUMBER_WORD})"
)


# A number typed with the news (我换手机号了，新号13912345678, 手机号改成13912345678), and
# the words that lead to it: 新号, 新的号码是, 现在是, 改成's 成.
_A_NUMBER = re.compile(r"\+?\d[\d\s\-－—]*\d")
_NEW_NUMBER_SAID = re.compile(
    r"(?:新的?(?:手机|电话)?(?:号码|号)|现在的?(?:号码|号)?|(?<=[改换])[成为])?(?:是|为)?$"
)


# The change said before the number, or the words that lead to a new one (新号, 现在是):
# only then is it the new number. Named before 换了 (我的手机号13812345678改了,
# 13812345678换号了), it is the number that changed, no longer theirs.
_CHANGE_BEFORE = re.compile(r"[换改变]|新的?(?:手机|电话)?(?:号码|号)|现在")


def _number_with_the_news(text: str) -> tuple[str, bool] | None:
    """The one number typed with news of a number changed, and whether it is the new one
    (`_CHANGE_BEFORE`); None for anything else."""
    plain = unicodedata.normalize("NFKC", text).strip()
    found = _A_NUMBER.search(plain)
    phone = typed_phone(found.group()) if found is not None else None
    if found is None or phone is None or _A_NUMBER.search(plain, found.end()):
        return None
    said = to_simplified(bare(plain[: found.start()] + plain[found.end() :]))
    said = _NEW_NUMBER_SAID.sub("", said)
    if not said or _key_of_words(said) != PHONE:
        return None
    before = to_simplified(bare(plain[: found.start()]))
    return phone, _CHANGE_BEFORE.search(before) is not None


def number_changed_to(text: str) -> str | None:
    """The new number in news of a number changed typed with it (我换手机号了，新号
    13912345678): the words without it say only that (`PHONE`); None for anything else,
    and for the number that changed (我的电话号码13812345678换了), which `menu_key` reads
    as the news alone, the new number still to be asked."""
    found = _number_with_the_news(text)
    return found[0] if found is not None and found[1] else None


def menu_key(text: str) -> str | None:
    """The menu entry (its button's data, or HELP) that `text` names and says nothing more
    than; None for anything else."""
    found = _number_with_the_news(text)
    if found is not None and not found[1]:
        return PHONE  # 我的手机号13812345678改了: changed, to a number not said yet
    return _key_of_words(text)


def _key_of_words(text: str) -> str | None:
    """`menu_key` of words with no number in them to read."""
    plain = to_simplified(bare(text)).lower()
    if len(plain) > 16:
        return None
    if plain in _KEY_OF:
        return _KEY_OF[plain]
    lead = _LEAD.match(plain)
    assert lead is not None  # every part of it is optional
    rest = _TAIL.sub("", plain[lead.end() :])
    if _ASKS_AFTER_MINE.fullmatch(rest) or (lead["look"] and _LOOKED_UP.fullmatch(rest)):
        return "m:my"
    key = _KEY_OF.get(rest)
    if key is None and _NUMBER_CHANGED.fullmatch(rest):
        return PHONE
    if key == "m:110" and lead["how"]:
        return HELP  # 怎么报警 asks how: the help says, and no alarm prompt is opened
    return key


# The /my 撤回 button typed, of what they filed (撤回, 我要撤回工单, 取消工单, 许可证延续不用
# 办了, 不投诉了): 取消 alone leaves a prompt (`calls_off`), and 取消订单 or 撤销许可证 is a matter
# for a service.
_THIS = rf"(?:{_OWN}|这个|那个|这张|那张)?"
# Said first that it is no longer needed (不用了，我想撤回, 算了，撤回吧, 那就撤回吧): the
# withdrawal still, never a new matter for the triage desk.
_NO_LONGER = r"(?:(?:算了|不用了|不需要了)[,.\s]*)?(?:那就|那)?"
_WITHDRAW = re.compile(
    rf"{_NO_LONGER}(?:我(?:要|想|想要)|帮我|请|麻烦(?:帮我)?)?"
    rf"(?:(?:撤回|撤销){_THIS}{_FILED}?|取消{_THIS}{_FILED}|把{_THIS}{_FILED}(?:撤回|撤销|取消))"
    r"|.{0,8}?(?:不用|不需要|不必|不要)再?(?:办|办理|处理)"  # (许可证延续)不用办了
    r"|(?:我|那|那就|还是)*不(?:想|再)?(?P<kind>投诉|举报|提建议|反映)了"  # of a complaint filed
)
# What 不投诉了 / 不提建议了 take back: that kind of ticket only, never a 110 call or an order.
_KIND_TAKEN_BACK = {"投诉": Kind.COMPLAINT, "举报": Kind.COMPLAINT, "反映": Kind.COMPLAINT}
_KIND_TAKEN_BACK["提建议"] = Kind.SUGGESTION
# Beside 不投诉了, anger or going over the team's head (你们就是不管, 直接找局长) is no calm
# withdrawal: the words are read afresh, as the complaint they are.
_NOT_CALM = re.compile(
    r"不管|没人管|不理|没用|白(?:投诉|反映|说)|直接找|去找|找(?:局长|领导|上级|上面|媒体|记者)"
    r"|局长|领导|上级|12345|热线|媒体|曝光|记者|起诉|法院|失望|垃圾|气死"
)
_WITHDRAW_TAIL = re.compile(r"^(?:了|吧|啊|呀|掉|一下)*")
_NOT_A_WORD = re.compile(r"[\W_]")
# Not a question (撤回了吗, 怎么取消工单); nor, after such words, anything but why (不用办了，
# 我自己去所里问过了): something else asked for (取消工单，我要改成订玉溪) is a matter of its own.
_ASKED = re.compile(r"[?？]|吗|么|如何|能不能|是否")
_NOT_A_REASON = re.compile(r"要|想|帮|请|改|换|订|希望")
_REASON_MAX = 20


def asks_to_withdraw(text: str) -> bool:
    """Words asking to withdraw what they filed, alone or with why, in either script."""
    said = normalize(text).strip()
    found = _WITHDRAW.match(said)
    if found is None:
        return False
    rest = _WITHDRAW_TAIL.sub("", said[found.end() :], count=1)
    if rest and _NOT_A_WORD.match(rest) is None:
        return False  # 撤销许可证: the words go on, of something else
    if _ASKED.search(said) or _NOT_A_REASON.search(rest):
        return False
    if found["kind"] and _NOT_CALM.search(to_simplified(rest)):
        return False
    return len(bare(rest)) <= _REASON_MAX


def kind_taken_back(text: str) -> Kind | None:
    """The kind of ticket withdrawal words name (不投诉了: a complaint; 不提建议了: a
    suggestion), or None when they name none (撤回, 不用办了: whatever is in hand)."""
    found = _WITHDRAW.match(normalize(text).strip())
    return _KIND_TAKEN_BACK[found["kind"]] if found and found["kind"] else None


# Typed at a prompt instead of /cancel or a 「取消」 button: the person leaves what they were
# doing. Never words of a matter (a description "算了" would reach a team as it is).
_LEAVE = frozenset((
    "算了", "算了吧", "算啦", "取消", "取消吧", "返回", "退出", "不办了", "不弄了", "不要了",
    "不提交了", "不用了吧", "不登记", "不登记了", "先不登记", "不想登记", "以后再说", "下次再说",
))  # fmt: skip


def calls_off(text: str) -> bool:
    """Words that only say "leave this" (算了, 取消, 返回), in either script."""
    return to_simplified(bare(text)).lower() in _LEAVE


# A prompt's button typed alone (下一步, 提交, 跳过, 修改): with no prompt waiting (it ended,
# or timed out), it answers nothing and asks for nothing.
_PROMPT_BUTTONS = frozenset(("下一步", "提交", "确认提交", "跳过", "修改", "重新填写"))


def presses_a_prompt(text: str) -> bool:
    """Words that only press a prompt's button or leave it (下一步, 跳过, 算了)."""
    return calls_off(text) or to_simplified(bare(text)).lower() in _PROMPT_BUTTONS

"""A name a person gives themselves in their own words (我叫王五, 我是王五，, 本人王五), which
may differ from the one they registered (王小五): hidden wherever their registered name is
(`core.own_details`).

No word list can tell a name from what follows it without a dictionary, which the core does
not hold. So 我的名字叫 (我名叫, 本人名字叫) is read as always followed by a name, as it is;
名字叫 said of someone else (那个配送员名字叫刘强) names whom a complaint is about, which the
team must read. 我叫 (本人叫) is also whom one called (我叫师傅来修, 我叫唐师傅来看看): a name
only when it stands alone (我叫王五，) or shares its surname with the one the writer
registered (registered 王小五: 我叫王五投诉配送员). 我是 and 本人, which say far more than a
name (我是曾经投诉过的, 本人于昨天, 我是邵阳人, 我是顾客), likewise, and only a common
surname's name alone (我是王五，). A complaint's label for its writer (姓名：王五, 联系人,
投诉人, 举报人; not 被投诉人) and the 叫 after 我姓王 (我姓王，叫王五 → 我姓某，叫某某) say
the writer's name, whatever its surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.texts import COMMONEST_SURNAMES, COMPOUND_SURNAMES, EVERYDAY_SURNAMES, SURNAMES

_SURNAME = rf"(?:{'|'.join(sorted(COMPOUND_SURNAMES))}|[{SURNAMES}])"
# A complaint's labels for its writer (姓名：王五, 投诉人王五), not for whom it is about
# (被投诉人：刘强).
_LABELS = ("姓名", "联系人", "投诉人", "举报人", "反映人")
_LABELLED = rf"(?<!被)(?:{'|'.join(_LABELS)})\s*[:：]?\s*(?:是|为)?"
# 我姓王 says half the writer's name, and the 叫 after it the rest (我姓王，叫王五).
_SURNAME_SAID = re.compile(rf"(?P<says>(?:我|本人)姓)(?P<surname>{_SURNAME})")
_AFTER_SURNAME = "我姓某[，,]?(?:名字叫|名叫|叫做|叫)|本人姓某[，,]?(?:名字叫|名叫|叫做|叫)"
_SELF_NAMED = re.compile(
    rf"(?P<says>{_AFTER_SURNAME}|{_LABELLED}|"
    r"我的名字叫|我的名字是|本人名字叫|我名字叫|本人名叫|我名叫|本人叫|我叫|本人是|我是|本人)"
    rf"(?P<surname>{_SURNAME})(?P<given>[\u4e00-\u9fff]{{1,2}})"
)
# What says a name follows, whoever's surname it has.
_NAMING = (
    "我的名字叫",
    "我的名字是",
    "本人名字叫",
    "我名字叫",
    "本人名叫",
    "我名叫",
    "我姓",
    "本人姓",
)
# What says a name or whom one called (我叫师傅来修): a name alone or with one's surname.
_CALLED = ("本人叫", "我叫")
# Forms of address and what one says one is that begin with a surname's character (我叫师傅,
# 我叫唐师傅来, 我是顾客): no one's name.
_NOT_NAMES = ("师傅", "师父", "老师", "经理", "主任", "书记", "站长", "所长", "队长", "组长",
              "村长", "会计", "老板", "技术员", "专管员", "大哥", "大姐", "总", "工", "顾客",
              "顾问", "董事", "孙子", "孙女")  # fmt: skip
# Surnames 我是 may say a name by: common ones that begin no everyday word (我是高坪村的,
# 本人于昨天, 我是周末来的).
_SAID_ALONE = frozenset(COMMONEST_SURNAMES) - frozenset(EVERYDAY_SURNAMES + "周余")
# Characters no name begins its given name with (我是李家村的, 我叫了车, 我是说): what
# follows is no name.
_NOT_GIVEN = frozenset("的是在和了说也都就把被跟与及从到不没还又很太给对家个")
# ... and those that begin what follows a name rather than end it (我叫王五投诉, 王五明天来,
# 王五的烤房): a second given-name character among them is left, unless nothing Chinese
# follows it (姓名：刘德明，), where it ends the name.
_AFTER_NAME = _NOT_GIVEN | frozenset("要想来去今昨明前这那投举反送")
# What a place's name ends with (我是李家村的, 我是邵阳市的, 我是黄平人): no one's name.
# ... and what one is called to do (我叫刘强来，他没来): after 我叫 not a name's end even
# where the clause ends.
_CALLED_TO = frozenset("要想来去")
_PLACE_END = frozenset("村寨屯组乡镇县市区州省人")
_ALONE_AFTER = frozenset("，。！？；、,.!?; ")


def _ends_name(found: re.Match[str]) -> bool:
    """Whether the match's last character ends a name (刘德明，, 联系人：张建明 at the end):
    nothing Chinese follows it to begin a word with it (王五明天来, 王五来投诉), and it is
    no word's end on its own (我是王五的)."""
    after = found.string[found.end() : found.end() + 1]
    return found[0][-1] not in _NOT_GIVEN and not _CHINESE.match(after)


_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _surname_of(name: str) -> str:
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def self_named_hidden(text: str, instead: str, registered: Iterable[str] = ()) -> str:
    """`text` with the names its writer gives themselves replaced by `instead`;
    `registered`: the names they registered, whose surnames 我是 and 本人 say a name by."""
    surnames = {_surname_of(name) for name in registered if len(name) >= 2}

    def hidden(found: re.Match[str]) -> str:
        says, surname, given = found["says"], found["surname"], found["given"]
        if given[0] in _NOT_GIVEN:
            return found[0]
        called_to = says in _CALLED and given[1:] in _CALLED_TO  # 我叫刘强来，
        if len(given) == 2 and given[1] in _AFTER_NAME and (called_to or not _ends_name(found)):
            given = given[0]
        end = found.start("given") + len(given)
        after = found.string[end : end + 1]
        if given[-1] in _PLACE_END or after in _PLACE_END:
            return found[0]
        if not says.startswith((*_NAMING, *_LABELS)):
            if (surname + given).startswith(_NOT_NAMES) or given.startswith(_NOT_NAMES):
                return found[0]
            alone = not after or after in _ALONE_AFTER
            if says in _CALLED:
                alone = alone and given[0] not in _AFTER_NAME  # 我叫车来拉
            else:
                alone = alone and surname in _SAID_ALONE
            if not alone and surname not in surnames:
                return found[0]
        return says + instead + found[0][end - found.start() :]

    out = _SURNAME_SAID.sub(lambda found: found["says"] + "某", text)
    return _SELF_NAMED.sub(hidden, out)

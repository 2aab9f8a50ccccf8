"""A name a person gives themselves in their own words (我叫王五, 我是王五，, 本人王五), which
may differ from the one they registered (王小五): hidden wherever their registered name is
(`core.own_details`).

No word list can tell a name from what follows it without a dictionary, which the core does
not hold. So 我叫 (and 名字叫, 本人叫) is read as always followed by a name, as it is; 我是
and 本人, which say far more than a name (我是曾经投诉过的, 本人于昨天, 我是邵阳人), only
when a common surname's name stands alone (我是王五，) or shares its surname with one the
writer registered (registered 王小五: 我是王五投诉配送员).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.texts import COMMONEST_SURNAMES, COMPOUND_SURNAMES, EVERYDAY_SURNAMES, SURNAMES

_SURNAME = rf"(?:{'|'.join(sorted(COMPOUND_SURNAMES))}|[{SURNAMES}])"
_SELF_NAMED = re.compile(
    rf"(?P<says>我的名字叫|我的名字是|我名叫|名字叫|本人叫|我叫|本人是|我是|本人)"
    rf"(?P<surname>{_SURNAME})(?P<given>[\u4e00-\u9fff]{{1,2}})"
)
_CALLED = ("我的名字叫", "我的名字是", "我名叫", "名字叫", "本人叫", "我叫")
# Surnames 我是 may say a name by: common ones that begin no everyday word (我是高坪村的,
# 本人于昨天, 我是周末来的).
_SAID_ALONE = frozenset(COMMONEST_SURNAMES) - frozenset(EVERYDAY_SURNAMES + "周余")
# Characters no name begins its given name with (我是李家村的, 我叫了车, 我是说): what
# follows is no name.
_NOT_GIVEN = frozenset("的是在和了说也都就把被跟与及从到不没还又很太给对家个")
# ... and those that begin what follows a name rather than end it (我叫王五投诉, 王五明天来,
# 王五的烤房): a second given-name character among them is left.
_AFTER_NAME = _NOT_GIVEN | frozenset("要想来去今昨明前这那投举反送")
# What a place's name ends with (我是李家村的, 我是邵阳市的, 我是黄平人): no one's name.
_PLACE_END = frozenset("村寨屯组乡镇县市区州省人")
_ALONE_AFTER = frozenset("，。！？；、,.!?; ")


def _surname_of(name: str) -> str:
    return name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1]


def self_named_hidden(text: str, instead: str, registered: Iterable[str] = ()) -> str:
    """`text` with the names its writer gives themselves replaced by `instead`;
    `registered`: the names they registered, whose surnames 我是 and 本人 say a name by."""
    surnames = {_surname_of(name) for name in registered if len(name) >= 2}

    def hidden(found: re.Match[str]) -> str:
        surname, given = found["surname"], found["given"]
        if given[0] in _NOT_GIVEN:
            return found[0]
        if len(given) == 2 and given[1] in _AFTER_NAME:
            given = given[0]
        end = found.start("given") + len(given)
        after = found.string[end : end + 1]
        if given[-1] in _PLACE_END or after in _PLACE_END:
            return found[0]
        if found["says"] not in _CALLED and surname not in surnames:
            alone = surname in _SAID_ALONE and (not after or after in _ALONE_AFTER)
            if not alone:
                return found[0]
        return found["says"] + instead + found[0][end - found.start() :]

    return _SELF_NAMED.sub(hidden, text)

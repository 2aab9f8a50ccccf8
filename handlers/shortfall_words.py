"""Words saying a shop's goods came short (差了两条, 还差两条, 货差了, 没送齐, 数量不够): typed
beside a ticket of a goods line (ordering, delivery) awaiting its requester's verdict, they
say it is not solved, though they name no service (`verdicts.about_resolution`)."""

from __future__ import annotations

import re

from routing import bare, to_simplified

# A count of goods as a shop counts them (两条, 3包, 几箱, 一件): 差一点 or 少一个人 are none.
_COUNT = r"[0-9一二两三四五六七八九十几半]+(?:条|包|件|箱|盒|支|提|袋|瓶|种)"
_COUNT_ALONE = re.compile(_COUNT)
# A quality not enough (服务不够好, 不够及时): a judgement of the service, not goods short.
_NOT_ENOUGH_OF_A_QUALITY = r"(?!好|快|及时|热情|礼貌|耐心|专业|准时|认真|细心|规范|满意|清楚)"
_SHORT = re.compile(
    rf"(?:差|少|缺)了?{_COUNT}"  # 差了两条, 少一条, 缺3包, 还是少一条
    r"|还(?:是)?(?:差|少|缺)"  # 还差, 还少, 还是差
    r"|(?:少|漏)(?:送|发|配|给)了"  # 少送了, 漏发了
    r"|没有?(?:送|到|发|配|给)齐|不齐"  # 没送齐, 没到齐, 货不齐
    r"|(?:货|烟|数|数量|数目)(?:又|都|还)?(?:差|少)了"  # 货差了, 烟少了, 数量少了
    rf"|不够{_NOT_ENOUGH_OF_A_QUALITY}|不足"  # 数量不够, 烟不够, 数量不足
)
# Asking for fewer next time (下次少订两条, 能不能少送两条): an order's size, no shortfall.
_FEWER_ASKED = re.compile(r"少(?:订|要|进|拿)")


def says_goods_short(text: str) -> bool:
    """Words saying goods came short, in either script (还差兩條, 沒送齊)."""
    plain = to_simplified(bare(text))
    return _SHORT.search(plain) is not None and _FEWER_ASKED.search(plain) is None


def a_count_of_goods(word: str) -> bool:
    """A word that is only a count of goods (两条, 3包): any shop's order or delivery may
    be written with one, so it tells none of their tickets from another."""
    return _COUNT_ALONE.fullmatch(to_simplified(word)) is not None

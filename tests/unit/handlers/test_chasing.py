"""Words that chase a team already called, told from words about something else not come."""

from __future__ import annotations

import pytest

from handlers.tickets import is_chasing


@pytest.mark.parametrize(
    "text",
    [
        "怎么还没人来",
        "师傅怎么还没到",
        "人呢？等了一个小时了",
        "師傅多久能到",
        "到现在都没人来",
        "再不来我就投诉了",
        "建议快点派人来",
        "等了这么久还没人来，你们到底管不管",
        "你们什么时候能到？",
        "怎么还不来",
        "怎么还没人接单",
        "怎麼還沒人接單",
        "都三天了还没人接单？",
        "怎么还没处理",
        "你们什么时候处理",
        "又没来",
        "怎么又没来",
        "还是没来",
        "師傅又沒來",
        "师傅今天又没来",
        "110的人还是没来",
        "都三个小时了还没来",
        "你们110怎么还不来",
        # Not come said of nothing but the team: whoever it names, when or why it says.
        "他们怎么还没来",
        "等半天了还不来",
        "说好上午来的还没来",
        "配送员还没来",
        "烟技员还没来",
        "送货的还没来",
        "下雨了还没来",
        "快点啊还没来",
        "说好来修还没来",
        # He or she alone, said by someone whose ticket a team has, is the one sent.
        "他还没来",
        "他怎么还没来",
        "她怎么还不来",
        # ... though someone was named before it, in another role: a curse, the one
        # waiting at the barn, the one who says so.
        "妈的，他怎么还没来",
        "媽的，他怎麼還沒來",
        "我的妈呀，他怎么还没来",
        "我爸在烤房等着呢，他怎么还没来",
        "孩子都冻坏了，他怎么还没来",
        "老板说他还没来",
        "人还没来",
        "师傅还没来吗",
        # As said in the fields: 啥时候 for 什么时候, 师傅呢 as 人呢, 来不来 of the team.
        "师傅呢",
        "師傅呢？等了一个小时了",
        "你们啥时候来",
        "师傅啥时到",
        "你们到底来不来啊",
        "师傅还来不来",
    ],
)
def test_somebody_not_come_is_chasing(text: str) -> None:
    assert is_chasing(text)


@pytest.mark.parametrize(
    "text",
    [
        "收购结算款到现在还没到",
        "卖烟的钱还没到",
        "补贴到现在还没到",
        "化肥还没到",
        "种子什么时候能到",
        "卖烟的钱怎么还没到账？",
        "我要投诉收购站，去了三次都没人管",
        "今年烟叶收购什么时候开始？",
        "结算款还没处理",
        "去了三次都没人处理",
        "又没来电",
        "又没来得及",
        "他又没来上班",
        "还是没来道歉",
        # Money, goods or someone else not come again or still: not the team.
        "卖烟的钱又没来",
        "烟款又没来",
        "客户又没来",
        "货又没来",
        "化肥又没来",
        "短信又没来",
        "他昨天又没来开会",
        "化肥还没来",
        "补贴还没来",
        "化肥都三天了还没来",
        "他的钱还没来",
        "他儿子还没来",
        "他老婆还没来",
        "老板还没来",
        # He or she standing for someone named before, in the clause or the message.
        "老板他还没来",
        "客户他还没来",
        "我儿子他还没来",
        "我老公去拉煤了，他还没来",
        "我老公去拉煤了，可他还没来",
        "我老公早上出去了，他怎么还没来",
        "化肥还来不来",
        # Goods or money of 你们 (the bureau's), not 你们 the team.
        "你们的化肥还来不来",
        "你们的补贴到底来不来",
        "你们的钱到底来不来",
        "你们的补贴啥时候到",
        "你们的化肥啥时候到",
        "你们的补贴什么时候到",
        "补贴啥时候到",
        "种子啥时候能到",
        "订的烟还没来",
        "师傅来了以后看了一下说风机电容坏了，换了新的，可是现在温度还是升不上去，怎么办",
    ],
)
def test_something_not_come_or_a_longer_matter_is_not(text: str) -> None:
    assert not is_chasing(text)

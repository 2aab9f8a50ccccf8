"""Word lists `reports.person_names` reads Chinese names by, beside the surnames
(`core.texts.SURNAMES`, `core.texts.COMPOUND_SURNAMES`): the characters given names are made
of, everyday words that look like names, and cigarette brands that jieba takes for names."""

from __future__ import annotations

from core.texts import EVERYDAY_SURNAMES

__all__ = ["BRANDS", "EVERYDAY_SURNAMES", "GIVEN_NAME_CHARS", "ORDINARY_WORDS"]


# The characters most given names are made of (伟, 芳, 军, 峰 ...): what follows a surname in
# a word jieba does not know is a given name when it is made of these.
GIVEN_NAME_CHARS = frozenset(
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力俊峰飞鹏斌宇浩凯健波"
    "宁琳晶燕倩婷雪梅莉玲颖佳欣悦慧鑫龙海云青春国民东兵亮新利清志成荣福贵生祥才德发安庆"
    "忠喜银宝良光永昌盛旺财顺嘉晓宏洪鸿博帅雷阳晨晗琪琦璐瑶瑞蕾薇蓉菲霖彬彪毅坤昊轩泽宸"
    "铭睿哲航韬怡婉淑惠珍珠凤翠菊莲香琴素娥芬芝荷丹彤媛妍诗梦露蓓蕊晴岚冰洁虹翔鹰鹤松柏"
    "森振中武义仁礼智信孝贤立友群胜彦秋冬伦学亚娇媚娅妮婧琼瑾璇瑜钰铮锋钢炜烨煜旭晖昕楠"
    "桐栋楷彩卿峻崇巍岳川勤坚恒康泰嵘珊涵瀚渊源澜溪滨潇润雯霆震馨骏驰腾鸣麟兆"
)
# Everyday words jieba's dictionary holds as people's names, made of a surname and
# given-name characters: a complaint about the weather, crops or money says them.
ORDINARY_WORDS = frozenset(
    (
        "陆军", "白雪", "高峰", "石英", "高潮", "向东", "高明", "林立", "向阳", "黎明", "金刚",
        "朱红", "白莲", "苏军", "史诗", "马克", "白发", "白云", "钱财", "温馨", "白银", "殷勤",
        "祝福", "金光", "高超", "周全", "毛发", "雷霆", "洪亮", "唐诗", "高强", "白玉", "金秋",
        "汪洋", "黄龙", "许昌", "洪峰", "龙凤", "丁香", "殷红", "温顺", "贺喜", "白光", "金玉",
        "严冬", "杨梅", "黎民", "贺信", "高清", "贺礼", "甘霖", "余光", "黄梅", "马群", "林海",
        "余波", "余辉", "余生", "高云", "黄柏", "杜松", "温文", "武生", "金平", "钟祥",
    )
)  # fmt: skip

# Cigarette brands a retailer's order or complaint names, some of which jieba takes for
# names (苏烟, 金圣, 白将, 黄金叶, 玉溪, 红塔山, 黄果树).
BRANDS = (
    "苏烟", "金圣", "白将", "黄金叶", "玉溪", "红塔山", "黄果树", "芙蓉王", "云烟", "贵烟",
    "中华", "利群", "白沙", "红河", "黄鹤楼", "南京", "真龙", "七匹狼", "娇子", "宽窄",
    "长白山", "泰山", "黄山", "红金龙", "钓鱼台", "双喜", "红梅", "阿诗玛", "石林",
    "大重九", "兰州", "延安", "哈德门", "都宝", "将军", "好猫", "钻石", "雄狮", "牡丹",
)  # fmt: skip

"""Word lists `reports.person_names` reads Chinese names by, beside the surnames
(`core.texts.SURNAMES`, `core.texts.COMPOUND_SURNAMES`): the characters given names are made
of, everyday words that look like names, cigarette brands that jieba takes for names, and
the words around a name that say it is someone's (配送员, 师傅, 投诉) or no one's (毛坝乡)."""

from __future__ import annotations

from core.texts import EVERYDAY_SURNAMES

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

# Titles a form of address says after a surname (王师傅, 张总, 王工).
# 总经理 and 总监 before 总, which the pattern would otherwise take first.
# The bureau's ranks are among them (张局长, 王科长): in a county, such a rank after a
# surname names one person as surely as a full name does.
TITLES = (
    "师傅|老师|总经理|总监|经理|主任|书记|站长|所长|队长|组长|村长|会计|技术员|专管员|老板|"
    "局长|科长|股长|部长|处长|主管|支书|司机|"
    "大哥|大姐|总|工"
)
# ... and a town's or county's head (李镇长), only right after a surname: after a word, as a
# name's title, they are the unit that ends a place's name (毛坝乡长期缺货 is 毛坝乡|长期).
PLACE_HEADS = "县长|镇长|乡长"
# The titles a name is said before (李强师傅): not 总 or 工, which begin other words (张伟总是).
TITLE_WORDS = tuple(title for title in TITLES.split("|") if len(title) > 1)
# Staff roles a complaint or a team's note names someone by (配送员刘德华, 客户经理李明收红包).
ROLES = (
    "配送员", "送货员", "客户经理", "经理", "专卖员", "稽查员", "收购员", "检验员", "定级员",
    "业务员", "营销员", "司机", "技术员", "专管员", "站长", "所长", "主任", "队长", "组长",
    "工作人员", "员工", "职工", "师傅",
)  # fmt: skip
# ... and the words a name follows when somebody is complained about or called (投诉刘德华,
# 一个叫王军的).
NAMED_AFTER = (*ROLES, "投诉", "举报", "名叫", "叫做", "叫", "我是")
TITLE_OR_ROLE = frozenset((*TITLES.split("|"), *ROLES))
# ... and thanks said to someone (感谢谢宸帮忙, where jieba reads 谢谢).
THANKED = ("感谢", "谢谢", "多谢")
# What a person named as a sentence's subject does (付韬说明天来, 洪飞来过), and what begins
# such a sentence: jieba cuts names there across words (付|韬说, 洪|飞来).
DOES = ("说", "讲", "来过", "来了", "上次", "总是", "老是", "一直", "不给", "没来", "乱")
CLAUSE_START = ("，", "。", "、", "；", "：", "！", "？", ",", ";", ":", "!", "?", " ",
                "昨天", "今天", "前天", "那个", "这个", "的", "是")  # fmt: skip
# A surname said alone before an adverb 总 begins (张|总是不在, 李|总算来了) is someone's,
# 张总 or 张, when it begins a clause (`CLAUSE_START`, or after 跟 or 和) and what follows the
# adverb is what people do, taking money or goods too (张总共收了我500元, 刘总共拿了两条烟:
# 收, 要 and 吃 with what only a person takes, since a crop is 收 too, 麦总算收完了), or
# when it is whom one seeks or asks (找张总是没用); a thing before such an adverb
# (这批苗总共五百株, 这栋楼总是停电, 豆总是不发芽) is neither.
ADVERB_ACTS = (
    "不在", "没在", "不来", "没来", "来了", "来过", "来看", "来修", "说", "讲", "不接", "没接",
    "不回", "没回", "不给", "没给", "不管", "不理", "不办", "推", "拖", "骂", "迟到", "找",
    "拿", "骗", "扣", "克扣", "欠", "罚", "索要", "刁难", "多收", "乱收", "多要", "乱要",
    "收了我", "收我", "收钱", "收了钱", "收费", "收好处", "收红包", "收礼", "收回扣",
    "要钱", "要了我", "要我", "要好处", "要红包", "要回扣", "要烟",
    "吃拿", "吃回扣", "吃了我", "吃请", "吃喝",
)  # fmt: skip
SOUGHT_AFTER = ("找", "叫", "问", "请", "让")
# ... and the words said before whom one speaks to (向局长反映过, 跟经理说, 给科长打电话): a
# surname that is one of them too (向), said alone before a title, is the word, unless
# another such word comes first (找向局长, 跟向经理说), which leaves it a surname.
SPOKEN_TO = ("向", "跟", "给", "对", "和", "与", "同", *SOUGHT_AFTER)
# ... but 向 is the word only when the clause says so: what follows the title is said or
# brought to them (向局长反映过, 向经理汇报, 向所长借了两百块), before anything a person does
# (`ADVERB_ACTS`: 向科长骂我说, 向局长要了我两百), or one who speaks, or an adverb, comes
# just before it (我向局长, 已经向科长, 多次向经理). Else it is someone's: 向局长收了红包,
# 那个向经理骂人, 向经理，你好. 说, 要 and 提 are said to someone only in these forms and
# `DONE_TO`'s, since 向局长说明天来, 向局长要来检查 and 向科长提前走了 are what 向局长 and
# 向科长 do; nor is a plural (你们向经理态度差 is your 向经理).
SAID_TO = (
    "反映", "反应过", "汇报", "报告", "投诉", "举报", "检举", "求助", "求救", "求情", "申请",
    "请示", "请教", "咨询", "询问", "打听", "问", "解释", "道歉", "建议", "表示", "保证",
    "说明", "说一下", "说一声", "说说", "说清楚", "讲明", "讲清楚", "提出", "提意见",
    "提建议", "提要求", "提过", "提起", "借", "要回", "要个说法", "要说法", "讨", "索赔",
    "交", "递交", "提交", "上交", "转达", "传达", "诉苦", "告状", "求",
)  # fmt: skip
# ... and what is bought from, given, sent or told to them (向经理订了20条烟, 向局长送礼,
# 向经理打电话没人接, 向所长请假), read only as whole words: 订单, 送货, 买单, 说了算 and
# 进来 are what 向经理 or 向局长 does, and so is 问我要钱 (`anonymise._asks_me_for`).
DONE_TO = (
    "订", "订货", "订烟", "订购", "预订", "买", "买过", "买不到", "进货", "进烟", "拿货",
    "打电话", "打了电话", "打过电话", "打个电话", "送", "送礼", "送礼物", "送钱", "送红包",
    "行贿", "递", "反馈", "请假", "写信", "写过信", "发短信", "发微信", "发信息", "发消息",
    "说了", "说过",
)  # fmt: skip
SPEAKS_BEFORE = frozenset(
    ("我", "你", "他", "她", "已经", "曾经", "早就", "早已", "也", "都", "又", "再", "还",
     "多次", "几次", "一直", "反复", "屡次", "就", "先", "去", "想", "要", "得", "会", "能",
     "可以", "只能", "只好", "准备", "打算", "没", "没有", "不", "直接", "亲自", "专门",
     "特地", "主动", "当面", "马上", "电话", "写信")
)  # fmt: skip
# Adverbs 总 begins, which jieba reads before a 总 said after a surname (张|总是不在), and
# sometimes tags as nouns (麦|总算): never a given name.
ADVERBS_OF_TOTAL = ("总是", "总算", "总共", "总要", "总得", "总会", "总在", "总能", "总不", "总归")
# What joins two people named together (张伟和李娜, 张伟、李娜): the second is a name too.
JOINERS = ("和", "跟", "与", "及", "同", "、", "，", ",", "还有", "以及", "或者", "或")
# Surnames that are everyday characters too (这周, 叶子, 高温, 金色): jieba's nr on them, said
# apart, says little. 周 and 余 end words (这周, 其余) as well as begin a form of address (老周).
EVERYDAY_ALONE = frozenset(EVERYDAY_SURNAMES + "周余")
# What follows a place's name, not a person's (毛坝乡, 金桥村): jieba guesses names there too.
PLACE_UNITS = tuple("乡镇村县市区寨屯湾坝坪沟组社街路桥山河")
# Everyday words a unit begins that still say the place before them (毛坝乡村, 金桥村民);
# any other such word, a title (组长, 镇长) or not (路过, 区别, 社保), says no place.
PLACE_WORDS = frozenset(
    ("乡村", "乡镇", "乡下", "村民", "村委", "村里", "村口", "村子", "镇上", "镇里", "县城",
     "县里", "市区", "市里", "城区", "区县", "山区", "社区", "街道")
)  # fmt: skip
THANKS = frozenset(("谢谢", "谢谢你", "谢谢您"))

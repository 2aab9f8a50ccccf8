"""Word lists `reports.person_names` reads Chinese names by: surnames, the characters given
names are made of, everyday words that look like names, and cigarette brands that jieba
takes for names."""

from __future__ import annotations

# The single surnames common in China today: `core.texts.SURNAMES` holds only the commonest,
# enough for a form of address (王师傅, 老张) but not for a full name nobody registered
# (配送员关伟, 施伟, 梅芳). Left out are surnames that are words a sentence is made of far
# more often (和, 时, 都, 但, 明, 全, 路, 成, 哈) or that this desk's messages say all the time
# (烤房, 工单, 查, 修, 满意, 车, 信息, 花叶): jieba glues them to the next character into words
# it does not know (登记时|发的, 派单|群), which would pass for names.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲滕屈饶"
    "解牟艾尤阳穆农司卓古吉缪简项芦麦褚娄窦戚岑景宫费卜冷晏席卫柏宗瞿桂佟臧闵苟邬卞姬师仇栾隋"
    "商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝官封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺"
    "楼盘闻厉伊仝郜海阚权帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平索宣晋云容敬扈晁芮普阙浦戈伏鹿薄邸"
    "雍辜羊乌母裘亓邰赫杭况宿鲜印逯隆茹诸战慕危玉银亢嵇公湛宾戎勾茅利呼居揭尉冶斯束檀衣展阴"
    "昝智幸奉植衡富尧闭洪赖"
)
# ... and the double surnames still borne.
COMPOUND_SURNAMES = frozenset(
    (
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "慕容", "令狐", "司徒", "夏侯", "端木",
        "公孙", "尉迟", "宇文", "长孙", "呼延", "轩辕", "独孤", "南宫", "万俟", "闻人", "赫连",
        "澹台", "钟离", "宗政", "濮阳", "申屠", "鲜于", "拓跋", "公羊", "左丘", "东郭",
    )
)  # fmt: skip

# Surnames that begin everyday words too (高温, 金色, 叶子, 小叶, 老毛病, 小程序): jieba
# tagging one of them as a name, or 老/小 before it, says little.
EVERYDAY_SURNAMES = "于高白方金石田叶毛江龙程任段钱孔康姜苏文常向万武牛温易甘管兰齐"

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

"""Misconduct of the bureau's own people is a complaint, watched by 作风监督 (or heard
there when its words are strong enough); a tip-off about a shop is the 专卖 line's."""

from __future__ import annotations

import pytest

from core.enums import Kind
from routing import Router


@pytest.mark.parametrize(
    "text",
    [
        "举报客户经理倒卖货源",
        "客户经理逼我多订烟，不订就降档",
        "配送员喝酒送货",
        "烤房服务队的人喝酒了还来修，太不像话",
        "客户经理搭售滞销烟",
    ],
)
def test_misconduct_of_staff_is_a_complaint(router: Router, text: str) -> None:
    assert router.route(text).kind is Kind.COMPLAINT


@pytest.mark.parametrize(
    "text",
    [
        "客户经理说不买就没货了，是真的吗",
        "我想问一下档位怎么调",
        "请问不订就会降档位吗",
        "不买就降档位，是真的吗",
        "客户经理说下个月要给我降档位",
        "客户经理说不订也不会降我档位",
    ],
)
def test_supply_and_tier_asked_about_stay_the_ordering_lines(router: Router, text: str) -> None:
    assert router.route(text).line == "ordering"


def test_a_rude_grader_is_heard_by_the_oversight_line_not_his_own(router: Router) -> None:
    decision = router.route("收购站定级员态度很差，还压级")
    assert decision.line == "conduct" and decision.kind is Kind.COMPLAINT


def test_a_tip_off_about_fakes_is_the_monopoly_lines_and_no_complaint(router: Router) -> None:
    decision = router.route("举报有人卖假烟")
    assert decision.line == "monopoly" and decision.kind is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("配送员态度挺好，就是信号差送货晚", "delivery"),
        ("客户经理态度还不差，想问下订货时间", "ordering"),
    ],
)
def test_a_bad_word_beside_a_good_attitude_is_no_complaint_about_staff(
    router: Router, text: str, line: str
) -> None:
    assert router.route(text).line == line


@pytest.mark.parametrize(
    "text",
    [
        "举报客户经理倒卖货源",
        "客户经理逼我多订烟",
        "配送员喝酒送货",
        "举报烟站人员压级压价",
        "客户经理威胁要降我档位",
        "客户经理推销他指定的烟，不买就说下次给我减档位",
        "客户经理说不买他推荐的烟就给我降档位",
        "客户经理说不进这个烟就给我降档",
        "客户经理说我不买就降我的档",
        "不买他推荐的烟就给我降档位",
        "不进这个烟就给我降档",
        "不买就给我减档位",
    ],
)
def test_a_tip_off_or_bullying_is_heard_by_the_oversight_line(router: Router, text: str) -> None:
    """Not by the team of the person it is about, which would investigate itself."""
    assert router.route(text).line == "conduct"


@pytest.mark.parametrize(
    "text",
    [
        "客户经理总是搭售滞销烟",
        "投诉客户经理强行搭配滞销烟",
        "客户经理爱答不理",
        "客戶經理總是搭售滯銷菸",
    ],
)
def test_tie_in_selling_or_a_cold_shoulder_is_heard_by_the_oversight_line(
    router: Router, text: str
) -> None:
    """A customer manager's tie-in selling is their own misconduct, not an ordering matter:
    sent to 营销服务部, the complainant's name and phone would reach the very people
    complained about."""
    decision = router.route(text)
    assert (decision.line, decision.kind) == ("conduct", Kind.COMPLAINT)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("举报有烟店搭售假烟", "monopoly"),  # a shop's fakes: the licence office's
        ("举报隔壁小卖部搭售假烟", "monopoly"),
        ("订货系统强制搭配滞销品，能不能取消", "ordering"),  # the system, no person
        # A shop's own staff (销售人员, 营业人员) are no people of the bureau's.
        ("隔壁小卖部的销售人员搭售假烟", "monopoly"),
        ("烟酒店搭售假烟，店里人员说不买不卖", "monopoly"),
        ("有烟店强行搭配假烟，营业人员说是规定", "monopoly"),
        ("订货系统强制搭配滞销品，问了客服也不能取消", "ordering"),
    ],
)
def test_tie_in_words_without_the_bureaus_people_stay_with_their_service(
    router: Router, text: str, line: str
) -> None:
    assert router.route(text).line == line


@pytest.mark.parametrize(
    "text",
    [
        "送货员搭售滞销烟",
        "送货的师傅爱答不理",
        "营销员搭售滞销烟",
        "定级员爱答不理",
        "专管员搭售",
        "市管员爱答不理",
        "客服爱答不理",
    ],
)
def test_tie_in_selling_or_a_cold_shoulder_by_any_of_the_bureaus_people_is_heard_there(
    router: Router, text: str
) -> None:
    assert router.route(text).line == "conduct"


@pytest.mark.parametrize(
    "text",
    [
        "送货员说不给红包就不卸货",  # money asked for a service owed anyway
        "送货员索要好处费才卸货",
        "定级员不给好处就压级",
        "收购站的人要好处才给定高等级",
        "定级员跟人打招呼就给高等级",  # a favour to whoever put in a word
        "定级员看人，打过招呼的就先收",
        "客户经理托人打招呼，给关系户多分货源",
        "有人走后门插队卖烟",
        "送礼才给定上等烟",
        "客户经理收了我的烟不给钱",  # goods taken unpaid
        "专管员来店里拿烟不给钱",
        "客户经理白拿我两条烟",
        "客户经理白拿我两条烟，这合理吗",  # the question is another clause's
        "送貨員說要紅包才卸貨",
    ],
)
def test_money_asked_favours_or_goods_taken_unpaid_are_heard_by_the_oversight_line(
    router: Router, text: str
) -> None:
    """Not by the delivery, purchase or ordering team whose member is complained about."""
    assert router.route(text).line == "conduct"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("送货员说货款月底一起结", "delivery"),
        ("定级员说这批只能定中部叶", "purchase"),
        ("收购站收了我的烟一个月了还不给钱", "purchase"),  # a bill unpaid, no misconduct
        ("收购站不给钱，烟款拖了两个月", "purchase"),
        ("跟送货员打个招呼就行了吧", "delivery"),  # 打招呼: telling, or a greeting
        ("我跟客户经理打过招呼了，明天多订两条玉溪", "ordering"),
        ("定级员跟我打了个招呼就走了", "purchase"),
    ],
)
def test_payment_and_greetings_without_a_favour_stay_with_their_service(
    router: Router, text: str, line: str
) -> None:
    assert router.route(text).line == line


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("客户经理说上次的货款不给钱就不给订货了", "ordering"),  # a debt
        ("我欠了货款，客户经理说不给钱就不给送货", "ordering"),
        ("配送员说货到付款，不给钱就不卸货", "delivery"),  # cash on delivery
        ("客戶經理說不給錢就不給訂貨", "ordering"),
        ("我不给钱送货员就不走", "delivery"),
        ("送货员说不给钱就不卸货", "delivery"),
        ("配送员不给钱就不把货搬进店里", "delivery"),
        ("送貨員說不給錢就不卸貨", "delivery"),
    ],
)
def test_a_debt_or_cash_on_delivery_is_a_question_for_the_service_not_a_complaint(
    router: Router, text: str, line: str
) -> None:
    """不给钱就不… is the writer's own payment as the service's condition: a debt or cash on
    delivery as often as money asked. Words cannot tell them apart, and a complaint wrongly
    filed about a named member of staff does more harm than a payment question at its
    service, where the writer can still /complain. Money asked in its own words (索要, 红包)
    is heard by the oversight line."""
    decision = router.route(text, barn=False)
    assert (decision.line, decision.triage) == (line, False), decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "定级员说不给钱就不给定高等级",
        "定级员不给钱就不给定等级",
        "不给钱就压级",
        "客户经理说不给钱就不给调档位",
    ],
)
def test_money_asked_for_a_grade_or_a_tier_is_a_bribe_not_a_debt(router: Router, text: str) -> None:
    """A grade (定级, 等级, 压级) or a shop's tier (档位) is never paid for: 不给钱就 beside
    one is money asked for it, heard by the oversight line."""
    decision = router.route(text, barn=False)
    assert decision.line == "conduct", decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("收购站说提前打招呼就能预约", "purchase"),  # notice given in advance
        ("客户经理说提前打招呼就给留货", "ordering"),
        ("送货员说打招呼就能改送货时间", "delivery"),  # telling them
    ],
)
def test_notice_given_in_advance_is_no_favour(router: Router, text: str, line: str) -> None:
    decision = router.route(text, barn=False)
    assert (decision.line, decision.triage) == (line, False), decision.explanation


def test_a_visit_arranged_by_a_call_is_no_complaint(router: Router) -> None:
    decision = router.route("技术员说打招呼就能来上门", barn=False)
    assert decision.line != "conduct" and decision.kind is None, decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("收购站排队很公平，没有人走后门", "purchase"),
        ("从来没有人吃拿卡要，收购站的定级员都很好", "purchase"),
        ("收购站有人走后门", "conduct"),
        ("没有人走后门就不给收", "conduct"),  # a demand, not a denial
    ],
)
def test_misconduct_nobody_did_is_no_complaint(router: Router, text: str, line: str) -> None:
    """没有人走后门 says it was not done, as 没有走后门 does."""
    assert router.route(text).line == line


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("送货员多送了一条，我不想白拿，怎么退", "delivery"),  # goods not paid for, returned
        ("促销品能白拿吗", "ordering"),  # a free gift asked about
        # jieba cuts 能|不能: the choice asked was read as no question for a while
        ("促销品能不能白拿", "ordering"),
        ("促销品可不可以白拿", "ordering"),
        ("活动送的烟是白拿的吗", "delivery"),
    ],
)
def test_goods_free_asked_about_or_refused_are_no_complaint(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text, barn=False)
    assert (decision.line, decision.triage, decision.kind) == (line, False, None), (
        decision.explanation
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("托关系走后门进去卸烟", "conduct"),
        ("收购站有人走后门卸货", None),
        ("收购站有人走后门插队卸货，能不能管", None),  # the question is another clause's
    ],
)
def test_jumping_the_queue_by_the_back_door_is_a_complaint(
    router: Router, text: str, line: str | None
) -> None:
    """Beside 托关系, 有人, 插队 or 关系, 走后门 to unload is a favour to connections,
    whatever door it goes through."""
    decision = router.route(text, barn=False)
    assert decision.kind is Kind.COMPLAINT, decision.explanation
    assert line is None or decision.line == line, decision.explanation


@pytest.mark.parametrize("text", ["卸货能不能走后门", "烟站走后门进去卸货可以吗", "卸烟走后门方便"])
def test_a_back_door_to_unload_by_is_no_favour(router: Router, text: str) -> None:
    decision = router.route(text, barn=False)
    assert decision.line != "conduct" and decision.kind is None, decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("定级员不看关系", "purchase"),
        ("定级不看关系", "purchase"),
        ("送货员没有故意为难我，就是来晚了", "delivery"),
        ("客户经理没有故意为难我", "ordering"),
        ("客户经理从不故意为难人", "ordering"),
        ("定级员看关系", "conduct"),  # said, not denied
        ("送货员故意为难我", "conduct"),
    ],
)
def test_misconduct_denied_in_words_cut_apart_is_no_complaint(
    router: Router, text: str, line: str
) -> None:
    """不|看|关系 and 没有|故意|为难 deny the complaint as 没有吃拿卡要 does, though jieba
    cuts the complaint into several words."""
    assert router.route(text, barn=False).line == line


@pytest.mark.parametrize(
    "text",
    [
        "定级员不公平看关系",
        "送货员不送货故意为难我",
        "客户经理不帮忙故意为难人",
        "送货员不要故意为难我们",
        "请定级员不要看关系定级",
    ],
)
def test_misconduct_after_a_negation_of_another_word_or_a_plea_is_still_heard(
    router: Router, text: str
) -> None:
    # A negation of another word before it (不公平, 不送货) or a plea (不要…) denied the
    # misconduct for a while: the complaint went to the team complained about.
    decision = router.route(text)
    assert decision.line == "conduct", decision.explanation


@pytest.mark.parametrize(
    "text", ["卸烟走后门没关系吧", "卸货走后门有人开门吗", "有人问促销品能白拿吗"]
)
def test_never_mind_or_someone_in_a_question_accuses_nobody(router: Router, text: str) -> None:
    # For a while 没关系 (never mind) held 关系, and 有人 in a question (有人开门吗) read as
    # someone doing it: each went to 作风监督.
    decision = router.route(text)
    assert decision.line != "conduct", decision.explanation


@pytest.mark.parametrize(
    "text", ["收购站天天有人走后门卸烟没人管吗", "收购站托关系走后门插队卸货有人管吗"]
)
def test_connections_or_someone_before_the_back_door_accuse_in_a_question_too(
    router: Router, text: str
) -> None:
    # For a while a question's 吗 cancelled every accusing word in its clause: the complaint
    # went to the station accused.
    decision = router.route(text)
    assert decision.line == "conduct", decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "定级员给熟人定高等级",  # a favour to acquaintances
        "定级员给他亲戚定的等级高",
        "客户经理给熟人多分紧俏烟",
        "配送员说不给两包烟就不送",  # something given as the service's price
        "配送員說不給兩包菸就不送",
        "送货员说不给他两条中华就不卸货",
        "客户经理让我请他吃饭才给货源",  # a meal asked for
        "客戶經理讓我請他吃飯才給貨源",
        "配送的几个人让我请他们吃饭才肯卸货",
    ],
)
def test_favours_and_gifts_asked_by_staff_reach_the_oversight_line(
    router: Router, text: str
) -> None:
    """The team of the person complained about would otherwise read the complainant's name
    and phone, and judge its own member. (What the oversight line takes is filed as a
    complaint whatever its kind hint: handlers.tickets.filed_kind.)"""
    decision = router.route(text, barn=False)
    assert (decision.line, decision.triage) == ("conduct", False), decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("送货员说不给钱就不卸货", "delivery"),  # cash on delivery
        ("配送员不给卸货，我就不签收", "delivery"),  # the writer's own condition
        ("我亲戚的等级是不是定低了", "purchase"),  # the family's own grade
        ("熟人介绍来订烟，怎么开户", "ordering"),
        ("食堂能不能请他们吃饭", "staff"),  # asked, not demanded
    ],
)
def test_acquaintances_meals_and_conditions_of_the_writers_own_stay_with_the_service(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text, barn=False)
    assert decision.line == line, decision.explanation


@pytest.mark.parametrize(
    "text",
    ["定级员收了别人的烟就给高等级", "定級員收了別人的菸就給高等級", "定级员收了钱才给定高等级"],
)
def test_a_better_grade_given_for_something_received_is_a_bribe(router: Router, text: str) -> None:
    decision = router.route(text)
    assert (decision.line, decision.triage) == ("conduct", False), decision.explanation


@pytest.mark.parametrize(
    "text", ["收购站收了我的烟，等级给低了", "收购站收了我的烟就走了，高等级的价格是多少"]
)
def test_the_station_buying_the_writers_leaf_is_no_grade_given_for_it(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert decision.line == "purchase", decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "送货员每次都要我请他抽烟",
        "送貨員每次都要我請他抽菸",
        "专管员吃了饭才走",
        "專管員吃了飯才走",
    ],
)
def test_smokes_or_a_meal_had_at_the_served_s_expense_reach_the_oversight_line(
    router: Router, text: str
) -> None:
    # The 吃 of 吃拿卡要: not the deliverer's team, nor the desk.
    decision = router.route(text, barn=False)
    assert (decision.line, decision.triage) == ("conduct", False), decision.explanation


def test_asking_whether_to_offer_a_deliverer_a_smoke_accuses_nobody(router: Router) -> None:
    decision = router.route("送货员很辛苦，我能不能请他抽烟", barn=False)
    assert decision.line != "conduct", decision.explanation


@pytest.mark.parametrize("text", ["客户经理说话很冲", "客戶經理說話很衝", "专管员语气很凶"])
def test_rough_words_are_a_complaint_about_manner_for_the_oversight_line(
    router: Router, text: str
) -> None:
    # The manner 态度很差 names, which the oversight line hears (not the person's own team).
    decision = router.route(text, barn=False)
    assert (decision.line, decision.triage) == ("conduct", False), decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [("客户经理说话不冲，挺好的", "ordering"), ("客户经理说暴雨把路冲了，货晚点送", "delivery")],
)
def test_words_not_rough_or_a_road_washed_out_are_no_complaint_about_manner(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text, barn=False)
    assert decision.line == line, decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("送货员说不给签字就不卸货", "delivery"),
        ("站长说不给合同就不收烟", "purchase"),
        ("定级员说不给扎把就不收", "purchase"),
        ("客户经理说不给身份证就不给办", "ordering"),
    ],
)
def test_papers_or_work_a_service_requires_are_its_rule_not_a_favour_asked(
    router: Router, text: str, line: str
) -> None:
    # 不给…就不… beside a member of staff is a favour asked only when what is withheld is
    # for that person, not a signature, a contract or the leaf bundled.
    decision = router.route(text, barn=False)
    assert decision.line == line, decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "送货员骂我",
        "送貨員罵我",
        "客户经理吼我",
        "配送员一直玩手机不理人",
        "客户经理爱理不理",
        "客户经理上班时间打麻将",
    ],
)
def test_insults_a_cold_shoulder_or_cards_on_duty_in_everyday_words_reach_the_oversight_line(
    router: Router, text: str
) -> None:
    decision = router.route(text, barn=False)
    assert (decision.line, decision.triage) == ("conduct", False), decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [("送货员没骂我，就是送晚了", "delivery"), ("职工之家能不能组织打麻将比赛", "staff")],
)
def test_an_insult_denied_or_a_card_game_organised_stays_with_the_service(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text, barn=False)
    assert decision.line == line, decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "烟烤糊了，老婆骂我，怎么才能烤好",
        "我儿子吼我说烟苗要打药",
        "下雨天大家都在家打麻将，烟地里的草怎么除",
        "顾客买烟骂我价格高，指导价是多少",
    ],
)
def test_scolding_or_cards_by_family_customers_or_neighbours_is_no_complaint_about_staff(
    router: Router, text: str
) -> None:
    decision = router.route(text, barn=False)
    assert decision.line != "conduct", decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "专卖所检查员张伟收了我200块钱",
        "專賣所檢查員張偉收了我200塊錢",
        "客户经理收了我两百块",
        "客户经理要了我500块",
        "市管员收了我五百元",
        "专卖所的人拿了我的钱",
        "来检查的收了我两百块钱",
        "送货员收了我红包才卸货",
    ],
)
def test_money_taken_from_the_writer_by_an_officer_is_heard_by_the_oversight_line(
    router: Router, text: str
) -> None:
    """Not by the officer's own team (专卖管理 for an inspector of the licence office)."""
    decision = router.route(text)
    assert decision.line == "conduct" and decision.filed_as is Kind.COMPLAINT, decision.explanation


@pytest.mark.parametrize(
    "text",
    [
        "检查员收了我200块钱，也没开发票",
        "专卖所检查员收了我200块钱，没给发票",
        "专卖所的人收了我500块罚款，不开发票",
        "稽查员收了我200块，不开罚单",
        "市管员收了我300块钱，不给收据",
        "專賣所檢查員收了我200塊錢，沒給發票",
        "送货员收了我500块，发票没给",  # the same said the other way round
        "送货员收了我500块，没给发票",
        "稽查员收了我200块罚款，罚单都没开",
        "专卖所检查员收了我200块钱，发票也没开",
    ],
)
def test_money_taken_with_the_receipt_or_ticket_refused_is_heard_by_the_oversight_line(
    router: Router, text: str
) -> None:
    """A refused 发票 or 罚单 is no fine or bill the writer owed: the money was taken all the
    same, and not by the officer's own office to look into."""
    decision = router.route(text)
    assert decision.line == "conduct" and decision.filed_as is Kind.COMPLAINT, decision.explanation


@pytest.mark.parametrize(
    "text", ["专卖所检查员收了我200块钱，说不交就罚款", "稽查员收了我500块，不然就罚款"]
)
def test_money_taken_under_a_threatened_fine_is_heard_by_the_oversight_line(
    router: Router, text: str
) -> None:
    decision = router.route(text)
    assert decision.line == "conduct" and decision.filed_as is Kind.COMPLAINT, decision.explanation


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("收购员收了我的烟，给了300块钱", "purchase"),  # the leaf bought at its price
        ("收购员收了我500斤，给了3000块钱", "purchase"),
        ("客户经理收了我500块货款", "ordering"),  # a shop's payment for its order
        ("我交了钱，客户经理收了我的钱还没给订上", "ordering"),
        ("我拿了两条烟去退，客户经理没给钱", "ordering"),  # the writer's own refund owed
        ("稽查员收了我200块罚款", "monopoly"),  # a fine the licence office wrote
        ("专卖所的检查员收了我1000块罚款，罚款单也开了", "monopoly"),
        ("客户经理收了我200块订货款", "ordering"),  # an order paid for and waited on
        ("客户经理收了我的钱，订的烟什么时候到", "ordering"),
        ("客户经理收了我3000块，烟什么时候送", "ordering"),
        ("收购员收了我200块钱押金", "purchase"),  # a deposit, to be given back
        ("收购员收了我的烟，没给收据", "purchase"),  # a sale's receipt, no money taken
        ("客户经理收了我的订单，多少钱一条", "ordering"),
        ("专卖所检查员什么时候来检查", "monopoly"),
    ],
)
def test_money_paid_or_asked_about_beside_an_officer_stays_with_the_service(
    router: Router, text: str, line: str
) -> None:
    decision = router.route(text)
    assert decision.line == line and decision.filed_as is None, decision.explanation


def test_a_sale_beside_a_complaint_does_not_take_the_complaint_back(router: Router) -> None:
    decision = router.route("收购员收了我的烟还骂我")
    assert decision.line == "conduct", decision.explanation

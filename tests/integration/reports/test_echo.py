"""The echo wall: anonymous posts for closed tickets, opt-outs, and the weekly tally."""

from __future__ import annotations

from datetime import date

from core.config import Config
from core.enums import Action, Kind, Role
from core.model import Membership, User
from reports.echo import outbox_message, post_for, staff_names, weekly_summary
from reports.periods import days
from storage.tables import users
from storage.uow import Database
from tests.integration.reports.dataset import AFTER, History, act, add_users, build, m, rate, window
from tests.support.tickets import FARMER, MEMBER, new_ticket

PRIVATE_TEXT = (
    "我是张德明，电话13812345678，家在大坪村三组，许可证号520102100123，"
    "烤房风机不转了，请王建国师傅快来"
)


async def post(db: Database, cfg: Config, ticket_id: int | None) -> str | None:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        found = await post_for(uow.session, cfg, ticket_id or 0)
    return found.text if found else None


async def test_a_closed_ticket_is_posted_without_anything_personal(
    db: Database, demo_config: Config
) -> None:
    await add_users(db)
    ticket = await new_ticket(db, demo_config, now=m(0), text=PRIVATE_TEXT)
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    note = "王建国到青山镇大坪烤房群更换风机电容，已告知张德明（0851-85551234）"
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(75), note)
    await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(80))
    text = await post(db, demo_config, ticket.id)
    assert text is not None
    for secret in ("张德明", "王建国", "13812345678", "520102100123", "大坪", "85551234",
                   "0851", "三组"):  # fmt: skip
        assert secret not in text, secret
    assert text.splitlines() == [
        "【回音壁】烘烤110 · 青山镇",
        "诉求：我是某某，电话【电话已隐去】，家在某村某组，许可证号【号码已隐去】，"
        "烤房风机不转了，请某某师傅快来",
        "办理：某某到某地更换风机电容，已告知某某（【电话已隐去】）",
        "用时：1小时15分钟",
    ]


async def test_a_closed_complaint_is_posted_without_the_complainants_own_town(
    db: Database, demo_config: Config
) -> None:
    """A complaint's town is the complainant's registration's, not what it is about: on a
    wall the people complained about read, it would point at who complained."""
    await add_users(db)
    complaint = {"kind": Kind.COMPLAINT, "urgent": False, "line": "curing", "site_code": None}
    ticket = await new_ticket(db, demo_config, now=m(0), text="烘烤队师傅态度很差", **complaint)
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(75), "已批评教育")
    await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(80))
    text = await post(db, demo_config, ticket.id)
    assert text is not None and text.splitlines()[0] == "【回音壁】烘烤110"


async def test_an_anonymous_complaint_is_not_posted(db: Database, demo_config: Config) -> None:
    """Its complainant asked not to be known: on a wall the people complained about read,
    its words (which shop, which day, what was said) could point at them all the same."""
    await add_users(db)
    complaint = {"kind": Kind.COMPLAINT, "urgent": False, "line": "curing", "site_code": None}
    ticket = await new_ticket(
        db, demo_config, now=m(0), text="烘烤队师傅态度很差", anonymous=True, **complaint
    )
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(75), "已批评教育")
    await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(80))
    assert await post(db, demo_config, ticket.id) is None


async def test_what_a_team_did_about_a_complaint_against_its_staff_is_not_published(
    db: Database, demo_config: Config
) -> None:
    """Its own team handled it (the oversight line only watching): the penalty, and whom it
    named, are a personnel matter; that it was handled, how fast and how it was rated are
    what the wall is for."""
    await add_users(db)
    complaint = {"kind": Kind.COMPLAINT, "urgent": False, "line": "curing", "site_code": None}
    ticket = await new_ticket(db, demo_config, now=m(0), text="烘烤队师傅态度很差", **complaint)
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    note = "已对队员刘德华批评教育，扣发当月绩效"
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(75), note)
    await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(80))
    await rate(db, ticket, 4, m(80))
    text = await post(db, demo_config, ticket.id)
    assert text is not None and "刘德华" not in text and "绩效" not in text
    assert text.splitlines()[2:] == [
        "办理：已处理（处理结果不公开）",
        "用时：1小时15分钟",
        "评价：基本满意",
    ]


async def test_an_investigated_complaint_is_posted_without_what_was_found_or_its_rating(
    db: Database, demo_config: Config
) -> None:
    """What the oversight team found about the staff complained about, and how the
    complainant rated it, are kept even from the team those staff are on
    (`core.investigated`): the wall, which anyone reads, does not publish them either."""
    await add_users(db)
    complaint = {
        "kind": Kind.COMPLAINT, "urgent": False, "line": "conduct", "team_id": "conduct",
        "area": None, "site_code": None,
    }  # fmt: skip
    ticket = await new_ticket(
        db, demo_config, now=m(0), text="投诉配送员送货总是迟到，态度很差", **complaint
    )
    await act(db, demo_config, ticket, Action.ACCEPT, 200091, m(5))
    found = "经调查属实，已对配送员刘德华通报批评，扣发当月绩效"
    await act(db, demo_config, ticket, Action.RESOLVE, 200091, m(75), found)
    await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(80))
    await rate(db, ticket, 1, m(80))
    text = await post(db, demo_config, ticket.id)
    assert text is not None
    assert "刘德华" not in text and "绩效" not in text and "评价" not in text
    assert text.splitlines() == [
        "【回音壁】作风监督",
        "诉求：投诉配送员送货总是迟到，态度很差",
        "办理：已调查处理（调查结果不公开）",
        "用时：1小时15分钟",
    ]


async def test_opted_out_requesters_and_unfinished_tickets_are_not_posted(
    db: Database, demo_config: Config
) -> None:
    made: History = await build(db, demo_config)
    assert await post(db, demo_config, made.tickets["A"].id) is not None
    for unposted in "CDH":  # open, cancelled, expired without a resolution
        assert await post(db, demo_config, made.tickets[unposted].id) is None
    async with db.uow() as uow:
        assert uow.session is not None
        await uow.session.execute(
            users.update().where(users.c.id == FARMER).values(echo_opt_out=True)
        )
        await uow.commit()
    assert await post(db, demo_config, made.tickets["A"].id) is None
    no_channel = demo_config.model_copy(update={"echo_wall_chat": None})
    assert await post(db, no_channel, made.tickets["G"].id) is None


async def test_a_reopened_ticket_is_timed_from_its_reopening_and_posted_again(
    db: Database, demo_config: Config
) -> None:
    made = await build(db, demo_config)
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        found = await post_for(uow.session, demo_config, made.tickets["E"].id or 0)
    assert found is not None and found.cycle == 1
    assert "用时：1小时" in found.text and "评价：基本满意" in found.text
    message = outbox_message(demo_config, found, AFTER)
    assert message is not None
    assert message.chat_id == demo_config.echo_wall_chat
    assert message.dedup_key == f"echo:{made.tickets['E'].id}:1"
    assert message.payload == {"text": found.text} and message.purpose == "echo"


async def test_weekly_summary_counts_per_line(db: Database, demo_config: Config) -> None:
    await build(db, demo_config)
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        text = await weekly_summary(uow.session, demo_config, window(demo_config), AFTER)
        quiet = days(date(2020, 1, 6), date(2020, 1, 12), demo_config.zone)
        empty = await weekly_summary(uow.session, demo_config, quiet, AFTER)
    assert text.splitlines()[1] == "共办结 6 件：烘烤110 6 件"
    assert "满意率 63%（6 次评价）" in text  # E rated 3, reopened, rated 4: ratings
    assert empty.splitlines()[1] == "这一周没有办结的诉求。"  # posted on Monday: not 本周
    assert "张德明" not in text


async def test_names_are_looked_up_in_the_users_table(db: Database, demo_config: Config) -> None:
    async with db.uow() as uow:
        await uow.users.add(User(555, m(0), name="赵铁柱"))
        await uow.commit()
    ticket = await new_ticket(db, demo_config, now=m(0), text="邻居赵铁柱的烤房也坏了")
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(30), "两家都修好了")
    await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(40))
    text = await post(db, demo_config, ticket.id)
    assert text is not None and "赵铁柱" not in text and "邻居某某的烤房也坏了" in text


async def test_a_retailers_shop_name_is_not_posted(db: Database, demo_config: Config) -> None:
    """A shop's name says whose it is as a person's does: the wall's readers include the
    people who serve it."""
    async with db.uow() as uow:
        await uow.users.add(User(556, m(0), name="王小五", shop_name="福满多超市"))
        await uow.commit()
    retailer = {"requester_id": 556, "chat_id": 556}
    ticket = await new_ticket(
        db, demo_config, now=m(0), text="福满多超市今天送货少了两条", **retailer
    )
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(30), "已给福满多超市补送")
    await act(db, demo_config, ticket, Action.CONFIRM, 556, m(40))
    text = await post(db, demo_config, ticket.id)
    assert text is not None and "福满多" not in text
    assert "诉求：某店今天送货少了两条" in text and "办理：已给某店补送" in text


async def test_a_shop_or_a_name_registered_in_traditional_is_not_posted_written_in_simplified(
    db: Database, demo_config: Config
) -> None:
    """The team writes its note in its own script: a shop registered as 福滿多超市 is still
    the shop of 已给福满多超市补送, and another retailer registered as 趙鐵柱 is named in
    the request as 赵铁柱."""
    async with db.uow() as uow:
        await uow.users.add(User(556, m(0), name="王小五", shop_name="福滿多超市"))
        await uow.users.add(User(557, m(0), name="趙鐵柱", shop_name="鐵柱煙酒行"))
        await uow.commit()
    retailer = {"requester_id": 556, "chat_id": 556}
    ticket = await new_ticket(
        db,
        demo_config,
        now=m(0),
        text="福滿多超市今天送貨少了兩條，赵铁柱的铁柱烟酒行也是",
        **retailer,
    )
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(30), "已给福满多超市补送")
    await act(db, demo_config, ticket, Action.CONFIRM, 556, m(40))
    text = await post(db, demo_config, ticket.id)
    assert text is not None
    for secret in ("福满多", "福滿多", "赵铁柱", "铁柱烟酒行"):
        assert secret not in text, secret
    assert "诉求：某店今天送貨少了兩條，某某的某店也是" in text and "办理：已给某店补送" in text


async def test_a_staff_members_given_name_is_hidden_though_not_on_the_ticket(
    db: Database, demo_config: Config
) -> None:
    """Another team's staff, named by the given name alone, are known people too (before:
    建华来修过一次 as written, when 王建华 neither accepted nor resolved the ticket)."""
    await add_users(db)
    async with db.uow() as uow:
        await uow.users.add(User(558, m(0), name="王建华"))
        await uow.memberships.add(Membership(558, Role.MEMBER, m(0), team_id="curing-baishi"))
        await uow.commit()
    said = "建华来修过一次，还是不行"
    ticket = await new_ticket(db, demo_config, now=m(0), text=said)
    await act(db, demo_config, ticket, Action.ACCEPT, MEMBER, m(5))
    await act(db, demo_config, ticket, Action.RESOLVE, MEMBER, m(30), "已和建华一起修好")
    await act(db, demo_config, ticket, Action.CONFIRM, FARMER, m(40))
    text = await post(db, demo_config, ticket.id)
    assert text is not None
    assert "诉求：某某来修过一次，还是不行" in text and "办理：已和某某一起修好" in text
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        staff = await staff_names(uow.session)
        loaded = await post_for(uow.session, demo_config, ticket.id or 0, staff=staff)
    assert "王建华" in staff and loaded is not None and loaded.text == text

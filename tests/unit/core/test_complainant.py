"""Who a complaint's card names as its requester: the oversight team and the triage desk
read a named complainant; any other team reads that 作风监督 keeps the details; nobody
reads an anonymous one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from core.complainant import (
    hides_own_details,
    kept_from,
    said_later_hidden,
    shown_requester,
    shown_words,
    staff_note_hider_of,
    team_keeps,
    withheld,
    withheld_of,
    words_shown_of,
)
from core.config import Config
from core.enums import Kind, Priority, Requester
from core.model import Ticket, User
from core.team_card import card_text

AT = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)
LICENCE = "520102100123"


def _ticket(
    cfg: Config, team: str, kind: Kind = Kind.COMPLAINT, *, anonymous: bool = False
) -> Ticket:
    return Ticket(
        kind=kind,
        priority=Priority.NORMAL,
        text="配送员小王送货总是迟到",
        requester_id=100002,
        requester_chat_id=100002,
        line=cfg.team(team).line,
        team_id=team,
        created_at=AT,
        anonymous=anonymous,
        id=1,
        number="10019",
    )


def _retailer() -> User:
    return User(
        100002,
        AT,
        name="王小五",
        phone="+8613800000002",
        kind=Requester.RETAILER,
        shop_name="老王烟酒店",
        licence_number=LICENCE,
    )


def _shown(lines: list[str]) -> str:
    return "\n".join(lines)


@pytest.mark.parametrize("team", ["delivery", "ordering", "monopoly"])
def test_a_complaint_with_another_team_names_who_keeps_the_complainant(
    demo_config: Config, team: str
) -> None:
    ticket = _ticket(demo_config, team)
    shown = _shown(shown_requester(demo_config, ticket, _retailer()))
    assert "投诉人信息由纪检作风监督室保管" in shown and "需补充" in shown
    for secret in ("王小五", "13800000002", "老王烟酒店", LICENCE):
        assert secret not in shown
        assert secret not in card_text(demo_config, ticket, _retailer())
    assert kept_from(demo_config, ticket) == "纪检作风监督室"


@pytest.mark.parametrize("team", ["conduct", "triage"])
def test_the_oversight_team_and_the_desk_read_a_named_complainant_the_others_do_not(
    demo_config: Config, team: str
) -> None:
    """Who may read is by the reader, not by who has the ticket: a copy the team complained
    about got earlier stays unnamed while the desk or 作风监督 has the complaint."""
    assert team_keeps(demo_config, team) and not team_keeps(demo_config, "delivery")
    ticket = _ticket(demo_config, team)
    shown = _shown(shown_requester(demo_config, ticket, _retailer(), keeper=True))
    assert "王小五" in shown and "+8613800000002" in shown and LICENCE in shown
    elsewhere = _shown(shown_requester(demo_config, ticket, _retailer()))
    assert "王小五" not in elsewhere and "投诉人信息由纪检作风监督室保管" in elsewhere


def test_a_keeper_reading_another_teams_complaint_reads_the_complainant(
    demo_config: Config,
) -> None:
    ticket = _ticket(demo_config, "delivery")
    shown = _shown(shown_requester(demo_config, ticket, _retailer(), keeper=True))
    assert "王小五" in shown and "+8613800000002" in shown


def test_a_request_shows_its_requester_to_its_team(demo_config: Config) -> None:
    ticket = _ticket(demo_config, "delivery", Kind.REQUEST)
    assert withheld(demo_config, ticket) is None
    assert "+8613800000002" in _shown(shown_requester(demo_config, ticket, _retailer()))


@pytest.mark.parametrize("team", ["conduct", "delivery"])
@pytest.mark.parametrize("keeper", [False, True])
def test_an_anonymous_complainant_is_named_to_nobody(
    demo_config: Config, team: str, keeper: bool
) -> None:
    ticket = _ticket(demo_config, team, anonymous=True)
    shown = _shown(shown_requester(demo_config, ticket, _retailer(), keeper=keeper))
    assert shown.startswith("报告人：匿名")
    for secret in ("王小五", "13800000002", "老王烟酒店", LICENCE):
        assert secret not in shown
    assert withheld(demo_config, ticket, keeper=keeper) == "匿名"


@pytest.mark.parametrize(
    ("kind", "anonymous", "keeper", "oversight", "hidden"),
    [
        (Kind.COMPLAINT, False, False, True, True),  # named, read by the team complained about
        (Kind.COMPLAINT, False, True, True, False),  # named, read by a keeper
        (Kind.COMPLAINT, True, False, True, True),
        (Kind.COMPLAINT, True, True, True, False),  # anonymous, read whole by a keeper
        (Kind.COMPLAINT, False, False, False, False),  # no oversight line keeps them
        (Kind.COMPLAINT, True, False, False, True),
        (Kind.REQUEST, False, False, True, False),
    ],
)
def test_a_complainants_own_details_are_hidden_in_the_words_where_they_are_withheld(
    demo_config: Config, kind: Kind, anonymous: bool, keeper: bool, oversight: bool, hidden: bool
) -> None:
    """The words follow the 报告人 line: where it withholds who complained from a reader
    outside the keepers, their details typed in the words are hidden too."""
    cfg = demo_config
    if not oversight:
        lines = [line.model_copy(update={"oversight": False}) for line in cfg.service_lines]
        cfg = cfg.model_copy(update={"service_lines": lines})
    hides = hides_own_details(cfg, kind, anonymous=anonymous, keeper=keeper)
    assert hides is hidden
    assert hides is (not keeper and withheld_of(cfg, kind, anonymous=anonymous) is not None)


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("我叫王五，配送员小王送货总是迟到", "我叫某某，配送员小王送货总是迟到"),
        ("我是王五，配送员小王送货总是迟到", "我是某某，配送员小王送货总是迟到"),
        ("本人王五投诉配送员小王", "本人某某投诉配送员小王"),
        ("我是王五投诉配送员小王", "我是某某投诉配送员小王"),
    ],
)
def test_a_name_the_complainant_gives_themselves_is_hidden_from_the_team(
    demo_config: Config, said: str, instead: str
) -> None:
    """Registered as 王小五, they write 王五: the team complained about reads neither
    (before: 我叫王五 was shown), in the complaint and in what they say later; whom it is
    about (配送员小王) stays, and the keepers read it whole."""
    ticket = replace(_ticket(demo_config, "delivery"), text=said)
    assert shown_words(demo_config, ticket, _retailer()) == instead
    later = said_later_hidden(demo_config, ticket, _retailer())
    assert later is not None and later(said) == instead
    assert shown_words(demo_config, ticket, _retailer(), keeper=True) == said


@pytest.mark.parametrize(
    "said",
    [
        "我是曾经投诉过的，配送员小王送货总是迟到",
        "我是邵阳人，我是李家村的，我是周末来的",
        "我是来投诉的，我叫了车，我是个体户",
        "我是农民，我是烟农，我是零售户",
    ],
)
def test_what_a_complainant_says_they_are_stays(demo_config: Config, said: str) -> None:
    ticket = replace(_ticket(demo_config, "delivery"), text=said)
    assert shown_words(demo_config, ticket, _retailer()) == said


@pytest.mark.parametrize(
    "said",
    [
        "那个配送员名字叫刘强，态度很差",
        "我叫唐师傅来看看，他没来",
        "我叫师傅来修一下，没人来",
        "我叫车来拉，我叫刘强来拉，都没来",
        "我叫刘强来，他没来",
        "我是顾客，你们服务太差",
    ],
)
def test_whom_the_complaint_is_about_stays_beside_what_the_complainant_says(
    demo_config: Config, said: str
) -> None:
    """名字叫 after someone else names them, 我叫 may be whom one called (我叫师傅来修),
    and 我是顾客 says what one is: the team reads whom it is about (before: 名字叫某某,
    我叫某某来看看, 我是某某)."""
    ticket = replace(_ticket(demo_config, "delivery"), text=said)
    assert shown_words(demo_config, ticket, _retailer()) == said


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("我叫刘强，配送员小王送货总是迟到", "我叫某某，配送员小王送货总是迟到"),
        ("我叫王强来投诉配送员小王", "我叫某某来投诉配送员小王"),
        ("我的名字叫刘强，配送员小王迟到", "我的名字叫某某，配送员小王迟到"),
        ("本人名字叫刘强投诉配送员小王", "本人名字叫某某投诉配送员小王"),
    ],
)
def test_a_name_the_complainant_calls_themselves_is_still_hidden(
    demo_config: Config, said: str, instead: str
) -> None:
    """我叫 a name standing alone, or with the surname they registered (王小五), and 我的名字叫
    whatever follows it, name the complainant."""
    ticket = replace(_ticket(demo_config, "delivery"), text=said)
    assert shown_words(demo_config, ticket, _retailer()) == instead


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("姓名：刘强，配送员小王送货总是迟到", "姓名：某某，配送员小王送货总是迟到"),
        ("联系人：王五 配送员小王迟到", "联系人：某某 配送员小王迟到"),
        ("投诉人：王五，被投诉人：配送员小王", "投诉人：某某，被投诉人：配送员小王"),
        ("举报人刘强举报配送员小王", "举报人某某举报配送员小王"),
        ("我姓王，叫王五，配送员小王迟到", "我姓某，叫某某，配送员小王迟到"),
        ("本人姓刘，名叫刘强", "本人姓某，名叫某某"),
    ],
)
def test_a_name_after_a_label_or_a_surname_said_is_hidden_from_the_team(
    demo_config: Config, said: str, instead: str
) -> None:
    """姓名, 联系人, 投诉人 and 举报人 in a complaint say its writer's name, whoever's surname
    it has, and so does 叫 after 我姓王 (before: all were shown to the team complained
    about)."""
    ticket = replace(_ticket(demo_config, "delivery"), text=said)
    assert shown_words(demo_config, ticket, _retailer()) == instead


@pytest.mark.parametrize(
    ("said", "instead"),
    [
        ("姓名：刘德明，配送员小王送货总是迟到", "姓名：某某，配送员小王送货总是迟到"),
        ("联系人：张建明", "联系人：某某"),
        ("我姓刘，叫刘德明，配送员小王迟到", "我姓某，叫某某，配送员小王迟到"),
        ("我叫王五明天来投诉配送员小王", "我叫某某明天来投诉配送员小王"),
        ("我叫刘德明。配送员小王迟到", "我叫某某。配送员小王迟到"),
    ],
)
def test_a_given_name_ending_in_what_may_follow_a_name_is_hidden_whole(
    demo_config: Config, said: str, instead: str
) -> None:
    """明 or 来 may begin what follows a name (王五明天来), but one the text or its clause
    ends with ends the name (刘德明，): the team reads none of it (before: 某某明)."""
    ticket = replace(_ticket(demo_config, "delivery"), text=said)
    assert shown_words(demo_config, ticket, _retailer()) == instead


@pytest.mark.parametrize(
    "said",
    ["被投诉人：刘强，配送员", "被举报人刘强收红包", "联系人都不在，投诉人员态度差"],
)
def test_whom_a_label_says_was_complained_about_stays(demo_config: Config, said: str) -> None:
    ticket = replace(_ticket(demo_config, "delivery"), text=said)
    assert shown_words(demo_config, ticket, _retailer()) == said


def test_a_number_the_complainant_gave_in_their_words_is_hidden_in_a_staff_note_too(
    demo_config: Config,
) -> None:
    # Before, a 回访 note repeating the phone the complainant wrote in the complaint (not the
    # one registered) showed it to the team the complaint's words hid it from.
    words = "我叫王五，电话13912345678，定级员吃拿卡要"
    shown = words_shown_of(
        demo_config, Kind.COMPLAINT, words, anonymous=True, keeper=False, own=(None, None)
    )
    hide = _anonymous_complaints_note_hider(demo_config, (None, None, None, None), words)
    note = hide("已拨打139 1234 5678回访，本人表示满意；配送站电话0871-65551234")
    assert "13912345678" not in shown
    assert "1234 5678" not in note and "【电话已隐去】回访" in note, note
    assert "0871-65551234" in note  # the team's own number stays


def test_a_day_or_a_local_number_read_apart_in_the_complaint_stays_in_a_staff_note(
    demo_config: Config,
) -> None:
    # Before, 20261118 in the complaint hid 2026-11-18 in the note, and the local part of a
    # landline written there was hidden on its own wherever else it stood.
    hide = _anonymous_complaints_note_hider(
        demo_config,
        (None, None, None, None),
        "20261118那天送货员少送两条还骂人，我打0871-65551234没人接",
    )
    note = hide("已于2026-11-18回访；值班电话65551234")
    assert note == "已于2026-11-18回访；值班电话65551234", note


def test_a_staff_note_calling_the_complainant_by_a_form_of_address_hides_it(
    demo_config: Config,
) -> None:
    # Before, a 回访 note naming the anonymous complainant 王老板 or their shop 老王店 showed
    # them to the team complained about; 小王, whom the complaint is about, stays.
    hide = _anonymous_complaints_note_hider(
        demo_config, ("王五", "老王烟酒店", None, None), "投诉配送员小王送货总是迟到"
    )
    note = hide("已回访王老板，老王店的货已补送；小王已道歉")
    assert note == "已回访某某，某店的货已补送；小王已道歉", note


def test_the_complainant_naming_themselves_in_the_complaint_leaves_their_forms_hidden(
    demo_config: Config,
) -> None:
    # The team reads 我是某店的 and 我是某某; before, the raw words' 老王 and 小五 counted as
    # whom the complaint is about, and a note's 老王店, 老王 and 小五 were shown.
    shop_named = _anonymous_complaints_note_hider(
        demo_config, ("王五", "老王烟酒店", None, None), "我是老王烟酒店的，配送员送货总是迟到"
    )
    assert (
        shop_named("已回访王老板，老王店的货已补送，老王满意")
        == "已回访某某，某店的货已补送，某某满意"
    )
    self_named = _anonymous_complaints_note_hider(
        demo_config, ("王小五", None, None, None), "我是王小五，配送员送货总是迟到"
    )
    assert self_named("已回访小五，表示满意") == "已回访某某，表示满意"


def _anonymous_complaints_note_hider(
    cfg: Config, own: tuple[str | None, str | None, str | None, str | None], given: str
) -> Callable[[str], str]:
    """What hides an anonymous complainant `own` in staff notes from the team complained
    about, for a complaint in the words `given`."""
    hide = staff_note_hider_of(
        cfg, Kind.COMPLAINT, anonymous=True, keeper=False, own=own, given=given
    )
    assert hide is not None
    return hide

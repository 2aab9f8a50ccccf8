"""Turning what a requester told us into a dispatched ticket."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from core.config import Site
from core.enums import Kind, Requester, Role, Status
from core.model import Attachment, Ticket
from core.services import Draft, no_longer_urgent, note_event, open_ticket
from handlers import notify
from handlers.context import Ctx
from handlers.places import barn_site, barn_town_named, barn_town_placed, pin_place
from routing import Decision, bare, normalize, to_simplified

NEWS_FOR_A_CALL = timedelta(hours=12)  # a message this soon after a 110 call is news for it

# The line of staff appeals, whose ledger is the wish list (心愿清单).
STAFF_LINE = "staff"


@dataclass(frozen=True)
class Continues:
    """The earlier ticket a new request continues: its number, service line and team."""

    number: str
    line: str
    team: str

    @classmethod
    def of(cls, ticket: Ticket) -> Continues:
        return cls(ticket.label, ticket.line, ticket.team_id)

    @classmethod
    def from_data(cls, data: object) -> Continues | None:
        if not isinstance(data, list) or len(data) != 3:
            return None
        number, line, team = (str(part) for part in data)
        return cls(number, line, team)

    def to_data(self) -> list[str]:
        return [self.number, self.line, self.team]


@dataclass
class Gathered:
    """What a conversation collected before the ticket exists."""

    kind: Kind
    text: str
    photos: list[str] = field(default_factory=list)
    voices: list[str] = field(default_factory=list)
    site_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    calm: bool = False  # the requester said it is no emergency: not urgent, whatever its words
    # The earlier ticket whose trouble the words say is back (`trouble_again`): its number,
    # line and team, where the words go when they name no service themselves.
    continues: Continues | None = None

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Gathered:
        """Read back what `to_data` stored in the conversation (JSON in the database)."""
        lat, lon = data.get("lat"), data.get("lon")
        return cls(
            kind=Kind(str(data.get("kind", Kind.REQUEST))),
            text=str(data.get("text", "")),
            photos=[str(p) for p in data.get("photos") or []],
            voices=[str(v) for v in data.get("voices") or []],
            site_code=str(data["site_code"]) if data.get("site_code") else None,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            calm=bool(data.get("calm")),
            continues=Continues.from_data(data.get("continues")),
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "text": self.text,
            "photos": self.photos,
            "voices": self.voices,
            "site_code": self.site_code,
            "lat": self.lat,
            "lon": self.lon,
            "calm": self.calm,
            "continues": self.continues.to_data() if self.continues is not None else None,
        }

    @property
    def extras(self) -> int:
        return len(self.photos) + len(self.voices) + (1 if self.lat is not None else 0)


def requester_area(ctx: Ctx, site_code: str | None) -> str | None:
    site = ctx.cfg.site(site_code) if site_code else None
    return site.area if site else ctx.user.area


def routed(ctx: Ctx, text: str | None = None) -> Decision | None:
    """Where the typed words (or `text`, a part of them) would go; None without words, or
    with more than the limit."""
    text = (ctx.msg.text if text is None else text).strip()
    if not text or ctx.msg.is_button or len(text) > ctx.cfg.limits.max_text:
        return None
    return ctx.svc.router.route(
        text,
        area=ctx.user.area,
        site=ctx.user.site_code,
        barn=may_have_barn(ctx),
        requester=ctx.user.kind,
    )


# Words that open or close a conversation rather than ask for anything; a message made of
# them alone ("好的，谢谢", "谢谢你们", "嗯嗯") is a greeting.
_GREETING = re.compile(
    r"(?:你好|您好|在吗|在不在|有人吗|hello|hi|谢谢(?:你们|你|您)?|多谢|感谢|辛苦了|麻烦了"
    r"|好的|好滴|好|嗯|哦|噢|ok|okay|收到|知道了|明白了|明白|了解了|了解|师傅)+"
)


def is_greeting(text: str) -> bool:
    """A greeting or a thank-you alone, in either script (谢谢, 謝謝), however repeated."""
    plain = to_simplified(bare(text)).lower()
    return bool(plain) and _GREETING.fullmatch(plain) is not None


def says_something(text: str) -> bool:
    """Words that are more than a greeting, a thank-you, emoji or bare digits."""
    plain = bare(text)
    return bool(plain) and not is_greeting(plain) and not plain.isdigit()


_QUESTION = re.compile(r"[？?]|吗|什么|怎么|请问|如何|为什么|哪里|多少|能不能|几时")


def is_question(text: str) -> bool:
    """Words that ask something (in either script): a matter of their own, not an answer."""
    return _QUESTION.search(to_simplified(text)) is not None


def another_question(ctx: Ctx, decision: Decision | None, text: str, ticket: Ticket) -> bool:
    """Words that ask about another service than `ticket`'s, plainly routed there
    ("另外问一下，许可证延续要带什么材料？"): a matter of their own, not an answer or a comment
    about `ticket`. A complaint or a suggestion is taken as being about the ticket's. A
    ticket at the triage desk has no service yet: naming one is what its answer is for."""
    if decision is None or decision.triage or decision.kind is not None:
        return False
    triage = ctx.cfg.triage_line()
    if triage is not None and ticket.line == triage.id:
        return False
    return decision.line != ticket.line and is_question(text)


# Chasing a call that is on its way: somebody, not something, has not come ("怎么还没人来",
# "师傅还没到", "人呢", "师傅呢", "你们多久能到", "你们啥时候来", "师傅到底来不来", "再不来……",
# "快派人"), or a ticket nobody has taken up
# yet ("怎么还没人接单", "怎么还没处理", "你们什么时候处理"), or not come again or still
# (`_NOT_COME`). Money or goods not arrived ("结算款还没到", "化肥还没到", "结算款还没处理")
# are not about the team, nor 没人管 or 没人处理 without 还, said of staff complained about
# ("去了三次都没人管"). And only when the words say little else: a long message that also
# chases is about more than the call.
_CHASING = re.compile(
    r"没(有)?人(来|到|接单)|(人|师傅)呢|再不来|快(点)?(派人|来|过来)"
    r"|还(没|不)(有)?人?接单|还(没|不)(有)?人处理|(怎么|为什么|咋)还(没|不)(有)?处理"
    r"|(师傅|人|你们|队员|服务队)(?P<said_of>[^，。,.!！?？]{0,4})"
    r"(还没|还不|怎么还|什么时候|啥时候?|多久|几点)(能|才|可以)?(有)?(来|到|过来|赶到|接单|处理)(?!账)"
    r"|(师傅|人|你们|队员|服务队)(?P<what_of>[^，。,.!！?？]{0,4})(到底|还)来不来"
)
_CHASING_REST = 16  # characters besides the chasing words, at most
# Not come, again or still (又没来, 还是没来, 怎么还不来), chases unless what did not come is
# named before it in its clause as something or someone other than the team: money (卖烟的钱
# 又没来, 烟款又没来, 补贴还没来), goods (货又没来, 化肥都三天了还没来), a message (短信又没来) or
# someone else (客户又没来, 老板还没来, 他儿子还没来). Whoever else is named chases (他们怎么还没来,
# 配送员还没来, 烟技员还没来), and so do words of when or why (说好上午来的还没来, 等半天了还不来,
# 下雨了还没来). What follows may say something else did not come or happen: 又没来电,
# 又没来得及, 又没来上班, 还是没来道歉, 又没来开会.
_NOT_COME = re.compile(r"(?:又|还是|还)(?:没有?|不)来(?![电得上道开参])")
_WHEN_OR_HOW = (  # 都三天了, 怎么, 今天, 到现在: when or how, between who and not come
    r"(?:(?:都|等了|已经)[^,]{0,6}了)?"
    r"(?:怎么|咋|为什么|为啥|今天|昨天|到现在|现在|这次|这回|一直|都|也|是|了|啊|呀)*"
)
# The subject ends the words before: 送货的 is the deliveryman and 来送货 the team's errand,
# 他们 the team; 老板 or 货 alone are not. 他 or 她 alone, said by someone whose ticket a team
# has, is the one sent (他还没来, 她怎么还不来) unless someone else is named before it
# (`_HE_OR_SHE`), while his money or kin named after it (他的钱还没来, 他儿子还没来) are not.
# A shop's goods (货, 烟) not come are what a delivery or an order chases (`is_chasing`'s
# `goods`), not what a 110 team brings.
_OWED = (  # money or goods, not a team: 你们的补贴, 化肥
    r"钱|款|补贴|补助|奖金|资金|工资|运费|结算|发票|合同"
    r"|化肥|肥料|农药|种子|快递|包裹|煤|电|短信|验证码|消息|通知"
)
_THINGS = rf"{_OWED}|单"
_PEOPLE = (
    r"客户|顾客|老板|老公|老婆|丈夫|媳妇|儿子|女儿|孩子|爸|妈|爷爷|奶奶"
    r"|哥哥|姐姐|弟弟|妹妹|邻居|朋友|亲戚"
)
_OTHERS = rf"{_THINGS}|{_PEOPLE}"
_NOT_THE_TEAM = re.compile(rf"(?:{_OTHERS}|(?<!送)货|烟){_WHEN_OR_HOW}$")
_NOT_THE_GOODS_TEAM = re.compile(rf"(?:{_OTHERS}){_WHEN_OR_HOW}$")
# 他 or 她 is the team unless it stands for someone just named: directly before it (老板他
# 还没来, 我儿子他还没来), or gone off on an errand at the start of the words before it, in its
# clause or the one it continues (我老公去拉煤了，他还没来). Someone named otherwise is no
# antecedent: a curse (妈的，他怎么还没来), the one waiting (我爸在烤房等着呢，他怎么还没来,
# 孩子都冻坏了), the one who says so (老板说他还没来).
_HE_OR_SHE = re.compile(rf"[他她]{_WHEN_OR_HOW}$")
_NAMED_JUST_BEFORE = re.compile(rf"(?:{_PEOPLE})$")
_GONE_OFF = re.compile(
    rf"(?:我|我们|我家|俺|俺家|咱家)?的?(?:{_PEOPLE})"
    r"(?:刚|刚刚|已经|一早|早上|上午|下午|今天|又|也)*"
    r"(?:去|出去|出门|走了|跑|回|赶集|上街|下地|开车|骑车|拉|送|接|买|卖|干活|上班)"
)
_BUT = frozenset(("", "可", "可是", "但", "但是"))  # 他 opening its clause: it continues one
_CLAUSES = re.compile(r"[\W_]+")  # punctuation or spaces between clauses
# Between 你们 (or 师傅) and the chasing words, what is said to come may be theirs and not
# the team: 你们的化肥还来不来, 你们的补贴啥时候到 are the bureau's fertiliser and money.
_THEIRS = re.compile(rf"(?:{_OWED}|{_PEOPLE}){_WHEN_OR_HOW}$")


def _not_come(text: str, *, goods: bool) -> str | None:
    """The words of `_NOT_COME` not said of something or someone other than the team, or
    None."""
    said = _CLAUSES.sub(",", normalize(text))
    others = _NOT_THE_GOODS_TEAM if goods else _NOT_THE_TEAM
    for found in _NOT_COME.finditer(said):
        before = said[: found.start()].rsplit(",", 1)[-1]
        if others.search(before):
            continue
        he = _HE_OR_SHE.search(said[: found.start()])
        if he is not None and _stands_for_someone_named(said[: he.start()]):
            continue
        return found.group()
    return None


def _stands_for_someone_named(before: str) -> bool:
    """Whether 他 after `before` (clauses split by commas) stands for someone named there
    (`_NAMED_JUST_BEFORE`, `_GONE_OFF`), not the team."""
    *earlier, clause = before.split(",")
    if _NAMED_JUST_BEFORE.search(clause):
        return True
    if clause in _BUT:
        clause = next((c for c in reversed(earlier) if c), "")
    return _GONE_OFF.match(clause) is not None


def _of_another(found: re.Match[str]) -> bool:
    """Chasing words said of what is the team's subject's own (`_THEIRS`), not the team."""
    said_of = found["said_of"] or found["what_of"] or ""
    return _THEIRS.search(said_of) is not None


def is_chasing(text: str, *, goods: bool = False) -> bool:
    """Words that chase a team already called, and say little else; `goods`: the team is
    a shop's goods line (ordering, delivery), whose goods not come (货还没来) chase it."""
    plain = bare(to_simplified(text))
    found = next((f for f in _CHASING.finditer(plain) if not _of_another(f)), None)
    said = found.group() if found is not None else _not_come(text, goods=goods)
    return said is not None and len(plain) - len(said) <= _CHASING_REST


def typed_alarm(ctx: Ctx) -> bool:
    """Typed words that raise a 110 alarm."""
    decision = routed(ctx)
    return decision is not None and decision.emergency


# Kinds the person files about how they were served: their 停电 or 110 is what went wrong
# (a call nobody answered, a night spent waiting), not a barn failing now. Only a danger to
# people in their words (着火, 触电) makes one urgent (`Router.route`'s `alarm`).
ABOUT_THE_SERVICE = (Kind.COMPLAINT, Kind.SUGGESTION)


def decide(ctx: Ctx, gathered: Gathered) -> Decision:
    """Where the gathered words go, read as what they are filed as (`filed_kind`): a
    request filed as a complaint or a suggestion (words about staff sent to 作风监督, a
    complaint's own words after /new) is read as the same words chosen with /complain
    are, so its 暴雨 is what went wrong, not a danger that makes it urgent."""
    decision = _read(ctx, gathered, alarm=gathered.kind not in ABOUT_THE_SERVICE)
    if gathered.kind is Kind.REQUEST and filed_kind(ctx, gathered, decision) in ABOUT_THE_SERVICE:
        # Reading it so drops only emergency and disaster words: no 110 call was made of
        # it (else it would be filed as a request), so its line and kind stay the same.
        return _read(ctx, gathered, alarm=False)
    return decision


def _read(ctx: Ctx, gathered: Gathered, *, alarm: bool) -> Decision:
    site, area = filed_place(ctx, gathered)
    return ctx.svc.router.route(
        gathered.text,
        area=area,
        site=site,
        barn=may_have_barn(ctx),
        alarm=alarm,
        requester=ctx.user.kind,
    )


def said_of_the_service(ctx: Ctx, text: str) -> Kind | None:
    """The complaint or suggestion typed words make when read as no alarm, the kind
    `decide` files them as; None when they are neither."""
    decision = routed_as_no_alarm(ctx, text)
    return decision.kind if decision.kind in ABOUT_THE_SERVICE else None


def routed_as_no_alarm(ctx: Ctx, text: str) -> Decision:
    """The router's reading of typed words as no alarm (their 停电 a matter of the past)."""
    return ctx.svc.router.route(
        text,
        area=ctx.user.area,
        site=ctx.user.site_code,
        barn=may_have_barn(ctx),
        alarm=False,
        requester=ctx.user.kind,
    )


def may_have_barn(ctx: Ctx) -> bool:
    """A farmer, or someone who has not said who they are (`User.may_have_barn`)."""
    return ctx.user.may_have_barn


def filed_kind(ctx: Ctx, gathered: Gathered, decision: Decision) -> Kind:
    """The kind to file: the person's choice, except for a request (/new, 求助办事). One
    whose words are a complaint or a suggestion is filed as one, as the same words typed
    without /new are, and one routed to the oversight line is a complaint (the router's
    `Decision.filed_as`, which its explanation names too); a staff member's request to the
    staff line is a wish (希望单位组织一次体检), so that it is on the wish list (心愿清单) and
    crossed off there."""
    if gathered.kind is not Kind.REQUEST:
        return gathered.kind
    # Words about staff without a complaint's own (送货员上班时间打牌) still go where only
    # complaints are heard: filed as one, with 匿名 offered and the complainant kept from
    # the team of whom they complain.
    filed = decision.filed_as
    if filed is not None:
        return filed
    if ctx.user.kind is Requester.STAFF and decision.line == STAFF_LINE and not decision.triage:
        return Kind.WISH
    return Kind.REQUEST


async def filed_anew(ctx: Ctx, ticket: Ticket) -> None:
    """A request sent on by hand (the triage desk's 转派, a supervisor's 改派) is what it
    would have been filed as had the router sent it there at once (`filed_kind`): a staff
    member's on the staff line a wish, anyone's on the oversight line a complaint."""
    await _onto_the_wish_list(ctx, ticket)
    await _onto_the_complaints(ctx, ticket)


async def _onto_the_wish_list(ctx: Ctx, ticket: Ticket) -> None:
    """A staff member's request sent on to the staff line by hand is a wish: it goes on the
    wish list (心愿清单) and is crossed off there. The change is on record."""
    if ticket.kind is not Kind.REQUEST or ticket.line != STAFF_LINE:
        return
    requester = await ctx.uow.users.get(ticket.requester_id)
    if requester is None or requester.kind is not Requester.STAFF:
        return
    await _refiled(ctx, ticket, Kind.WISH, "wish_list")


async def _onto_the_complaints(ctx: Ctx, ticket: Ticket) -> None:
    """A request sent on to the oversight line by hand ("你们的人服务太差了", read at the
    triage desk) is a complaint: the teams it goes on to read who keeps its complainant, not
    who they are, and it is as urgent as a complaint's words are (`decide`). The changes are
    on record."""
    oversight = ctx.cfg.oversight_line()
    if ticket.kind is not Kind.REQUEST or oversight is None or ticket.line != oversight.id:
        return
    await _refiled(ctx, ticket, Kind.COMPLAINT, "complaint")
    if ticket.urgent and not await _urgent_as_a_complaint(ctx, ticket):
        await no_longer_urgent(ctx.uow, ctx.cfg, ticket, now=ctx.now)


async def _urgent_as_a_complaint(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether the ticket's words are urgent read as a complaint's are (`decide`): for a
    danger to people in them (着火, 触电), not for a disaster (暴雨) they say went wrong."""
    requester = await ctx.uow.users.get(ticket.requester_id)
    decision = ctx.svc.router.route(
        ticket.original_text or ticket.text,
        area=ticket.area,
        site=ticket.site_code,
        barn=requester is None or requester.may_have_barn,
        alarm=False,
        requester=None if requester is None else requester.kind,
    )
    return decision.urgent


async def _refiled(ctx: Ctx, ticket: Ticket, kind: Kind, action: str) -> None:
    ticket.kind = kind
    await note_event(
        ctx.uow,
        ticket,
        action,
        actor_id=None,
        role=Role.SYSTEM,
        now=ctx.now,
        data={"from_kind": Kind.REQUEST.value},
    )


@dataclass(frozen=True, slots=True)
class Routed:
    """Where a ticket goes, and why, in the words the team card and the summary show."""

    line: str
    team: str
    urgent: bool
    why: str


def line_and_team(ctx: Ctx, gathered: Gathered, decision: Decision) -> Routed:
    """Service line, team, urgency and the reason: the kind can overrule the router."""
    cfg = ctx.cfg
    area = filed_place(ctx, gathered)[1]
    if gathered.kind is Kind.EMERGENCY:
        line = cfg.emergency_line()
        if line is not None:
            # Words that raised the alarm explain it; else the farmer called 110 themselves.
            why = decision.explanation if decision.emergency else f"{line.name} — 求助人报警"
            return Routed(line.id, cfg.team_for(line.id, area).id, True, why)
    if gathered.kind is Kind.WISH:
        return Routed(STAFF_LINE, cfg.team_for(STAFF_LINE, area).id, False, "职工心愿")
    if not gathered.text.strip() and gathered.voices:
        # Voice only: nothing to route on. The site says which team; else triage.
        triage = cfg.triage_line()
        assert triage is not None
        why = f"{triage.name} — 语音留言，需听后分派"
        return Routed(triage.id, cfg.default_team(triage.id).id, decision.urgent, why)
    earlier = continued_by(ctx, gathered, decision)
    if earlier is not None:
        # 还是不行，又没来 names no service: it is the earlier ticket's trouble back, for the
        # team that had it, not a stranger's request for the triage desk to read.
        why = f"{cfg.line(earlier.line).name} — 工单 {earlier.number} 的问题又出现了"
        return Routed(earlier.line, earlier.team, decision.urgent, why)
    why = decision.explanation or cfg.line(decision.line).name
    return Routed(decision.line, decision.team, decision.urgent, why)


def continued_by(ctx: Ctx, gathered: Gathered, decision: Decision) -> Continues | None:
    """The earlier ticket whose trouble `gathered` says is back, when its words name no
    service of their own (the router leaves them to the triage desk) and its line and team
    are still in the config; None otherwise."""
    earlier = gathered.continues
    if earlier is None or not decision.triage or decision.overseer_named:
        return None
    if gathered.kind is not Kind.REQUEST or decision.kind in ABOUT_THE_SERVICE:
        return None  # a complaint goes where complaints go, never to the team it may be about
    lines = {line.id for line in ctx.cfg.service_lines}
    if earlier.line not in lines or ctx.cfg.find_team(earlier.team) is None:
        return None
    return earlier


async def over_rate_limit(ctx: Ctx) -> int | None:
    """How many tickets the user filed in the last hour, when that is too many."""
    count = await ctx.uow.tickets.count_since(ctx.user.id, ctx.now - timedelta(hours=1))
    return count if count >= ctx.cfg.limits.tickets_per_hour else None


def filed_place(ctx: Ctx, gathered: Gathered) -> tuple[str | None, str | None]:
    """The site and area a ticket is filed at: the site gathered, else the requester's
    own. A 110 call's site is a barn cluster or none: a purchase station or a shop district
    (a QR code scanned there) would send the team to the station, while the call asks for
    the barn; and a pin shared with the call, at a barn cluster or none, says where it is
    before the barn they registered (a farmer with barns in two places), unless it is far
    from every barn and tells no town (`pin_place`): the barn they registered is then the
    best guess, the pin beside it on the card."""
    if gathered.kind is not Kind.EMERGENCY:
        site = gathered.site_code or ctx.user.site_code
        return site, requester_area(ctx, site)
    barn = barn_site(ctx, gathered.site_code)
    if barn is None and gathered.lat is not None and gathered.lon is not None:
        at, town = pin_place(ctx, gathered.lat, gathered.lon)
        if town is not None:
            return at, town
    barn = barn or own_barn_for_call(ctx, gathered.text)
    if barn is not None:
        return barn.code, barn.area
    # 龙潭镇烤房停电了: the town the words put the barn in, before the one they registered,
    # as a barn named is (`alarm_intake.after_what`). One only mentioned (刚从龙潭镇回来)
    # leaves the town registered; without one, any town named is a better guess than the
    # 110 line's default team.
    registered = requester_area(ctx, gathered.site_code or ctx.user.site_code)
    town = barn_town_placed(ctx, gathered.text)
    if town is None and registered is None:
        town = barn_town_named(ctx, gathered.text)
    return None, town or registered


def own_barn_for_call(ctx: Ctx, text: str) -> Site | None:
    """The barn cluster the requester registered, where their 110 call is, unless its words
    put the barn in another town (我在龙潭镇的烤房, a relative's barn there): the call goes
    to that town's team, and which barn it is there is asked. A town only mentioned
    (刚从龙潭镇回来, 龙潭镇的亲戚说) keeps the barn registered."""
    own = barn_site(ctx, ctx.user.site_code)
    town = barn_town_placed(ctx, text) if own is not None else None
    return own if own is not None and town in (None, own.area) else None


async def submit(
    ctx: Ctx,
    gathered: Gathered,
    *,
    part: tuple[int, int] | None = None,
    draft_id: str = "",
    anonymous: bool = False,
) -> Ticket:
    """File what was gathered; `part` is (n, of) for the n-th item of a wish list filed
    item by item, which the card's 分派依据 names so that the team sees the others;
    `draft_id` is the conversation's draft it comes from (`intake.summary_pressed`);
    `anonymous`: a complaint its complainant asked to file as 匿名."""
    decision = decide(ctx, gathered)
    routed = line_and_team(ctx, gathered, decision)
    if part is not None:
        routed = replace(routed, why=f"{routed.why}（心愿清单第 {part[0]}/{part[1]} 项）")
    site, area = filed_place(ctx, gathered)
    text = gathered.text.strip() or (
        "[语音]" if gathered.voices else "[照片]" if gathered.photos else "[未说明]"
    )
    filed = filed_kind(ctx, gathered, decision)
    draft = Draft(
        kind=filed,
        text=text,
        original_text=decision.original or text,
        requester_id=ctx.user.id,
        chat_id=ctx.msg.chat_id,
        line=routed.line,
        team_id=routed.team,
        urgent=routed.urgent and not gathered.calm,
        script=ctx.script,
        area=area,
        site_code=site,
        lat=gathered.lat,
        lon=gathered.lon,
        route_explanation=routed.why,
        route_confidence=decision.confidence,
        route_candidates=tuple(c[0] for c in decision.candidates),
        draft_id=draft_id,
        anonymous=anonymous and filed is Kind.COMPLAINT,
        about_overseers=bool(decision.overseer_named) and filed is Kind.COMPLAINT,
    )
    ticket = await open_ticket(ctx.uow, ctx.cfg, draft, ctx.now)
    assert ticket.id is not None
    for kind, files in (("photo", gathered.photos), ("voice", gathered.voices)):
        for file_id in files:
            await attach(ctx, ticket, kind, file_id)
    await notify.post_card(ctx, ticket)
    return ticket


async def attach(ctx: Ctx, ticket: Ticket, kind: str, file_id: str, caption: str = "") -> None:
    """Keep a photo or voice note sent for `ticket`: by its requester, or by a member with
    the team's question, result or transfer note."""
    assert ticket.id is not None
    await ctx.uow.attachments.add(
        Attachment(
            ticket_id=ticket.id,
            kind=kind,
            added_at=ctx.now,
            added_by=ctx.user.id,
            file_id=file_id,
            caption=caption,
        )
    )


async def open_emergency(ctx: Ctx) -> Ticket | None:
    """The person's 110 call active in the last hours while the team still works on it (not
    yet resolved); one untouched for longer is not what a new message is about. Active: made,
    dispatched again (reopened, transferred), accepted or visited within NEWS_FOR_A_CALL;
    reminders and news do not count, or an old call would stay current for ever."""
    since = ctx.now - NEWS_FOR_A_CALL
    for ticket in await ctx.uow.tickets.of_requester(ctx.user.id, limit=3):
        moves = (ticket.dispatched_at, ticket.accepted_at, ticket.on_site_at)
        last_move = max([ticket.created_at, *(at for at in moves if at is not None)])
        if ticket.kind is Kind.EMERGENCY and last_move >= since:
            open_now = ticket.status.is_open and ticket.status is not Status.RESOLVED
            return ticket if open_now else None
    return None

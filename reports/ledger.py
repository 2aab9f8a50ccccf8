"""The ledger (台账): one row per ticket submitted in a period, read in one SQL query.

The writers (xlsx, csv) live in reports/ledger_files.py; this module only gathers rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import RowMapping, Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from core.complainant import staff_note_hider_of, withheld_of, words_shown_of
from core.config import Config
from core.enums import Kind, Requester, Status, WishOutcome
from core.texts import CLOSED_UNANSWERED, KIND_NAMES, WISH_OUTCOME_NAMES, named, phone_marked
from core.wish_lists import DRAFT, list_places
from reports import sqlexpr as x
from reports.labels import closing_status, rating_name, status_name
from reports.masking import mask_phone
from reports.periods import Window
from reports.rates import RatesReport, compute
from storage.tables import ticket_events, tickets, users

t = tickets.c
e = ticket_events.c


class TheirWords(str):
    """Someone's own words in a column that otherwise holds ours: they stay as written for
    a reader of either script."""


@dataclass(frozen=True, slots=True)
class LedgerRow:
    number: str
    kind: Kind
    submitted_at: datetime  # local time of the bureau, aware
    requester: str
    phone: str  # masked
    shop_name: str  # a retailer's; empty for anyone else, or not given
    licence_number: str
    area: str
    site: str
    content: str
    line: str
    team: str
    accepted_by: str
    accepted_at: datetime | None
    resolved_at: datetime | None
    resolution: str
    outcome: WishOutcome | None  # a wish's, as the team resolved it
    closed_at: datetime | None
    overdue: bool
    status: Status
    rating: int | None
    rating_comment: str
    callback_due_at: datetime | None  # local, as the others
    callback_at: datetime | None
    callback_note: str
    callback_overdue: bool  # owed, not recorded, and past due when the ledger was made
    list_place: tuple[int, int] | None = None  # a wish's (n, of) on its wish list

    @property
    def list_item(self) -> str:
        """清单项: 第2/3项 for item 2 of a wish list of three, as its card's 分派依据 says
        it; nothing for a wish filed on its own."""
        return "" if self.list_place is None else f"第{self.list_place[0]}/{self.list_place[1]}项"

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    @property
    def closing(self) -> str:
        return closing_status(self.status, self.resolved_at is not None)

    @property
    def status_name(self) -> str:
        return status_name(self.status, self.resolved_at is not None)

    @property
    def rating_name(self) -> str:
        return rating_name(self.rating)

    @property
    def callback(self) -> str:
        """回访: when it was made and what the requester said then; 待回访 while it is owed
        and not yet due, 超期未回访 once past due; nothing when none is owed."""
        if self.callback_at is not None:
            return TheirWords(f"{self.callback_at:%Y-%m-%d %H:%M} {self.callback_note}".strip())
        if self.callback_due_at is None:
            return ""
        return "超期未回访" if self.callback_overdue else "待回访"

    @property
    def crossed_off_at(self) -> datetime | None:
        """When it was crossed off (销号): closed after a resolution. One closed because the
        requester never answered was closed, never crossed off."""
        return self.closed_at if self.resolved_at is not None else None

    @property
    def wish_done(self) -> bool:
        """A wish counts as done once it is closed (销号) after being resolved."""
        return self.status is Status.CLOSED and self.resolved_at is not None

    @property
    def wish_outcome(self) -> str:
        """是否实现: once crossed off, what the team said (已实现, 部分实现, 无法实现, the
        reason in 办理情况); until then 未实现. A withdrawn wish is neither, as it is not
        counted in the progress; one closed because the employee never answered the team
        is 未补充关闭: counted as not done, but no longer waiting to be crossed off."""
        if self.status is Status.CANCELLED:
            return "—"
        if self.status is Status.CLOSED and self.resolved_at is None:
            return CLOSED_UNANSWERED
        if not self.wish_done:
            return "未实现"
        return WISH_OUTCOME_NAMES[self.outcome or WishOutcome.GRANTED]


@dataclass(frozen=True, slots=True)
class Ledger:
    window: Window
    as_of: datetime  # in the bureau's time zone
    bureau: str
    rows: list[LedgerRow]
    rates: RatesReport

    @property
    def nil_return(self) -> bool:
        """Nothing at all happened in the period (零报告): no ticket submitted, and none
        closed, cancelled, accepted, resolved, rated or due in it. A period without new
        tickets whose 汇总 still counts the older ones it closed or missed is not one."""
        return not self.rows and not self.rates.total.active

    @property
    def withdrawn_only(self) -> int:
        """How many older tickets were withdrawn (撤回) in a period where nothing else
        happened: its 汇总 does not count them and shows nothing, so a reply must not send
        the reader there for them. 0 when anything else happened, or nothing at all."""
        total = self.rates.total
        return 0 if self.rows or total.counted else total.cancelled

    @property
    def running(self) -> bool:
        """The period was not over when the ledger was made: what it shows is so far, and
        an empty one is no nil return yet (tickets may still come in)."""
        return self.as_of < self.window.end

    @property
    def wishes(self) -> list[LedgerRow]:
        return [row for row in self.rows if row.kind is Kind.WISH]

    @property
    def wish_progress(self) -> tuple[int, int]:
        """(done, total) of the period's wishes; withdrawn wishes are not on the list."""
        listed = [row for row in self.wishes if row.status is not Status.CANCELLED]
        return sum(row.wish_done for row in listed), len(listed)

    @property
    def wish_tally(self) -> dict[str, int]:
        """How many of the listed wishes were crossed off as each outcome (已实现, 部分实现,
        无法实现), and how many are not yet (尚未销号): the progress counts a wish answered
        "cannot be granted" as crossed off, never as granted."""
        listed = [row.wish_outcome for row in self.wishes if row.status is not Status.CANCELLED]
        tally = {name: listed.count(name) for name in WISH_OUTCOME_NAMES.values()}
        tally["尚未销号"] = listed.count("未实现")
        if unanswered := listed.count(CLOSED_UNANSWERED):
            tally[CLOSED_UNANSWERED] = unanswered  # never to be crossed off: not 尚未销号
        return tally

    @property
    def wish_outcomes(self) -> str:
        """`wish_tally` as the wish list's 实现情况 line says it."""
        return "，".join(f"{name} {count} 项" for name, count in self.wish_tally.items())


async def load(
    session: AsyncSession, cfg: Config, window: Window, now: datetime, *, keeper: bool = True
) -> Ledger:
    """The period's tickets (by submission time) with the rates per team for the summary;
    `keeper`: for a place that may read a named complainant (`core.complainant`), not a
    team's group a supervisor posts it in."""
    requester = aliased(users)
    acceptor = aliased(users)
    query = (
        select(
            tickets,
            requester.c.name.label("requester_name"),
            requester.c.phone.label("requester_phone"),
            requester.c.phone_typed.label("requester_phone_typed"),
            requester.c.kind.label("requester_kind"),
            requester.c.shop_name.label("requester_shop"),
            requester.c.licence_number.label("requester_licence"),
            requester.c.address.label("requester_address"),
            acceptor.c.name.label("acceptor_name"),
            acceptor.c.phone.label("acceptor_phone"),
            t.id.in_(_late(window, now)).label("is_overdue"),
        )
        .select_from(tickets)
        .outerjoin(requester, requester.c.id == t.requester_id)
        .outerjoin(acceptor, acceptor.c.id == t.accepted_by)
        .where(x.within(t.created_at, window.start, window.end), t.created_at <= now)
        .order_by(t.created_at, t.id)
    )
    result = await session.execute(query)
    mapped = list(result.mappings())
    places = await _list_places(session, [r["id"] for r in mapped if r["kind"] is Kind.WISH])
    rows = [_row(cfg, r, now, keeper=keeper, place=places.get(r["id"])) for r in mapped]
    rates = await compute(session, cfg, window, now, "team", include_empty=True)
    return Ledger(window, now.astimezone(cfg.zone), cfg.bureau, rows, rates)


async def _list_places(session: AsyncSession, wish_ids: list[int]) -> dict[int, tuple[int, int]]:
    """The wishes' (n, of) on the lists they were filed in, counting every item of each
    list, in the period or not."""
    if not wish_ids:
        return {}
    draft = e.data[DRAFT].as_string()
    drafts_of_wishes = select(draft).where(
        e.action == "create", e.ticket_id.in_(wish_ids), draft.is_not(None)
    )
    query = (
        select(e.ticket_id, t.requester_id, draft.label("draft"))
        .join(tickets, t.id == e.ticket_id)
        .where(e.action == "create", draft.in_(drafts_of_wishes))
    )
    filed = await session.execute(query)
    # A draft's id is one person's own: another's filed the same millisecond is another list.
    return list_places({row.ticket_id: (row.requester_id, row.draft) for row in filed})


def _late(window: Window, now: datetime) -> Select[tuple[int]]:
    """The tickets filed in the window with a cycle, current or past, that missed a
    deadline as of `now`: a reopening or a transfer does not clear the 超时 mark."""
    c = x.cycles(filed_in=(window.start, window.end)).c
    return select(c.ticket_id).where(x.overdue(c, now))


def _row(
    cfg: Config,
    r: RowMapping,
    now: datetime,
    *,
    keeper: bool = True,
    place: tuple[int, int] | None = None,
) -> LedgerRow:
    get = r.__getitem__
    zone = cfg.zone

    def local(value: datetime | None) -> datetime | None:
        return value.astimezone(zone) if value is not None else None

    area = cfg.area(get("area")) if get("area") else None
    site = cfg.site(get("site_code")) if get("site_code") else None
    team = cfg.find_team(get("team_id"))
    line = next((ln.name for ln in cfg.service_lines if ln.id == get("line")), get("line"))
    accepted_by = get("accepted_by")
    # An anonymous complainant is 匿名 to the supervisors too, with no phone, shop or place;
    # a named one is to a team's group (`core.complainant.withheld`).
    instead = withheld_of(cfg, get("kind"), anonymous=bool(get("anonymous")), keeper=keeper)

    def shown(words: str) -> str:
        # A withheld complainant's own details in their words, as the cards show them.
        return words_shown_of(
            cfg,
            get("kind"),
            words,
            anonymous=bool(get("anonymous")),
            keeper=keeper,
            own=(get("requester_name"), get("requester_shop")),
            address=get("requester_address"),
        )

    # A staff note may name the complainant, but its writer and the team's numbers stay.
    hide_in_note = staff_note_hider_of(
        cfg,
        get("kind"),
        anonymous=bool(get("anonymous")),
        keeper=keeper,
        own=(
            get("requester_name"),
            get("requester_shop"),
            get("requester_phone"),
            get("requester_licence"),
        ),
        given=get("text"),
        address=get("requester_address"),
    )

    def staff_shown(note: str) -> str:
        return note if hide_in_note is None else hide_in_note(note)

    # A number typed, not shared, marked as on the card: it may be mistyped.
    typed = bool(get("requester_phone_typed"))
    phone = phone_marked(mask_phone(get("requester_phone") or ""), typed)
    retailer = get("requester_kind") is Requester.RETAILER and instead is None
    return LedgerRow(
        number=get("number") or str(get("id")),
        kind=get("kind"),
        submitted_at=get("created_at").astimezone(zone),
        requester=instead
        or _person(get("requester_name") or "", get("requester_phone") or "", get("requester_id")),
        phone="" if instead else phone,
        shop_name=(retailer and get("requester_shop")) or "",
        licence_number=(retailer and get("requester_licence")) or "",
        # Their town and barn are their registration's (`core.team_card.place`).
        area="" if instead else area.name if area else (get("area") or ""),
        site="" if instead else site.name if site else (get("site_code") or ""),
        content=shown(get("text")),
        line=line,
        team=team.name if team else get("team_id"),
        accepted_by=_person(get("acceptor_name") or "", get("acceptor_phone") or "", accepted_by),
        accepted_at=local(get("accepted_at")),
        resolved_at=local(get("resolved_at")),
        resolution=staff_shown(get("resolution_note") or ""),
        outcome=get("wish_outcome"),
        closed_at=local(get("closed_at")),
        overdue=bool(get("is_overdue")),
        status=get("status"),
        rating=get("rating"),
        rating_comment=shown(get("rating_comment") or ""),
        callback_due_at=local(get("callback_due_at")),
        callback_at=local(get("callback_at")),
        callback_note=staff_shown(get("callback_note") or ""),
        callback_overdue=_callback_overdue(get("callback_due_at"), get("callback_at"), now),
        list_place=place,
    )


def _person(name: str, phone: str, user_id: int | None) -> str:
    """诉求人 or 接单人: their name as they wrote it; without one, our stand-in (尾号1234,
    用户#200011), in the reader's script as our words are; empty for nobody."""
    return TheirWords(name) if name.strip() else named(name, phone, user_id)


def _callback_overdue(due: datetime | None, made: datetime | None, now: datetime) -> bool:
    return due is not None and made is None and due <= now

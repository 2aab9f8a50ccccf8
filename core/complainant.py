"""Who a ticket's card names as its requester, and to whom (Simplified, for staff).

A complaint may be about the very team that reads it: 作风监督 transfers it to the team of
the person complained about, or its domain words route it there ("投诉配送员小王，送货总是
迟到" to 物流配送中心). So a complaint's name, phone, shop and licence number stay with the
oversight team (and the supervisors' triage desk); any other team reads that they are kept
there and reaches the complainant through the bot (需补充), which relays both ways. A
complainant who chose 匿名 is named to nobody: not to the oversight team, a leader, an
alert or the ledger. Wherever a complainant's details are withheld from a reader (匿名, or
kept by the oversight team from a team outside it), their own details typed in their words
and in what they say later (their phone, licence number, WeChat, name, shop or address) are hidden
too (`hides_own_details`): a card saying who keeps the details would otherwise show them
just above. The keeper teams and the supervisors read the words whole.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from core.config import Config
from core.enums import Kind, Requester
from core.investigated import investigated, investigated_card, reads_it_whole, team_places
from core.model import ChatPlace, Ticket, User
from core.own_details import complainant_named_hidden, numbers_given, own_details_hidden
from core.ports import UnitOfWork
from core.ranks import supervisors
from core.texts import phone_marked
from core.written import as_written

ANONYMOUS = "匿名"
RELAY = "如需了解情况，请点「需补充」由服务台转达"


async def keeper_places(uow: UnitOfWork, cfg: Config, ticket: Ticket) -> set[ChatPlace]:
    """Where copies of `ticket`'s card may name a complainant the other teams may not read,
    or read a complainant's words whole (`shown_words`): the keeper teams' chats
    and their people's own chats (`keeper_teams`), and the supervisors' and admins' own
    chats. None for a ticket that withholds nothing (no complaint, or a named one in a
    bureau with no oversight line)."""
    if kept_from(cfg, ticket) is None and not ticket.anonymous:
        return set()
    places: set[ChatPlace] = set()
    for team_id in keeper_teams(cfg):
        places |= await team_places(uow, cfg, team_id)
    above = {*await supervisors(uow, cfg), *cfg.admins}
    return places | {ChatPlace(uid) for uid in above}


def withheld(cfg: Config, ticket: Ticket, *, keeper: bool = False) -> str | None:
    """What stands for the requester where their details may not be read: 匿名, or who
    keeps them; None where they may (`keeper`: a reader on a keeper team, or a
    supervisor, whichever team has the ticket)."""
    return withheld_of(cfg, ticket.kind, anonymous=ticket.anonymous, keeper=keeper)


def withheld_of(cfg: Config, kind: Kind, *, anonymous: bool, keeper: bool = False) -> str | None:
    """`withheld` for a ticket of `kind`, read without the ticket (a ledger's row)."""
    if anonymous:
        return ANONYMOUS
    keeping = kept_for(cfg, kind)
    return None if keeping is None or keeper else f"投诉人信息由{keeping}保管"


def hides_own_details(cfg: Config, kind: Kind, *, anonymous: bool, keeper: bool) -> bool:
    """Whether a reader reads a ticket of `kind` without its requester's own details in
    their words: wherever `withheld_of` withholds the requester from a reader outside the
    keepers (`keeper`: as `withheld`). Keepers read the words whole, an anonymous
    complainant's too: whom they do not know, the words must tell them what happened."""
    return not keeper and withheld_of(cfg, kind, anonymous=anonymous) is not None


def shown_words(
    cfg: Config, ticket: Ticket, requester: User | None, *, keeper: bool = False
) -> str:
    """The ticket's words as a reader may see them (`keeper`: as `withheld`). A complaint's
    words may say who filed it ("我的许可证号520102100123，微信zhangwei1234"): where the
    reader may not read its complainant's details (`hides_own_details`), their phone,
    licence and other long numbers, accounts, and their name, shop and address as
    registered are hidden (`core.own_details`); whom it is about stays, for the team to look
    into."""
    name, shop, _, _ = registered(requester)
    return words_shown_of(
        cfg,
        ticket.kind,
        ticket.text,
        anonymous=ticket.anonymous,
        keeper=keeper,
        own=(name, shop),
        address=address_of(requester),
    )


def said_later_hidden(
    cfg: Config, ticket: Ticket, requester: User | None, *, keeper: bool = False
) -> Callable[[str], str] | None:
    """What hides a complainant's details in what they said after filing (补充, answers, a
    comment) from a reader who may not read them, as `shown_words` hides them in the
    complaint's words; None where nothing is hidden."""
    if not hides_own_details(cfg, ticket.kind, anonymous=ticket.anonymous, keeper=keeper):
        return None
    name, shop, _, _ = registered(requester)
    address = address_of(requester)
    return lambda said: own_details_hidden(said, names=(name,), shops=(shop,), addresses=(address,))


def staff_notes_hidden(
    cfg: Config, ticket: Ticket, requester: User | None, *, keeper: bool = False
) -> Callable[[str], str] | None:
    """What hides a complainant in the staff's notes on their ticket (a question put to
    them, a 办结 or 回访 note) from a reader who may not read them, where
    `said_later_hidden` hides their details in their own words; None where nothing is
    hidden. Only who the complainant is, as registered: a note's writer naming
    themselves (我是配送员张强) and the team's numbers (its service phone, an order's)
    are the team's word to the reader (`core.own_details.complainant_named_hidden`)."""
    return staff_note_hider_of(
        cfg,
        ticket.kind,
        anonymous=ticket.anonymous,
        keeper=keeper,
        own=registered(requester),
        given=ticket.text,
        address=address_of(requester),
    )


@dataclass(frozen=True)
class NotesHidden:
    """What hides a withheld complainant's details in the notes on their ticket, by who
    wrote them: `theirs` in their own (补充, answers, a rating's comment), `staff` in a
    team's or a leader's (a question, a 办结 or 回访 note)."""

    theirs: Callable[[str], str]
    staff: Callable[[str], str]


def notes_hidden_from(
    cfg: Config, ticket: Ticket, requester: User | None, *, keeper: bool = False
) -> NotesHidden | None:
    """`said_later_hidden` and `staff_notes_hidden` together; None where nothing is hidden."""
    theirs = said_later_hidden(cfg, ticket, requester, keeper=keeper)
    staff = staff_notes_hidden(cfg, ticket, requester, keeper=keeper)
    return None if theirs is None or staff is None else NotesHidden(theirs, staff)


Registered = tuple[str | None, str | None, str | None, str | None]


def registered(requester: User | None) -> Registered:
    """The requester's name, shop, phone and licence number as registered."""
    if requester is None:
        return (None, None, None, None)
    return (requester.name, requester.shop_name, requester.phone, requester.licence_number)


def address_of(requester: User | None) -> str | None:
    """The requester's address as registered (城区人民路12号): the door to their shop or
    home, theirs as their name is."""
    return requester.address if requester is not None else None


def staff_note_hider_of(
    cfg: Config,
    kind: Kind,
    *,
    anonymous: bool,
    keeper: bool,
    own: Registered,
    given: str = "",
    address: str | None = None,
) -> Callable[[str], str] | None:
    """What hides the requester `own` (and their registered `address`) in staff notes on a
    ticket of `kind` (a ledger's row reads several), or None where nothing is hidden; the
    numbers of `given`, the ticket's words (我叫王五，电话13912345678), are theirs too
    where a note repeats them. Read once, for every note it is given."""
    if not hides_own_details(cfg, kind, anonymous=anonymous, keeper=keeper):
        return None
    name, shop, phone, licence = own
    numbers = (phone, licence, *numbers_given(given))
    # The complaint's words as the reader reads them: what they still name (配送员小王) is
    # whom it is about, not the complainant they hide (我是老王烟酒店的 → 我是某店的).
    shown = own_details_hidden(given, names=(name,), shops=(shop,), addresses=(address,))
    return lambda note: complainant_named_hidden(
        note, (name,), (shop,), numbers, shown, addresses=(address,)
    )


def words_shown_of(
    cfg: Config,
    kind: Kind,
    text: str,
    *,
    anonymous: bool,
    keeper: bool,
    own: tuple[str | None, str | None],
    address: str | None = None,
) -> str:
    """`shown_words` of a ticket's `text`, read without the ticket (a ledger's row); `own`,
    its requester's name and shop as registered, `address` their address."""
    if not hides_own_details(cfg, kind, anonymous=anonymous, keeper=keeper):
        return text
    return own_details_hidden(text, names=(own[0],), shops=(own[1],), addresses=(address,))


def keeper_teams(cfg: Config) -> set[str]:
    """The teams that may read a (named) complainant's details: the oversight line's and
    the triage desk's, both outside the teams complained about."""
    lines = [cfg.oversight_line(), cfg.triage_line()]
    return {cfg.default_team(line.id).id for line in lines if line is not None}


def team_keeps(cfg: Config, team_id: str) -> bool:
    """Whether `team_id`'s people may read a named complainant's details."""
    return team_id in keeper_teams(cfg)


def kept_from(cfg: Config, ticket: Ticket) -> str | None:
    """The team that keeps a complainant's details from the other teams: the oversight
    team, for every complaint, whichever team has it now (a copy a team got earlier is
    edited as the ticket moves on, to the triage desk and back, say). None for a ticket
    that is no complaint."""
    return kept_for(cfg, ticket.kind)


def kept_for(cfg: Config, kind: Kind) -> str | None:
    """`kept_from` for a ticket of `kind`."""
    line = cfg.oversight_line()
    if kind is not Kind.COMPLAINT or line is None:
        return None
    return cfg.default_team(line.id).name


def shown_requester(
    cfg: Config, ticket: Ticket, requester: User | None, *, keeper: bool = False
) -> list[str]:
    """The requester's lines on the ticket's card (`keeper`: as `withheld`)."""
    instead = withheld(cfg, ticket, keeper=keeper)
    if instead == ANONYMOUS:
        return [f"报告人：{ANONYMOUS}（投诉人要求匿名，{RELAY}）"]
    if instead is not None:
        return [f"报告人：{instead}（{RELAY}）"]
    return requester_lines(requester)


def requester_lines(requester: User | None) -> list[str]:
    """Who asked and how to reach them; for a retailer, also the shop the delivery, ordering
    and licence teams serve: its name and licence number, or that they were not given (the
    retailer can add them later)."""
    who = as_written(requester.name) if requester and requester.name else "未登记"
    phone = (
        phone_marked(requester.phone, requester.phone_typed)
        if requester and requester.phone
        else "未提供"
    )
    lines = [f"报告人：{who}　电话：{phone}"]
    if requester is not None and requester.kind is Requester.RETAILER:
        shop = as_written(requester.shop_name) if requester.shop_name else "未提供"
        lines.append(f"店铺：{shop}　许可证号：{requester.licence_number or '未提供'}")
    if requester is not None and requester.address:
        # The door to find, typed at registration (城关镇人民路12号): the town alone does
        # not tell a delivery or a technician where to go.
        lines.append(f"地址：{as_written(requester.address)}")
    return lines


async def card_shown_at(
    uow: UnitOfWork, cfg: Config, ticket: Ticket, card: str, named: str | None = None
) -> Callable[[ChatPlace], str]:
    """What a copy of `ticket` (a card, an alert) at a place may read: `named`, the text
    naming its complainant, where they may be read (`keeper_places`), `card` elsewhere;
    and an investigated complaint's copies outside the places that read it whole, what it
    was about only (`core.investigated`)."""
    keepers = await keeper_places(uow, cfg, ticket) if named is not None else set()
    whole = await reads_it_whole(uow, cfg, ticket) if investigated(cfg, ticket) else None
    outside = ""
    if whole is not None:
        hidden = withheld(cfg, ticket) is not None
        requester = await uow.users.get(ticket.requester_id) if hidden else None
        outside = investigated_card(cfg, ticket, shown_words(cfg, ticket, requester))

    def at(place: ChatPlace) -> str:
        if whole is not None and place not in whole:
            return outside
        return named if named is not None and place in keepers else card

    return at

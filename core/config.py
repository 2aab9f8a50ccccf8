"""The bureau's configuration: teams, service lines, sites, SLA policies, escalation ladders.

`parse_config` validates a YAML text and reports every error with its path in the file,
e.g. ``teams[3].sla: unknown policy 'fast'``. Reading the file is the caller's job.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from core.config_checks import WEIGHTED_SIGNALS, cross_references
from core.config_yaml import ConfigError as ConfigError
from core.config_yaml import merged_mapping
from core.durations import parse_duration, parse_positive_duration
from core.enums import Requester
from core.word_groups import members, unknown_groups

Duration = Annotated[timedelta, BeforeValidator(parse_duration)]
# A zero deadline would put every ticket overdue at birth, and a zero `repeat_every` makes
# the ladder's next step fall at the same moment forever: the sweep would never finish.
PositiveDuration = Annotated[timedelta, BeforeValidator(parse_positive_duration)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _parse_clock(value: object) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # A whole hour (start: 8), as "8" quoted is read: 08:00, not 8 minutes past
        # midnight. 22:30 comes as the text written (`core.yaml_text`), not a number.
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"not a time of day: {value!r}")
    hours, _, minutes = value.strip().partition(":")
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        # Python's own words (int()'s "invalid literal", "hour must be in 0..23") would
        # not tell an admin what to write.
        raise ValueError(f'not a time of day: {value!r} (write it as "08:30")') from None


Clock = Annotated[time, BeforeValidator(_parse_clock)]


class Span(_Model):
    """A span of the day; may wrap past midnight (quiet hours 22:00 to 07:00)."""

    start: Clock
    end: Clock


class Period(Span):
    """A working period within one day."""

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: time, info: Any) -> time:
        start = info.data.get("start")
        if start is not None and end <= start:
            raise ValueError("end must be after start")
        return end


def _clock_span(span: Span) -> str:
    return f"{span.start:%H:%M}-{span.end:%H:%M}"


class KeywordTable(_Model):
    """Words and phrases that point to a service line, with weights."""

    words: dict[str, float] = Field(default_factory=dict)
    synonyms: dict[str, list[str]] = Field(
        default_factory=dict, description="canonical word -> variants that count as it"
    )
    negative: dict[str, float] = Field(
        default_factory=dict, description="words that argue against this line"
    )

    @field_validator("words", "negative")
    @classmethod
    def _weights_above_zero(cls, weights: dict[str, float]) -> dict[str, float]:
        # A word counts for its line by its weight, and a negative word against it by its
        # own; a weight of 0 or below would quietly do nothing, or the opposite of its table.
        wrong = [f"{word}: {weight:g}" for word, weight in weights.items() if not weight > 0]
        if wrong:
            raise ValueError(
                f"weights must be above 0 ({', '.join(wrong)}); a word that argues against "
                "the line goes under negative:, with a weight above 0"
            )
        return weights


class ServiceLine(_Model):
    id: str
    name: str
    sla: str
    off_season_sla: str | None = Field(
        None,
        description="the policy of its non-urgent tickets filed outside the curing season "
        "(a 24-hour curing line's routine questions in winter wait for working hours)",
    )
    default_team: str | None = None
    description: str = ""
    triage: bool = Field(False, description="the line for manual dispatch by a supervisor")
    emergency: bool = Field(False, description="the 110 line: curing emergencies go here")
    oversight: bool = Field(
        False,
        description="hears complaints about any line's staff (作风监督): a request with "
        "routing.oversight_min of its words comes here even when the staff's own line "
        "scores higher, so that no team investigates a complaint about itself",
    )
    goods: bool = Field(
        False,
        description="a shop's goods are ordered or delivered on this line (订货, 配送): words "
        "saying they came short (差了两条, 还差, 没送齐, 不够), typed beside its ticket "
        "awaiting the requester's verdict, are asked about as that ticket not solved",
    )
    own_words: list[str] = Field(
        default_factory=list,
        description="on the oversight line only: words that name its own team (纪检, 监督室); "
        "a complaint naming them, or the name of one of its teams, goes to the triage desk, "
        "as no team investigates a complaint about itself",
    )


class Team(_Model):
    id: str
    name: str
    line: str
    areas: list[str] = Field(default_factory=list)
    chat_id: int | None = None
    leaders: list[int] = Field(default_factory=list)
    members: list[int] = Field(default_factory=list)
    # The team keeps a duty roster (/duty): its on-duty members are paged for urgent tickets.
    # A team without one (a business-hours office) pages its leaders.
    duty_roster: bool = False


class Area(_Model):
    id: str
    name: str
    # Other names people call the town by (城关镇 for 城区): typed, they name it too.
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        """Every name the town is called by: its name, then its `aliases`. Words are read
        for a town by all of them, or an alias would name it in one place and not another."""
        return (self.name, *self.aliases)


class Site(_Model):
    code: str = Field(pattern=r"^[A-Za-z0-9_-]{1,48}$")
    name: str
    area: str
    kind: Literal["curing_cluster", "retail_district", "station", "office"] = "curing_cluster"
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class SlaPolicy(_Model):
    id: str
    accept_within: PositiveDuration
    resolve_within: PositiveDuration
    calendar: Literal["24x7", "business"] = "business"
    ladder: str


LadderAction = Literal["remind_team", "alert_leader", "alert_supervisors"]


class LadderStep(_Model):
    after: Duration
    action: LadderAction


class Ladder(_Model):
    id: str
    steps: list[LadderStep] = Field(min_length=1)
    repeat_every: PositiveDuration

    @field_validator("steps")
    @classmethod
    def _ascending(cls, steps: list[LadderStep]) -> list[LadderStep]:
        afters = [s.after for s in steps]
        if afters != sorted(afters):
            raise ValueError("steps must be in ascending order of 'after'")
        return steps


class AutoClose(_Model):
    waiting_remind_after: Duration = timedelta(hours=24)
    waiting_close_after: Duration = timedelta(days=3)
    resolved_remind_after: Duration = timedelta(hours=24)
    resolved_close_after: Duration = timedelta(days=3)
    # A 110 call whose team waits for the farmer's answer: the barn cannot wait a day.
    urgent_waiting_remind_after: Duration = timedelta(minutes=30)
    # A requester who rated the service 3 or less is called back (回访) within this, on the
    # ticket's calendar: one working day of the default business hours.
    callback_within: PositiveDuration = timedelta(hours=7)

    def waiting_remind_for(self, urgent: bool) -> timedelta:
        return self.urgent_waiting_remind_after if urgent else self.waiting_remind_after


def _days(value: object) -> frozenset[date]:
    """Dates, or ranges 'YYYY-MM-DD..YYYY-MM-DD' (both ends included), as a set of days."""
    if value is None:
        return frozenset()
    if not isinstance(value, list | tuple | set | frozenset):
        raise ValueError("a list of dates (YYYY-MM-DD) or ranges (YYYY-MM-DD..YYYY-MM-DD)")
    found: set[date] = set()
    for item in value:
        text = item.isoformat() if isinstance(item, date) else str(item).strip()
        first, _, last = text.partition("..")
        try:
            start = date.fromisoformat(first.strip())
            end = date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise ValueError(f"not a date or a range of dates: {text!r}") from None
        if end < start:
            raise ValueError(f"{text!r} ends before it starts")
        if (end - start).days > 366:
            raise ValueError(f"{text!r} is longer than a year")
        found.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return frozenset(found)


Days = Annotated[frozenset[date], BeforeValidator(_days)]


class WorkingDays(_Model):
    """The official schedule of days off and 调休 working days, for the years the calendar
    packages do not know yet (the State Council publishes next year's in the autumn, the
    packages follow later), or for a local day off. These days win over the packages'."""

    holidays: Days = frozenset()
    workdays: Days = frozenset()

    @field_validator("workdays")
    @classmethod
    def _not_both(cls, value: frozenset[date], info: Any) -> frozenset[date]:
        both = sorted(value & info.data.get("holidays", frozenset()))
        if both:
            shown = ", ".join(day.isoformat() for day in both[:3])
            raise ValueError(f"a day cannot be both a holiday and a working day: {shown}")
        return value


class CuringSeason(_Model):
    """The months of curing (烘烤季), as month-days, both included. A season may run over
    the new year (start after end, e.g. 11-01 to 02-28): it is named by the year it starts."""

    start: str = Field("07-01", pattern=r"^\d{2}-\d{2}$")
    end: str = Field("10-31", pattern=r"^\d{2}-\d{2}$")

    @field_validator("start", "end")
    @classmethod
    def _a_day_of_the_year(cls, value: str) -> str:
        try:
            date(2000, int(value[:2]), int(value[3:]))  # 2000 is a leap year: 02-29 is fine
        except ValueError:
            raise ValueError(f"not a month-day: {value!r} (MM-DD, e.g. 07-01)") from None
        return value

    @property
    def wraps(self) -> bool:
        """Whether the season runs over the new year."""
        return self.start > self.end

    def contains(self, day: date) -> bool:
        """Whether `day` is within the season, as the reports' season windows have it (so a
        02-29 start or end is the 28th in a year without it)."""
        year = self.year_of(day)
        return self.first_day(year) <= day <= self.last_day(year)

    def first_day(self, year: int) -> date:
        """The first day of the season that starts in `year`."""
        return _month_day(year, self.start)

    def last_day(self, year: int) -> date:
        """The last day of the season that starts in `year`."""
        return _month_day(year + int(self.wraps), self.end)

    def year_of(self, day: date) -> int:
        """The year whose season is "this year's" on `day`: its own, except in the
        new-year part of a season that runs over it, which belongs to the year before."""
        return day.year - int(self.wraps and day.strftime("%m-%d") <= self.end)


def _month_day(year: int, md: str) -> date:
    """The month-day in `year`; 02-29 is the 28th in a year without it."""
    month, day = int(md[:2]), int(md[3:])
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


class RoutingSettings(_Model):
    threshold: float = Field(0.45, ge=0, le=1, description="confidence below this goes to triage")
    min_score: float = Field(1.0, ge=0, description="a line needs at least this score")
    emergency_words: dict[str, float] = Field(default_factory=dict)
    disaster_words: dict[str, float] = Field(default_factory=dict)
    complaint_words: dict[str, float] = Field(default_factory=dict)
    suggestion_words: dict[str, float] = Field(default_factory=dict)
    wish_words: dict[str, float] = Field(default_factory=dict)
    praise_words: dict[str, float] = Field(
        default_factory=dict, description="thanks and praise: they outweigh complaint words"
    )
    oversight_min: float = Field(
        4.0, ge=0, description="the oversight line's own score that takes a request there"
    )
    neutral_conduct_words: list[str] = Field(
        default_factory=list,
        description="words of the oversight line's table that say only whose person it is "
        "(员工, 干部), how a call went (没人接) or what the complainant does (投诉): beside the "
        "oversight team's own name in a request another line wins, any other word of that "
        "table (才给, 廉洁, 态度) makes it a complaint about that team",
    )
    everyday_conduct_words: dict[str, list[str]] = Field(
        default_factory=dict,
        description="complaint words with an everyday sense too (白拿: goods given free, "
        "走后门: a back door), each with the words that give it that sense in its clause "
        "(走后门: [卸]): asked about there (能白拿吗) or beside those words (卸烟走后门方便) "
        "they accuse nobody",
    )
    accusing_words: list[str] = Field(
        default_factory=list,
        description="words that, in the clause of a complaint word of everyday sense, make it "
        "an accusation all the same (有人, 托关系, 插队: 收购站有人走后门卸货), asked about or not",
    )
    danger_words: list[str] = Field(
        default_factory=list,
        description="emergency or disaster words of a danger to people (着火, 触电): the "
        "alarm's reply tells them to call 119 or 120 first",
    )
    fault_words: list[str] = Field(
        default_factory=list,
        description="words that something is broken (坏, 故障, 没反应): beside the 110 line's "
        "own words (烤房, 温控器) and no emergency word, a farmer is asked whether the 110 "
        "team is needed now",
    )
    distress_words: list[str] = Field(
        default_factory=list,
        description="a cry for help (救命, 快来人): from a farmer, when nothing says which "
        "service, asked the same",
    )
    word_groups: dict[str, list[str]] = Field(
        default_factory=dict,
        description="named lists of words a term refers to as <name>: 骂我+<职员> counts "
        "骂我 beside any word of the group 职员 (收购员, 客户经理 …), so that a role added "
        "to the group counts in every family of terms that names it",
    )
    said_by: dict[Requester, dict[str, str]] = Field(
        default_factory=dict,
        description="words whose service is the requester's: {retailer: {烟款: ordering}} "
        "counts a retailer's 烟款 (what his shop pays for the cigarettes it orders) for the "
        "ordering line, where a farmer's (what the station pays for his leaf) and that of "
        "someone not registered count for the line whose table has the word",
    )
    personal_troubles: dict[str, list[str]] = Field(
        default_factory=dict,
        description="emergency words that, said right after one of the things of a person's "
        "own listed with them, are that thing's: {没电: [手机, 电瓶车], 熄火: [三轮车]} "
        "(手机没电了, 三轮车熄火了), not the barn's power or fire",
    )

    @model_validator(mode="after")
    def _danger_words_are_urgent_words(self) -> RoutingSettings:
        urgent = {*self.emergency_words, *self.disaster_words}
        unknown = [w for w in self.danger_words if w not in urgent]
        if unknown:
            raise ValueError(f"danger_words {unknown} are not in emergency_words or disaster_words")
        return self

    @model_validator(mode="after")
    def _groups_are_defined(self) -> RoutingSettings:
        tables = {name: getattr(self, name) for name in WEIGHTED_SIGNALS}
        # Each unknown name with the table and term that name it, and the names there are,
        # so that a typo (<职工> for <职员>) is found and mended from the message alone.
        where = [
            f"{table}: '{term}' names <{name}>"
            for table, terms in tables.items()
            for term in terms
            for name in unknown_groups([term], self.word_groups)
        ]
        where += [f"word_groups: names <{name}>" for name in unknown_groups([], self.word_groups)]
        if where:
            defined = ", ".join(self.word_groups) or "none"
            raise ValueError(
                f"{'; '.join(where)}, a group word_groups does not define "
                f"(defined: {defined}): define it there or correct the name"
            )
        bad = [w for words in self.word_groups.values() for w in words if not w.strip()]
        if bad or any(not words for words in self.word_groups.values()):
            raise ValueError("word_groups: every group needs words, none blank")
        for name in self.word_groups:
            members(name, self.word_groups)  # a group within itself: ValueError, said so
        return self

    @model_validator(mode="after")
    def _personal_troubles_are_emergency_words(self) -> RoutingSettings:
        unknown = [w for w in self.personal_troubles if w not in self.emergency_words]
        if unknown:
            raise ValueError(f"personal_troubles {unknown} are not in emergency_words")
        return self


# A weight below zero would pull a team's score down for doing well; infinity or NaN
# would make every score NaN.
Weight = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class RateWeights(_Model):
    response: Weight = 0.1
    resolution: Weight = 0.5
    satisfaction: Weight = 0.4

    @model_validator(mode="after")
    def _some_weight_counts(self) -> RateWeights:
        # With every weight zero no team would ever have a composite score.
        if not (self.response or self.resolution or self.satisfaction):
            raise ValueError("at least one of response, resolution, satisfaction must be above 0")
        return self


class Limits(_Model):
    max_text: int = Field(2000, ge=50, le=4000)
    tickets_per_hour: int = Field(5, ge=1)
    conversation_ttl: Duration = timedelta(hours=2)
    served_radius_km: float = Field(80, gt=0)
    site_radius_km: float = Field(
        10,
        gt=0,
        description="a shared location farther than this from every site tells no town",
    )
    barn_radius_km: float = Field(
        3, gt=0, description="a shared location this close to a barn cluster is at that cluster"
    )


class Config(_Model):
    bureau: str
    timezone: str = "Asia/Shanghai"
    business_hours: list[Period] = Field(
        default_factory=lambda: [
            Period(start=time(8, 30), end=time(12)),
            Period(start=time(14), end=time(17, 30)),
        ]
    )
    quiet_hours: Span | None = None
    curing_season: CuringSeason = Field(default_factory=CuringSeason)
    working_days: WorkingDays = Field(default_factory=WorkingDays)
    sla_policies: list[SlaPolicy] = Field(min_length=1)
    urgent_sla: str
    ladders: list[Ladder] = Field(min_length=1)
    auto_close: AutoClose = Field(default_factory=AutoClose)
    areas: list[Area] = Field(min_length=1)
    sites: list[Site] = Field(default_factory=list)
    service_lines: list[ServiceLine] = Field(min_length=1)
    teams: list[Team] = Field(min_length=1)
    supervisors: list[int] = Field(default_factory=list)
    admins: list[int] = Field(default_factory=list)
    staff_names: dict[int, str] = Field(
        default_factory=dict,
        description="Telegram user id -> the name colleagues know them by (赵队员): what rosters, "
        "cards and /duty call a person the config lists until they write to the bot",
    )
    routing: RoutingSettings = Field(default_factory=RoutingSettings)
    keywords: dict[str, KeywordTable] = Field(
        default_factory=dict, description="service line id -> its keyword table"
    )
    rates: RateWeights = Field(default_factory=RateWeights)
    echo_wall_chat: int | None = None
    limits: Limits = Field(default_factory=Limits)

    @field_validator("business_hours")
    @classmethod
    def _working_periods(cls, periods: list[Period]) -> list[Period]:
        # No period would leave a business deadline nowhere to fall; overlapping ones
        # would count the shared minutes twice.
        if not periods:
            raise ValueError(
                "needs at least one working period, e.g. {start: '08:30', end: '12:00'}"
            )
        ordered = sorted(periods, key=lambda period: period.start)
        for before, after in pairwise(ordered):
            if after.start < before.end:
                raise ValueError(f"{_clock_span(before)} and {_clock_span(after)} overlap")
        return periods

    # Lookups; the lists stay the source of truth and keep the file's order.
    def line(self, line_id: str) -> ServiceLine:
        return next(line for line in self.service_lines if line.id == line_id)

    def team(self, team_id: str) -> Team:
        return next(team for team in self.teams if team.id == team_id)

    def staff_name(self, user_id: int) -> str:
        """The name `staff_names` gives the person; "" when it gives none."""
        return self.staff_names.get(user_id, "").strip()

    def find_team(self, team_id: str) -> Team | None:
        return next((team for team in self.teams if team.id == team_id), None)

    def site(self, code: str) -> Site | None:
        return next((site for site in self.sites if site.code == code), None)

    def area(self, area_id: str) -> Area | None:
        return next((area for area in self.areas if area.id == area_id), None)

    def goods_lines(self) -> set[str]:
        """The service lines of a shop's goods (ordering, delivery): whose goods may not
        come, or come short."""
        return {line.id for line in self.service_lines if line.goods}

    def policy(self, policy_id: str) -> SlaPolicy:
        return next(p for p in self.sla_policies if p.id == policy_id)

    def ladder(self, ladder_id: str) -> Ladder:
        return next(ladder for ladder in self.ladders if ladder.id == ladder_id)

    def triage_line(self) -> ServiceLine | None:
        return next((line for line in self.service_lines if line.triage), None)

    def emergency_line(self) -> ServiceLine | None:
        return next((line for line in self.service_lines if line.emergency), None)

    def oversight_line(self) -> ServiceLine | None:
        return next((line for line in self.service_lines if line.oversight), None)

    def teams_of_line(self, line_id: str) -> list[Team]:
        return [team for team in self.teams if team.line == line_id]

    def default_team(self, line_id: str) -> Team:
        line = self.line(line_id)
        if line.default_team is not None:
            return self.team(line.default_team)
        return self.teams_of_line(line_id)[0]

    def team_for(self, line_id: str, area: str | None) -> Team:
        """The team of `line_id` serving `area`, else the line's default team."""
        if area is not None:
            for team in self.teams_of_line(line_id):
                if area in team.areas:
                    return team
        return self.default_team(line_id)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def in_curing_season(self, at: datetime) -> bool:
        """Whether the moment `at` falls on a day of the curing season, in the bureau's zone."""
        return self.curing_season.contains(at.astimezone(self.zone).date())

    @property
    def working_day(self) -> timedelta:
        """The working time of one working day: its business hours added up."""
        return sum(
            (
                datetime.combine(date.min, p.end) - datetime.combine(date.min, p.start)
                for p in self.business_hours
            ),
            timedelta(0),
        )


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(root)"


def parse_config(
    text: str, read_include: Callable[[str], str] | None = None, *, source: str | None = None
) -> Config:
    """Validate a YAML config text; raise ConfigError listing every problem.

    A top-level ``include: [file, ...]`` merges other files' top-level keys (keyword tables
    are kept apart so that ``route learn`` output can be dropped in); `read_include` reads
    them, which keeps this module free of I/O. With `source`, the text's file name, every
    error starts with the file it is in.
    """
    data, sources = merged_mapping(text, read_include, source)
    try:
        cfg = Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(
            [sources.at(_path(err["loc"]), _message(err)) for err in exc.errors()]
        ) from exc
    errors = cross_references(cfg)
    if errors:
        raise ConfigError([sources.at(*error.split(": ", 1)) for error in errors])
    return cfg


def _message(err: Any) -> str:
    msg = str(err["msg"])
    return msg.removeprefix("Value error, ")

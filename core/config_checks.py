"""Config checks that need the whole file: references to ids that do not exist, duplicates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import opencc

from core.calendar import WORKING_DAYS_A_YEAR
from core.durations import format_duration
from core.word_groups import GROUP, unknown_groups

if TYPE_CHECKING:
    from core.config import Config


# The routing settings' weighted word tables, each a signal of its own (an emergency, a
# complaint …): their terms may name word groups.
WEIGHTED_SIGNALS = (
    "emergency_words",
    "disaster_words",
    "complaint_words",
    "suggestion_words",
    "wish_words",
    "praise_words",
)


def _duplicates(items: list[str]) -> set[str]:
    seen: set[str] = set()
    return {i for i in items if i in seen or seen.add(i)}  # type: ignore[func-returns-value]


def cross_references(cfg: Config) -> list[str]:
    """Errors that need the whole file: references to ids that do not exist, duplicates."""
    errors: list[str] = []
    policies = {p.id for p in cfg.sla_policies}
    ladders = {ladder.id for ladder in cfg.ladders}
    lines = {line.id for line in cfg.service_lines}
    teams = {team.id for team in cfg.teams}
    areas = {area.id for area in cfg.areas}
    for name, ids in (
        ("sla_policies", [p.id for p in cfg.sla_policies]),
        ("ladders", [ladder.id for ladder in cfg.ladders]),
        ("service_lines", [line.id for line in cfg.service_lines]),
        ("teams", [team.id for team in cfg.teams]),
        ("areas", [area.id for area in cfg.areas]),
        ("sites", [site.code for site in cfg.sites]),
    ):
        for dup in sorted(_duplicates(ids)):
            errors.append(f"{name}: duplicate id '{dup}'")
    try:
        ZoneInfo(cfg.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(f"timezone: unknown time zone '{cfg.timezone}'")
    if cfg.urgent_sla not in policies:
        errors.append(f"urgent_sla: unknown policy '{cfg.urgent_sla}'")
    for i, policy in enumerate(cfg.sla_policies):
        if policy.ladder not in ladders:
            errors.append(f"sla_policies[{i}].ladder: unknown ladder '{policy.ladder}'")
    for i, line in enumerate(cfg.service_lines):
        if line.sla not in policies:
            errors.append(f"service_lines[{i}].sla: unknown policy '{line.sla}'")
        if line.off_season_sla is not None and line.off_season_sla not in policies:
            errors.append(
                f"service_lines[{i}].off_season_sla: unknown policy '{line.off_season_sla}'"
            )
        if line.default_team is not None and line.default_team not in teams:
            errors.append(f"service_lines[{i}].default_team: unknown team '{line.default_team}'")
        elif line.default_team is not None and cfg.team(line.default_team).line != line.id:
            errors.append(
                f"service_lines[{i}].default_team: team '{line.default_team}' "
                f"belongs to line '{cfg.team(line.default_team).line}'"
            )
        if not any(team.line == line.id for team in cfg.teams):
            errors.append(f"service_lines[{i}]: line '{line.id}' has no team")
    for i, team in enumerate(cfg.teams):
        if team.line not in lines:
            errors.append(f"teams[{i}].line: unknown service line '{team.line}'")
        for j, area in enumerate(team.areas):
            if area not in areas:
                errors.append(f"teams[{i}].areas[{j}]: unknown area '{area}'")
    for line_id, table in cfg.keywords.items():
        if line_id not in lines:
            errors.append(f"keywords.{line_id}: unknown service line '{line_id}'")
        terms = [*table.words, *table.negative]
        for name in unknown_groups(terms, cfg.routing.word_groups):
            errors.append(f"keywords.{line_id}: no routing.word_groups entry for '<{name}>'")
    errors += said_by(cfg, lines)
    for i, site in enumerate(cfg.sites):
        if site.area not in areas:
            errors.append(f"sites[{i}].area: unknown area '{site.area}'")
    if sum(1 for line in cfg.service_lines if line.triage) != 1:
        errors.append("service_lines: exactly one line must have triage: true")
    if sum(1 for line in cfg.service_lines if line.emergency) > 1:
        errors.append("service_lines: at most one line may have emergency: true")
    if sum(1 for line in cfg.service_lines if line.oversight) > 1:
        errors.append("service_lines: at most one line may have oversight: true")
    for i, line in enumerate(cfg.service_lines):
        if line.oversight and (line.triage or line.emergency):
            errors.append(f"service_lines[{i}]: an oversight line is neither triage nor 110")
        if line.own_words and not line.oversight:
            errors.append(f"service_lines[{i}].own_words: only the oversight line has them")
        if any(not word.strip() for word in line.own_words):
            errors.append(f"service_lines[{i}].own_words: a word must not be blank")
    errors += working_time_limits(cfg)
    errors += button_ids(cfg)
    errors += blank_names(cfg)
    errors += area_aliases(cfg)
    errors += staff_names(cfg)
    errors += traditional_terms(cfg)
    return errors


def said_by(cfg: Config, lines: set[str]) -> list[str]:
    """Errors for `routing.said_by`: a word must be one some line's table counts, or it
    would never be heard, and the line it is counted for must exist."""
    errors: list[str] = []
    counted = {word for table in cfg.keywords.values() for word in table.words}
    for requester, words in cfg.routing.said_by.items():
        for word, line in words.items():
            where = f"routing.said_by.{requester}.{word}"
            if line not in lines:
                errors.append(f"{where}: unknown service line '{line}'")
            if word not in counted:
                errors.append(f"{where}: no keyword table has the word '{word}'")
    return errors


@cache
def _t2s() -> opencc.OpenCC:
    """Built on the first check (OpenCC parses its dictionaries then), once per process."""
    return opencc.OpenCC("t2s")


def traditional_terms(cfg: Config) -> list[str]:
    """Errors for routing words written in Traditional characters: the router reads every
    request in Simplified (a 繁體 writer's 電烤房 as 电烤房), so such a word never matches,
    and its line silently loses it. A synonym that is its own word in Traditional (菸苗 for
    烟苗) is counted already, as the word it becomes. Word-group names (<職員>) are the
    config's own names and may be written either way; own_words and neutral_conduct_words
    are converted by the router itself."""
    routing = cfg.routing
    where: list[tuple[str, Iterable[str]]] = []
    for line_id, table in cfg.keywords.items():
        synonyms = [*table.synonyms]
        for canonical, variants in table.synonyms.items():
            said = {canonical, *variants}
            synonyms += [v for v in variants if _simplified(v) not in said]
        where += [
            (f"keywords.{line_id}.words", table.words),
            (f"keywords.{line_id}.synonyms", synonyms),
            (f"keywords.{line_id}.negative", table.negative),
        ]
    for name in (*WEIGHTED_SIGNALS, "accusing_words", "fault_words", "distress_words"):
        where.append((f"routing.{name}", getattr(routing, name)))
    for name in ("everyday_conduct_words", "personal_troubles", "word_groups"):
        mapping: dict[str, list[str]] = getattr(routing, name)
        keys = mapping if name != "word_groups" else ()
        where.append((f"routing.{name}", [*keys, *(w for ws in mapping.values() for w in ws)]))
    errors: list[str] = []
    for path, terms in where:
        for term in dict.fromkeys(terms):
            simplified = _simplified(term)
            if simplified != term:
                errors.append(
                    f"{path}: '{term}' is written in Traditional characters and would never "
                    f"match, as requests are read in Simplified; write '{simplified}'"
                )
    return errors


def _simplified(term: str) -> str:
    """`term` with each Traditional character in Simplified, its word-group names (<職員>)
    as written. Character by character: OpenCC's phrases also rewrite some Simplified
    words (打坏 as 打坯), which are no Traditional the person wrote."""
    pieces = GROUP.split(term)  # words, then group names, alternately
    convert = _t2s().convert
    return "".join(
        f"<{piece}>" if i % 2 else "".join(map(convert, piece)) for i, piece in enumerate(pieces)
    )


def staff_names(cfg: Config) -> list[str]:
    """Errors for a staff name nobody would read: of an id the config lists nowhere (a typo
    in it), blank, or longer than a stored name (64 characters)."""
    listed = {*cfg.supervisors, *cfg.admins}
    for team in cfg.teams:
        listed |= {*team.leaders, *team.members}
    errors: list[str] = []
    for user_id, name in cfg.staff_names.items():
        if user_id not in listed:
            errors.append(
                f"staff_names.{user_id}: not a leader, member, supervisor or admin of this config"
            )
        if not name.strip() or len(name.strip()) > _NAME_LENGTH:
            errors.append(f"staff_names.{user_id}: must be 1 to {_NAME_LENGTH} characters")
    return errors


_NAME_LENGTH = 64  # users.name's column


def blank_names(cfg: Config) -> list[str]:
    """Errors for names that say nothing: people read them (这里是  服务台, 欢迎加入 ，…)."""
    named: list[tuple[str, list[str]]] = [
        ("areas", [area.name for area in cfg.areas]),
        ("sites", [site.name for site in cfg.sites]),
        ("service_lines", [line.name for line in cfg.service_lines]),
        ("teams", [team.name for team in cfg.teams]),
    ]
    errors = [] if cfg.bureau.strip() else ["bureau: must not be blank"]
    for name, names in named:
        errors += [
            f"{name}[{i}].name: must not be blank" for i, n in enumerate(names) if not n.strip()
        ]
    return errors


def area_aliases(cfg: Config) -> list[str]:
    """Errors for an area's other names (`aliases`) that are blank, or another area's name
    or alias: typed, such a word would name whichever town is listed first."""
    owner: dict[str, str] = {area.name.strip(): area.id for area in cfg.areas}
    errors: list[str] = []
    for i, area in enumerate(cfg.areas):
        for j, alias in enumerate(area.aliases):
            said = alias.strip()
            if not said:
                errors.append(f"areas[{i}].aliases[{j}]: must not be blank")
            elif owner.setdefault(said, area.id) != area.id:
                errors.append(f"areas[{i}].aliases[{j}]: '{said}' names area '{owner[said]}' too")
    return errors


# Telegram carries at most 64 bytes of a button's callback data. Team ids ride in
# tk:accme:<ticket>:<team>, tk:rto:<ticket>:<team> and tk:rea:<ticket>:<team> beside a
# ticket id of up to 12 digits, area ids in f:area:<area>; a colon would split them where
# the handlers read them.
_CALLBACK_DATA_BYTES = 64
_LONGEST_TICKET_ID = 12
_ROOM = {
    "teams": _CALLBACK_DATA_BYTES - len("tk:accme::") - _LONGEST_TICKET_ID,
    "areas": _CALLBACK_DATA_BYTES - len("f:area:"),
}


def button_ids(cfg: Config) -> list[str]:
    """Errors for ids that would not fit, or not be read back, in a button's data."""
    errors: list[str] = []
    for name, ids in (("teams", [t.id for t in cfg.teams]), ("areas", [a.id for a in cfg.areas])):
        room = _ROOM[name]
        for i, id_ in enumerate(ids):
            if ":" in id_ or not id_.strip():
                errors.append(f"{name}[{i}].id: '{id_}' must not be blank or hold a colon")
            elif len(id_.encode()) > room:
                errors.append(
                    f"{name}[{i}].id: '{id_}' is {len(id_.encode())} bytes in UTF-8; "
                    f"a button's data leaves room for {room}"
                )
    return errors


def _hours(delta: timedelta) -> str:
    return f"{delta.total_seconds() / 3600:g}h"


def working_time_limits(cfg: Config) -> list[str]:
    """Business-calendar durations that do not fit in a year's working days.

    On short business hours a duration the file allows (up to 365d) can need decades of
    working days: 365d on a 30-minute working day is 17,520 of them. No deadline means that,
    and every ticket would have its deadline computed (and its ladder chased) that far away.
    """
    day = cfg.working_day
    if not day:
        return []  # refused already: business_hours needs a working period
    limit = day * WORKING_DAYS_A_YEAR
    rule = (
        f"on a business calendar at most a year's working days: {WORKING_DAYS_A_YEAR} × "
        f"{_hours(day)} = {_hours(limit)} (business_hours make {_hours(day)} one working day)"
    )
    ladders = {ladder.id: ladder for ladder in cfg.ladders}
    errors: list[str] = []
    for i, policy in enumerate(cfg.sla_policies):
        if policy.calendar != "business":
            continue
        for name in ("accept_within", "resolve_within"):
            within: timedelta = getattr(policy, name)
            if within > limit:
                errors.append(
                    f"sla_policies[{i}].{name}: {format_duration(within)} of working time is "
                    f"{within / day:.0f} working days; {rule}"
                )
        ladder = ladders.get(policy.ladder)
        if ladder is None:
            continue  # an unknown ladder is reported above
        reach = ladder.steps[-1].after + ladder.repeat_every
        if reach > limit:
            errors.append(
                f"sla_policies[{i}].ladder: ladder '{ladder.id}' repeats {_hours(reach)} "
                f"of working time after the deadline (its last step's after + repeat_every), "
                f"{reach / day:.0f} working days; {rule}"
            )
    within = cfg.auto_close.callback_within
    business = any(policy.calendar == "business" for policy in cfg.sla_policies)
    if business and within > limit:
        errors.append(
            f"auto_close.callback_within: {format_duration(within)} of working time is "
            f"{within / day:.0f} working days; {rule}"
        )
    return errors

"""A loaded bureau config with one team changed, for tests about that change."""

from __future__ import annotations

from core.config import Config


def with_team_changed(cfg: Config, team_id: str, **changes: object) -> Config:
    """`cfg` with the fields `changes` names replaced on team `team_id`."""
    teams = [t.model_copy(update=changes) if t.id == team_id else t for t in cfg.teams]
    return cfg.model_copy(update={"teams": teams})


def with_member_toggled(cfg: Config, team_id: str, user_id: int) -> Config:
    """`cfg` with `user_id` added to (or, when already there, taken out of) a team's members."""
    members = list(cfg.team(team_id).members)
    members = [m for m in members if m != user_id] if user_id in members else [*members, user_id]
    return with_team_changed(cfg, team_id, members=members)


def without_staff_names(cfg: Config) -> Config:
    """`cfg` naming none of its staff (`staff_names`): they are known by their ids only."""
    return cfg.model_copy(update={"staff_names": {}})


def with_area_aliases(cfg: Config, area_id: str, *aliases: str) -> Config:
    """`cfg` where area `area_id` is also called by `aliases` (城关镇 for 城区)."""
    areas = [a.model_copy(update={"aliases": aliases}) if a.id == area_id else a for a in cfg.areas]
    return cfg.model_copy(update={"areas": areas})

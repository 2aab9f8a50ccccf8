"""Places named in a requester's words: a barn cluster ("大坪"), a town ("白石乡松林村")."""

from __future__ import annotations

from core.config import Site
from handlers.context import Ctx
from routing import bare, to_simplified

BARNS = ("curing_cluster",)


def barn_site(ctx: Ctx, code: str | None) -> Site | None:
    """The barn cluster `code` names; None for none, or for a site of another kind: a
    purchase station's or a shop district's QR code says whose area a person is in, not
    where their barn is, and a 110 call placed there would send the team to the station."""
    site = ctx.cfg.site(code) if code else None
    return site if site is not None and site.kind in BARNS else None


def barn_named(ctx: Ctx, text: str) -> str | None:
    """The barn cluster a typed answer names: its name, or the part of the name people say
    ("大坪" for 青山镇大坪烤房群). A number names none: "3" is a farmer's barn No. 3."""
    plain = bare(to_simplified(text))  # 河灣 is 河湾
    for site in (s for s in ctx.cfg.sites if s.kind in BARNS):
        if _where_named(ctx, site, plain) is not None:
            return site.code
    return None


def barns_named_in(ctx: Ctx, plain: str) -> list[tuple[int, str]]:
    """Where in `plain` (words `bare` and Simplified) each barn cluster it names is first
    named, and its code, in the order they are said."""
    found = ((_where_named(ctx, s, plain), s.code) for s in ctx.cfg.sites if s.kind in BARNS)
    return sorted((at, code) for at, code in found if at is not None)


def _where_named(ctx: Ctx, site: Site, plain: str) -> int | None:
    """Where `plain` first names `site`, by its name or the part of it people say."""
    area = ctx.cfg.area(site.area)
    name = bare(to_simplified(site.name))
    core = name.removeprefix(bare(to_simplified(area.name)) if area else "")
    core = core.removesuffix("烤房群").removesuffix("烤房")
    at = [plain.find(name), plain.find(core) if len(core) >= 2 else -1]
    return min((i for i in at if i >= 0), default=None)


def area_named(ctx: Ctx, text: str) -> str | None:
    """The area a typed answer names ("白石乡松林村" names 白石乡), or the area of the barn
    cluster it names ("大坪" is 青山镇's): people say the place they live at, not the town."""
    plain = bare(text)
    for area in ctx.cfg.areas:
        name = bare(area.name)
        core = name
        for suffix in ("片区", "镇", "乡", "区"):
            core = core.removesuffix(suffix)
        if (core if len(core) >= 2 else name) in plain:
            return area.id
    barn = barn_named(ctx, text)
    site = ctx.cfg.site(barn) if barn else None
    return site.area if site else None

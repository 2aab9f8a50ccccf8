"""Places named in a requester's words: a barn cluster ("大坪"), a town ("白石乡松林村")."""

from __future__ import annotations

import re

from core.config import Site
from core.geo import nearest_site
from handlers.context import Ctx
from routing import bare, normalize, to_simplified

BARNS = ("curing_cluster",)


def barn_site(ctx: Ctx, code: str | None) -> Site | None:
    """The barn cluster `code` names; None for none, or for a site of another kind: a
    purchase station's or a shop district's QR code says whose area a person is in, not
    where their barn is, and a 110 call placed there would send the team to the station."""
    site = ctx.cfg.site(code) if code else None
    return site if site is not None and site.kind in BARNS else None


def pin_place(ctx: Ctx, lat: float, lon: float) -> tuple[str | None, str | None]:
    """Where a pin shared for a 110 call is: the barn cluster within the barn radius, and
    its town, or the one the farmer registered when it is the nearest within the site
    radius (a pin shared from home, some kilometres from their barns); else no cluster,
    and the nearest one's town within the site radius, the best
    guess of which town's team should go (as `alarm_intake.read_place` reads the pin the
    place question gets); else neither: a pin from the road or the next county, farther
    than that from every barn, says nothing of where the barn is (as registration reads
    such a pin), and a town guessed from it would send another town's team."""
    found = nearest_site(ctx.cfg, lat, lon, BARNS)
    if found is None or found[1] > ctx.cfg.limits.site_radius_km:
        return None, None
    site, km = found
    own = barn_site(ctx, ctx.user.site_code)
    at = km <= ctx.cfg.limits.barn_radius_km or (own is not None and own.code == site.code)
    return (site.code if at else None), site.area


def pin_at_a_barn(ctx: Ctx, lat: float, lon: float) -> bool:
    """Whether a pin is at a barn cluster (within the barn radius): it says which barn, as
    no words do; one from home or the road says where the farmer was."""
    found = nearest_site(ctx.cfg, lat, lon, BARNS)
    return found is not None and found[1] <= ctx.cfg.limits.barn_radius_km


def barn_named(ctx: Ctx, text: str) -> str | None:
    """The barn cluster a typed answer names: its name, or the part of the name people say
    ("大坪" for 青山镇大坪烤房群). A number names none: "3" is a farmer's barn No. 3."""
    named = barns_named(ctx, text)
    return named[0] if named else None


def barns_named(ctx: Ctx, text: str) -> list[str]:
    """Every barn cluster the words name, as `barn_named` reads one, in the config's order."""
    plain = bare(to_simplified(text))  # 河灣 is 河湾
    return [s.code for s in ctx.cfg.sites if s.kind in BARNS and _named_in(ctx, s, plain)]


def _named_in(ctx: Ctx, site: Site, plain: str) -> bool:
    area = ctx.cfg.area(site.area)
    name = bare(to_simplified(site.name))
    core = _core(site, area.name if area else "")
    return name in plain or (len(core) >= 2 and core in plain)


def _core(site: Site, area_name: str) -> str:
    """The part of a barn cluster's name people say: 大坪 of 青山镇大坪烤房群."""
    core = bare(to_simplified(site.name)).removeprefix(bare(to_simplified(area_name)))
    return core.removesuffix("烤房群").removesuffix("烤房")


def without_places(ctx: Ctx, text: str) -> str:
    """The words (Simplified, bare) with every barn cluster and area named in them taken out,
    as `barns_named` and `area_named` know them ("是白石的烤房" leaves 是的烤房)."""
    names = []
    for site in ctx.cfg.sites:
        if site.kind in BARNS:
            area = ctx.cfg.area(site.area)
            names += [bare(to_simplified(site.name)), _core(site, area.name if area else "")]
    names += [
        name
        for area in ctx.cfg.areas
        for called in area.names()
        for name in (bare(called), _area_core(called))
    ]
    plain = bare(to_simplified(text))
    for name in sorted((n for n in names if len(n) >= 2), key=len, reverse=True):
        plain = plain.replace(name, "")
    return plain


def area_named(ctx: Ctx, text: str) -> str | None:
    """The area a typed answer names ("白石乡松林村" names 白石乡), or the area of the barn
    cluster it names ("大坪" is 青山镇's): people say the place they live at, not the town."""
    plain = bare(text)
    for area in ctx.cfg.areas:
        if any(_area_core(called) in plain for called in area.names()):
            return area.id
    barn = barn_named(ctx, text)
    site = ctx.cfg.site(barn) if barn else None
    return site.area if site else None


def barn_town_named(ctx: Ctx, text: str) -> str | None:
    """The one town with barn clusters the words name, by its name or the part people say
    ("在龙潭镇，正在烤" and "龙潭烤房停电了" name 龙潭镇); None for none or several. A county
    or city of the same name (the bureau's 青山县) is not the town, and a town with no barn
    (城区) is where a farmer lives, not where a barn fails."""
    barns = {site.area for site in ctx.cfg.sites if site.kind in BARNS}
    named = [town for town in _towns_said(ctx, text) if town in barns]
    return named[0] if len(named) == 1 else None


def _towns_said(ctx: Ctx, text: str) -> list[str]:
    """The areas the words name, by their name or the part people say (龙潭 of 龙潭镇), not
    a county or city of that name (青山县 is the bureau's, not 青山镇)."""
    plain = bare(to_simplified(text))
    return [
        area.id
        for area in ctx.cfg.areas
        if any(
            re.search(f"{re.escape(_area_core(called))}(?![县市])", plain)
            for called in area.names()
        )
    ]


# How words put a barn in a town: 龙潭镇的烤房, 龙潭镇上的那个烤房, 龙潭镇我家烤房,
# 龙潭镇那边烤房, 在龙潭镇, 龙潭这边, 烤房是龙潭镇的. A town said otherwise is where the
# farmer went or came from (去龙潭镇赶集, 刚从龙潭镇回来) or where someone lives
# (龙潭镇的亲戚), while the barn that fails is still their own.
_BARN_WORDS = "烤房|烤烟房|炕房|烟炕|烘房"
_HERE_WORDS = "这边|那边|这里|那里|这儿|那儿|这块|那块"
# The short words people put between a town and its barn; a few of them may come together
# (上的那个, 那边我家的), while any other word there (的亲戚) leaves the town only mentioned.
_BETWEEN_WORDS = f"的|上|{_HERE_WORDS}|我家|我们家|咱家|家里|那个|这个|一个|那座|这座|那间|这间"
_BARN_NEXT = re.compile(f"(?:{_BETWEEN_WORDS}){{0,4}}(?:{_BARN_WORDS})")
_HERE_NEXT = re.compile(f"(?:{_HERE_WORDS})(?!的)")
# 我的烤房是龙潭镇的, 烤房就是龙潭镇那边的: the barn said to be the town's.
_BARN_IS_BEFORE = re.compile(f"(?:{_BARN_WORDS})(?:也|都|就|其实|本来)?是$")
# The 的 ends the clause: 烤房是龙潭镇的师傅修的 says whose the technician is.
_TOWNS_AFTER = re.compile(rf"(?:上|{_HERE_WORDS})?的(?:\W|$)")
_GOING_BEFORE = re.compile("[来去从回到往]$")
_ERRAND = re.compile("赶集|赶场|赶街|办事|走亲戚|串门|看病|开会|吃酒|买东西|打工|上班|玩")
_CLAUSE_END = re.compile(r"\W")


def barn_town_placed(ctx: Ctx, text: str) -> str | None:
    """The one town the words name (`barn_town_named`) when they say the barn is there:
    a barn cluster of it named (水井湾), or the town read as the barn's place ("我在龙潭镇
    的烤房停电了", "龙潭镇上的那个烤房", "龙潭镇那边烤房温度上不去", "在龙潭镇，烤房停电了",
    "我的烤房是龙潭镇的"). None when the town is only mentioned ("刚从龙潭镇回来，烤房停电了",
    "龙潭镇的亲戚说我家烤房…"): the barn the farmer registered, in their own town, is then
    still where the call is."""
    town = barn_town_named(ctx, text)
    area = ctx.cfg.area(town) if town else None
    if area is None:
        return None
    named = {site.area for code in barns_named(ctx, text) if (site := ctx.cfg.site(code))}
    if town in named:
        return town
    plain = normalize(text)
    for called in area.names():  # 在龙滩镇的烤房, of 龙潭镇 called so: as its name does
        core = _area_core(called)
        rest = bare(called).removeprefix(core)
        for found in re.finditer(f"{re.escape(core)}(?:{re.escape(rest)})?(?![县市])", plain):
            if _says_barn_is_there(plain[: found.start()], plain[found.end() :]):
                return town
    return None


def _says_barn_is_there(before: str, after: str) -> bool:
    """Whether the words around a town named put the barn in it (`barn_town_placed`)."""
    if _BARN_NEXT.match(after):
        return True
    if _BARN_IS_BEFORE.search(_CLAUSE_END.split(before)[-1]) and _TOWNS_AFTER.match(after):
        return True
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    if after.startswith("的") or _ERRAND.search(clause):
        return False
    return before.endswith("在") or (
        _HERE_NEXT.match(after) is not None and not _GOING_BEFORE.search(before)
    )


def town_named(ctx: Ctx, text: str) -> str | None:
    """The one town the words name, by its name or the part people say (在龙潭镇, 龙潭的),
    not a county or city of that name (青山县); else the town of the one barn cluster they
    name (大坪 is 青山镇's). None for none, or several."""
    named = _towns_said(ctx, text)
    if named:
        return named[0] if len(named) == 1 else None
    barns = barns_named(ctx, text)
    site = ctx.cfg.site(barns[0]) if len(barns) == 1 else None
    return site.area if site else None


def _area_core(name: str) -> str:
    """The part of an area's name people say: 白石 of 白石乡 (城区 stays 城区)."""
    core = bare(name)
    for suffix in ("片区", "镇", "乡", "区"):
        core = core.removesuffix(suffix)
    return core if len(core) >= 2 else bare(name)

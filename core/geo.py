"""Distances on the ground, to find the curing-barn cluster nearest a shared location."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from core.config import Config, Site

EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine): accurate to metres at county scale."""
    dlat, dlon = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(sqrt(a))


def nearest_site(
    cfg: Config, lat: float, lon: float, kinds: tuple[str, ...] = ()
) -> tuple[Site, float] | None:
    """The nearest configured site (of `kinds`, when given) and its distance, or None when
    there is none."""
    best: tuple[Site, float] | None = None
    for site in cfg.sites:
        if kinds and site.kind not in kinds:
            continue
        km = distance_km(lat, lon, site.lat, site.lon)
        if best is None or km < best[1]:
            best = (site, km)
    return best


def within_service_region(cfg: Config, lat: float, lon: float) -> bool:
    found = nearest_site(cfg, lat, lon)
    return found is not None and found[1] <= cfg.limits.served_radius_km

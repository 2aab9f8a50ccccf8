"""Wiring in one place: settings -> config, database, router, the desk."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.config_loader import load_config
from bot.log_setup import configure_logging, secret_parts
from bot.reports_port import Reports
from bot.settings import Settings
from core.clock import utc_now
from core.config import Config
from handlers.context import Services
from handlers.desk import Desk
from handlers.staff import seed_memberships
from routing import Router
from storage.migrate import upgrade
from storage.uow import Database

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    cfg: Config
    db: Database
    desk: Desk


async def build_app(settings: Settings | None = None, *, migrate: bool = True) -> App:
    """Load config, bring the database to the newest schema, seed staff, build the desk."""
    settings = settings or Settings()
    secrets = secret_parts(settings.token, settings.webhook_secret_token)
    configure_logging(settings.log_level, secrets)
    cfg = load_config(settings.config)
    if migrate:
        await asyncio.to_thread(upgrade, settings.database_url)
    db = Database(settings.database_url)
    async with db.uow() as uow:
        added, removed = await seed_memberships(uow, cfg, utc_now())
        await uow.commit()
    if added or removed:
        log.info("team places from the config: %d added, %d removed", added, removed)
    services = Services(
        cfg=cfg,
        router=Router.from_config(cfg),
        clock=utc_now,
        bot_username=settings.bot_username,
        reports=Reports(db, cfg),
    )
    return App(settings=settings, cfg=cfg, db=db, desk=Desk(db, services))

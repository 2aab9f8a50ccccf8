"""Process settings from the environment (JINYE_*) or a .env file."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_CONFIG = PROJECT_ROOT / "config" / "demo.yaml"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="JINYE_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    bot_token: SecretStr | None = None
    database_url: str = Field(
        default_factory=lambda: f"sqlite+aiosqlite:///{Path.cwd() / 'jinye110.sqlite3'}"
    )
    config: Path = DEMO_CONFIG
    bot_api_url: str = "https://api.telegram.org/bot"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    log_level: str = "INFO"
    run_scheduler: bool = Field(
        True,
        description="run the SLA sweep and digests in the bot process; turn off when "
        "`jinye110 scheduler` runs them as a process of its own",
    )
    bot_username: str = "jinye110_bot"

    @property
    def token(self) -> str | None:
        return self.bot_token.get_secret_value() if self.bot_token else None

    @property
    def webhook_secret_token(self) -> str | None:
        """The secret Telegram sends with each webhook request; None when unset or empty."""
        return self.webhook_secret.get_secret_value() or None if self.webhook_secret else None

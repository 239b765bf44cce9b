"""The one typed settings object; nothing else in the app reads os.environ."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "var"


class Settings(BaseSettings):
    """Configuration read from the environment and `.env`."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: str = Field("development", description="development | production | test")
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str = ""
    database_owner_url: str = Field(
        "", description="PostgreSQL as the tables' owner, for migrations; the app then connects as DATABASE_URL's role"
    )
    database_statement_timeout_seconds: float = Field(
        30.0, gt=0, description="The app's PostgreSQL statements (and idle open transactions) are cut off after this"
    )
    redis_url: str | None = None
    cache_ttl_seconds: float = Field(300.0, gt=0, description="Lifetime of a cached money summary")
    cache_max_entries: int = Field(10_000, ge=1, description="In-process cache size before LRU eviction")
    cache_key_prefix: str = Field("ww:", description="Namespace of the cache's Redis keys")
    redis_timeout_seconds: float = Field(0.25, gt=0, description="Connect and command timeout for the cache's Redis")
    secret_key: str = ""

    public_url: str = "http://localhost:3000"
    cors_allowed_origins: list[str] = Field(default_factory=list)
    max_body_bytes: int = 1_000_000
    max_upload_bytes: int = 6_000_000  # bank statements (the import itself refuses files over 5 MB)
    rate_limits_enabled: bool = True
    rate_limit_exempt_addresses: list[str] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"],
        description="Client addresses or networks never limited per address: by default the machine itself "
        "(health checks, local scripts, evaluations). A proxy on the same host must have its forwarded "
        "addresses resolved by the server, or every visitor would look local",
    )

    session_idle_minutes: int = 60 * 24 * 14
    session_absolute_days: int = 60

    anthropic_api_key: str | None = None
    anthropic_base_url: str | None = None
    anthropic_model: str = "claude-sonnet-4-5"
    gemini_api_key: str | None = None
    gemini_base_url: str | None = None
    gemini_model: str = "gemini-2.5-flash"
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4.1-mini"
    ai_timeout_seconds: float = 20.0

    tts_voice: str = "en-AU-NatashaNeural"
    tts_cache_days: int = Field(30, ge=1)
    tts_timeout_seconds: float = Field(8.0, gt=0)
    edge_tts_url: str | None = Field(None, description="edge-tts websocket endpoint; unset = the library's own")

    routing_url: str | None = Field(None, description="OSRM-compatible router; unset = offline road estimates only")
    routing_timeout_seconds: float = Field(5.0, gt=0, description="Whole-request limit for one route lookup")
    weather_url: str | None = Field(None, description="Open-Meteo-compatible forecast API; unset = no forecasts")
    weather_timeout_seconds: float = Field(5.0, gt=0)
    weather_cache_seconds: float = Field(1800.0, gt=0, description="How long a place's forecast is reused")
    geocoder_url: str | None = Field(None, description="Nominatim-compatible search; unset = offline gazetteer only")
    geocoder_timeout_seconds: float = Field(4.0, gt=0)

    supabase_url: str | None = None
    supabase_anon_key: str | None = None
    supabase_jwt_secret: str | None = None
    supabase_jwt_audience: str = "authenticated"
    supabase_timeout_seconds: float = Field(8.0, gt=0, description="Per-request limit for calls to Supabase Auth")

    map_tile_url: str = Field(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png", description="Leaflet tile URL template for the trip map"
    )
    map_tile_attribution: str = Field(
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
        description="Credit shown on the map for the tiles (HTML, as the tile provider asks)",
    )

    default_currency: str = "AUD"
    default_units: str = "metric"
    default_timezone: str = "Australia/Sydney"

    seed_demo: bool = True

    @field_validator("database_url", "database_owner_url", mode="after")
    @classmethod
    def _normalise_postgres_scheme(cls, value: str) -> str:
        # Supabase and Heroku hand out postgres:// URLs; SQLAlchemy wants an explicit driver.
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @property
    def is_production(self) -> bool:
        """True when running as a production deployment."""
        return self.environment == "production"

    @property
    def effective_database_url(self) -> str:
        """The configured database URL, or the embedded SQLite file."""
        return self.database_url or f"sqlite:///{self.data_dir / 'wheels_wins.db'}"

    @property
    def migration_database_url(self) -> str:
        """Where migrations run: the owner's URL when one is given, else the app's."""
        return self.database_owner_url or self.effective_database_url

    @property
    def effective_secret_key(self) -> str:
        """The secret key; in development one is generated once and kept under data_dir."""
        if self.secret_key:
            return self.secret_key
        if self.is_production:
            raise RuntimeError("SECRET_KEY must be set in production")
        key_file = self.data_dir / "secret_key"
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(48))
            key_file.chmod(0o600)
        return key_file.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached; tests call `get_settings.cache_clear()`)."""
    settings = Settings()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return settings

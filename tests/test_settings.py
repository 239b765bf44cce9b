"""Settings: read from the environment (and .env), URLs normalised, the secret key kept under data_dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wheels_wins.settings import DEFAULT_DATA_DIR, Settings, get_settings

_APP_ENV = (
    "DATABASE_URL",
    "SECRET_KEY",
    "ENVIRONMENT",
    "DATA_DIR",
    "CORS_ALLOWED_ORIGINS",
    "RATE_LIMITS_ENABLED",
    "SESSION_IDLE_MINUTES",
    "DEFAULT_TIMEZONE",
    "ANTHROPIC_API_KEY",
    "SEED_DEMO",
)


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[pytest.MonkeyPatch]:
    """No app variables in the environment, and a cwd without a .env file; the settings cache is left empty."""
    for name in _APP_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_defaults_without_any_environment(clean_env: pytest.MonkeyPatch) -> None:
    settings = Settings()
    assert settings.environment == "development"
    assert settings.data_dir == DEFAULT_DATA_DIR
    assert settings.database_url == ""
    assert settings.effective_database_url == f"sqlite:///{DEFAULT_DATA_DIR / 'wheels_wins.db'}"
    assert settings.rate_limits_enabled is True
    assert settings.anthropic_api_key is None
    assert not settings.is_production


def test_environment_variables_are_read_and_typed(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("ENVIRONMENT", "production")
    clean_env.setenv("DATA_DIR", str(tmp_path / "data"))
    clean_env.setenv("DATABASE_URL", "sqlite:////srv/ww.db")
    clean_env.setenv("CORS_ALLOWED_ORIGINS", '["https://a.example", "https://b.example"]')
    clean_env.setenv("RATE_LIMITS_ENABLED", "false")
    clean_env.setenv("SESSION_IDLE_MINUTES", "15")
    clean_env.setenv("DEFAULT_TIMEZONE", "Australia/Perth")
    clean_env.setenv("ANTHROPIC_API_KEY", "sk-test")
    settings = Settings()
    assert settings.is_production
    assert settings.data_dir == tmp_path / "data"
    assert settings.effective_database_url == "sqlite:////srv/ww.db"
    assert settings.cors_allowed_origins == ["https://a.example", "https://b.example"]
    assert settings.rate_limits_enabled is False
    assert settings.session_idle_minutes == 15
    assert settings.default_timezone == "Australia/Perth"
    assert settings.anthropic_api_key == "sk-test"


def test_dotenv_file_is_read_and_the_environment_wins(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DEFAULT_CURRENCY=NZD\nDEFAULT_UNITS=imperial\n")
    clean_env.setenv("DEFAULT_UNITS", "metric")
    settings = Settings()
    assert (settings.default_currency, settings.default_units) == ("NZD", "metric")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db.example:5432/ww", "postgresql+psycopg://u:p@db.example:5432/ww"),
        ("postgresql://u:p@db.example/ww?sslmode=require", "postgresql+psycopg://u:p@db.example/ww?sslmode=require"),
        ("postgresql+psycopg://u@h/ww", "postgresql+psycopg://u@h/ww"),
        ("sqlite:///var/ww.db", "sqlite:///var/ww.db"),
    ],
)
def test_postgres_urls_get_the_psycopg_driver(clean_env: pytest.MonkeyPatch, given: str, expected: str) -> None:
    clean_env.setenv("DATABASE_URL", given)
    assert Settings().database_url == expected
    assert Settings(database_url=given).effective_database_url == expected


def test_secret_key_is_generated_once_under_data_dir_and_reused(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data_dir = tmp_path / "nested" / "data"
    first = Settings(data_dir=data_dir).effective_secret_key
    key_file = data_dir / "secret_key"
    assert key_file.read_text().strip() == first
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(first) >= 48
    assert Settings(data_dir=data_dir).effective_secret_key == first
    assert Settings(data_dir=tmp_path / "other").effective_secret_key != first


def test_explicit_secret_key_wins_and_writes_no_file(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    clean_env.setenv("SECRET_KEY", "from-the-environment")
    assert Settings(data_dir=tmp_path).effective_secret_key == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()


def test_production_requires_a_secret_key(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    settings = Settings(environment="production", data_dir=tmp_path)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        _ = settings.effective_secret_key
    assert not (tmp_path / "secret_key").exists()
    assert Settings(environment="production", data_dir=tmp_path, secret_key="s3cret").effective_secret_key == "s3cret"


def test_get_settings_is_cached_and_creates_the_data_dir(clean_env: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data_dir = tmp_path / "fresh"
    clean_env.setenv("DATA_DIR", str(data_dir))
    settings = get_settings()
    assert data_dir.is_dir()
    assert get_settings() is settings
    clean_env.setenv("DATA_DIR", str(tmp_path / "elsewhere"))
    assert get_settings().data_dir == data_dir
    get_settings.cache_clear()
    assert get_settings().data_dir == tmp_path / "elsewhere"

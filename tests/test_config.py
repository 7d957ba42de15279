import pytest

from api.config import Config, ConfigError, config_from_environment


def test_development_defaults_need_no_environment():
    config = config_from_environment({})
    assert config.APP_ENV == "development"
    assert config.SQLALCHEMY_DATABASE_URI is None
    assert config.RATELIMIT_STORAGE_URI == "memory://"
    assert config.RATELIMIT_ENABLED is True


def test_production_refuses_default_secrets():
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        config_from_environment(
            {"APP_ENV": "production", "DATABASE_URL": "postgresql+psycopg://db/attune"}
        )


def test_production_refuses_to_start_without_a_database_url():
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        config_from_environment(
            {"APP_ENV": "production", "SECRET_KEY": "s" * 40, "JWT_SECRET_KEY": "j" * 40}
        )


def test_production_starts_with_real_secrets_and_database():
    config = config_from_environment(
        {
            "APP_ENV": "production",
            "SECRET_KEY": "s" * 40,
            "JWT_SECRET_KEY": "j" * 40,
            "DATABASE_URL": "postgresql+psycopg://db/attune",
            "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0",
        }
    )
    assert config.SQLALCHEMY_DATABASE_URI == "postgresql+psycopg://db/attune"
    assert config.RATELIMIT_STORAGE_URI == "redis://127.0.0.1:6379/0"


def test_environment_sets_limits_and_token_lifetimes():
    config = Config(
        {
            "RATELIMIT_LOGIN": "3 per minute",
            "RATELIMIT_ENABLED": "false",
            "JWT_ACCESS_TOKEN_MINUTES": "5",
        }
    )
    assert config.RATELIMIT_LOGIN == "3 per minute"
    assert config.RATELIMIT_ENABLED is False
    assert config.JWT_ACCESS_TOKEN_EXPIRES.total_seconds() == 300


def test_unknown_app_env_is_refused():
    with pytest.raises(ConfigError):
        config_from_environment({"APP_ENV": "staging"})


def test_pool_sizes_come_from_the_environment_only_when_set():
    options = Config(
        {"DATABASE_POOL_SIZE": "20", "DATABASE_MAX_OVERFLOW": "0", "DATABASE_POOL_TIMEOUT": "3"}
    ).SQLALCHEMY_ENGINE_OPTIONS
    assert options["pool_size"] == 20
    assert options["max_overflow"] == 0
    assert options["pool_timeout"] == 3
    assert options["pool_pre_ping"] is True
    assert "pool_size" not in Config({}).SQLALCHEMY_ENGINE_OPTIONS


def test_a_pool_size_that_is_not_a_number_is_refused():
    with pytest.raises(ConfigError, match="DATABASE_POOL_SIZE"):
        Config({"DATABASE_POOL_SIZE": "lots"})


def test_production_refuses_apple_sign_in_without_the_key_that_revokes_its_tokens(tmp_path):
    base = {
        "APP_ENV": "production",
        "SECRET_KEY": "s" * 40,
        "JWT_SECRET_KEY": "j" * 40,
        "DATABASE_URL": "postgresql+psycopg://db/attune",
        "APPLE_CLIENT_IDS": "app.attune.ios",
    }
    with pytest.raises(ConfigError, match=r"APPLE_TEAM_ID.*APPLE_KEY_ID.*APPLE_PRIVATE_KEY_FILE"):
        config_from_environment(base)
    keyed = {**base, "APPLE_TEAM_ID": "TEAM", "APPLE_KEY_ID": "KEY"}
    with pytest.raises(ConfigError, match="APPLE_PRIVATE_KEY_FILE does not name a readable file"):
        config_from_environment({**keyed, "APPLE_PRIVATE_KEY_FILE": str(tmp_path / "missing.p8")})
    key = tmp_path / "AuthKey.p8"
    key.write_text("-----BEGIN PRIVATE KEY-----\n")
    config = config_from_environment({**keyed, "APPLE_PRIVATE_KEY_FILE": str(key)})
    assert config.APPLE_CLIENT_IDS == ("app.attune.ios",)


def test_provider_sign_in_is_off_by_default():
    config = Config({})
    assert config.APPLE_CLIENT_IDS == () and config.GOOGLE_CLIENT_IDS == ()
    assert config.APPLE_BASE_URL == "https://appleid.apple.com"
    assert config.GOOGLE_JWKS_URL == "https://www.googleapis.com/oauth2/v3/certs"

"""Configuration read from the environment, with safe development defaults."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from datetime import timedelta
from importlib import metadata
from pathlib import Path

from limits import parse_many

DEV_SECRET_KEY = "dev-only-secret-key-change-me"  # noqa: S105 - refused in production
DEV_JWT_SECRET_KEY = "dev-only-jwt-secret-key-change-me"  # noqa: S105 - refused in production
MAX_REFRESH_REUSE_GRACE_SECONDS = 30


API_DESCRIPTION = """\
The API behind Attune, a companion app for couples.

Two partners pair their accounts with an invite code. Each posts short mood check-ins
(a tone word, an energy level from 1 to 10, optionally what would help, and a note), and
the API tells each partner how to meet the other where they are: match their pace,
reflect their feeling back, don't rush to fix. Once a week it sums up how they turned
toward each other.

Authenticate with `Authorization: Bearer <access_token>` from `/auth/register`,
`/auth/login`, `/auth/apple` or `/auth/google`. Every error is `application/problem+json`
with a stable `code`, also a URL (414) or headers (431) too large for the server.
"""


def package_version() -> str:
    """The version in pyproject.toml: the one the OpenAPI document states."""
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    if pyproject.is_file():  # a checkout: the file is the truth, even before a reinstall
        with pyproject.open("rb") as file:
            return str(tomllib.load(file)["project"]["version"])
    return metadata.version("attune")


class ConfigError(RuntimeError):
    """The environment does not describe a configuration the service may start with."""


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _names(value: str | None) -> tuple[str, ...]:
    """A comma-separated list, blanks dropped."""
    return tuple(name.strip() for name in (value or "").split(",") if name.strip())


def _int(environ: Mapping[str, str], name: str, default: int) -> int:
    raw = environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc


def _rate_limits(environ: Mapping[str, str], name: str, default: str) -> str:
    """A Flask-Limiter string (`;` between several), refused at start if it does not parse:
    limits counted by the app itself would otherwise fail on every request they guard."""
    value = environ.get(name) or default
    try:
        parse_many(value)
    except ValueError as exc:
        raise ConfigError(
            f"{name} must be a rate limit such as {default!r}, got {value!r}"
        ) from exc
    return value


class Config:
    """Everything the app reads from its environment, as Flask config attributes."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        env = os.environ if environ is None else environ
        self.APP_ENV = env.get("APP_ENV", "development")
        self.SECRET_KEY = env.get("SECRET_KEY") or DEV_SECRET_KEY
        self.JWT_SECRET_KEY = env.get("JWT_SECRET_KEY") or DEV_JWT_SECRET_KEY
        # None means "a SQLite file in the instance folder", resolved by create_app.
        self.SQLALCHEMY_DATABASE_URI = env.get("DATABASE_URL") or None
        self.SQLALCHEMY_ENGINE_OPTIONS: dict[str, object] = {
            "pool_pre_ping": True,
            "pool_recycle": 1800,
            # A failed statement's error names its SQL but not the values bound to it, so
            # no message of an exception carries a request's data (password hashes, notes).
            "hide_parameters": True,
        }
        # Per worker. A sync worker uses one connection at a time; gthread workers want
        # about one per thread. Set only when asked: SQLite's pools take other options.
        for name, option in (
            ("DATABASE_POOL_SIZE", "pool_size"),
            ("DATABASE_MAX_OVERFLOW", "max_overflow"),
            ("DATABASE_POOL_TIMEOUT", "pool_timeout"),
        ):
            if env.get(name):
                self.SQLALCHEMY_ENGINE_OPTIONS[option] = _int(env, name, 0)
        # Workers remember token checks and hear of changes by LISTEN (api/auth/caller_cache.py).
        # LISTEN needs a session of its own: behind PgBouncer in transaction mode, point
        # DATABASE_LISTEN_URL at PostgreSQL itself (or turn the memory off).
        self.REMEMBER_CALLERS = _flag(env.get("REMEMBER_CALLERS"), True)
        self.DATABASE_LISTEN_URL = env.get("DATABASE_LISTEN_URL") or None
        self.PROXY_FIX_X_FOR = _int(env, "PROXY_FIX_X_FOR", 0)
        # One JSON object per log line on stdout, for the log shipper to read.
        self.LOG_JSON = _flag(env.get("LOG_JSON"), True)
        self.LOG_LEVEL = env.get("LOG_LEVEL") or "INFO"
        self.MAX_CONTENT_LENGTH = _int(env, "MAX_CONTENT_LENGTH", 64 * 1024)

        self.JWT_ACCESS_TOKEN_EXPIRES = timedelta(minutes=_int(env, "JWT_ACCESS_TOKEN_MINUTES", 15))
        self.JWT_REFRESH_TOKEN_EXPIRES = timedelta(days=_int(env, "JWT_REFRESH_TOKEN_DAYS", 30))
        # A spent refresh token presented again this soon gets the same pair (a race, not
        # a thief); longer would widen what a stolen token could get.
        self.REFRESH_REUSE_GRACE_SECONDS = _int(env, "REFRESH_REUSE_GRACE_SECONDS", 10)
        if not 0 <= self.REFRESH_REUSE_GRACE_SECONDS <= MAX_REFRESH_REUSE_GRACE_SECONDS:
            raise ConfigError(
                "REFRESH_REUSE_GRACE_SECONDS must be between 0 and "
                f"{MAX_REFRESH_REUSE_GRACE_SECONDS}, got {self.REFRESH_REUSE_GRACE_SECONDS}"
            )

        # OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
        self.ARGON2_TIME_COST = _int(env, "ARGON2_TIME_COST", 2)
        self.ARGON2_MEMORY_COST = _int(env, "ARGON2_MEMORY_COST", 19 * 1024)
        self.ARGON2_PARALLELISM = _int(env, "ARGON2_PARALLELISM", 1)

        self.RATELIMIT_ENABLED = _flag(env.get("RATELIMIT_ENABLED"), True)
        self.RATELIMIT_STORAGE_URI = env.get("RATELIMIT_STORAGE_URI") or "memory://"
        self.RATELIMIT_HEADERS_ENABLED = True
        self.RATELIMIT_KEY_PREFIX = env.get("RATELIMIT_KEY_PREFIX") or "attune"
        # memory:// counts in each process: with several workers every limit multiplies.
        # Production refuses that at gunicorn's start unless the operator says it is meant.
        self.RATELIMIT_PER_WORKER_OK = _flag(env.get("RATELIMIT_PER_WORKER_OK"), False)
        # A Redis outage must not take sign-in down with it: count in memory meanwhile.
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_SWALLOW_ERRORS = True
        self.RATELIMIT_LOGIN = env.get("RATELIMIT_LOGIN") or "10 per minute"
        self.RATELIMIT_LOGIN_ADDRESS = env.get("RATELIMIT_LOGIN_ADDRESS") or "100 per minute"
        self.RATELIMIT_REGISTER = env.get("RATELIMIT_REGISTER") or "20 per hour"
        self.RATELIMIT_REDEEM = env.get("RATELIMIT_REDEEM") or "10 per hour"
        self.RATELIMIT_REDEEM_ADDRESS = env.get("RATELIMIT_REDEEM_ADDRESS") or "30 per hour"
        self.RATELIMIT_INVITE = env.get("RATELIMIT_INVITE") or "20 per day"
        # POST /auth/apple and /auth/google make accounts too: limited like register.
        self.RATELIMIT_PROVIDER_SIGNIN = (
            env.get("RATELIMIT_PROVIDER_SIGNIN") or self.RATELIMIT_REGISTER
        )

        # Sign in with Apple and Google. A provider without client ids is switched off.
        self.APPLE_CLIENT_IDS = _names(env.get("APPLE_CLIENT_IDS"))
        self.GOOGLE_CLIENT_IDS = _names(env.get("GOOGLE_CLIENT_IDS"))
        # The key that signs Apple client secrets (the .p8 file from Apple's developer site).
        self.APPLE_TEAM_ID = env.get("APPLE_TEAM_ID") or None
        self.APPLE_KEY_ID = env.get("APPLE_KEY_ID") or None
        self.APPLE_PRIVATE_KEY_FILE = env.get("APPLE_PRIVATE_KEY_FILE") or None
        self.APPLE_BASE_URL = env.get("APPLE_BASE_URL") or "https://appleid.apple.com"
        self.GOOGLE_JWKS_URL = (
            env.get("GOOGLE_JWKS_URL") or "https://www.googleapis.com/oauth2/v3/certs"
        )
        # How long to wait for a provider's keys, token or revoke endpoint (seconds).
        self.PROVIDER_TIMEOUT = float(env.get("PROVIDER_TIMEOUT") or 5)
        # Wrong passwords behind a token (changing it, deleting the account), per account.
        self.RATELIMIT_REAUTH = env.get("RATELIMIT_REAUTH") or "5 per 15 minutes"
        # What an account may create, counted only when something is created: a replayed
        # post (an offline queue emptying itself) is answered from what is stored, free.
        self.RATELIMIT_CHECKIN = _rate_limits(env, "RATELIMIT_CHECKIN", "120 per hour;500 per day")
        self.RATELIMIT_RESPOND = _rate_limits(env, "RATELIMIT_RESPOND", "120 per hour")

        # Push notifications (FCM HTTP v1). Without a project and credentials they are logged.
        self.FCM_PROJECT_ID = env.get("FCM_PROJECT_ID") or None
        self.FCM_CREDENTIALS_FILE = env.get("FCM_CREDENTIALS_FILE") or None
        self.FCM_BASE_URL = env.get("FCM_BASE_URL") or "https://fcm.googleapis.com"
        self.FCM_TIMEOUT = float(env.get("FCM_TIMEOUT") or 10)

        self.API_TITLE = "Attune API"
        self.API_VERSION = package_version()
        self.OPENAPI_VERSION = "3.0.3"
        self.API_SPEC_OPTIONS = {
            "info": {
                "description": API_DESCRIPTION,
                "contact": {"name": "Attune"},
            },
        }
        self.OPENAPI_URL_PREFIX = "/"
        self.OPENAPI_JSON_PATH = "openapi.json"
        self.OPENAPI_SWAGGER_UI_PATH = "docs"
        # Served by this app from the swagger-ui-bundle package: the docs work offline.
        self.OPENAPI_SWAGGER_UI_URL = "/docs/assets/"
        self.OPENAPI_SWAGGER_UI_CONFIG = {"validatorUrl": None}


class ProductionConfig(Config):
    """Refuses to start on development secrets or without a real database."""

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(environ)
        problems = []
        if self.SECRET_KEY == DEV_SECRET_KEY:
            problems.append("SECRET_KEY is not set")
        if self.JWT_SECRET_KEY == DEV_JWT_SECRET_KEY:
            problems.append("JWT_SECRET_KEY is not set")
        for name in ("SECRET_KEY", "JWT_SECRET_KEY"):
            if len(getattr(self, name)) < 32:
                problems.append(f"{name} must be at least 32 characters")
        if not self.SQLALCHEMY_DATABASE_URI:
            problems.append("DATABASE_URL is not set")
        if self.APPLE_CLIENT_IDS:
            # Deleting an account must revoke its Apple tokens (App Store guideline
            # 5.1.1(v)), and that takes a client secret signed with this key.
            for name in ("APPLE_TEAM_ID", "APPLE_KEY_ID", "APPLE_PRIVATE_KEY_FILE"):
                if not getattr(self, name):
                    problems.append(f"{name} is not set, and APPLE_CLIENT_IDS is")
            key_file = self.APPLE_PRIVATE_KEY_FILE
            if key_file and not os.path.isfile(key_file):
                problems.append("APPLE_PRIVATE_KEY_FILE does not name a readable file")
        if problems:
            raise ConfigError("refusing to start in production: " + "; ".join(problems))


class TestConfig(Config):
    """Fast hashing and no rate limits unless a test turns them on; ignores the shell's env."""

    TESTING = True
    __test__ = False  # not a pytest test class, whatever its name says

    def __init__(self, database_url: str | None = None, **overrides: object) -> None:
        super().__init__({})
        self.TESTING = True
        self.SQLALCHEMY_DATABASE_URI = database_url
        self.ARGON2_TIME_COST = 1
        self.ARGON2_MEMORY_COST = 1024
        self.RATELIMIT_ENABLED = False
        self.LOG_JSON = False
        for name, value in overrides.items():
            setattr(self, name, value)


def refuse_per_worker_limits(config: Config, workers: int) -> None:
    """In production, refuse `memory://` rate-limit storage served by several workers.

    Each worker would count on its own, so every limit would be multiplied by the number
    of workers (20 logins a minute per email instead of 10 with two; the default worker
    count goes up to 8). Only the server knows how many workers it starts, so gunicorn's
    master calls this (gunicorn.conf.py). RATELIMIT_PER_WORKER_OK=true says it is meant.
    """
    if (
        config.APP_ENV == "production"
        and config.RATELIMIT_ENABLED
        and config.RATELIMIT_STORAGE_URI.startswith("memory://")
        and workers > 1
        and not config.RATELIMIT_PER_WORKER_OK
    ):
        raise ConfigError(
            f"refusing to start in production: RATELIMIT_STORAGE_URI is memory:// and "
            f"{workers} workers would each count every rate limit on their own "
            f"({workers} times each limit). Set RATELIMIT_STORAGE_URI=redis://..., or "
            "serve with one worker, or set RATELIMIT_PER_WORKER_OK=true if that is meant."
        )


def config_from_environment(environ: Mapping[str, str] | None = None) -> Config:
    env = os.environ if environ is None else environ
    app_env = env.get("APP_ENV", "development")
    if app_env == "production":
        return ProductionConfig(env)
    if app_env != "development":
        raise ConfigError(f"APP_ENV must be 'development' or 'production', got {app_env!r}")
    return Config(env)

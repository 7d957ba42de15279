"""Rate limits: the limiter, who a limit counts (address, account, both), the limit on
proving who you are again, and the limits on what an account creates."""

from __future__ import annotations

import logging
import math
import time
import uuid
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from flask import Response, current_app, request
from flask_jwt_extended import decode_token
from flask_limiter import Limiter
from limits import RateLimitItem, parse_many
from limits.strategies import RateLimiter

from api.http.errors import ApiError

View = TypeVar("View", bound=Callable[..., Any])
T = TypeVar("T")

log = logging.getLogger(__name__)


def client_address() -> str:
    # ProxyFix (when configured) has already put the real client address here.
    return request.remote_addr or "unknown"


def login_key() -> str:
    body = request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    email = email.strip().lower() if isinstance(email, str) else ""
    return f"{client_address()}|{email}"


def configured(name: str) -> Callable[[], str]:
    """A limit read from config at request time, so tests and deployments can change it."""

    def limit() -> str:
        return str(current_app.config[name])

    return limit


def user_key() -> str:
    """The account behind the bearer token; the client address when there is none."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        try:
            claims = decode_token(header.removeprefix("Bearer ").strip())
        except Exception:
            return f"address:{client_address()}"
        return f"user:{claims.get('sub')}"
    return f"address:{client_address()}"


limiter = Limiter(key_func=client_address)


# The answers that say a proof of who you are failed (not: no token, or a bad body).
FAILED_PROOFS = frozenset({"invalid_credentials", "invalid_identity_token"})


def _wrong_password(response: Response) -> bool:
    """Whether the answer says the password (or the identity token) was not right."""
    if response.status_code != 401:
        return False
    body = response.get_json(silent=True)
    return isinstance(body, dict) and body.get("code") in FAILED_PROOFS


# One count per account, shared by every operation that checks a password again.
_reauth = limiter.shared_limit(
    configured("RATELIMIT_REAUTH"),
    scope="reauth",
    key_func=user_key,
    deduct_when=_wrong_password,
)


def reauth_limited(view: View) -> View:
    """Limit wrong passwords per account (RATELIMIT_REAUTH) on a view that asks for the
    password behind a token it already holds: whoever holds a stolen access token must
    not be able to guess the password with it. Only failed proofs count (401
    invalid_credentials or invalid_identity_token); once the limit is reached every
    attempt is 429, also with the right password, and no password is hashed."""
    return _reauth(view)  # type: ignore[return-value]


@lru_cache(maxsize=64)
def _parsed(limits: str) -> tuple[RateLimitItem, ...]:
    return tuple(parse_many(limits))


def _on_storage(count: Callable[[RateLimiter], T], unlimited: T) -> T:
    """`count` on the limiter's storage. When the storage (Redis) is unreachable, count in
    memory meanwhile, as Flask-Limiter does for the limits it checks itself; failing that,
    let the request through: a limit must not take posting down with it."""
    try:
        return count(limiter.limiter)
    except Exception as exc:
        config = current_app.config
        # Flask-Limiter's own flag: its next check of any request probes the storage again
        # and switches back when it answers; there is no public way to say so.
        if config.get("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED") and not limiter._storage_dead:
            log.warning(
                "rate limit storage unreachable, counting in memory: %s", type(exc).__name__
            )
            limiter._storage_dead = True
            return _on_storage(count, unlimited)
        if not config.get("RATELIMIT_SWALLOW_ERRORS"):
            raise
        log.warning("rate limit storage unreachable, not counting: %s", type(exc).__name__)
        return unlimited


class CreationLimit:
    """At most so many things created per account: config `setting` holds a Flask-Limiter
    string (`;` between several, e.g. "120 per hour;500 per day").

    Counted where the thing is created, not around the view: a request answered from what
    is stored (a replayed post), and a refused one (4xx), cost nothing, also once the limit
    is reached. `allows` only looks; `spend` counts one creation; `refusal` is the 429.
    """

    def __init__(self, setting: str, scope: str, things: str) -> None:
        self.setting = setting
        self.scope = scope
        self.things = things

    def _enabled(self) -> bool:
        return bool(current_app.config["RATELIMIT_ENABLED"])

    def _counts(self, account: uuid.UUID) -> list[tuple[RateLimitItem, list[str]]]:
        config = current_app.config
        # The key says whose count it is, as user_key() does for Flask-Limiter's limits.
        names = [config.get("RATELIMIT_KEY_PREFIX") or "", f"user:{account}", self.scope]
        names = [name for name in names if name]
        return [(item, names) for item in _parsed(str(config[self.setting]))]

    def allows(self, account: uuid.UUID) -> bool:
        """Whether `account` may create one more (nothing is counted)."""
        if not self._enabled():
            return True
        counts = self._counts(account)
        return _on_storage(
            lambda strategy: all(strategy.test(item, *names) for item, names in counts), True
        )

    def spend(self, account: uuid.UUID) -> bool:
        """Count one creation; False when the limit was already spent (by a concurrent
        request since `allows` said yes): the creation must then be undone and refused."""
        if not self._enabled():
            return True
        counts = self._counts(account)
        return _on_storage(
            lambda strategy: all(strategy.hit(item, *names) for item, names in counts), True
        )

    def take(self, account: uuid.UUID) -> None:
        """Count one creation, or raise the 429 if the limit is spent (then nothing is
        counted, unless a concurrent request took the last place between look and count)."""
        if not (self.allows(account) and self.spend(account)):
            raise self.refusal(account)

    def refusal(self, account: uuid.UUID) -> ApiError:
        """429 `rate_limited`, with Retry-After: when every spent window has begun again."""

        def spent(strategy: RateLimiter) -> list[tuple[RateLimitItem, float]]:
            return [
                (item, strategy.get_window_stats(item, *names).reset_time)
                for item, names in self._counts(account)
                if not strategy.test(item, *names)
            ]

        windows: list[tuple[RateLimitItem, float]] = _on_storage(spent, [])
        wait = max([math.ceil(reset - time.time()) for _, reset in windows] + [1])
        limits = ", ".join(str(item) for item, _ in windows) or str(
            current_app.config[self.setting]
        )
        return ApiError(
            429,
            "rate_limited",
            f"Too many {self.things} (at most {limits}); try again in {wait} seconds.",
            headers={"Retry-After": str(wait)},
        )


CHECKIN_LIMIT = CreationLimit("RATELIMIT_CHECKIN", "checkins", "check-ins")
RESPOND_LIMIT = CreationLimit("RATELIMIT_RESPOND", "responses", "responses")

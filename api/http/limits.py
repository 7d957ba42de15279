"""Rate limits: the limiter, who a limit counts (address, account, both), and the limit on
proving who you are again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Response, current_app, request
from flask_jwt_extended import decode_token
from flask_limiter import Limiter

View = TypeVar("View", bound=Callable[..., Any])


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

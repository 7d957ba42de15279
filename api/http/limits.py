"""Who a rate limit counts: the client address, the account, or both."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, request
from flask_jwt_extended import decode_token


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

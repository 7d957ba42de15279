"""Who a rate limit counts: the client address, the account, or both."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app, request


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

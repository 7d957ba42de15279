"""Apple's token and revoke endpoints, with a client secret signed by the team's key.

The client secret is an ES256 JWT (PyJWT signs it): header `kid` the key id; claims `iss`
the team id, `iat`, `exp` (five minutes later; Apple allows six months, a short life
leaves little to steal), `aud` https://appleid.apple.com and `sub` the client id the
authorization code or token was issued to. Configured by APPLE_TEAM_ID, APPLE_KEY_ID and
APPLE_PRIVATE_KEY_FILE (the .p8 file Apple gives once); APPLE_BASE_URL points elsewhere
for tests.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from enum import Enum
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from flask import current_app

log = logging.getLogger(__name__)

CLIENT_SECRET_AUDIENCE = "https://appleid.apple.com"  # noqa: S105 - a URL, not a secret
CLIENT_SECRET_LIFETIME_SECONDS = 300
_CLIENT_KEY = "attune.apple_client"
_client_lock = threading.Lock()


class AppleError(Exception):
    """Apple did not give what was asked; the message says why, without any secret."""


class Revoked(Enum):
    DONE = "done"  # revoked, or Apple no longer knows the token: nothing left to revoke
    RETRY = "retry"  # unreachable, 5xx, or refused our client secret: try again later


@dataclass(frozen=True)
class AppleGrant:
    refresh_token: str
    client_id: str


class AppleClient:
    def __init__(
        self,
        base_url: str,
        team_id: str,
        key_id: str,
        private_key: ec.EllipticCurvePrivateKey,
        timeout: float,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.team_id = team_id
        self.key_id = key_id
        self._private_key = private_key
        self.timeout = timeout

    def client_secret(self, client_id: str) -> str:
        issued = int(time.time())
        return jwt.encode(
            {
                "iss": self.team_id,
                "iat": issued,
                "exp": issued + CLIENT_SECRET_LIFETIME_SECONDS,
                "aud": CLIENT_SECRET_AUDIENCE,
                "sub": client_id,
            },
            self._private_key,
            algorithm="ES256",
            headers={"kid": self.key_id},
        )

    def _post(self, path: str, form: dict[str, str]) -> tuple[int | None, dict[str, Any]]:
        """Apple's status and JSON answer; (None, {}) when Apple could not be reached."""
        request = urllib.request.Request(  # noqa: S310 - Apple, or a stand-in on loopback
            f"{self.base_url}{path}",
            data=urllib.parse.urlencode(form).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                status, raw = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        except (TimeoutError, urllib.error.URLError, OSError):
            return None, {}
        try:
            body = json.loads(raw) if raw else {}
        except ValueError:
            body = {}
        return status, body if isinstance(body, dict) else {}

    def exchange(self, client_id: str, code: str, subject: str) -> AppleGrant:
        """Trade an authorization code for Apple's refresh token of the Apple ID `subject`."""
        status, body = self._post(
            "/auth/token",
            {
                "client_id": client_id,
                "client_secret": self.client_secret(client_id),
                "code": code,
                "grant_type": "authorization_code",
            },
        )
        if status is None:
            raise AppleError("Apple's token endpoint is unreachable")
        if status != 200:
            raise AppleError(f"Apple answered {status} {_error_of(body)}")
        refresh_token, id_token = body.get("refresh_token"), body.get("id_token")
        if not isinstance(refresh_token, str) or not isinstance(id_token, str):
            raise AppleError("Apple's answer holds no refresh token or id token")
        # Straight from Apple over TLS, so its claims are read without checking the
        # signature (OpenID Connect Core 3.1.3.7): the code must be this Apple ID's.
        try:
            claims = jwt.decode(id_token, options={"verify_signature": False})
        except jwt.InvalidTokenError as exc:
            raise AppleError("Apple's id token is unreadable") from exc
        if claims.get("sub") != subject or claims.get("aud") != client_id:
            raise AppleError("the authorization code belongs to another Apple ID or app")
        return AppleGrant(refresh_token, client_id)

    def revoke(self, client_id: str, refresh_token: str) -> tuple[Revoked, str | None]:
        status, body = self._post(
            "/auth/revoke",
            {
                "client_id": client_id,
                "client_secret": self.client_secret(client_id),
                "token": refresh_token,
                "token_type_hint": "refresh_token",
            },
        )
        if status == 200:
            return Revoked.DONE, None
        if status is None:
            return Revoked.RETRY, "unreachable"
        error = _error_of(body)
        if status == 400 and error == "invalid_grant":
            return Revoked.DONE, "Apple no longer knows the token"
        # 5xx, 429, and our own client secret refused (fixed by configuration): later.
        return Revoked.RETRY, f"{status} {error}".strip()


def _error_of(body: dict[str, Any]) -> str:
    error = body.get("error")
    return error if isinstance(error, str) and error.isidentifier() else ""


def apple_client() -> AppleClient | None:
    """The app's Apple client, or None when its key is not configured (or unreadable)."""
    config = current_app.config
    settings = (
        config["APPLE_BASE_URL"],
        config["APPLE_TEAM_ID"],
        config["APPLE_KEY_ID"],
        config["APPLE_PRIVATE_KEY_FILE"],
        config["PROVIDER_TIMEOUT"],
    )
    base_url, team_id, key_id, key_file, timeout = settings
    if not team_id or not key_id or not key_file:
        return None
    with _client_lock:
        cached = current_app.extensions.get(_CLIENT_KEY)
        if cached is not None and cached[0] == settings:
            client: AppleClient = cached[1]
            return client
        try:
            with open(key_file, "rb") as handle:
                private_key = load_pem_private_key(handle.read(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            log.error("APPLE_PRIVATE_KEY_FILE is unreadable", extra={"error": type(exc).__name__})
            return None
        if not isinstance(private_key, ec.EllipticCurvePrivateKey):
            log.error("APPLE_PRIVATE_KEY_FILE does not hold an elliptic-curve key")
            return None
        client = AppleClient(base_url, team_id, key_id, private_key, timeout)
        current_app.extensions[_CLIENT_KEY] = (settings, client)
        return client

"""Apple's and Google's id tokens, verified: keys, issuer, audience, time and nonce.

PyJWT does the cryptography: `PyJWKClient` fetches each provider's published keys (its
JWKS) and keeps them; a token signed with a key id it does not know makes it fetch the
keys again, at most once a minute, so a provider's key rotation is picked up and a flood
of made-up key ids costs one request a minute. Keys are trusted for at most a day
before they are fetched again, so a key the provider withdrew stops working.

Every refusal is the same 401 `invalid_identity_token`; the log line says why, never
with the token. A provider whose keys cannot be fetched is our problem, not the
token's: that is a 503, and the app may try again.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import threading
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
from flask import current_app

from api.clock import now
from api.http.errors import ApiError

log = logging.getLogger(__name__)

APPLE_ISSUER = "https://appleid.apple.com"
GOOGLE_ISSUERS = ("https://accounts.google.com", "accounts.google.com")
PROVIDER_NAMES = ("apple", "google")
# Clocks differ a little between phones, providers and us.
LEEWAY = timedelta(seconds=60)
# An unknown key id fetches the keys again, but not more often than this.
REFETCH_COOLDOWN_SECONDS = 60.0
# How long fetched keys are trusted before they are fetched again anyway.
KEYS_TRUSTED_FOR = timedelta(days=1)
_CLIENTS_KEY = "attune.provider_keys"
_clients_lock = threading.Lock()


@dataclass(frozen=True)
class Provider:
    name: str
    title: str
    # The first is canonical: identities are stored with it (Google signs with both).
    issuers: tuple[str, ...]
    jwks_url: str
    client_ids: tuple[str, ...]
    # Apple's `nonce` claim holds the SHA-256 hex digest of the raw nonce, and is required;
    # Google's holds the raw value, checked when the app sends one.
    hashed_nonce: bool

    @property
    def issuer(self) -> str:
        return self.issuers[0]


@dataclass(frozen=True)
class VerifiedToken:
    """What a verified id token says. `email` is set only when the provider verified it."""

    provider: str
    issuer: str
    subject: str
    audience: str
    email: str | None
    name: str | None
    private_email: bool
    issued_at: datetime
    expires_at: datetime
    # Set when a nonce was checked: the token is then accepted once (see identities.py).
    nonce_key: str | None


def configured_provider(name: str) -> Provider:
    """The provider called `name`; 404 `provider_disabled` when it has no client ids."""
    config = current_app.config
    if name == "apple":
        provider = Provider(
            "apple",
            "Apple",
            (APPLE_ISSUER,),
            config["APPLE_BASE_URL"].rstrip("/") + "/auth/keys",
            tuple(config["APPLE_CLIENT_IDS"]),
            hashed_nonce=True,
        )
    elif name == "google":
        provider = Provider(
            "google",
            "Google",
            GOOGLE_ISSUERS,
            config["GOOGLE_JWKS_URL"],
            tuple(config["GOOGLE_CLIENT_IDS"]),
            hashed_nonce=False,
        )
    else:
        raise ApiError(404, "not_found", "There is no such sign-in provider.")
    if not provider.client_ids:
        raise ApiError(404, "provider_disabled", f"Sign in with {provider.title} is switched off.")
    return provider


def refused(provider: str, reason: str) -> ApiError:
    """Log why an identity token was refused, and the one answer every refusal gets."""
    log.info("identity token refused", extra={"provider": provider, "reason": reason})
    return ApiError(401, "invalid_identity_token", "The identity token is not valid.")


def _keys_unavailable(provider: Provider, error: Exception) -> ApiError:
    log.warning(
        "identity provider keys unavailable",
        extra={"provider": provider.name, "error": type(error).__name__},
    )
    return ApiError(
        503,
        "service_unavailable",
        f"{provider.title}'s signing keys could not be fetched; try again shortly.",
        headers={"Retry-After": "30"},
    )


def _key_client(url: str) -> jwt.PyJWKClient:
    """The app's key client for `url`; replaced by a fresh one once its keys are a day old."""
    with _clients_lock:
        clients: dict[str, tuple[jwt.PyJWKClient, datetime]] = current_app.extensions.setdefault(
            _CLIENTS_KEY, {}
        )
        entry = clients.get(url)
        if entry is None or now() - entry[1] > KEYS_TRUSTED_FOR:
            client = jwt.PyJWKClient(
                url,
                cache_keys=True,
                cooldown_duration=REFETCH_COOLDOWN_SECONDS,
                timeout=current_app.config["PROVIDER_TIMEOUT"],
                headers={"User-Agent": "attune-api"},
            )
            entry = clients[url] = (client, now())
        return entry[0]


def _signing_key(provider: Provider, id_token: str) -> Any:
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.DecodeError as exc:
        raise refused(provider.name, "malformed token") from exc
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise refused(provider.name, "no key id in the header")
    if header.get("alg") != "RS256":
        raise refused(provider.name, "algorithm not allowed")
    try:
        return _key_client(provider.jwks_url).get_signing_key(kid).key
    except (jwt.PyJWKClientConnectionError, jwt.PyJWKSetError) as exc:
        raise _keys_unavailable(provider, exc) from exc
    except jwt.PyJWKClientError as exc:
        raise refused(provider.name, "unknown signing key") from exc


_REASONS: tuple[tuple[type[Exception], str], ...] = (
    (jwt.InvalidSignatureError, "bad signature"),
    (jwt.InvalidAudienceError, "wrong audience"),
    (jwt.InvalidIssuerError, "wrong issuer"),
    (jwt.InvalidAlgorithmError, "algorithm not allowed"),
    (jwt.MissingRequiredClaimError, "a required claim is missing"),
    (jwt.DecodeError, "malformed token"),
)


def _claims(provider: Provider, id_token: str) -> dict[str, Any]:
    key = _signing_key(provider, id_token)
    try:
        return jwt.decode(
            id_token,
            key,
            algorithms=["RS256"],
            audience=list(provider.client_ids),
            issuer=provider.issuers,
            # Time is checked below against the app's clock, which tests can set.
            options={
                "require": ["iss", "aud", "sub", "iat", "exp"],
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
            },
        )
    except jwt.InvalidTokenError as exc:
        reason = next((r for kind, r in _REASONS if isinstance(exc, kind)), "invalid token")
        raise refused(provider.name, reason) from exc


def _timestamp(claims: dict[str, Any], name: str) -> datetime | None:
    value = claims.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _checked_nonce(provider: Provider, claims: dict[str, Any], nonce: str | None) -> str | None:
    """The replay key of a checked nonce (None when none was checked); refuses a mismatch."""
    claim = claims.get("nonce")
    if provider.hashed_nonce:
        if not nonce:
            raise refused(provider.name, "nonce missing")
        expected = hashlib.sha256(nonce.encode()).hexdigest()
    elif nonce is not None:
        expected = nonce
    else:
        return None
    if not isinstance(claim, str) or not hmac.compare_digest(claim.encode(), expected.encode()):
        raise refused(provider.name, "nonce does not match")
    return hashlib.sha256(f"{provider.issuer}\n{claim}".encode()).hexdigest()


def _truthy(value: Any) -> bool:
    # Apple sends "true"/"false" as strings, Google sends booleans.
    return value is True or value == "true"


def _verified_email(claims: dict[str, Any]) -> str | None:
    email = claims.get("email")
    if not isinstance(email, str) or not _truthy(claims.get("email_verified")):
        return None
    email = email.strip().lower()
    if not 3 <= len(email) <= 254 or "@" not in email or "\x00" in email:
        return None
    return email


def _name(claims: dict[str, Any]) -> str | None:
    """The display name a provider gave (Google's `name`), cleaned of control characters."""
    name = claims.get("name")
    if not isinstance(name, str):
        return None
    kept = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return kept[:50].strip() or None


def verify(provider: Provider, id_token: str, nonce: str | None) -> VerifiedToken:
    """Verify an id token of `provider`, or raise 401 `invalid_identity_token`."""
    claims = _claims(provider, id_token)
    audience, subject = claims["aud"], claims["sub"]
    if not isinstance(audience, str):
        raise refused(provider.name, "several audiences")
    if not isinstance(subject, str) or not 1 <= len(subject) <= 255:
        raise refused(provider.name, "unusable subject")
    issued_at, expires_at = _timestamp(claims, "iat"), _timestamp(claims, "exp")
    if issued_at is None or expires_at is None:
        raise refused(provider.name, "unreadable iat or exp")
    moment = now()
    if expires_at + LEEWAY <= moment:
        raise refused(provider.name, "expired")
    if issued_at - LEEWAY > moment:
        raise refused(provider.name, "issued in the future")
    return VerifiedToken(
        provider=provider.name,
        issuer=provider.issuer,
        subject=subject,
        audience=audience,
        email=_verified_email(claims),
        name=_name(claims),
        private_email=_truthy(claims.get("is_private_email")),
        issued_at=issued_at,
        expires_at=expires_at,
        nonce_key=_checked_nonce(provider, claims, nonce),
    )

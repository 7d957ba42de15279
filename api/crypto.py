"""Keys derived from the app secret, and values sealed with them (Fernet: AES + HMAC).

Each use names its purpose, so one secret yields independent keys: knowing the invite-code
key tells nothing about the sync-cursor key. A `salt` binds a key to something the server
does not store (a presented token, say), so that what is sealed with it can be opened only
by whoever holds that thing again.

Uses nothing of `api`; every room may use it.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def derive_key(secret_key: str, purpose: bytes, salt: bytes | None = None) -> bytes:
    """32 bytes for `purpose`, derived from the app secret (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(
        secret_key.encode("utf-8")
    )


def fernet(secret_key: str, purpose: bytes, salt: bytes | None = None) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(derive_key(secret_key, purpose, salt)))


def seal(plaintext: bytes, key: Fernet) -> str:
    return key.encrypt(plaintext).decode("ascii")


def unseal(token: str, key: Fernet, *, ttl: int | None = None) -> bytes | None:
    """The sealed bytes, or None if the token was not sealed with this key (or is older
    than `ttl` seconds)."""
    try:
        return key.decrypt(token.encode("ascii"), ttl=ttl)
    except (InvalidToken, UnicodeEncodeError):
        return None

"""HKDF-derived keys: an HMAC for lookups and Fernet for what is kept sealed, one key per
purpose.

Each use names its purpose, so one secret yields independent keys: knowing the invite-code
key tells nothing about the sync-cursor key. A `salt` binds a key to something the server
does not store (a presented token, say), so that what is sealed with it can be opened only
by whoever holds that thing again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def derive_key(secret_key: str, purpose: bytes, salt: bytes | None = None) -> bytes:
    """32 bytes for `purpose`, derived from the app secret (HKDF-SHA256)."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=purpose).derive(
        secret_key.encode("utf-8")
    )


def keyed_hash(value: str, secret_key: str, purpose: bytes) -> str:
    """HMAC-SHA256 of `value` under the purpose's key, as hex: a lookup key for a secret."""
    return hmac.new(derive_key(secret_key, purpose), value.encode(), hashlib.sha256).hexdigest()


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


def encrypt(plaintext: str, secret_key: str, purpose: bytes) -> str:
    return seal(plaintext.encode(), fernet(secret_key, purpose))


def decrypt(token: str, secret_key: str, purpose: bytes) -> str | None:
    """The plaintext, or None when the token was not made with this secret and purpose."""
    opened = unseal(token, fernet(secret_key, purpose))
    return opened.decode() if opened is not None else None

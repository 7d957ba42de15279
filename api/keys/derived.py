"""HKDF-derived keys: an HMAC for lookups and Fernet for encryption, one key per purpose."""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


def derive_key(secret_key: str, purpose: bytes) -> bytes:
    """32 bytes for `purpose`, derived from the app secret."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        secret_key.encode("utf-8")
    )


def keyed_hash(value: str, secret_key: str, purpose: bytes) -> str:
    """HMAC-SHA256 of `value` under the purpose's key, as hex: a lookup key for a secret."""
    return hmac.new(derive_key(secret_key, purpose), value.encode(), hashlib.sha256).hexdigest()


def _fernet(secret_key: str, purpose: bytes) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(derive_key(secret_key, purpose)))


def encrypt(plaintext: str, secret_key: str, purpose: bytes) -> str:
    return _fernet(secret_key, purpose).encrypt(plaintext.encode()).decode()


def decrypt(token: str, secret_key: str, purpose: bytes) -> str | None:
    """The plaintext, or None when the token was not made with this secret and purpose."""
    try:
        return _fernet(secret_key, purpose).decrypt(token.encode()).decode()
    except InvalidToken:
        return None

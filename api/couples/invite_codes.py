"""Invite codes: generated from a CSPRNG, normalized, looked up by HMAC, kept encrypted.

10 Crockford base32 symbols carry 50 bits; shown as XXXXX-XXXXX. People read codes aloud
and retype them, so any case, hyphens and spaces are accepted, and O/I/L are read as 0/1/1.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None, " ": None})


def generate_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def display(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def normalize(typed: str) -> str | None:
    """The canonical code for what someone typed, or None if it cannot be a code."""
    code = typed.upper().translate(_READ_AS)
    if len(code) != CODE_LENGTH or any(symbol not in ALPHABET for symbol in code):
        return None
    return code


def _derive(secret_key: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
        secret_key.encode("utf-8")
    )


def lookup_hash(code: str, secret_key: str) -> str:
    return hmac.new(
        _derive(secret_key, b"attune invite lookup"), code.encode(), hashlib.sha256
    ).hexdigest()


def _fernet(secret_key: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_derive(secret_key, b"attune invite encryption")))


def encrypt(code: str, secret_key: str) -> str:
    return _fernet(secret_key).encrypt(code.encode()).decode()


def decrypt(token: str, secret_key: str) -> str | None:
    try:
        return _fernet(secret_key).decrypt(token.encode()).decode()
    except InvalidToken:
        return None

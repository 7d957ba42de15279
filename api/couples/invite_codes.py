"""Invite codes: generated from a CSPRNG, normalized, looked up by HMAC, kept encrypted.

10 Crockford base32 symbols carry 50 bits; shown as XXXXX-XXXXX. People read codes aloud
and retype them, so any case, hyphens and spaces are accepted, and O/I/L are read as 0/1/1.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from api.crypto import derive_key, fernet, seal, unseal

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


def lookup_hash(code: str, secret_key: str) -> str:
    return hmac.new(
        derive_key(secret_key, b"attune invite lookup"), code.encode(), hashlib.sha256
    ).hexdigest()


def encrypt(code: str, secret_key: str) -> str:
    return seal(code.encode(), fernet(secret_key, b"attune invite encryption"))


def decrypt(token: str, secret_key: str) -> str | None:
    code = unseal(token, fernet(secret_key, b"attune invite encryption"))
    return code.decode() if code is not None else None

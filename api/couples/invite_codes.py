"""Invite codes: generated from a CSPRNG, normalized, looked up by HMAC, kept encrypted.

10 Crockford base32 symbols carry 50 bits; shown as XXXXX-XXXXX. People read codes aloud
and retype them, so any case, hyphens and spaces are accepted, and O/I/L are read as 0/1/1.
"""

from __future__ import annotations

import secrets

from api.keys import derived

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


LOOKUP_PURPOSE = b"attune invite lookup"
ENCRYPTION_PURPOSE = b"attune invite encryption"


def lookup_hash(code: str, secret_key: str) -> str:
    return derived.keyed_hash(code, secret_key, LOOKUP_PURPOSE)


def encrypt(code: str, secret_key: str) -> str:
    return derived.encrypt(code, secret_key, ENCRYPTION_PURPOSE)


def decrypt(token: str, secret_key: str) -> str | None:
    return derived.decrypt(token, secret_key, ENCRYPTION_PURPOSE)

"""Keys derived from the app secret: one per purpose, optionally bound to a salt."""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from api.couples import invite_codes
from api.keys.derived import derive_key, fernet, seal, unseal

SECRET = "a secret key of the app, long enough"


def test_each_purpose_and_salt_gets_its_own_key():
    keys = {
        derive_key(SECRET, b"one"),
        derive_key(SECRET, b"two"),
        derive_key(SECRET, b"one", salt=b"a"),
        derive_key(SECRET, b"one", salt=b"b"),
        derive_key(SECRET + "!", b"one"),
    }
    assert len(keys) == 5
    assert derive_key(SECRET, b"one", salt=b"a") == derive_key(SECRET, b"one", salt=b"a")


def test_what_is_sealed_opens_only_with_the_same_purpose_and_salt():
    sealed = seal(b"pair", fernet(SECRET, b"grace", salt=b"token"))
    assert unseal(sealed, fernet(SECRET, b"grace", salt=b"token")) == b"pair"
    assert unseal(sealed, fernet(SECRET, b"grace", salt=b"another token")) is None
    assert unseal(sealed, fernet(SECRET, b"cursor", salt=b"token")) is None
    assert unseal("not a sealed value", fernet(SECRET, b"grace")) is None
    assert unseal("caf\u00e9", fernet(SECRET, b"grace")) is None


def test_invite_codes_sealed_before_the_move_still_open():
    # The key invite codes were encrypted with before api/keys existed.
    earlier = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"attune invite encryption"
    ).derive(SECRET.encode())
    stored = Fernet(base64.urlsafe_b64encode(earlier)).encrypt(b"7KQ2M9XDR4").decode()
    assert invite_codes.decrypt(stored, SECRET) == "7KQ2M9XDR4"
    assert invite_codes.encrypt("7KQ2M9XDR4", SECRET) != stored  # a fresh IV each time

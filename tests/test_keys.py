"""Keys derived from SECRET_KEY: one per purpose, and stable across releases."""

from __future__ import annotations

from api.couples import invite_codes
from api.keys import derived

SECRET = "a fixed secret key for the test"
# Made before the derivation moved to api/keys: invite codes stored then must still work.
STORED_CODE = (
    "gAAAAABrDWH2kUWrbGSELQjh1E1vMTtwf4GDfUhmXaWgw93iat0i8zELmXqfWgvdFjszg8qh4jU0QN0_"
    "SY5oaZUNyQEmVQfNTA=="
)


def test_invite_codes_stored_before_the_move_still_look_up_and_decrypt():
    assert (
        invite_codes.lookup_hash("7KQ2M9XDR4", SECRET)
        == "a10dc83739aa5d5992f87661215398e41f55a1940b2f5b2a6a627afa9057437f"
    )
    assert invite_codes.decrypt(STORED_CODE, SECRET) == "7KQ2M9XDR4"


def test_each_purpose_has_its_own_key():
    sealed = derived.encrypt("a refresh token", SECRET, b"purpose one")
    assert derived.decrypt(sealed, SECRET, b"purpose one") == "a refresh token"
    assert derived.decrypt(sealed, SECRET, b"purpose two") is None
    assert derived.decrypt(sealed, "another secret", b"purpose one") is None
    assert derived.keyed_hash("x", SECRET, b"one") != derived.keyed_hash("x", SECRET, b"two")


def test_a_damaged_ciphertext_decrypts_to_nothing():
    assert derived.decrypt("not a fernet token", SECRET, b"purpose") is None

"""Keys that tell one person's answers apart without naming the person: a keyed hash of the
user id under a salt of the round (or vote) it belongs to. Kept only while answers may still
change; the rows drop them when the round closes, and then no answer leads back to anyone."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SALT_HEX_LENGTH = 32  # 16 random bytes
KEY_HEX_LENGTH = 64  # SHA-256


def new_salt() -> str:
    """A fresh random salt for one round, vote or workshop."""
    return secrets.token_hex(SALT_HEX_LENGTH // 2)


def pseudonym(salt: str, user_id: str) -> str:
    """The same person under the same salt always gets the same key; under another salt an
    unrelated one. Raises ValueError for a salt that is not hex."""
    return hmac.new(bytes.fromhex(salt), user_id.encode(), hashlib.sha256).hexdigest()

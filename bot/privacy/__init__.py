"""Privacy guard: refuse and redact Finnish personal identity codes (HETU) in any form.

Every free-text input of the bot passes ``check_text`` before anything is stored, posted or
logged, and every log line passes ``redact``; both use the one matcher in ``codes.py``.
"""

from bot.privacy.codes import (
    REDACTION,
    IdentityCodeKind,
    PrivacyViolation,
    check_text,
    contains_identity_code,
    find_identity_codes,
    redact,
)

__all__ = [
    "REDACTION",
    "IdentityCodeKind",
    "PrivacyViolation",
    "check_text",
    "contains_identity_code",
    "find_identity_codes",
    "redact",
]

"""Password hashing (argon2id) and the password policy (OWASP ASVS 6.2).

The policy is length plus a block list, with no composition rules: at least 8 and at most
128 characters, not the account's email or its local part, and not one of the 10,000 most
common passwords. `wheels_wins/data/common_passwords.txt` holds the top 10,000 entries of
zxcvbn's `passwords` frequency list, lowercased, one per line.

Passwords are NFKC-normalised before hashing and checking (NIST SP 800-63B 5.1.1.2), so
the same passphrase typed on different keyboards produces the same hash.
"""

from __future__ import annotations

import secrets
import unicodedata
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 8
MAX_LENGTH = 128
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "common_passwords.txt"
# A local part this short ("al", "jo") would reject ordinary passwords if matched as a substring.
_MIN_LOCAL_PART_FOR_CONTAINS = 4

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile (t=3, m=64 MiB, p=4).
_hasher = PasswordHasher()


def _normalise(password: str) -> str:
    return unicodedata.normalize("NFKC", password)


@lru_cache
def common_passwords() -> frozenset[str]:
    """The bundled block list of common passwords, lowercased."""
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip())


def validate_password(password: str, email: str) -> str | None:
    """A message saying why `password` is not acceptable for `email`, or None when it is."""
    password = _normalise(password)
    if len(password) < MIN_LENGTH:
        return f"Password must be at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Password must be at most {MAX_LENGTH} characters."
    lowered = password.casefold()
    email = email.strip().casefold()
    local_part = email.partition("@")[0]
    if email and (email in lowered or lowered == local_part):
        return "Password must not contain your email address."
    if len(local_part) >= _MIN_LOCAL_PART_FOR_CONTAINS and local_part in lowered:
        return "Password must not contain your email address."
    if lowered in common_passwords():
        return "Password is too common; choose a longer phrase that is unique to you."
    return None


def hash_password(password: str) -> str:
    """An argon2id hash of `password` in PHC string format."""
    return _hasher.hash(_normalise(password))


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches `password_hash` (False for a malformed hash too)."""
    try:
        return _hasher.verify(password_hash, _normalise(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other parameters than the current ones."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


@lru_cache
def _dummy_hash() -> str:
    return _hasher.hash(secrets.token_urlsafe(16))


def dummy_verify(password: str) -> None:
    """Spend the same time as a real verification, for logins with an unknown email."""
    verify_password(_dummy_hash(), password)

"""Password policy (OWASP ASVS 6.2) and argon2id hashing."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from wheels_wins.services import passwords
from wheels_wins.services.passwords import validate_password

EMAIL = "Roamer.Traveller@example.com"


def test_too_short_is_rejected() -> None:
    assert validate_password("tuatar9", EMAIL) == "Password must be at least 8 characters."


def test_eight_characters_are_enough() -> None:
    assert validate_password("tuatara9", EMAIL) is None


def test_sixty_four_and_128_characters_are_allowed() -> None:
    assert validate_password("k" * 30 + "-" + "w" * 33, EMAIL) is None
    assert validate_password("rv-" * 42 + "ok", EMAIL) is None


def test_more_than_128_characters_are_rejected() -> None:
    assert validate_password("x" * 129, EMAIL) == "Password must be at most 128 characters."


def test_no_composition_rules() -> None:
    assert validate_password("correct horse battery staple", EMAIL) is None
    assert validate_password("alllowercaseletters", EMAIL) is None


@pytest.mark.parametrize("password", ["password", "PASSWORD", "PaSsW0rD", "qwertyuiop", "IloveYou1"])
def test_common_passwords_are_rejected_regardless_of_case(password: str) -> None:
    assert validate_password(password, EMAIL) is not None
    assert "common" in (validate_password(password, EMAIL) or "")


@pytest.mark.parametrize(
    "password",
    [
        EMAIL,
        EMAIL.upper(),
        "roamer.traveller",
        "ROAMER.TRAVELLER",
        "my-roamer.traveller@example.com!",
        "xroamer.travellerx",
    ],
)
def test_email_and_its_local_part_are_rejected(password: str) -> None:
    assert validate_password(password, EMAIL) == "Password must not contain your email address."


def test_a_short_local_part_does_not_reject_ordinary_passwords() -> None:
    assert validate_password("totally-normal-phrase", "al@example.com") is None
    assert validate_password("al@example.com", "al@example.com") is not None


def test_unicode_passphrase_is_accepted_and_verifies() -> None:
    phrase = "ñandú über den Fluß 🚐 キャンプ"
    assert validate_password(phrase, EMAIL) is None
    assert passwords.verify_password(passwords.hash_password(phrase), phrase)


def test_unicode_is_normalised_before_hashing() -> None:
    # The "ﬁ" ligature and "fi" are the same text under NFKC.
    stored = passwords.hash_password("\ufb01sh-and-chips-at-lakes")
    assert passwords.verify_password(stored, "fish-and-chips-at-lakes")


def test_length_counts_characters_not_bytes() -> None:
    assert validate_password("ü" * 8, EMAIL) is None
    assert validate_password("ü" * 7, EMAIL) is not None


def test_hash_is_argon2id_and_verifies() -> None:
    stored = passwords.hash_password("tuatara9-sunrise")
    assert stored.startswith("$argon2id$")
    assert "tuatara9" not in stored
    assert passwords.verify_password(stored, "tuatara9-sunrise")
    assert not passwords.verify_password(stored, "tuatara9-sunset")
    assert passwords.hash_password("tuatara9-sunrise") != stored


def test_malformed_hash_does_not_verify() -> None:
    assert not passwords.verify_password("not-a-hash", "anything-at-all")
    assert passwords.needs_rehash("not-a-hash")


def test_needs_rehash_for_weaker_parameters_only() -> None:
    assert not passwords.needs_rehash(passwords.hash_password("tuatara9-sunrise"))
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash("tuatara9-sunrise")
    assert passwords.needs_rehash(weak)
    assert passwords.verify_password(weak, "tuatara9-sunrise")


def test_bundled_list_holds_ten_thousand_lowercase_entries() -> None:
    common = passwords.common_passwords()
    assert len(common) == 10_000
    assert all(entry == entry.lower() for entry in common)
    assert {"123456", "password", "qwerty"} <= common

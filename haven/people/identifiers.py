"""Identifiers a child may have, validated on entry with messages a user reads.

NHS number: 10 digits, the last a modulus 11 check digit (NHS Data Dictionary).
UPN: 13 characters; a check letter then 12 characters (DfE "Unique pupil numbers"
guidance): characters 2 to 13 weighted 2 to 13, summed, modulo 23, index the
letter in CHECK_LETTERS. A temporary UPN ends in a letter, which counts by its
position in the same alphabet.
"""

import random
import re

from django.core.exceptions import ValidationError

CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"
# The local person ID is exported as the CIN census LAchildID: letters and digits
# only, at most 20 (rules 1570, 1580). "H" and digits alone is Haven's own form
# (haven.people.census), so a local ID cannot take it.
LOCAL_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")
HAVEN_FORM = re.compile(r"^[Hh][0-9]+$")


def _nhs_check_digit(nine: str) -> int | None:
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def validate_nhs_number(value: str) -> str:
    """The NHS number as 10 digits, or ValidationError in the user's words."""
    digits = re.sub(r"[\s-]", "", value or "")
    if not re.fullmatch(r"\d{10}", digits):
        raise ValidationError(
            "Enter an NHS number with 10 digits, like 943 476 5919", code="nhs_format"
        )
    if len(set(digits)) == 1:
        raise ValidationError(
            "This is not a real NHS number: check it against a letter from the GP",
            code="nhs_repeated",
        )
    if _nhs_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            "This NHS number's check digit is wrong: check it against a letter from "
            "the GP",
            code="nhs_check_digit",
        )
    return digits


def format_nhs_number(digits: str) -> str:
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 10 else digits


def generate_nhs_number(rng: random.Random) -> str:
    """A valid NHS number in the 999 range, which is never issued to a patient."""
    while True:
        nine = "999" + "".join(str(rng.randint(0, 9)) for _ in range(6))
        check = _nhs_check_digit(nine)
        if check is not None:
            return nine + str(check)


def _char_value(char: str) -> int:
    return int(char) if char.isdigit() else CHECK_LETTERS.index(char)


def upn_with_check_letter(twelve: str) -> str:
    total = sum(_char_value(c) * weight for weight, c in enumerate(twelve, start=2))
    return CHECK_LETTERS[total % 23] + twelve


def validate_upn(value: str) -> str:
    """The UPN in capitals, or ValidationError in the user's words."""
    upn = re.sub(r"\s", "", value or "").upper()
    if not re.fullmatch(rf"[{CHECK_LETTERS}]\d{{11}}[\d{CHECK_LETTERS}]", upn):
        raise ValidationError(
            "Enter a UPN of 13 characters: a letter, then 11 digits, then a digit "
            "(or a letter for a temporary UPN)",
            code="upn_format",
        )
    if upn_with_check_letter(upn[1:]) != upn:
        raise ValidationError(
            "This UPN's check letter is wrong: check it with the child's school",
            code="upn_check_letter",
        )
    return upn


def is_temporary_upn(value: str) -> bool:
    return value[-1:].isalpha()


def generate_upn(rng: random.Random, la_code: str = "999") -> str:
    """A valid synthetic UPN for an invented school in LA `la_code`."""
    rest = "".join(str(rng.randint(0, 9)) for _ in range(9))
    return upn_with_check_letter(la_code + rest)


def validate_local_id(value: str) -> str:
    local = (value or "").strip()
    if not LOCAL_ID.fullmatch(local):
        raise ValidationError(
            "Enter a local person ID of up to 20 letters or digits, with no spaces, "
            "hyphens or other signs (the children in need census allows only these)",
            code="local_id_format",
        )
    if HAVEN_FORM.fullmatch(local):
        raise ValidationError(
            "A local person ID cannot be H followed only by digits: Haven uses that "
            "form for its own IDs",
            code="local_id_haven_form",
        )
    return local

"""Bank details' shape and their masked form, pure.

Everywhere Haven shows or journals an account, it shows only the last 4
digits of the account number and the last 2 of the sort code; the full
numbers go only into the ledger's payment file (payment_file.py)."""

import re

SORT_CODE = re.compile(r"\d{6}")
ACCOUNT_NUMBER = re.compile(r"\d{8}")
_SEPARATORS = re.compile(r"[\s-]")


def tidy(value: object) -> str:
    """What was typed, without the spaces and dashes people write between digits."""
    return _SEPARATORS.sub("", str(value or ""))


def mask_account(number: str) -> str:
    """'••••5678': never more than the last 4 digits."""
    return "••••" + number[-4:] if len(number) >= 4 else "••••"


def mask_sort_code(code: str) -> str:
    """'••-••-56': only the last 2 digits."""
    return "••-••-" + code[-2:] if len(code) >= 2 else "••-••-••"


def masked(sort_code: str, account_number: str) -> str:
    return (
        f"sort code {mask_sort_code(sort_code)}, "
        f"account number {mask_account(account_number)}"
    )


def faults(sort_code: str, account_number: str, account_name: str) -> list[tuple]:
    """Every fault in the details typed, as (code, message, field); the
    messages never repeat the digits typed."""
    found = []
    if not account_name.strip():
        found.append(("name_required", "Enter the name on the account", "account_name"))
    if not SORT_CODE.fullmatch(sort_code):
        found.append(
            ("sort_code_invalid", "Enter the sort code as 6 digits", "sort_code")
        )
    if not ACCOUNT_NUMBER.fullmatch(account_number):
        found.append(
            (
                "account_number_invalid",
                "Enter the account number as 8 digits",
                "account_number",
            )
        )
    return found

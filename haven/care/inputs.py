"""The shape of what is typed about placements and providers: postcodes, local
authority codes, Ofsted URNs and dates, each checked before anything is written,
with a message in the user's words. The SSDA903 derives a placement's distance
and local authority from its postcode, so a postcode must be a real one's shape."""

import datetime as dt
import re

from haven.core import clock
from haven.core.errors import Failures
from haven.people.keys import postcode_key

# A UK postcode: outward code, then inward code (digit and two letters).
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")
# An ONS local authority code: E (England), W, S or N, then eight digits.
LA_CODE = re.compile(r"^[EWSN][0-9]{8}$")
# An Ofsted URN: six to eight letters and digits ("SC123456", "2512345"), or
# XXXXXXX for a regional adoption agency (SSDA903 rule 242).
URN = re.compile(r"^[A-Z0-9]{6,8}$")


def postcode(value: str, *, field: str, failures: Failures, required: bool) -> str:
    """The postcode in capitals with its space ("SW1A 1AA"), or "" if blank."""
    compact = postcode_key(value or "")
    if not compact:
        if required:
            failures.add("postcode_required", "Enter the postcode", field=field)
        return ""
    if not POSTCODE.match(compact):
        failures.add(
            "postcode_format", "Enter a real postcode, like SW1A 1AA", field=field
        )
        return ""
    return postcode_key(compact, spaced=True)


def local_authority(value: str, *, field: str, failures: Failures) -> str:
    code = (value or "").strip().upper()
    if code and not LA_CODE.match(code):
        failures.add(
            "local_authority_format",
            "Enter the local authority's ONS code, like E08000025: a letter and "
            "eight digits",
            field=field,
        )
        return ""
    return code


def urn(value: str, *, field: str, failures: Failures) -> str:
    code = "".join((value or "").split()).upper()
    if code and not URN.match(code):
        failures.add(
            "urn_format",
            "Enter the Ofsted unique reference number (URN), like SC123456: six "
            "to eight letters and numbers",
            field=field,
        )
        return ""
    return code


def past_date(
    day: dt.date | None, *, field: str, what: str, failures: Failures
) -> dt.date | None:
    """A date that must be given, and be today or earlier."""
    if day is None:
        failures.add("date_required", f"Enter the date {what}", field=field)
        return None
    if day > clock.today():
        failures.add(
            "date_in_future", f"The date {what} must be today or earlier", field=field
        )
        return None
    return day


def words(day: dt.date) -> str:
    """'3 May 2025'."""
    return f"{day:%-d %B %Y}"

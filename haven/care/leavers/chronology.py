"""Care leavers' events in the words a social worker reads in a chronology."""

from collections.abc import Callable
from typing import Any

from haven.care.leavers import accommodation as housing
from haven.care.leavers import becoming, booking, education_return, needs, staying
from haven.care.leavers.keeping_in_touch import IN_TOUCH, RECORDED
from haven.care.leavers.pathway import AGREED, REVIEWED
from haven.core import codelists


def _in_touch(p: dict[str, Any]) -> str:
    try:
        touch = codelists.wording(IN_TOUCH, str(p.get("in_touch"))).lower()
    except KeyError:
        touch = "recorded"
    return f"Keeping in touch at {p.get('age')}: {touch}"


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    RECORDED: _in_touch,
    AGREED: lambda p: f"Pathway plan agreed (version {p.get('version')})",
    REVIEWED: lambda p: "Pathway plan reviewed",
    becoming.BECAME_ELIGIBLE: lambda p: "Became an eligible child (leaving care)",
    becoming.BECAME_RELEVANT: lambda p: "Became a relevant child (leaving care)",
    needs.COMPLETED: lambda p: "Leaving care needs assessment completed",
    education_return.NOTIFIED: lambda p: (
        "Told the authority they are returning to education or training"
    ),
    booking.SCHEDULED: lambda p: f"Pathway plan review booked for {p.get('review_on')}",
    housing.PROVIDED: lambda p: "Moved into new accommodation as a care leaver",
    housing.ENDED: lambda p: "Moved on from their accommodation",
    housing.VISITED: lambda p: "Visited by their personal adviser",
    staying.RECORDED: lambda p: (
        "Staying close recorded"
        if p.get("kind") == "staying_close"
        else "Staying put recorded"
    ),
}

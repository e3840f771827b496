"""Finance's events in the words a chronology shows."""

from collections.abc import Callable
from typing import Any


def _paid(p: dict[str, Any]) -> str:
    lines = p.get("lines", [])
    names = sorted({x.get("provider_name", "") for x in lines})
    # An adjustment's days were counted when first paid: count them apart.
    adjusting = [x for x in lines if x.get("kind") == "adjustment"]
    days = sum(int(x.get("days", 0)) for x in lines if x not in adjusting)
    words = f"{days} days of placement paid to {', '.join(names)}"
    if adjusting:
        words += f", and {len(adjusting)} adjustment(s) to days paid before"
    return words


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "finance.placement_rate_set": lambda p: (
        f"Placement rate set: £{p.get('weekly_amount')} a week from "
        f"{p.get('started_on')}"
    ),
    "finance.payment_previewed": lambda p: "Placement payment previewed: " + _paid(p),
    "finance.payment_approved": lambda p: "Placement payment approved: " + _paid(p),
    "finance.payment_run_closed": lambda p: "Payment run closed: " + _paid(p),
    "finance.payment_run_cancelled": lambda p: "Payment run cancelled",
}

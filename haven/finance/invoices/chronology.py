"""Invoices' events in the words a child's chronology shows."""

from collections.abc import Callable
from typing import Any


def _invoice(p: dict[str, Any]) -> str:
    words = (
        f"invoice {p.get('reference', '')} from {p.get('provider_name', '')} "
        f"for {p.get('days', 0)} days, £{p.get('amount', '0.00')}"
    )
    differences = p.get("differences") or []
    return words + (f" ({'; '.join(differences)})" if differences else "")


WORDS: dict[str, Callable[[dict[str, Any]], str]] = {
    "finance.invoice_recorded": lambda p: "Provider's invoice recorded: " + _invoice(p),
    "finance.invoice_approved": lambda p: "Provider's invoice approved: " + _invoice(p),
    "finance.invoice_disputed": lambda p: (
        "Provider's invoice disputed: " + _invoice(p) + f". Why: {p.get('reason', '')}"
    ),
}

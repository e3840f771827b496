"""Money on a page: "£840.00", and a negative amount "−£1680.00" (the sign
before the pound, as a finance officer writes it, never "£-1680.00"). The
amounts are Decimals already rounded by their one rule (haven/finance/rates);
this only writes them."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

register = template.Library()


@register.filter
def pounds(value: Any) -> str:
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return str(value)
    return f"−£{-amount}" if amount < 0 else f"£{amount}"

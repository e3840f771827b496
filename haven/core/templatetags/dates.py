"""Date tests for templates, so the rule lives in one place and not in each page."""

import datetime as dt

from django import template

from haven.core import clock

register = template.Library()


@register.filter
def overdue(due_on: dt.date | None) -> bool:
    """A date something was due by has passed (today itself is still on time)."""
    return due_on is not None and due_on < clock.today()


@register.filter
def days(count: float | None) -> str:
    """A number of days in words: "1 day", "86 days", "86.5 days" (a median of an
    even number of waits); nothing known reads as a dash."""
    if count is None:
        return "—"
    number = int(count) if float(count).is_integer() else round(float(count), 1)
    return f"{number} day" if number == 1 else f"{number} days"

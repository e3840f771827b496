"""Date tests for templates, so the rule lives in one place and not in each page."""

import datetime as dt

from django import template

from haven.core import clock

register = template.Library()


@register.filter
def overdue(due_on: dt.date | None) -> bool:
    """A date something was due by has passed (today itself is still on time)."""
    return due_on is not None and due_on < clock.today()

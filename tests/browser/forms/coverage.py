"""Which forms each browser test fills, so a form without one is noticed.

A test names what it drives with `@covers(...)`: Django form classes, and plain
HTML forms that post (buttons such as "Discard" or "Sign out") by the template
that holds them. tests/test_every_form_has_a_browser_test.py reads these marks.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms

ATTRIBUTE = "covers_forms"

Test = TypeVar("Test", bound=Callable[..., Any])


def name_of(target: type[forms.BaseForm] | str) -> str:
    """A form class as "module.Class"; a template as its path under templates/."""
    if isinstance(target, str):
        return target
    return f"{target.__module__}.{target.__qualname__}"


def covers(*targets: type[forms.BaseForm] | str) -> Callable[[Test], Test]:
    """Mark a browser test as filling these forms through their widgets."""
    if not targets:
        raise TypeError("covers() needs at least one form or template")

    def mark(test: Test) -> Test:
        named = set(getattr(test, ATTRIBUTE, set()))
        named.update(name_of(target) for target in targets)
        setattr(test, ATTRIBUTE, frozenset(named))
        return test

    return mark

"""Every form in Haven has a browser test that fills it through its widgets.

Tests that post forms directly never meet the widgets a person uses: a field that
allows several choices drawn as radios got past them all (issue 9). So each form
class defined in haven, and each plain HTML form that posts, must be named by a
browser test's @covers (tests/browser/forms/coverage.py). This test needs no
browser: it imports the browser test modules and reads their marks.
"""

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from django import forms

import haven
from tests.browser.forms.coverage import ATTRIBUTE, name_of

BROWSER_TESTS = Path(__file__).parent / "browser" / "forms"
HAVEN = Path(haven.__file__).parent

# Form classes never shown on a page themselves, each with the reason.
NOT_SHOWN: dict[str, str] = {
    "haven.core.forms.Form": (
        "the base of every Haven form; only its subclasses are shown"
    ),
    "haven.people.forms.PersonForm": (
        "the fields shared by NewPersonForm and EditPersonForm; only they are shown"
    ),
    "haven.protection.forms.ConferenceForm": (
        "the fields shared by InitialConferenceForm and ReviewConferenceForm; "
        "only they are shown"
    ),
    "haven.send.details_forms.WhereForm": (
        "SEN2's URN / UKPRN / SENsetting fields shared by NamedSettingForm and "
        "PlacementForm; only they are shown"
    ),
    "haven.care.forms.PlacementFields": (
        "the placement fields shared by the start, move and correction forms; "
        "only they are shown"
    ),
}

# Plain forms that post, by template, left to other tests (each with the reason).
PLAIN_NOT_COVERED: dict[str, str] = {}

_SKIPPED_PACKAGES = (".migrations", ".management")


def haven_modules() -> list[str]:
    return [
        info.name
        for info in pkgutil.walk_packages(haven.__path__, prefix="haven.")
        if not any(part in info.name for part in _SKIPPED_PACKAGES)
    ]


def haven_form_classes() -> set[str]:
    """Every Form or ModelForm class defined in a haven module."""
    found = set()
    for module_name in haven_modules():
        module = importlib.import_module(module_name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, forms.BaseForm) and value.__module__ == module_name:
                found.add(name_of(value))
    return found


_FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)
_POSTS = re.compile(r"method\s*=\s*[\"']post[\"']", re.I)
_DJANGO_FORM = re.compile(r"{%\s*(field|include|for f in form)\b")


def plain_post_forms() -> set[str]:
    """Templates holding a form that posts but draws no Django form fields (a
    button such as "Discard"), named by their path under templates/."""
    found = set()
    for template in HAVEN.glob("*/templates/**/*.html"):
        text = template.read_text()
        for block in _FORM.findall(text):
            opening = block.split(">", 1)[0]
            if _POSTS.search(opening) and not _DJANGO_FORM.search(block):
                # Named as Django's loader sees it: the path under templates/.
                found.add(template.relative_to(HAVEN).as_posix().split("/", 2)[2])
    return found


def covered() -> set[str]:
    names: set[str] = set()
    for path in sorted(BROWSER_TESTS.glob("test_*.py")):
        module = importlib.import_module(f"tests.browser.forms.{path.stem}")
        for _name, value in inspect.getmembers(module, inspect.isfunction):
            names.update(getattr(value, ATTRIBUTE, ()))
    return names


def test_every_haven_form_has_a_browser_test():
    forms_found = haven_form_classes()
    assert "haven.casework.forms.NoteForm" in forms_found  # the search works
    missing = sorted(forms_found - covered() - set(NOT_SHOWN))
    assert missing == [], (
        "These forms have no browser test that fills them through their widgets. "
        "Add one in tests/browser/forms/ marked @covers(TheForm): " + ", ".join(missing)
    )


def test_every_plain_form_that_posts_has_a_browser_test():
    plain = plain_post_forms()
    assert "casework/drafts.html" in plain  # the search works
    missing = sorted(plain - covered() - set(PLAIN_NOT_COVERED))
    assert missing == [], (
        "These templates post a form no browser test presses. Add one in "
        "tests/browser/forms/ marked @covers('app/template.html'): "
        + ", ".join(missing)
    )


def test_the_exceptions_name_only_things_that_exist():
    assert set(NOT_SHOWN) <= haven_form_classes()
    assert set(PLAIN_NOT_COVERED) <= plain_post_forms()
    assert covered() <= haven_form_classes() | plain_post_forms()

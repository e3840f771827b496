"""Filling GOV.UK form components the way a person does: typing into the three
date boxes, ticking boxes, choosing radios, picking from a select."""

import datetime as dt

from playwright.sync_api import Page, expect


def _id(field: str) -> str:
    return field if field.startswith("id_") else f"id_{field}"


def fill_date(page: Page, field: str, day: dt.date) -> None:
    """Type a date into the day, month and year boxes of a GOV.UK date input."""
    base = _id(field)
    page.fill(f"#{base}_day", str(day.day))
    page.fill(f"#{base}_month", str(day.month))
    page.fill(f"#{base}_year", str(day.year))


def tick(page: Page, name: str, *values: object) -> None:
    """Tick several boxes of one "choose all that apply" field, by value. Each is
    checked as a checkbox first: a radio would let the later ticks undo the
    earlier ones (issue 9, defect 1)."""
    assert values, "tick() needs at least one value"
    for value in values:
        box = page.locator(f"input[name='{name}'][value='{value}']")
        expect(box).to_have_attribute("type", "checkbox")
        box.check()
    for value in values:
        expect(page.locator(f"input[name='{name}'][value='{value}']")).to_be_checked()


def choose(page: Page, name: str, value: object) -> None:
    """Choose one radio of a field, by value."""
    radio = page.locator(f"input[name='{name}'][value='{value}']")
    expect(radio).to_have_attribute("type", "radio")
    radio.check()


def select(
    page: Page, field: str, *, value: str | None = None, label: str | None = None
) -> None:
    target = f"#{_id(field)}"
    if label is not None:
        page.select_option(target, label=label)
    else:
        assert value is not None
        page.select_option(target, value)


def press(page: Page, button: str) -> None:
    """Click the button with these exact words."""
    page.get_by_role("button", name=button, exact=True).click()


def expect_success(page: Page, words: str) -> None:
    expect(page.locator(".govuk-notification-banner").first).to_contain_text(words)
    expect(page.locator(".govuk-error-summary")).to_have_count(0)


def expect_errors(page: Page, *messages: str) -> None:
    summary = page.locator(".govuk-error-summary")
    for message in messages:
        expect(summary).to_contain_text(message)

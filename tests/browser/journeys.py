"""What the walk-throughs share: Haven's clock held on a day (the live
server's too, as the worker would have recorded it then), and axe on a page."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Page

from haven.core import clock
from tests.browser.conftest import accessibility_violations


@contextmanager
def on(day: dt.date, hour: int = 10) -> Iterator[None]:
    """Haven (the live server too) as if it were `hour` o'clock on `day`."""
    with clock.held_at(clock.start_of(day) + dt.timedelta(hours=hour)):
        yield


def accessible(page: Page) -> None:
    assert accessibility_violations(page) == [], page.url

"""A real browser, Debian's chromium driven by Playwright, against a live server."""

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import Browser, Page, expect, sync_playwright

from haven.demo.staff import DEMO_PASSWORD
from tests.snapshots import seeded

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


class OneRequestAtATime(ThreadedWSGIServer):
    """The live server, running one request at a time.

    With in-memory SQLite every server thread shares the test's one connection, so
    two requests at once (a draft's autosave still in flight when the page moves on)
    interleave their savepoints and one fails with "no such savepoint". Connections
    stay threaded, so a browser's idle keep-alive connection blocks nobody."""

    def set_app(self, application: Callable[..., Iterable[bytes]]) -> None:
        lock = threading.Lock()

        def one_at_a_time(environ: dict, start_response: Callable) -> Iterable[bytes]:
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATime


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API runs an event loop in the test thread; the Django calls
    # the tests make from that thread are ordinary blocking ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    yield opened
    context.close()


@pytest.fixture(autouse=True)
def nothing_kept() -> None:
    """Each test's figures are worked out from its own records: the dashboard's
    panels and the data quality counts are kept in the process's cache, which
    outlives a test's database."""
    cache.clear()


def seed_demo_afresh(**options: int) -> None:
    """The demo in a database flushed as between tests (whatever the session's
    first test found), so every copy of it is the same."""
    call_command("flush", interactive=False, verbosity=0)
    call_command("seed_demo", **options, verbosity=0)


@pytest.fixture
def demo(transactional_db: None) -> None:
    """The small demo authority, seeded once a session and copied back for each
    test (tests/snapshots.py)."""
    options = {"children": 10, "seed": 11}
    seeded(("demo", *options.items()), lambda: seed_demo_afresh(**options))


def seed_crawled_demo() -> None:
    """The demo the link crawl walks (serialized rollback has already put back what
    migrations wrote): the same in every test that asks for it."""
    from tests.demo.test_every_link import DEMO

    call_command("seed_demo", **DEMO, verbosity=0)


# Seen from inside each page, before any of its own scripts run.
REPORT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def violations(page: Page, console: list[str]) -> list[str]:
    found = page.evaluate("window.__cspViolations")
    return [*found, *console]


def watched(browser: Browser) -> tuple[Page, list[str]]:
    """A new page whose Content-Security-Policy violations are kept."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page, watch_policy(page)


def watch_policy(page: Page) -> list[str]:
    """Keep the page's policy violations from its next navigation on: those
    its scripts report, and those the browser writes to the console."""
    page.context.add_init_script(REPORT_VIOLATIONS)
    console: list[str] = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return console


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/sign-in/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button:has-text('Sign in')")


def sign_out(page: Page) -> None:
    page.click("button:has-text('Sign out')")
    expect(page.locator("h1")).to_have_text("Sign in to Haven")


def load_axe(page: Page) -> None:
    """Put axe-core in the page. Evaluated through the browser's own debugging
    channel: a script tag would be inline script, which Haven's CSP refuses."""
    page.evaluate(f"() => {{ {AXE.read_text()}\n}}")


def serious_accessibility_violations(page: Page) -> list[str]:
    """Run axe-core in the page; name each serious or critical violation."""
    load_axe(page)
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} elements)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def accessibility_violations(page: Page) -> list[str]:
    """Run axe-core in the page; name each violation of any impact, with where."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        load_axe(page)
    # Asking for violations only makes axe several times faster on a long page.
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for v in result["violations"]
    ]


# The outermost elements that stick out past the window's right edge, outside a box
# that scrolls them.
SIDEWAYS_SCROLLING = """() => {
  const page = document.documentElement;
  const edge = page.clientWidth + 1;
  if (page.scrollWidth <= page.clientWidth) return [];
  const sticksOut = (element) => element.getBoundingClientRect().right > edge;
  const culprits = [...document.body.querySelectorAll("*")].filter(
    (element) => sticksOut(element) && !sticksOut(element.parentElement)
      && !element.closest(".haven-table-container"));
  const names = culprits.slice(0, 3).map(
    (element) => [element.tagName.toLowerCase(), ...element.classList].join("."));
  return [`the page is ${page.scrollWidth}px wide in a ${page.clientWidth}px window`
          + (names.length ? ` because of ${names.join(", ")}` : "")];
}"""


def sideways_scrolling(page: Page) -> list[str]:
    """Say so if the page scrolls sideways (WCAG 2.2 1.4.10 Reflow)."""
    problems: list[str] = page.evaluate(SIDEWAYS_SCROLLING)
    return problems

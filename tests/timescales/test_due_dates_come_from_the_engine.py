"""A due date comes from the obligations the timescales engine keeps, never from
a count made again elsewhere (issue 11 item 18): a page that counted from the
catalogue's default disagreed with My work once a council set a local value."""

import ast
import pathlib

import haven

HAVEN = pathlib.Path(haven.__file__).parent
# Only the timescales app counts a deadline from a rule (date arithmetic for
# other purposes, such as the census's 12 months for a re-referral, is fine).
COUNTING = {"due_from", "deadline", "interval"}


def _counting_outside_the_engine() -> list[str]:
    found = []
    for path in HAVEN.rglob("*.py"):
        relative = path.relative_to(HAVEN)
        if (
            relative.parts[0] in ("timescales", "demo")
            or "migrations" in relative.parts
        ):
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            name = node.attr if isinstance(node, ast.Attribute) else None
            if name in COUNTING:
                found.append(f"{relative}:{node.lineno} .{name}")
    return found


def test_no_app_counts_a_deadline_itself():
    assert _counting_outside_the_engine() == []

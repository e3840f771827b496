"""One transaction per user intention, inside the service (issue 11 item 22):
no view opens a transaction of its own; a page that does several things calls
one service that does them all or none."""

import ast
from pathlib import Path

HAVEN = Path(__file__).resolve().parents[1] / "haven"


def _views() -> list[Path]:
    return sorted(
        path
        for path in HAVEN.rglob("*.py")
        # reviews.py is a service module, not a view: match whole words
        if path.name in ("views.py", "api.py") or path.name.endswith("_views.py")
    )


def _atomic_uses(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr == "atomic"
        or isinstance(node, ast.Name)
        and node.id == "atomic"
    ]


def test_no_view_opens_a_transaction():
    found = [
        f"{path.relative_to(HAVEN)}:{line}"
        for path in _views()
        for line in _atomic_uses(path)
    ]
    assert _views(), "the scan should find the views"
    assert not found, f"move the transaction into a service: {found}"

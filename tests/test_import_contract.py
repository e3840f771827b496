"""One direction of dependency between Haven's apps (issue 11 item 17).

Each app may import only the apps below it in `LAYERS`; apps in one layer may
not import each other. Where a step crosses apps (referral routing, step up,
step down) it lives in the app that is allowed to know both sides, or runs from
a journal listener. Imports inside functions count the same as the others:
hiding one there does not make the dependency go away.

`NOT_YET` lists the imports that still break the contract, each to be removed;
the test fails on any import not in it, and on an entry that no longer exists,
so the list only shrinks.
"""

import ast
import pathlib
from collections.abc import Iterator

import haven

HAVEN = pathlib.Path(haven.__file__).parent

# Lowest first. An app may import any app in a lower layer.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("people",),
    ("timescales",),
    ("casework",),
    ("frontdoor",),
    ("cin",),
    ("assessments",),
    ("protection",),
    ("care",),
    ("finance",),
    ("send",),
    ("earlyhelp",),
    ("pathways",),
    ("documents",),
    ("disclosure",),
    ("notifications",),
    ("returns",),
    ("reporting",),
    ("demo",),
)
LEVEL = {app: level for level, apps in enumerate(LAYERS) for app in apps}

# (importing module, imported app): still to be untangled. Empty since the
# referral routing moved to haven/pathways and CIN stopped reading assessments.
NOT_YET: set[tuple[str, str]] = set()


def _imports(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def upward_imports() -> set[tuple[str, str]]:
    found = set()
    for path in HAVEN.rglob("*.py"):
        relative = path.relative_to(HAVEN)
        if len(relative.parts) < 2 or "migrations" in relative.parts:
            continue
        app = relative.parts[0]
        for module in _imports(ast.parse(path.read_text())):
            parts = module.split(".")
            if parts[0] != "haven" or len(parts) < 2 or parts[1] not in LEVEL:
                continue
            if parts[1] != app and LEVEL[parts[1]] >= LEVEL[app]:
                found.add((relative.as_posix(), parts[1]))
    return found


def test_every_app_is_in_a_layer():
    apps = {p.name for p in HAVEN.iterdir() if (p / "apps.py").exists()}
    assert apps == set(LEVEL)


def test_no_app_imports_one_above_it():
    found = upward_imports()
    assert sorted(found - NOT_YET) == [], "new imports against the layers"
    assert sorted(NOT_YET - found) == [], "untangled: remove these from NOT_YET"

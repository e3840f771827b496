"""One way to plug in (issue 11 item 21).

Each app declares what it adds to Haven (its pages, menu entries, timescale
rules, chronology words, relationships, work sources, listeners, person page
sections, state checks, oversight decisions) in one module, its `plugin.py`,
which the core discovers the way the admin discovers `admin.py`. These tests
keep that shape: no AppConfig.ready registers anything, no registration is
made outside a plugin.py, and the order the apps are found in cannot change
what is declared.
"""

import ast
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HAVEN = Path(__file__).resolve().parent.parent / "haven"

# The functions that declare something to the rest of Haven.
REGISTRATIONS = {
    "activate",  # haven.timescales.registry
    "describe_events",  # haven.core.chronology
    "audit_events",
    "hide_events",
    "name_person",
    "listen",  # haven.core.journal
    "state_check",
    "menu_entry",  # haven.core.navigation
    "mount",  # haven.core.mounts
    "oversight_decision",  # haven.casework.oversight
    "person_section",  # haven.people.sections
    "relationship",  # haven.core.access
    "stricter_oversight",
    "work_source",  # haven.core.work
    "episode_section",  # haven.cin.sections
    "episode_work",  # haven.cin.episode_work
    "next_step",  # haven.frontdoor.routing
    "continue_at",
    "childs_work",
    "beyond_social_care",  # haven.cin.handoffs
    "person_flag",  # haven.core.flags
    "away_source",  # haven.care.away
    "discrepancy_source",  # haven.care.discrepancies
    "caseload_facts",  # haven.casework.caseload_facts
    "home_panel",  # haven.core.home
    "receiver",  # django.dispatch: a signal receiver is connected in a plugin.py
}

# The registries those functions fill, which only their own module may change.
REGISTRIES = {
    "ACTIVE": "haven/timescales/registry.py",
    "DESCRIBERS": "haven/core/chronology.py",
    "HIDDEN": "haven/core/chronology.py",
    "AUDIT": "haven/core/chronology.py",
    "NAMES_PERSON": "haven/core/chronology.py",
    "LISTENERS": "haven/core/journal.py",
    "ONCE": "haven/core/journal.py",
    "STATE_CHECKS": "haven/core/journal.py",
    "ENTRIES": "haven/core/navigation.py",
    "MOUNTS": "haven/core/mounts.py",
    "DECISIONS": "haven/casework/oversight.py",
    "STRICTER": "haven/casework/oversight.py",
    "SECTIONS": "haven/people/sections.py",
    "RELATIONSHIPS": "haven/core/access.py",
    "SOURCES": "haven/core/work.py",
    "EPISODE_SECTIONS": "haven/cin/sections.py",
    "EPISODE_WORK": "haven/cin/episode_work.py",
    "_NEXT_STEPS": "haven/frontdoor/routing.py",
    "FLAGS": "haven/core/flags.py",
    "_CONTINUE_AT": "haven/frontdoor/routing.py",
    "AWAY_SOURCES": "haven/care/away.py",
    "DISCREPANCY_SOURCES": "haven/care/discrepancies.py",
    "FACT_SOURCES": "haven/casework/caseload_facts.py",
    "PANELS": "haven/core/home.py",
}
CHANGES = {"append", "add", "update", "extend", "insert", "setdefault", "__setitem__"}


def _modules() -> list[Path]:
    return [
        path
        for path in sorted(HAVEN.rglob("*.py"))
        if "migrations" not in path.parts and "templates" not in path.parts
    ]


def _relative(path: Path) -> str:
    return str(path.relative_to(HAVEN.parent))


def _called_name(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _registrations(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls and decorators that declare something, by line."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node) in REGISTRATIONS:
            found.append((node.lineno, _called_name(node)))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            for decorator in node.decorator_list:
                if _called_name(decorator) in REGISTRATIONS:
                    found.append((decorator.lineno, _called_name(decorator)))
    return found


def _registry_changes(tree: ast.AST) -> list[tuple[int, str]]:
    """`DESCRIBERS.update(...)`, `HIDDEN.add(...)`, `NAMES_PERSON[k] = ...`."""
    found = []
    for node in ast.walk(tree):
        target: ast.expr | None = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in CHANGES:
                target = node.func.value
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for each in targets:
                if isinstance(each, ast.Subscript):
                    target = each.value
        name = _called_name(target) if target is not None else ""
        if name in REGISTRIES:
            found.append((node.lineno, name))
    return found


def test_no_app_config_registers_anything_in_ready() -> None:
    """Only the core's ready() remains, and all it does is find the plugins."""
    for path in sorted(HAVEN.glob("*/apps.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or node.name != "ready":
                continue
            assert _relative(path) == "haven/core/apps.py", (
                f"{_relative(path)} has a ready(): declare in the app's plugin.py"
            )
            calls = [ast.unparse(statement) for statement in node.body]
            assert calls == ["autodiscover_modules('plugin')"], calls


def test_every_declaration_is_made_in_a_plugin_module() -> None:
    misplaced = []
    for path in _modules():
        if path.name == "plugin.py":
            continue
        tree = ast.parse(path.read_text())
        for line, name in _registrations(tree):
            misplaced.append(f"{_relative(path)}:{line} {name}")
        for line, name in _registry_changes(tree):
            if REGISTRIES[name] != _relative(path):
                misplaced.append(f"{_relative(path)}:{line} changes {name}")
    assert misplaced == []


def test_the_scan_finds_a_declaration_made_elsewhere() -> None:
    """The scans above would catch the shapes they look for."""
    tree = ast.parse(
        "from haven.core.work import work_source\n"
        "@work_source\n"
        "def items(workers): return []\n"
        "activate('X', key='k', met_by=(), action='', url_name='')\n"
        "chronology.DESCRIBERS.update({})\n"
        "NAMES_PERSON['x'] = ('a', 'b')\n"
    )
    assert sorted(name for _line, name in _registrations(tree)) == [
        "activate",
        "work_source",
    ]
    assert sorted(name for _line, name in _registry_changes(tree)) == [
        "DESCRIBERS",
        "NAMES_PERSON",
    ]


def test_every_app_with_pages_mounts_them_from_its_plugin() -> None:
    """haven/urls.py names no app's URLconf: each plugin.py mounts its own."""
    urls = (HAVEN / "urls.py").read_text()
    for path in sorted(HAVEN.glob("*/urls.py")):
        app = path.parent.name
        assert f'"haven.{app}.urls"' not in urls
        plugin = path.parent / "plugin.py"
        assert plugin.exists(), f"haven/{app} has pages but no plugin.py"
        assert f'"haven.{app}.urls"' in plugin.read_text()


def test_a_second_declaration_of_the_same_thing_is_refused() -> None:
    """Each event type's words, rule, menu entry or relationship is declared once,
    so no app's declaration wins or loses by the order the apps are found in."""
    from django.core.exceptions import ImproperlyConfigured

    from haven.assessments import episodes
    from haven.cin import episode_work, handoffs
    from haven.cin import sections as cin_sections
    from haven.core import access, chronology, flags, mounts, navigation, relationships
    from haven.frontdoor import routing
    from haven.frontdoor.codes import Decision
    from haven.pathways import referrals
    from haven.pathways.step_down import ToEarlyHelp
    from haven.people import sections
    from haven.timescales import registry

    declarations: list[Any] = [
        lambda: chronology.describe_events({"cin.plan_reviewed": lambda p: ""}),
        lambda: chronology.name_person("people.merged_into", "into", ""),
        lambda: registry.activate(
            "CIN-REVIEW", key="plan", met_by=(), action="", url_name="cin:plan"
        ),
        lambda: navigation.menu_entry(
            "Again", "home", order=0, shown=lambda user: True
        ),
        lambda: access.relationship("Allocated worker", order=99)(
            relationships.allocated_worker
        ),
        lambda: sections.person_section("due", "x.html", order=1)(lambda *a: None),
        lambda: mounts.mount("again/", "haven.cin.urls"),
        lambda: cin_sections.episode_section("assessments", "x.html", order=1)(
            lambda *a: {}
        ),
        lambda: episode_work.episode_work(episodes.WORK),
        lambda: routing.next_step(Decision.EARLY_HELP)(referrals.ask_early_help),
        lambda: routing.childs_work(referrals.childs_work),
        lambda: handoffs.beyond_social_care(ToEarlyHelp()),
        lambda: flags.person_flag("child_protection_plan", "Again", order=1)(
            lambda ids: set()
        ),
    ]
    for declare in declarations:
        with pytest.raises(ImproperlyConfigured):
            declare()


def _described(func: Any) -> str:
    """A declared function, by where it is defined (lambdas share a name)."""
    code = func.__code__
    return f"{func.__module__}.{func.__qualname__}:{code.co_firstlineno}"


def snapshot() -> dict[str, Any]:
    """Everything the plugins declared, in the order Haven uses it."""
    from haven.casework import oversight
    from haven.cin import episode_work
    from haven.cin import sections as cin_sections
    from haven.core import access, chronology, flags, journal, mounts, navigation, work
    from haven.people import sections
    from haven.timescales import registry

    return {
        "words": {k: _described(f) for k, f in sorted(chronology.DESCRIBERS.items())},
        "hidden": sorted(chronology.HIDDEN),
        "audit": sorted(chronology.AUDIT),
        "names_person": dict(sorted(chronology.NAMES_PERSON.items())),
        "rules": [
            [rule_id, a.key, a.met_by, a.ended_by, a.action, a.url_name]
            for rule_id, a in registry.ACTIVE.items()
        ],
        "relationships": [[r.name, _described(r.filter)] for r in access.RELATIONSHIPS],
        "work": [_described(source) for source in work.SOURCES],
        "listeners": [_described(f) for f in journal.LISTENERS],
        "state_checks": [_described(f) for f in journal.STATE_CHECKS],
        "menu": [
            [e.text, e.url_name, e.order]
            for e in sorted(
                navigation.ENTRIES.values(), key=lambda e: (e.order, e.text)
            )
        ],
        "sections": sorted(
            [s.key, s.template, s.order] for s in sections.SECTIONS.values()
        ),
        "episode_sections": sorted(
            [s.key, s.rows, s.order] for s in cin_sections.EPISODE_SECTIONS.values()
        ),
        "episode_work": sorted(episode_work.EPISODE_WORK),
        "urls": [
            str(pattern.pattern) + " " + str(pattern.urlconf_name)
            for pattern in mounts.mounted()
        ],
        "oversight": {
            k: [d.words, d.only_by_a_manager] for k, d in oversight.DECISIONS.items()
        },
        "stricter": len(oversight.STRICTER),
        "flags": [
            [f.key, f.words, f.order, _described(f.holds)]
            for f in sorted(flags.FLAGS.values(), key=lambda f: (f.order, f.key))
        ],
    }


def main() -> None:
    """Start Django with Haven's apps in the order HAVEN_APP_ORDER gives (a
    seed for a shuffle, or "reversed"), and print what the plugins declared."""
    import django
    from django.conf import settings

    apps = list(settings.INSTALLED_APPS)
    ours = [app for app in apps if app.startswith("haven.") and "." not in app[6:]]
    order = os.environ["HAVEN_APP_ORDER"]
    if order == "reversed":
        ours.reverse()
    elif order != "as-listed":
        random.Random(int(order)).shuffle(ours)
    settings.INSTALLED_APPS = [app for app in apps if app not in ours] + ours
    django.setup()
    from django.apps import apps as registry

    found = [config.name for config in registry.get_app_configs()]
    print(json.dumps({"apps": found, "declared": snapshot()}, default=list))


def _declared_with_apps_in(order: str) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-c", "from tests.test_plugins import main; main()"],
        env={
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            **os.environ,
            "HAVEN_APP_ORDER": order,
        },
        cwd=HAVEN.parent,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    answer: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return answer


def test_the_order_the_apps_are_found_in_changes_nothing_declared() -> None:
    listed = _declared_with_apps_in("as-listed")
    assert listed["declared"]["words"] and listed["declared"]["rules"]
    for order in ("reversed", "4", "11"):
        other = _declared_with_apps_in(order)
        assert other["apps"] != listed["apps"], "the apps were not reordered"
        assert other["declared"] == listed["declared"], order

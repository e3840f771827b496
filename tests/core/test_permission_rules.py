"""Rules stay out of views and templates (issue 11 item 22): every permission
check is a `may_*` function in a permissions module, asked alike by the view,
the template (the `may` filter) and the service."""

import ast
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.template import Context, Template

from haven.core import permissions
from haven.core.errors import DomainError

HAVEN = Path(__file__).resolve().parents[2] / "haven"

# The one module that asks Django for a permission; every rule goes through it.
MAY_ASK_HAS_PERM = {"core/permissions.py"}
# Layouts that may read Django's `perms` (the menu): none needs it today.
MAY_USE_PERMS = {"core/templates/base.html"}

PERMS = re.compile(r"\bperms\.")
MAY_FILTER = re.compile(r"""\|may:["']([a-z_]+)\.([a-z_]+)["']""")


def _python_files():
    return sorted(p for p in HAVEN.rglob("*.py") if "migrations" not in p.parts)


def _templates():
    return sorted(HAVEN.rglob("templates/**/*.html"))


def _has_perm_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"has_perm", "has_perms"}
    ]


def test_only_the_permissions_module_asks_has_perm():
    found = [
        f"{path.relative_to(HAVEN)}:{line}"
        for path in _python_files()
        if str(path.relative_to(HAVEN)) not in MAY_ASK_HAS_PERM
        for line in _has_perm_calls(path)
    ]
    assert not found, f"ask a may_* rule instead of has_perm: {found}"


def test_the_scan_finds_a_has_perm_call(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text('def v(request):\n    return request.user.has_perm("core.x")\n')
    assert _has_perm_calls(sample) == [2]


def test_no_domain_template_reads_perms():
    found = [
        f"{path.relative_to(HAVEN)}:{number}"
        for path in _templates()
        if str(path.relative_to(HAVEN)) not in MAY_USE_PERMS
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if PERMS.search(line)
    ]
    assert not found, f'use {{% if user|may:"app.rule" %}} instead: {found}'


def test_every_rule_a_template_asks_exists():
    asked = {
        match.groups()
        for path in _templates()
        for match in MAY_FILTER.finditer(path.read_text())
    }
    assert asked, "the scan should find the templates' rules"
    for app, rule in asked:
        module = import_module(f"haven.{app}.permissions")
        assert callable(getattr(module, f"may_{rule}", None)), (app, rule)


@pytest.mark.django_db
def test_the_may_filter_asks_the_rule(alice, mona):
    page = Template(
        '{% load may %}{% if user|may:"people.see_who_viewed" %}yes{% endif %}'
    )
    assert page.render(Context({"user": mona})) == "yes"
    assert page.render(Context({"user": alice})) == ""


def test_a_service_refuses_with_the_rules_answer():
    permissions.require(True, "Only managers")
    with pytest.raises(DomainError) as refused:
        permissions.require(False, "Only managers")
    assert (refused.value.code, refused.value.message) == (
        "not_permitted",
        "Only managers",
    )

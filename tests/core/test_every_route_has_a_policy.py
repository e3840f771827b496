"""Every URL pattern declares its access policy (haven/core/route_policy.py):
a route added without one fails here, naming it."""

from django.apps import apps
from django.contrib.auth.models import Permission
from django.urls import get_resolver
from django.urls.resolvers import URLPattern, URLResolver

from haven.core.route_policy import ADMIN_PREFIX, Declared, Policy, declared_for


def walk(patterns, prefix="", namespace=""):
    """(route, name, callback) for every pattern, the admin's as one entry."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith(ADMIN_PREFIX):
                yield ADMIN_PREFIX, "admin", None
                continue
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield route, name, pattern.callback


def policies() -> dict[str, Declared | None]:
    return {
        route: declared_for(route, name, callback)
        for route, name, callback in walk(get_resolver().url_patterns)
    }


def routes_with(kind: Policy) -> dict[str, Declared]:
    return {r: d for r, d in policies().items() if d is not None and d.policy is kind}


def test_every_route_declares_a_policy():
    found = policies()
    assert len(found) > 50
    assert [route for route, declared in found.items() if declared is None] == []


def test_person_routes_are_the_ones_naming_a_person():
    for route, declared in policies().items():
        if declared.policy is Policy.PERSON:
            assert "people/<int:pk>/" in route, route


def test_object_routes_name_a_model_and_take_its_pk():
    objects = routes_with(Policy.OBJECT)
    assert len(objects) >= 12
    for route, declared in objects.items():
        assert "<int:pk>" in route, route
        apps.get_model(declared.of)  # raises for a model that does not exist


def test_role_routes_name_a_permission_that_exists(db):
    for route, declared in routes_with(Policy.ROLE).items():
        assert declared.permissions, route
        for permission in declared.permissions:
            app_label, codename = permission.split(".")
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), (route, permission)

"""Every route declares who may use it, so a route added without thought fails
a test (tests/core/test_every_route_has_a_policy.py) rather than going live.

The declaration does not enforce anything: each view still checks access where
it always has (`open_record`, a permission check, a queryset scoped to the
user). It says what the view promises, so the tests can hold it to it: every
PERSON and OBJECT route is asked by every role for children it has no
relationship to, and must refuse.
"""

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar


class Policy(enum.Enum):
    # Scoped by the child's record named in the URL (people/<pk>/...).
    PERSON = "person"
    # Scoped through an object belonging to a child (a contact, a request, an
    # assessment, an episode, a plan, a draft, an action): the view finds the
    # child from the object and opens the record as PERSON does.
    OBJECT = "object"
    # Needs a permission: names no child, or only the children the user may
    # open (a queue, a report).
    ROLE = "role"
    # Any signed-in member of staff: their own page (home, My work, password).
    STAFF = "staff"
    # No sign-in: the sign-in page.
    PUBLIC = "public"


@dataclass(frozen=True)
class Declared:
    policy: Policy
    # For ROLE: the permission ("core.manage_team_cases"), or several any one
    # of which will do ("core.record_contacts or core.manage_team_cases").
    permission: str = ""
    # For OBJECT: the model the URL's pk names ("frontdoor.Contact").
    of: str = ""

    @property
    def permissions(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.permission.split(" or ") if p.strip())


View = TypeVar("View", bound=Callable[..., Any] | type)


def policy(
    kind: Policy, *, permission: str = "", of: str = ""
) -> Callable[[View], View]:
    """Declare a view's access policy (a function view, or a class-based view)."""
    if kind is Policy.ROLE and not permission:
        raise ValueError("A ROLE route names its permission")
    if kind is Policy.OBJECT and not of:
        raise ValueError("An OBJECT route names the model its pk refers to")
    declared = Declared(kind, permission, of)

    def declare(view: View) -> View:
        view.route_policy = declared  # type: ignore[union-attr]
        return view

    return declare


# Views Haven does not write, keyed by URL name.
THIRD_PARTY: dict[str, Declared] = {
    "login": Declared(Policy.PUBLIC),
    "logout": Declared(Policy.STAFF),
    "api-schema": Declared(Policy.STAFF),
    "api-docs": Declared(Policy.STAFF),
}

# Django's admin, as a whole: HavenAdminSite.has_permission lets in only this.
ADMIN_PREFIX = "admin/"
ADMIN = Declared(Policy.ROLE, permission="core.manage_reference_data")


def declared_for(route: str, name: str | None, callback: Any) -> Declared | None:
    """The policy of a URL pattern: the admin's, the table's, or the view's."""
    if route.startswith(ADMIN_PREFIX):
        return ADMIN
    found = getattr(callback, "route_policy", None)
    if found is None:
        # A class-based view's as_view() keeps the class here.
        found = getattr(getattr(callback, "view_class", None), "route_policy", None)
    if found is None and name is not None:
        found = THIRD_PARTY.get(name)
    return found

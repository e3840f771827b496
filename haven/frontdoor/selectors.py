"""Reads for the front door: who works there, the queue, a child's contacts."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Min, Q, QuerySet

from haven.core import access, among, clock
from haven.core.errors import AccessDenied
from haven.core.models import User
from haven.frontdoor import permissions as rules
from haven.frontdoor.models import Contact, ContactChild
from haven.people import lifestage
from haven.people.keys import name_keys
from haven.people.matching import likely_duplicates
from haven.people.models import Person
from haven.timescales.models import Obligation

RULE_ID = "REF-DECISION"
SUGGEST_THRESHOLD = 0.75


def front_door_managers(users: list[User]) -> list[User]:
    """Of these users, the managers of a team (or service) whose staff record
    contacts: one query however many users a team view asks about."""
    deciders = [user for user in users if rules.may_decide_contacts(user)]
    teams = {user.pk: access.team_ids_for(user) for user in deciders}
    recorders = User.objects.filter(
        team_id__in=set().union(*teams.values()),
        is_active=True,
        groups__permissions__codename="record_contacts",
    ).values_list("team_id", "pk")
    staffed = list(recorders) if deciders else []
    return [
        user
        for user in deciders
        if any(team in teams[user.pk] and pk != user.pk for team, pk in staffed)
    ]


def manages_front_door(user: User) -> bool:
    """A manager of a team (or service) whose staff record contacts.
    Remembered on the user object (one request): every page's menu asks."""
    known: bool | None = getattr(user, "_manages_front_door", None)
    if known is None:
        known = bool(front_door_managers([user]))
        user._manages_front_door = known  # type: ignore[attr-defined]
    return known


def works_at_front_door(user: User) -> bool:
    return rules.may_record_contacts(user) or manages_front_door(user)


def decision_due_dates(contact_ids: list[int]) -> dict[int, dt.date]:
    """When each contact's decision is due, read from the obligations the
    timescale engine keeps (one source of truth for the date), in one query."""
    rows = (
        Obligation.objects.filter(
            rule_id=RULE_ID, subject__in=[str(pk) for pk in contact_ids]
        )
        .values("subject")
        .annotate(due=Min("due_on"))
    )
    return {int(row["subject"]): row["due"] for row in rows}


def decision_due_on(contact: Contact) -> dt.date | None:
    return decision_due_dates([contact.pk]).get(contact.pk)


@dataclass
class QueueRow:
    contact: Contact
    children: list[ContactChild]
    due_on: dt.date | None
    overdue: bool


def awaiting_decision(user: User) -> list[QueueRow]:
    """Contacts with a child still awaiting a decision, oldest first.

    Only the children whose records the user may open are listed.
    """
    # The few waiting children first, then which of them the user may open:
    # as a subquery, access would be worked out for everyone on the register.
    waiting = list(undecided())
    openable = among.openable_among(user, {c.person_id for c in waiting}).openable
    return queue_rows([c for c in waiting if c.person_id in openable])


def undecided() -> QuerySet[ContactChild]:
    """Every child of a contact still awaiting a decision, oldest contact first."""
    return (
        ContactChild.objects.filter(decision="")
        .select_related("contact", "person")
        .order_by("contact__received_at", "contact_id", "pk")
    )


def queue_rows(children: Iterable[ContactChild]) -> list[QueueRow]:
    """The children grouped by their contact, each contact with its due date."""
    undecided = list(children)
    due_dates = decision_due_dates(sorted({n.contact_id for n in undecided}))
    rows: dict[int, QueueRow] = {}
    today = clock.today()
    for named in undecided:
        row = rows.get(named.contact_id)
        if row is None:
            due = due_dates.get(named.contact_id)
            row = QueueRow(named.contact, [], due, bool(due and due < today))
            rows[named.contact_id] = row
        row.children.append(named)
    return list(rows.values())


def contacts_about(person: Person) -> QuerySet[ContactChild]:
    """Every contact naming the child, newest first."""
    return (
        ContactChild.objects.filter(person=person)
        .select_related("contact", "decided_by", "contact__recorded_by")
        .order_by("-contact__received_at", "-pk")
    )


def named_children(contact: Contact) -> list[ContactChild]:
    return list(contact.children.select_related("person", "decided_by").order_by("pk"))


def contact_for(
    user: User, pk: int, *, what: str, route: str = ""
) -> tuple[Contact, list[ContactChild]]:
    """Open a contact for a page: it, and the children named in it the user may
    open, each read logged.

    Contact.DoesNotExist for an id no contact has, and for a contact every child
    of which is restricted or sealed from the user: the same 404, so a contact
    cannot confirm that a hidden child is known. AccessDenied when the user may
    open none of its children otherwise (the record pages' 403)."""
    contact = Contact.objects.select_related("recorded_by").filter(pk=pk).first()
    if contact is None:
        raise Contact.DoesNotExist
    allowed, hidden = [], 0
    named = named_children(contact)
    for child in named:
        try:
            access.open_record(user, child.person, what=what, route=route)
        except AccessDenied:
            hidden += access.is_secret(child.person)
            continue
        allowed.append(child)
    if not allowed and hidden == len(named):
        raise Contact.DoesNotExist
    if not allowed:
        raise AccessDenied("You have no relationship to the children in this contact")
    return contact, allowed


def suggestions(
    given_name: str,
    family_name: str,
    date_of_birth: dt.date | None,
    *,
    children_only: bool = True,
) -> list[Person]:
    """Children already on the register who may be the child typed in (anyone on
    the register, for an adult named on the contact: a parent may be a teenager).

    The front door searches the whole register (not only records the user may
    open): a contact may be about any child, and a missed match makes a
    duplicate. Only name and date of birth are shown; restricted and sealed
    records are left out.
    """
    given_key, family_key = name_keys(given_name, family_name)
    near = Q(family_key=family_key) | Q(names__family_key=family_key)
    if given_key:
        near |= Q(given_key=family_key, family_key=given_key)
    if date_of_birth:
        near |= Q(date_of_birth=date_of_birth)
    people = Person.objects.filter(near, merged_into__isnull=True)
    if children_only:
        people = people.filter(lifestage.children_on(clock.today()))
    candidates = people.filter(restriction__isnull=True).distinct()[:200]
    wanted: dict[str, Any] = {
        "given_name": given_name,
        "family_name": family_name,
        "date_of_birth": date_of_birth,
    }
    scored = likely_duplicates(wanted, candidates, threshold=SUGGEST_THRESHOLD)
    return [person for _score, person in scored[:5]]

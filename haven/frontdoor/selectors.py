"""Reads for the front door: who works there, the queue, a child's contacts."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from haven.core import access, clock
from haven.core.models import User
from haven.frontdoor.models import Contact, ContactChild
from haven.people.keys import name_keys
from haven.people.matching import likely_duplicates
from haven.people.models import Person
from haven.timescales.catalogue import rule
from haven.timescales.deadlines import Deadline

RULE_ID = "REF-DECISION"
SUGGEST_THRESHOLD = 0.75


def manages_front_door(user: User) -> bool:
    """A manager of a team (or service) whose staff record contacts."""
    if not user.has_perm("core.manage_team_cases"):
        return False
    teams = access.team_ids_for(user)
    return (
        User.objects.filter(
            team_id__in=teams,
            is_active=True,
            groups__permissions__codename="record_contacts",
        )
        .exclude(pk=user.pk)
        .exists()
    )


def works_at_front_door(user: User) -> bool:
    return user.has_perm("core.record_contacts") or manages_front_door(user)


class DecisionDeadlines:
    """The decision deadline for any day received, from the rule's settings read
    once: a queue of many contacts must not ask the database once per contact."""

    def __init__(self) -> None:
        from haven.timescales.models import RuleSetting

        # Newest first, as timescales.services.current_value orders them: the
        # first one applying on a day is the one in force that day.
        self._settings = list(
            RuleSetting.objects.filter(rule_id=RULE_ID).order_by(
                "-applies_from", "-recorded_at"
            )
        )
        default = rule(RULE_ID).deadline
        assert default is not None
        self._default = default

    def due_on(self, received: dt.datetime) -> dt.date:
        day = timezone.localdate(received)
        setting = next((s for s in self._settings if s.applies_from <= day), None)
        if setting is not None and setting.deadline:
            return Deadline.parse(setting.deadline).due_from(day)
        return self._default.due_from(day)


def decision_due_on(received: dt.datetime) -> dt.date:
    """The day a decision is due: the rule's deadline (or the local authority's
    setting of it) from the day the contact was received."""
    return DecisionDeadlines().due_on(received)


@dataclass
class QueueRow:
    contact: Contact
    children: list[ContactChild]
    due_on: dt.date
    overdue: bool


def awaiting_decision(user: User) -> list[QueueRow]:
    """Contacts with a child still awaiting a decision, oldest first.

    Only the children whose records the user may open are listed.
    """
    visible = Person.objects.filter(access.visible_filter(user))
    undecided = (
        ContactChild.objects.filter(decision="", person__in=visible)
        .select_related("contact", "person")
        .order_by("contact__received_at", "contact_id", "pk")
    )
    rows: dict[int, QueueRow] = {}
    today = clock.today()
    deadlines = DecisionDeadlines()
    for named in undecided:
        row = rows.get(named.contact_id)
        if row is None:
            due = deadlines.due_on(named.contact.received_at)
            row = QueueRow(named.contact, [], due, due < today)
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


def suggestions(
    given_name: str, family_name: str, date_of_birth: dt.date | None
) -> list[Person]:
    """Children already on the register who may be the child typed in.

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
    candidates = (
        Person.objects.filter(near, kind=Person.Kind.CHILD, merged_into__isnull=True)
        .filter(restriction__isnull=True)
        .distinct()[:200]
    )
    wanted: dict[str, Any] = {
        "given_name": given_name,
        "family_name": family_name,
        "date_of_birth": date_of_birth,
    }
    scored = likely_duplicates(wanted, candidates, threshold=SUGGEST_THRESHOLD)
    return [person for _score, person in scored[:5]]

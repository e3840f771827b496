"""The one-page case summary: who the child is, the people around them,
warnings, the legal context, the plan and when they were last seen.

Read from each app's records for the child (and records merged into theirs);
people the reader may not see named are left out, as on the child's page."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from haven.care.models import LegalStatus, PeriodOfCare
from haven.casework.models import CaseNote
from haven.cin.models import CinEpisode
from haven.core.models import Allocation, User
from haven.core.selectors import current_allocation
from haven.earlyhelp.models import EarlyHelpRequest
from haven.people.models import Address, Person, PersonWarning
from haven.people.selectors import identity_bar, record_ids, relationships_of
from haven.protection.codes import Category
from haven.protection.models import ChildProtectionPlan


@dataclass
class CaseSummary:
    person: Person
    address: Address | None
    allocation: Allocation | None
    people: list[tuple[str, str]]  # (name, relationship)
    warnings: list[PersonWarning]
    legal: list[str]
    plans: list[str]
    last_seen: dt.datetime | None
    last_seen_alone: dt.datetime | None
    flags: list[str] = field(default_factory=list)


def _day(day: dt.date) -> str:
    return f"{day:%-d %B %Y}"


def _cin(ids: list[int]) -> tuple[list[str], list[str]]:
    legal, plans = [], []
    for episode in CinEpisode.objects.filter(person_id__in=ids, closed_on__isnull=True):
        legal.append(f"Child in need: referred {_day(episode.referral_date)}")
        plan = episode.current_plan()
        if plan is not None:
            actions = list(plan.actions.all()[:3])
            plans.append(
                f"Child in need plan from {_day(plan.started_on)}"
                + "".join(
                    f"; {a.what_must_change} ({a.who}, by {_day(a.by_when)})"
                    for a in actions
                )
            )
    return legal, plans


def _protection(ids: list[int]) -> tuple[list[str], list[str]]:
    legal, plans = [], []
    for plan in ChildProtectionPlan.objects.filter(
        person_id__in=ids, ended_on__isnull=True
    ):
        category = Category(plan.latest_category).label
        legal.append(f"Child protection plan from {_day(plan.started_on)}: {category}")
        concerns = list(plan.concerns.all()[:3])
        plans.append(
            f"Child protection plan from {_day(plan.started_on)}"
            + "".join(
                f"; {c.what_must_change} (by {_day(c.by_when)})" for c in concerns
            )
        )
    return legal, plans


def _care(ids: list[int]) -> list[str]:
    legal = []
    periods = PeriodOfCare.objects.filter(person_id__in=ids).order_by("-started_on")
    for period in periods[:1]:
        if period.ended_on is None:
            status = (
                LegalStatus.objects.filter(period=period, ended_on__isnull=True)
                .order_by("-started_on")
                .first()
            )
            words = f" ({status.get_code_display()})" if status else ""
            legal.append(f"Looked after from {_day(period.started_on)}{words}")
        else:
            legal.append(f"Left care on {_day(period.ended_on)}")
    return legal


def _early_help(ids: list[int]) -> list[str]:
    open_requests = EarlyHelpRequest.objects.filter(
        Q(person_id__in=ids) | Q(children__in=ids), closed_on__isnull=True
    ).distinct()
    return [f"Early help: asked for on {_day(r.requested_on)}" for r in open_requests]


def _seen(ids: list[int], **alone: bool) -> dt.datetime | None:
    note = (
        CaseNote.objects.filter(person_id__in=ids, child_seen=True, **alone)
        .order_by("-occurred_at")
        .first()
    )
    return timezone.localtime(note.occurred_at) if note else None


def case_summary(person: Person, reader: User) -> CaseSummary:
    """The summary of a child's case, as the reader may see it."""
    ids = record_ids(person)
    bar = identity_bar(person)
    cin_legal, cin_plans = _cin(ids)
    cp_legal, cp_plans = _protection(ids)
    legal = cp_legal + _care(ids) + cin_legal + _early_help(ids)
    people = [
        (row["person"].full_name, row["kind"])
        for row in relationships_of(person, reader)
        if not row["unnamed"]
    ]
    address = (
        Address.objects.filter(person_id__in=ids, ended_on__isnull=True)
        .order_by("-started_on")
        .first()
    )
    return CaseSummary(
        person=person,
        address=address,
        allocation=current_allocation(person),
        people=people,
        warnings=bar.warnings,
        legal=legal or ["No open involvement"],
        plans=cp_plans + cin_plans,
        last_seen=_seen(ids),
        last_seen_alone=_seen(ids, seen_alone=True),
        flags=[flag.words for flag in bar.flags],
    )

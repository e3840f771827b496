"""Timeliness: of the duties met in each month, how many on time. The due date
and whether it was met in time are the timescale engine's (each Obligation,
rebuilt from the child's journal), never worked out again here; a duty set
aside (no longer required) is not counted, as the DfE's measures leave out
what was never done."""

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from django.utils import timezone

from haven.frontdoor.models import ContactChild
from haven.reporting.figures import OWN, Figure, Item, declare
from haven.reporting.spans import Span
from haven.timescales import catalogue
from haven.timescales.models import Obligation

MET = (Obligation.Status.MET_ON_TIME, Obligation.Status.MET_LATE)


def met_in(rule_ids: tuple[str, ...], span: Span) -> list[dict[str, Any]]:
    """The rules' duties met in the period, with their dates, in one query."""
    rows = (
        Obligation.objects.filter(
            rule_id__in=rule_ids,
            status__in=MET,
            closed_on__gte=span.first,
            closed_on__lte=span.last,
        )
        .order_by("closed_on", "pk")
        .values(
            "person_id",
            "subject",
            "due_on",
            "closed_on",
            "status",
            "trigger_event__occurred_at",
        )
    )
    return [dict(row) for row in rows]


def _items(
    rule_ids: tuple[str, ...],
    span: Span,
    teams: Mapping[tuple[int, str], int | None] | None = None,
) -> list[Item]:
    items = []
    for row in met_in(rule_ids, span):
        closed = row["closed_on"]
        month = span.month_of(closed)
        if month is None:
            continue
        started = timezone.localdate(row["trigger_event__occurred_at"])
        team = (teams or {}).get((row["person_id"], str(row["subject"])))
        items.append(
            Item(
                row["person_id"],
                month.key,
                closed,
                hit=row["status"] == Obligation.Status.MET_ON_TIME,
                team_id=team,
                details=(started, row["due_on"], closed),
            )
        )
    return items


def of_rules(*rule_ids: str) -> Callable[[Span], list[Item]]:
    return lambda span: _items(rule_ids, span)


def _contact_decisions(span: Span) -> list[Item]:
    """A contact is decided at the front door: it counts for the team of the
    manager who decided it (a child may have no case held yet)."""
    rows = ContactChild.objects.filter(
        decided_at__date__gte=span.first - _SLACK, decided_by__isnull=False
    ).values_list("person_id", "contact_id", "decided_by__team_id")
    teams = {(person, str(contact)): team for person, contact, team in rows}
    return _items(("REF-DECISION",), span, teams)


# A decision is read a day either side of the period's first day: the time
# zone can move a decision made near midnight into the day before.
_SLACK = dt.timedelta(days=1)

TIMESCALE_COLUMNS = ("Clock started", "Due", "Done")


def source_of(measure: str, *rule_ids: str) -> str:
    rules = [catalogue.rule(rule_id) for rule_id in rule_ids]
    named = "; ".join(f"{rule.id}: {rule.description}" for rule in rules)
    return (
        f"{measure} The due dates are the timescale engine's ({named}). A duty "
        f"still not met is counted in the month it is met. Source: "
        f"{rules[0].source}"
    )


CONTACTS = declare(
    Figure(
        key="contact_decisions",
        name="Contact decisions within one working day",
        counts="Of the decisions on contacts made in each month, the per cent "
        "made within one working day of the contact",
        source=source_of(
            "Each child named on a contact is decided on; each decision counts.",
            "REF-DECISION",
        ),
        compute=_contact_decisions,
        unit="decisions",
        rate=True,
        hit_words=("Within one working day", "Later"),
        columns=TIMESCALE_COLUMNS,
        team_is=OWN,
        team_words="the team of the manager who decided the contact",
    )
)
ASSESSMENTS = declare(
    Figure(
        key="assessments",
        name="Assessments within 45 working days",
        counts="Of the single assessments authorised in each month, the per cent "
        "authorised within 45 working days",
        source=source_of(
            "An assessment is done when its manager authorises it (the CIN "
            "census AssessmentAuthorisationDate).",
            "ASSESS-CF",
        ),
        compute=of_rules("ASSESS-CF"),
        unit="assessments",
        rate=True,
        hit_words=("Within 45 working days", "Later"),
        columns=TIMESCALE_COLUMNS,
    )
)
CONFERENCES = declare(
    Figure(
        key="initial_conferences",
        name="Initial child protection conferences within 15 working days",
        counts="Of the initial child protection conferences held in each month, "
        "the per cent held within 15 working days of the strategy discussion "
        "that started the section 47 enquiry",
        source=source_of(
            "Each initial conference after a section 47 enquiry counts.",
            "CP-ICPC",
        ),
        compute=of_rules("CP-ICPC"),
        unit="conferences",
        rate=True,
        hit_words=("Within 15 working days", "Later"),
        columns=TIMESCALE_COLUMNS,
    )
)

EHC_PLANS = declare(
    Figure(
        key="ehc_plans",
        name="EHC plans within 20 weeks",
        counts="Of the final EHC plans issued in each month, the per cent issued "
        "within 20 weeks of the request, plans with an exception included",
        source=source_of(
            "As the EHC plan timeliness report's 'within 20 weeks, all plans' "
            "and SEN2; a plan transferred in has no 20-week clock and is not "
            "counted.",
            "SEN-EHCP-20W",
        ),
        compute=of_rules("SEN-EHCP-20W"),
        unit="plans",
        rate=True,
        hit_words=("Within 20 weeks", "Later"),
        columns=TIMESCALE_COLUMNS,
    )
)

TIMELY = (CONTACTS, ASSESSMENTS, CONFERENCES)

"""Helpers for the health tests: an assessment recorded through the service,
and the obligations the engine holds."""

import datetime as dt

from haven.care.health import assessments
from haven.timescales.models import Obligation

START = dt.date(2025, 1, 10)  # a Friday


def assess(child, *, by, on, kind="review", **kw):
    return assessments.record_health_assessment(
        child,
        assessments.Assessment(
            kind=kw.get("kind_", kind),
            completed_on=on,
            professional=kw.get("professional", "Dr Priya Okafor"),
            role=kw.get("role", "Community paediatrician"),
            outcome=kw.get("outcome", "Healthy; eczema cream to continue."),
        ),
        by=by,
    )


def due(child, prefix="LAC-HEALTH"):
    """The duties due, by rule and due date."""
    return sorted(
        (o.rule_id, o.due_on)
        for o in Obligation.objects.filter(
            person=child, status="due", rule_id__startswith=prefix
        )
    )


def statuses(child, rule_id):
    return [
        (o.due_on, o.status)
        for o in Obligation.objects.filter(person=child, rule_id=rule_id).order_by(
            "due_on"
        )
    ]

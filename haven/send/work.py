"""SEND items on My work: the social care advice asked of a social worker, and
the SEND case officer's EHC timescales. Due dates are the engine's."""

from collections.abc import Sequence

from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast

from haven.core.caseroles import CaseRole
from haven.core.links import link
from haven.core.models import User
from haven.core.work import WorkItem
from haven.send.codes import AdviceKind
from haven.send.models import Advice
from haven.timescales.models import Obligation
from haven.timescales.queue import why_words
from haven.timescales.role_work import due_to_role_holders

ADVICE_RULE = "SEN-ADVICE"
RULES = (
    "SEN-ASSESS-DECISION",
    "SEN-ADVICE",
    "SEN-NO-PLAN",
    "SEN-EHCP-20W",
    "SEN-ANNUAL",
    "SEN-AR-STEPS",
    # A plan's changes (changes/plugin.py).
    "SEN-AMEND",
    "SEN-PHASE",
    "SEN-PHASE-POST16",
    "SEN-POST16-MOVE",
    "SEN-TRIBUNAL",
)


def social_care_advice(workers: Sequence[User]) -> list[WorkItem]:
    """Social care advice asked of these workers and not yet given."""
    # The due date read in the same query (one query however many are asked),
    # by the child and rule (the obligations' index), not every duty due.
    due_on = Obligation.objects.filter(
        person_id=OuterRef("request__person_id"),
        rule_id=ADVICE_RULE,
        status=Obligation.Status.DUE,
        subject=Cast(OuterRef("pk"), CharField()),
    ).values("due_on")[:1]
    asked = list(
        Advice.objects.filter(
            kind=AdviceKind.SOCIAL_CARE,
            received_on__isnull=True,
            requested_from__in=workers,
        )
        .select_related("request__person")
        .annotate(due_on=Subquery(due_on))
    )
    items = []
    for advice in asked:
        person = advice.request.person
        assert advice.requested_from_id is not None
        items.append(
            WorkItem(
                worker_id=advice.requested_from_id,
                kind="EHC needs assessment",
                title="Give the social care advice for the EHC needs assessment",
                url=link("send:advice", advice.pk),
                due_on=advice.due_on,
                person_id=person.pk,
                person_name=person.full_name,
                source=why_words(ADVICE_RULE),
                rule_id=ADVICE_RULE,
            )
        )
    return items


def send_officer_duties(workers: Sequence[User]) -> list[WorkItem]:
    """The EHC timescales of the children these workers hold as SEND officer."""
    return due_to_role_holders(
        workers, role=CaseRole.SEND_OFFICER, rule_ids=RULES, kind="EHC timescale"
    )

"""A discrepancy care lists for managers and on the child's page
(haven.care.discrepancies): a child missing, or away without authorisation,
for more than 24 hours with no police reference recorded. The police are told
of a missing child at once (DfE statutory guidance on children who run away or
go missing from home or care, 2014); a day on, the record should say so."""

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from haven.care.discrepancies import Discrepancy
from haven.care.missing.checks import when
from haven.care.models import MissingEpisode
from haven.core import clock, few

OVERDUE = dt.timedelta(hours=24)


def missing_without_reference(
    child_ids: Collection[int], today: dt.date
) -> list[Discrepancy]:
    """Episodes still open that began more than 24 hours ago, with no police
    reference: one query, whatever the number of children. Measured from now,
    not from the day: a child is missing by the hour."""

    def build(ids: list[int], _day: dt.date, since: dt.datetime) -> QuerySet[Any]:
        return (
            MissingEpisode.objects.filter(
                period__person_id__in=ids,
                ended_at__isnull=True,
                started_at__lt=since,
                police_reference="",
            )
            .select_related("period__person")
            .order_by("started_at", "pk")
        )

    since = clock.now() - OVERDUE
    episodes = few.objects(
        "missing without reference", MissingEpisode, child_ids, build, today, since
    )
    return [_found(episode) for episode in episodes]


def _found(episode: MissingEpisode) -> Discrepancy:
    person = episode.period.person
    what = episode.get_kind_display().lower()
    if episode.reported_to_police:
        says = (
            f"{what.capitalize()} since {when(episode.started_at)}: reported to "
            "the police, but no police reference is recorded"
        )
        todo = "Ask the police for their reference and record it"
    else:
        says = (
            f"{what.capitalize()} since {when(episode.started_at)}, more than 24 "
            "hours, and not recorded as reported to the police"
        )
        todo = (
            "Report the child missing to the police now if nobody has, and "
            "record the report and its reference"
        )
    return Discrepancy(
        child_id=person.merged_into_id or person.pk,
        code="missing_no_police_reference",
        says=says,
        todo=todo,
        url=reverse("care:missing_police", args=[episode.pk]),
        link="Record the police report",
    )

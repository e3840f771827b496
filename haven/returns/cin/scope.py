"""Who and what the CIN census for a collection year holds, read from the
records as they stood at the end of its period (returns.md §1.8): every
child referred in the year (a referral with no further action too) and every
episode open at any point in it, with what happened on each episode up to the
period's end. Something recorded for a later date has not happened yet.

Everything is read in a fixed number of queries, whatever the number of
children (prefetched), so the return takes the same few queries for an
authority of any size."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils import timezone

from haven.assessments.models import Assessment
from haven.cin.models import CinEpisode, Plan
from haven.people.models import FormerUpn, Person
from haven.protection.codes import INITIAL_KINDS, ConferenceKind
from haven.protection.models import ChildProtectionPlan, Conference, Section47Enquiry


@dataclass(frozen=True)
class Period:
    """A collection year's period: 1 April of the year before to 31 March."""

    year: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.year - 1, 4, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 3, 31)

    def by_end(self, day: dt.date | None) -> dt.date | None:
        """The day, if it had come by the period's end; None if not (yet)."""
        return day if day is not None and day <= self.end else None

    def ongoing(self, ended: dt.date | None) -> bool:
        """Open at the end, or ended in the period: in the return."""
        return ended is None or ended >= self.start


@dataclass
class Child:
    """One Child element: the child's surviving record and their episodes."""

    person: Person
    episodes: list[CinEpisode] = field(default_factory=list)
    former_upns: list[str] = field(default_factory=list)


def _episodes(period: Period) -> list[CinEpisode]:
    held = Q(started_on__lte=period.end)
    conferences = Conference.objects.filter(held_on__lte=period.end)
    return list(
        CinEpisode.objects.filter(referral_date__lte=period.end)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=period.start))
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "assessments",
                Assessment.objects.filter(held).order_by("started_on", "pk"),
            ),
            Prefetch("plans", Plan.objects.filter(held).order_by("started_on", "pk")),
            Prefetch(
                "section_47_enquiries",
                Section47Enquiry.objects.filter(held)
                .select_related("initial_conference")
                .order_by("started_on", "pk"),
            ),
            Prefetch(
                "cp_conferences",
                conferences.filter(
                    kind__in=INITIAL_KINDS, section_47__isnull=True
                ).order_by("held_on", "pk"),
                to_attr="initial_without_enquiry",
            ),
            Prefetch(
                "cp_plans",
                ChildProtectionPlan.objects.filter(held)
                .prefetch_related(
                    Prefetch(
                        "reviews",
                        # All of them: one after the period's end may
                        # have changed the category (build.latest_category).
                        Conference.objects.filter(kind=ConferenceKind.REVIEW).order_by(
                            "held_on", "pk"
                        ),
                    )
                )
                .order_by("started_on", "pk"),
            ),
        )
        .order_by("referral_date", "pk")
    )


def _survivors(episodes: list[CinEpisode]) -> dict[int, Person]:
    """Each record's surviving record: a duplicate merged into a child's
    record returns as that child (one LAchildID, rule 8510)."""
    merged = {e.person.merged_into_id for e in episodes if e.person.merged_into_id}
    found = {e.person_id: e.person for e in episodes}
    while merged - found.keys():
        rows = Person.objects.filter(pk__in=merged - found.keys())
        found.update({p.pk: p for p in rows})
        merged = {p.merged_into_id for p in found.values() if p.merged_into_id}
    survivors = {}
    for pk in found:
        person = found[pk]
        while person.merged_into_id is not None:
            person = found[person.merged_into_id]
        survivors[pk] = person
    return survivors


def children(period: Period) -> list[Child]:
    """The children in the return, ordered by their Haven ID, each with their
    episodes in referral order."""
    episodes = _episodes(period)
    survivors = _survivors(episodes)
    by_child: dict[int, Child] = {}
    for episode in episodes:
        person = survivors[episode.person_id]
        by_child.setdefault(person.pk, Child(person)).episodes.append(episode)
    for row in FormerUpn.objects.filter(person_id__in=by_child).order_by("pk"):
        by_child[row.person_id].former_upns.append(row.upn)
    return [by_child[pk] for pk in sorted(by_child)]


def authorised_on(assessment: Assessment, period: Period) -> dt.date | None:
    """The assessment's completion day, if it came by the period's end."""
    if assessment.authorised_at is None:
        return None
    return period.by_end(timezone.localdate(assessment.authorised_at))

"""Reads about children in need episodes and plans."""

import datetime as dt
from collections.abc import Iterable

from django.db.models import QuerySet

from haven.cin import episode_work
from haven.cin.models import CinEpisode, Plan
from haven.core import compiled
from haven.core.models import User
from haven.people import selectors as people
from haven.people.models import Person
from haven.people.selectors import record_ids, records_of
from haven.timescales import calendar
from haven.timescales import selectors as timescales


def open_episode(person: Person) -> CinEpisode | None:
    """The child's open CIN episode (there is at most one), counting any opened
    on a duplicate record since merged into the child's."""
    return open_among(episodes_of_records(person))


def episodes_of_records(person: Person) -> list[CinEpisode]:
    """The episodes of the child's records (theirs, and those of duplicates
    merged into theirs), newest first: a child has a few."""
    # Compiled once (core.compiled): asked by every referral, decision and
    # page about the child, and building it took Django ten times what the
    # database took to answer.
    query = compiled.once("cin.episodes_of_records", CinEpisode, _of_records)
    return query.instances(CinEpisode, person=person.pk)


def _of_records(rows: QuerySet[CinEpisode]) -> compiled.Compiled:
    anyone = Person(pk=compiled.ID_STAND_IN)
    mine = rows.filter(person_id__in=records_of(anyone))
    newest = compiled.every_field(mine.order_by("-referral_date", "-pk"))
    # The child's own and those merged into theirs: the id is asked twice.
    slot = compiled.Slot("person", compiled.ID_STAND_IN, Person._meta.pk, repeated=True)
    return compiled.Compiled(newest, [slot])


def open_among(episodes: Iterable[CinEpisode]) -> CinEpisode | None:
    """`open_episode` among the child's episodes, as read."""
    opened = [e for e in episodes if e.closed_on is None]
    return max(opened, key=lambda e: (e.referral_date, e.pk), default=None)


def previous_referral_within(
    person: Person, on: dt.date, months: int = 12
) -> CinEpisode | None:
    """The most recent earlier referral whose date is within `months` before `on`.

    The CIN census counts a re-referral as one within 12 months of a previous one.
    """
    return previous_referral_among(episodes_of_records(person), on, months)


def previous_referral_among(
    episodes: Iterable[CinEpisode], on: dt.date, months: int = 12
) -> CinEpisode | None:
    """`previous_referral_within` among the child's episodes, as read."""
    since = calendar.add_months(on, -months)
    within = [e for e in episodes if since <= e.referral_date < on]
    return max(within, key=lambda e: (e.referral_date, e.pk), default=None)


def episodes_of(person: Person) -> QuerySet[CinEpisode]:
    """The child's episodes (and those of records merged into theirs), newest
    first, with what the overview page shows."""
    return (
        CinEpisode.objects.filter(person_id__in=record_ids(person))
        .prefetch_related("plans__actions", "plans__reviews")
        .order_by("-referral_date", "-pk")
    )


def plan_for(user: User, pk: int, *, what: str, route: str = "") -> Plan:
    """Open a CIN plan for a page, its child's read logged: DoesNotExist for an
    unknown id and (Person.DoesNotExist) for a child hidden from the user, so
    both look the same; AccessDenied for a child they may not open."""
    plan = (
        Plan.objects.select_related("episode__person")
        .prefetch_related("actions", "reviews__recorded_by")
        .get(pk=pk)
    )
    people.person_for(user, plan.episode.person_id, what=what, route=route)
    return plan


def next_review_due(plan: Plan) -> dt.date | None:
    """When the plan's next review is due, as the timescales engine holds it
    (CIN-REVIEW: local policy, its value set by the council)."""
    return timescales.next_due_on(plan.episode.person_id, "CIN-REVIEW", plan.pk)


def proposed_closure(episode: CinEpisode) -> str:
    """The reason for closure the work on the episode proposes (the latest
    authorised assessment's outcome), or "" if none: the closing page pre-selects
    it, and the worker chooses."""
    return episode_work.proposed_closure(episode)

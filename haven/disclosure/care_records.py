"""A looked-after child's care records in the subject access export: each
period of care with its legal statuses and placements, missing episodes and
the strategy meetings about them, statutory visits with the placement each was
made at (the visit notes themselves are among the case notes), extra visits
asked for and agreements to fewer visits.

The same rules as the rest of the export: the record has been opened (access
checked, the read logged) before this runs; nothing is redacted here, but each
row names its third parties for the officer to review, and a foster carer the
officer may not see named (a restricted record) is marked as there, never
named, as the child's page shows them (haven.care.directory.carer_names)."""

import datetime as dt
from collections.abc import Iterator

from haven.care import directory, selectors
from haven.care.models import MissingEpisode, StrategyMeeting, VisitRequest
from haven.care.models.visits import FewerVisitsAgreement
from haven.care.selectors import Care
from haven.care.visits.reads import visits_of
from haven.core import access
from haven.core.models import User
from haven.disclosure.rows import Row
from haven.people.models import Person


def _span(start: dt.date, end: dt.date | None, still: str) -> str:
    if end is None:
        return f"from {start:%-d %B %Y}, {still}"
    return f"from {start:%-d %B %Y} to {end:%-d %B %Y}"


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def care_records(person: Person, user: User, ids: list[int]) -> Iterator[Row]:
    cares = list(reversed(selectors.care_of(person)))
    carers = [p.carer for c in cares for p in c.placements if p.carer is not None]
    names = directory.carer_names(user, carers)
    unnamed = access.unnamed_for(user, [c.person_id for c in carers])
    hidden = {c.pk for c in carers if c.person_id in unnamed}
    for care in cares:
        yield from _period(care, names, hidden)
    yield from _missing(ids)
    yield from _visits(person, cares)


def _period(care: Care, names: dict[int, str], hidden: set[int]) -> Iterator[Row]:
    period = care.period
    span = _span(period.started_on, period.ended_on, "still looked after")
    text = f"Looked after {span}. Category of need: {period.need}"
    if period.ended_on:
        text += f". Ceased: {period.get_reason_ended_display()}"
    yield Row("Period of care", period.started_on, "Period of care", text)
    for status in care.statuses:
        yield Row(
            "Legal status",
            status.started_on,
            f"{status.code}: {status.get_code_display()}",
            _first_up(_span(status.started_on, status.ended_on, "still in force")),
        )
    for placement in care.placements:
        named: tuple[str, ...] = ()
        span = _span(placement.started_on, placement.ended_on, "still placed")
        text = f"{span}, at {placement.address}"
        if placement.carer_id is not None:
            name = names[placement.carer_id]
            withheld = placement.carer_id in hidden
            named = (
                ("foster carer whose record is restricted (name withheld)",)
                if withheld
                else (f"foster carer: {name}",)
            )
            text += f", with {'a foster carer' if withheld else name}"
        if placement.provider is not None:
            text += f" ({placement.provider})"
        if placement.change_reason:
            text += f". Why it ended: {placement.get_change_reason_display()}"
        yield Row(
            "Placement",
            placement.started_on,
            f"{placement.place}: {placement.get_place_display()}",
            _first_up(text),
            named=named,
        )


def _missing(ids: list[int]) -> Iterator[Row]:
    episodes = MissingEpisode.objects.filter(period__person_id__in=ids)
    for episode in episodes.order_by("started_at", "pk"):
        parts = [
            "Returned or found" if episode.ended_at else "Still missing",
            "reported to the police"
            if episode.reported_to_police
            else "not reported to the police",
        ]
        if episode.police_reference:
            parts.append(f"police reference {episode.police_reference}")
        if episode.interview_held_on:
            parts.append(
                f"return interview held on {episode.interview_held_on:%-d %B %Y}"
            )
        elif episode.interview_declined:
            parts.append("return interview declined")
        elif episode.interview_offered_on:
            parts.append(
                f"return interview offered on {episode.interview_offered_on:%-d %B %Y}"
            )
        interviewer = episode.interviewed_by
        yield Row(
            "Missing from care",
            episode.started_at,
            str(episode),
            "; ".join(parts),
            named=(f"interviewer: {interviewer}",) if interviewer else (),
        )
    meetings = StrategyMeeting.objects.filter(person_id__in=ids).select_related(
        "recorded_by"
    )
    for meeting in meetings.order_by("held_on", "pk"):
        yield Row(
            "Missing strategy meeting",
            meeting.held_on,
            "Decisions",
            meeting.decisions,
            meeting.recorded_by,
        )


def _visits(person: Person, cares: list[Care]) -> Iterator[Row]:
    for visit in reversed(visits_of(person, cares)):
        placement = visit.placement
        where = "Not looked after that day"
        if placement is not None:
            where = (
                f"At the placement {placement.place} from "
                f"{placement.started_on:%-d %B %Y}, {placement.address}"
            )
        yield Row(
            "Statutory visit",
            visit.note.occurred_at,
            visit.note.subject,
            where,
            visit.note.author,
        )
    periods = [care.period.pk for care in cares]
    asked = VisitRequest.objects.filter(period_id__in=periods).select_related(
        "recorded_by"
    )
    for request in asked.order_by("requested_on", "pk"):
        yield Row(
            "Visit asked for",
            request.requested_on,
            f"Asked by: {request.get_asked_by_display()}",
            request.details,
            request.recorded_by,
        )
    placements = [p.pk for care in cares for p in care.placements]
    agreed = FewerVisitsAgreement.objects.filter(
        placement_id__in=placements
    ).select_related("recorded_by")
    for agreement in agreed.order_by("agreed_on", "pk"):
        yield Row(
            "Fewer visits agreed",
            agreement.agreed_on,
            "The child's views",
            agreement.views,
            agreement.recorded_by,
        )

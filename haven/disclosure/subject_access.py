"""A person's whole record for a subject access request (UK GDPR article 15).

Every journal event in words, the case notes, assessments, plans, reviews,
care records (haven.disclosure.care_records), supervision, contacts, the
person's details, relationships and addresses, and who viewed the record.
Nothing is left out and nothing is redacted here: each row names the third
parties in it (relatives and other people named, referrers, staff) so the
officer handling the request reviews those rows before release.

A read, scoped like every other: the view opens the record through the people
selectors (which check access and log the read) before anything is exported.
"""

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone

from haven.assessments.models import Assessment
from haven.casework.models import CaseNote, Supervision
from haven.cin import models as cin
from haven.core import chronology as words
from haven.core.models import AccessLogEntry, User
from haven.disclosure.care_records import care_records
from haven.disclosure.document_records import document_records
from haven.disclosure.health_records import health_records
from haven.disclosure.rows import Row
from haven.earlyhelp import models as earlyhelp
from haven.frontdoor.models import ContactChild
from haven.people import selectors
from haven.people.models import Person

HEADER = [
    "section",
    "date",
    "item",
    "text",
    "recorded or done by",
    "third party — review before release",
]


@dataclass(frozen=True)
class Relative:
    """Someone related to the subject, as the reviewer may see them named."""

    label: str
    pattern: re.Pattern[str]


class ThirdParties:
    """Finds the third parties a row names: its author and any relative in its text."""

    def __init__(self, person: Person, user: User) -> None:
        self.relatives = [
            _relative(row, person) for row in selectors.relationships_of(person, user)
        ]

    def in_row(self, row: Row) -> str:
        named = list(row.named)
        if isinstance(row.by, User):
            named.append(f"staff: {_staff_name(row.by)}")
        named += [
            r.label
            for r in self.relatives
            if r.pattern.search(f"{row.item} {row.text}")
        ]
        return "; ".join(dict.fromkeys(named))


def _relative(row: dict, subject: Person) -> Relative:
    other: Person = row["person"]
    # A restricted or sealed relative the reviewer may not open is marked as
    # there, never named: the export must not leak what the record page hides.
    hidden = _hidden(row)
    kind = row["kind"].lower()
    label = (
        f"{kind} whose record is restricted (name withheld)"
        if hidden
        else f"{kind}: {other.full_name}"
    )
    names = [other.full_name]
    if other.given_name.lower() != subject.given_name.lower():
        names.append(other.given_name)
    alternatives = "|".join(re.escape(name) for name in names if name.strip())
    return Relative(label, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE))


def _hidden(row: dict) -> bool:
    restricted = getattr(row["person"], "restriction", None) is not None
    return restricted and not row["may_open"]


def _staff_name(user: User) -> str:
    return user.get_full_name() or user.get_username()


def rows(person: Person, user: User) -> Iterator[list[str]]:
    """The export's lines, header first, each third party named in the last cell."""
    finder = ThirdParties(person, user)
    yield HEADER
    for row in record(person, user):
        yield [
            row.section,
            _when(row.when),
            row.item,
            row.text,
            _by(row.by),
            finder.in_row(row),
        ]


def record(person: Person, user: User) -> Iterator[Row]:
    ids = selectors.record_ids(person)
    yield from _details(person)
    yield from _relationships(person, user)
    yield from _journal(person, user)
    yield from _case_notes(ids)
    yield from _contacts(ids)
    yield from _assessments(ids)
    yield from _early_help(ids)
    yield from _children_in_need(ids)
    yield from care_records(person, user, ids)
    yield from health_records(ids)
    yield from document_records(ids)
    yield from _supervision(ids)
    yield from _access_log(ids)


def _details(person: Person) -> Iterator[Row]:
    yield Row("Details", None, "Name", person.full_name)
    yield Row("Details", person.date_of_birth, "Date of birth", "")
    for label, value in (
        ("NHS number", person.nhs_number),
        ("UPN", person.upn),
        ("Local id", person.local_id),
    ):
        if value:
            yield Row("Details", None, label, value)
    for address in selectors.addresses_of(person):
        text = ", ".join(
            p
            for p in (address.line_1, address.line_2, address.town, address.postcode)
            if p
        )
        yield Row("Address", address.started_on, "Address", text)


def _relationships(person: Person, user: User) -> Iterator[Row]:
    # The last column marks each relative (the finder matches their name).
    for row in selectors.relationships_of(person, user):
        name = "(restricted record)" if _hidden(row) else row["person"].full_name
        yield Row("Relationship", None, row["kind"], name)


def _journal(person: Person, user: User) -> Iterator[Row]:
    unnamed = selectors.unnamed_in_chronology(person, user)
    for event in selectors.whole_chronology(person, with_audit=True):
        yield Row(
            "Chronology",
            event.occurred_at,
            event.type,
            words.describe(event, unnamed),
            event.actor or "Haven",
        )


def _case_notes(ids: list[int]) -> Iterator[Row]:
    notes = CaseNote.objects.filter(person_id__in=ids).select_related("author")
    for note in notes.order_by("occurred_at", "pk").iterator():
        text = f"{note.subject}\n{note.body}"
        if note.impact:
            text += f"\nImpact on the child: {note.impact}"
        yield Row(
            "Case note", note.occurred_at, note.get_kind_display(), text, note.author
        )


def _contacts(ids: list[int]) -> Iterator[Row]:
    named = ContactChild.objects.filter(person_id__in=ids).select_related(
        "contact__recorded_by", "decided_by"
    )
    for link in named.order_by("contact__received_at", "pk"):
        contact = link.contact
        referrer = ", ".join(
            p
            for p in (
                contact.referrer_name,
                contact.referrer_role,
                contact.referrer_organisation,
                contact.referrer_phone,
            )
            if p
        )
        yield Row(
            "Contact",
            contact.received_at,
            "Concerns",
            contact.concerns,
            contact.recorded_by,
            (f"referrer: {referrer}",) if referrer else (),
        )
        if link.reasoning:
            yield Row(
                "Contact",
                link.decided_at or contact.received_at,
                f"Decision: {link.get_decision_display()}",
                link.reasoning,
                link.decided_by,
            )


def _assessments(ids: list[int]) -> Iterator[Row]:
    fields = (
        ("reason", "Reason"),
        ("childs_voice", "The child's voice"),
        ("risks", "Risks"),
        ("strengths", "Strengths"),
        ("protective_factors", "Protective factors"),
        ("analysis", "Analysis"),
        ("recommendation", "Recommendation"),
        ("delay_reason", "Reason for delay"),
    )
    found = Assessment.objects.filter(person_id__in=ids).select_related("submitted_by")
    for assessment in found.order_by("started_on", "pk"):
        for field, label in fields:
            text = getattr(assessment, field)
            if text:
                yield Row(
                    "Assessment",
                    assessment.started_on,
                    label,
                    text,
                    assessment.submitted_by,
                )
        for returned in assessment.returns.select_related("returned_by"):
            yield Row(
                "Assessment",
                returned.returned_at,
                "Returned by a manager",
                returned.comments,
                returned.returned_by,
            )


def _early_help(ids: list[int]) -> Iterator[Row]:
    requests = earlyhelp.EarlyHelpRequest.objects.filter(person_id__in=ids)
    for request in requests.select_related("created_by").order_by("requested_on"):
        yield Row(
            "Early help",
            request.requested_on,
            "Request",
            request.reason,
            request.created_by,
        )
        if request.closure_notes:
            yield Row("Early help", request.closed_on, "Closure", request.closure_notes)
    assessments = earlyhelp.EarlyHelpAssessment.objects.filter(
        request__person_id__in=ids
    ).select_related("completed_by")
    for assessment in assessments:
        for label, text in (
            ("Strengths", assessment.strengths),
            ("Needs", assessment.needs),
            ("Family's view", assessment.family_view),
            ("Child's view", assessment.child_view),
            ("Analysis", assessment.analysis),
        ):
            if text:
                yield Row(
                    "Early help assessment",
                    assessment.completed_on,
                    label,
                    text,
                    assessment.completed_by,
                )
    yield from _early_help_plans(ids)


def _early_help_plans(ids: list[int]) -> Iterator[Row]:
    plans = earlyhelp.FamilyPlan.objects.filter(request__person_id__in=ids)
    for plan in plans.select_related("created_by"):
        for action in plan.actions.all():
            yield Row(
                "Family plan",
                plan.started_on,
                f"Action by {action.who}, by {action.by_when:%d %b %Y}",
                action.action,
                plan.created_by,
            )
        for review in plan.reviews.select_related("recorded_by"):
            text = "\n".join(t for t in (review.progress, review.next_steps) if t)
            yield Row(
                "Family plan review", review.held_on, "Review", text, review.recorded_by
            )


def _children_in_need(ids: list[int]) -> Iterator[Row]:
    episodes = cin.CinEpisode.objects.filter(person_id__in=ids).order_by(
        "referral_date"
    )
    for episode in episodes:
        if episode.closing_summary:
            yield Row(
                "Child in need",
                episode.closed_on,
                "Closing summary",
                episode.closing_summary,
            )
        for plan in episode.plans.select_related("created_by"):
            for action in plan.actions.all():
                text = f"{action.what_must_change}\nIf not met: {action.if_not_met}"
                yield Row(
                    "Child in need plan",
                    plan.started_on,
                    f"Action by {action.who}, by {action.by_when:%d %b %Y}",
                    text,
                    plan.created_by,
                )
            for review in plan.reviews.select_related("recorded_by"):
                yield Row(
                    "Child in need plan review",
                    review.held_on,
                    f"Review: {review.get_decision_display()}",
                    review.summary,
                    review.recorded_by,
                )


def _supervision(ids: list[int]) -> Iterator[Row]:
    held = Supervision.objects.filter(person_id__in=ids).select_related("manager")
    for supervision in held.order_by("held_on", "pk"):
        for label, text in (
            ("Discussion", supervision.discussion),
            ("Reflections", supervision.reflections),
            ("Decisions", supervision.decisions),
        ):
            if text:
                yield Row(
                    "Supervision", supervision.held_on, label, text, supervision.manager
                )


def _access_log(ids: list[int]) -> Iterator[Row]:
    entries = AccessLogEntry.objects.filter(person_id__in=ids).select_related("user")
    for entry in entries.order_by("at", "pk").iterator():
        yield Row("Who viewed the record", entry.at, entry.what, entry.why, entry.user)


def _when(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    return f"{value:%Y-%m-%d}"


def _by(value: User | str | None) -> str:
    if isinstance(value, User):
        return _staff_name(value)
    return value or ""

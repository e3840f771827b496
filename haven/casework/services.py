"""Writes for case recording and supervision. Each checks who is asking, checks
the facts, changes state and journals one event per child, in one transaction."""

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import transaction

from haven.casework import permissions as rules
from haven.casework import seeing, selectors, supervision_actions, visits
from haven.casework.codes import NoteKind, OversightCategory

# Drafts of case notes are kept by haven.casework.drafts; re-exported so callers
# have one module to write through.
from haven.casework.drafts import EMPTY_DRAFT_KEPT_FOR as EMPTY_DRAFT_KEPT_FOR
from haven.casework.drafts import discard_draft as discard_draft
from haven.casework.drafts import open_draft as open_draft
from haven.casework.drafts import same_page as same_page
from haven.casework.drafts import save_draft as save_draft
from haven.casework.drafts import saved_elsewhere as saved_elsewhere
from haven.casework.models import (
    CaseNote,
    Draft,
    OversightPolicy,
    Supervision,
    SupervisionAction,
)
from haven.casework.seeing import Seen
from haven.casework.supervision_actions import NewAction as NewAction
from haven.casework.transfers import transfer_case as transfer_case
from haven.casework.visits import Visit
from haven.core import access, clock, journal
from haven.core.errors import DomainError, Failures
from haven.core.models import User
from haven.core.permissions import require
from haven.core.selectors import current_allocation
from haven.core.versions import check_history, values_of
from haven.people.models import Person


def _require_access(user: User, person: Person) -> None:
    # Lasting access only: break-glass reads, and a transfer on borrowed access
    # would hand its author the case.
    access.require_lasting_access(user, person)


def _required_text(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise DomainError(f"{field}_required", message, field=field)
    return value.strip()


# Case notes -------------------------------------------------------------------


def record_note(
    children: Sequence[Person],
    *,
    kind: str,
    occurred_at: dt.datetime,
    subject: str,
    body: str,
    seen: Seen | Mapping[int, Seen] = seeing.NOT_SEEN,
    visit: Visit | None = None,
    impact: str = "",
    significant: bool = False,
    by: User,
    draft: Draft | None = None,
) -> list[CaseNote]:
    """Record one note on each child's record (siblings seen together share it).

    `seen` is each child's own answers (by the child's id), or one answer for
    every child. `visit` is a visit's details: required, and only allowed, on a
    visit.
    The draft the note was typed in, if given, is deleted with the same commit.
    """
    require(rules.may_record_notes(by), "Your role does not include recording casework")
    unique = _children_for_note(children, by)
    _check_kind_and_time(kind, occurred_at)
    subject = _required_text(subject, "subject", "Enter a subject")
    body = _required_text(body, "body", "Enter what happened")
    answers = {c.pk: seen for c in unique} if isinstance(seen, Seen) else seen
    details = _checked_answers(unique, answers, kind, visit)
    if draft is not None and draft.author_id != by.pk:
        raise DomainError("not_your_draft", "This draft belongs to someone else")
    group = uuid.uuid4()
    now = clock.now()
    fields = {
        "kind": kind,
        "occurred_at": occurred_at,
        "subject": subject,
        "body": body,
        "impact": impact.strip(),
        **details,
        "significant": significant,
        "author": by,
        "recorded_at": now,
        "group": group,
    }
    # One step: what the note's listeners append (a looked-after child's visit
    # event) is recomputed into the obligations with the note, once.
    with transaction.atomic(), journal.as_one_step():
        notes = _create_notes(unique, answers, fields)
        for note in notes:
            _journal_note(note, details, [child.pk for child in unique], by)
        if draft is not None and draft.pk is not None:
            draft.delete()
    return notes


def _children_for_note(children: Sequence[Person], by: User) -> list[Person]:
    """The children a note is for, each once, every one open to its author."""
    unique = list({child.pk: child for child in children}.values())
    if not unique:
        raise DomainError(
            "children_required", "Choose at least one child", field="children"
        )
    for child in unique:
        _require_access(by, child)
    return unique


def _check_kind_and_time(kind: str, occurred_at: dt.datetime) -> None:
    if kind not in NoteKind.values:
        raise DomainError("kind_required", "Choose the type of note", field="kind")
    if occurred_at > clock.now():
        raise DomainError(
            "occurred_in_future",
            "The date and time must be now or in the past",
            field="occurred_on",
        )


def _checked_answers(
    children: list[Person], answers: Mapping[int, Seen], kind: str, visit: Visit | None
) -> dict[str, Any]:
    """Whether each child was seen, and the visit's details as the note's
    fields: every refusal among them at once."""
    failures = Failures()
    seeing.check(children, answers, failures, kind)
    details = _visit_details(kind, visit, failures)
    failures.raise_any()
    return details


def _create_notes(
    children: list[Person], answers: Mapping[int, Seen], fields: dict[str, Any]
) -> list[CaseNote]:
    """One note on each child's record, with the child's own answers."""
    notes: list[CaseNote] = []
    for child in children:
        answer = answers.get(child.pk, seeing.NOT_SEEN)
        notes.append(
            CaseNote.objects.create(
                person=child,
                child_seen=answer.seen,
                seen_alone=answer.seen_alone,
                alone_not_applicable=answer.not_applicable,
                not_alone_reason=answer.not_alone_reason,
                **fields,
            )
        )
    return notes


def _journal_note(
    note: CaseNote, details: dict[str, Any], ids: list[int], by: User
) -> None:
    journal.append(
        note.person,
        "casework.note_recorded",
        {
            "note": note.pk,
            "kind": note.kind,
            "subject": note.subject,
            # What was written, so the note can be read back from the
            # journal and an edit to the note's row is noticed.
            "body": note.body,
            "impact": note.impact,
            # This child's own answers, not the group's.
            "child_seen": note.child_seen,
            "seen_alone": note.seen_alone,
            "alone_not_applicable": note.alone_not_applicable,
            "not_alone_reason": note.not_alone_reason,
            **details,
            **_seen_on_visit(note),
            "group": str(note.group),
            "children": ids,
        },
        by=by,
        occurred_at=note.occurred_at,
        significant=note.significant,
    )


def _seen_on_visit(note: CaseNote) -> dict[str, Any]:
    """The child, on a visit in which they were seen: what meets a visiting
    timescale (CIN-VISIT) keyed on the child."""
    if note.kind == NoteKind.VISIT and note.child_seen:
        return {"seen_on_visit": note.person_id}
    return {}


def _visit_details(
    kind: str, visit: Visit | None, failures: Failures
) -> dict[str, Any]:
    """A visit's details as the note's fields; none on another kind of note."""
    if kind != NoteKind.VISIT:
        return {}
    if visit is None:
        visit = visits.NO_VISIT
    visits.check(visit, failures)
    return visit.fields()


# Supervision ------------------------------------------------------------------


def record_supervision(
    person: Person,
    *,
    held_on: dt.date,
    discussion: str,
    reflections: str = "",
    decisions: str = "",
    actions: Sequence[NewAction] = (),
    supervisee: User | None = None,
    by: User,
) -> Supervision:
    """A manager records management oversight of a child's case, and which
    worker they supervised (by default the child's allocated social worker)."""
    require(rules.may_supervise(by), "Only managers can record a case supervision")
    _require_access(by, person)
    if held_on > clock.today():
        raise DomainError(
            "held_in_future",
            "The date of the supervision must be today or in the past",
            field="held_on",
        )
    discussion = _required_text(discussion, "discussion", "Enter what was discussed")
    # The same people the form offers: active staff in the manager's teams and
    # the child's allocated worker.
    eligible = set(selectors.action_owners(by, person).values_list("pk", flat=True))
    checked = supervision_actions.check(actions, held_on, eligible)
    supervisee = _supervisee(person, supervisee, by)
    with transaction.atomic():
        supervision = Supervision.objects.create(
            person=person,
            manager=by,
            supervisee=supervisee,
            held_on=held_on,
            discussion=discussion,
            reflections=reflections.strip(),
            decisions=decisions.strip(),
            recorded_at=clock.now(),
        )
        made = [
            SupervisionAction.objects.create(
                supervision=supervision,
                owner=owner,
                description=description,
                due_on=due_on,
            )
            for description, owner, due_on in checked
        ]
        _journal_supervision(supervision, supervisee, made, by)
    return supervision


def _journal_supervision(
    supervision: Supervision,
    supervisee: User,
    made: list[SupervisionAction],
    by: User,
) -> None:
    journal.append(
        supervision.person,
        "casework.supervision_recorded",
        {
            "supervision": supervision.pk,
            "held_on": supervision.held_on,
            "manager": str(by),
            "supervisee": str(supervisee),
            "supervisee_id": supervisee.pk,
            "decisions": supervision.decisions,
            "actions": [
                {
                    "action": a.pk,
                    "description": a.description,
                    "owner": str(a.owner),
                    "owner_id": a.owner_id,
                    "due_on": a.due_on,
                }
                for a in made
            ],
        },
        by=by,
        occurred_at=clock.start_of(supervision.held_on),
        significant=True,
    )


def _supervisee(person: Person, chosen: User | None, by: User) -> User:
    if chosen is None:
        allocation = current_allocation(person)
        chosen = allocation.worker if allocation else None
    if chosen is None:
        raise DomainError(
            "supervisee_required", "Choose who was supervised", field="supervisee"
        )
    if not selectors.supervisees(by, person).filter(pk=chosen.pk).exists():
        raise DomainError(
            "supervisee_not_eligible",
            "Choose a worker in your teams, or the child's social worker, as the "
            "person supervised",
            field="supervisee",
        )
    return chosen


def complete_action(
    action: SupervisionAction, *, on: dt.date | None = None, by: User
) -> SupervisionAction:
    """Mark a supervision action done: by its owner, or a manager."""
    person = action.supervision.person
    require(
        rules.may_complete_action(by, action),
        "Only the action's owner or a manager can mark it done",
    )
    _require_access(by, person)
    on = on or clock.today()
    if on > clock.today():
        raise DomainError(
            "done_in_future", "The date done must be today or in the past"
        )
    with transaction.atomic():
        # Check again under a row lock: a double submit (or two people marking it
        # done at once) must mark it and journal it only once.
        action = SupervisionAction.objects.select_for_update().get(pk=action.pk)
        if action.done_on is not None:
            raise DomainError("already_done", "This action is already done")
        action.done_on = on
        action.save(update_fields=["done_on"])
        journal.append(
            person,
            "casework.supervision_action_completed",
            {
                "supervision": action.supervision_id,
                "action": action.pk,
                "description": action.description,
            },
            by=by,
            occurred_at=clock.start_of(on),
        )
    return action


def set_oversight_policy(
    category: str,
    weeks: int,
    *,
    reason: str,
    source: str = "",
    applies_from: dt.date | None = None,
    by: User,
    seen: int | None = None,
) -> OversightPolicy:
    """Change how often a category of case needs recorded management oversight.

    `seen` is the policy's history as the form read it (`newest_id`): a change
    to the category made since is shown, not silently superseded."""
    require(
        rules.may_set_oversight_policy(by),
        "Only administrators can change the oversight policy",
    )
    if category not in OversightCategory.values:
        raise DomainError(
            "category_required", "Choose which children this is for", field="category"
        )
    if not 1 <= weeks <= 52:
        raise DomainError(
            "weeks_out_of_range",
            "The period must be between 1 and 52 weeks",
            field="weeks",
        )
    reason = _required_text(reason, "reason", "Give the reason for the change")
    with transaction.atomic():
        check_history(
            OversightPolicy.objects.filter(category=category), seen, _policy_values
        )
        return OversightPolicy.objects.create(
            category=category,
            weeks=weeks,
            source=source.strip() or "Local policy",
            changed_by=by,
            reason=reason,
            applies_from=applies_from or clock.today(),
            recorded_at=clock.now(),
        )


def _policy_values(policy: OversightPolicy) -> dict[str, Any]:
    fields = ("category", "weeks", "source", "applies_from", "reason")
    return values_of(policy, fields)

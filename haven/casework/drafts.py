"""Drafts of case notes: what the worker has typed so far, kept as they type.

Not part of the record: only their author sees them, they are never
journalled, and saving the note deletes its draft.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from haven.casework.models import Draft
from haven.core import access, clock, once
from haven.core.errors import AccessDenied, DomainError
from haven.core.models import User
from haven.core.versions import StaleEdit, claim
from haven.people.models import Person


def _require(user: User) -> None:
    from haven.casework.permissions import may_record_notes

    if not may_record_notes(user):
        raise DomainError(
            "not_permitted", "Your role does not include recording casework"
        )


def save_draft(
    person: Person,
    *,
    draft_id: int | None,
    person_ids: Sequence[int],
    fields: dict[str, Any],
    by: User,
    expected_version: int | None = None,
) -> Draft:
    """Keep what the worker has typed so far, in their one draft of this child's
    note: every autosave, failed save or radio click updates it in place.

    `expected_version` is the draft's version the page last saw: if another
    tab has saved the draft since, nothing is saved (`StaleEdit`).

    Given the id the page carries, only that draft is updated: once it is saved
    as a note or discarded, a late autosave (or the beacon sent as the page
    closes) is refused rather than bringing it back. Not journalled: a draft is
    the worker's own unfinished text, not part of the record.
    """
    _require(by)
    access.require_lasting_access(by, person)
    chosen = sorted({int(pk) for pk in person_ids})
    if chosen:
        visible = access.changeable_people(by, Person.objects.filter(pk__in=chosen))
        if visible.count() != len(chosen):
            raise AccessDenied()
    now = clock.now()
    with transaction.atomic():
        key = {"author": by, "person": person, "form": Draft.Form.CASE_NOTE}
        mine = Draft.objects.select_for_update()
        if draft_id is None:
            draft, _ = mine.get_or_create(
                **key, defaults={"created_at": now, "updated_at": now}
            )
        elif (found := mine.filter(pk=draft_id, **key).first()) is not None:
            draft = found
        else:
            # Saved as a note or discarded meanwhile, or not this child's draft.
            raise DomainError("draft_gone", "This draft has been saved or discarded")
        read_at = expected_version if draft_id else None
        if saved_elsewhere(draft, read_at, fields):
            raise StaleEdit(_draft_values(draft), draft.version)
        claim(draft, None, _draft_values)
        draft.person_ids = chosen
        draft.fields = fields
        draft.updated_at = now
        draft.save(update_fields=["person_ids", "fields", "updated_at"])
    return draft


# An untouched draft older than this is a page opened and left: remove it.
EMPTY_DRAFT_KEPT_FOR = dt.timedelta(days=1)


def same_page(draft: Draft, fields: dict[str, Any]) -> bool:
    """Whether the draft was last saved from the page now sending `fields`
    (each page has its own submission token). Then a version it has not seen
    yet is its own autosave still on the way back, not another tab's."""
    token = fields.get(once.FIELD)
    return bool(token) and draft.fields.get(once.FIELD) == token


def saved_elsewhere(draft: Draft, read_at: int | None, fields: dict[str, Any]) -> bool:
    """Whether another page has saved the draft since this one read it at
    version `read_at`."""
    return (
        read_at is not None
        and draft.version != read_at
        and not same_page(draft, fields)
    )


def _draft_values(draft: Draft) -> dict[str, Any]:
    return {"fields": draft.fields, "person_ids": draft.person_ids}


def open_draft(person: Person, *, by: User) -> Draft:
    """The worker's draft of a note on this child: the one they left, to resume,
    or a new empty one.

    The page carries its id from the start, so every autosave updates this row
    and, once the note is saved (deleting it), a late autosave is refused
    instead of creating a stray draft of a note already on the record. Empty
    drafts are not listed anywhere; the worker's old ones are cleared here.
    """
    _require(by)
    access.require_lasting_access(by, person)
    now = clock.now()
    with transaction.atomic():
        Draft.objects.filter(
            author=by, fields={}, updated_at__lt=now - EMPTY_DRAFT_KEPT_FOR
        ).delete()
        draft, _ = Draft.objects.get_or_create(
            author=by,
            person=person,
            form=Draft.Form.CASE_NOTE,
            defaults={"person_ids": [person.pk], "created_at": now, "updated_at": now},
        )
    return draft


def discard_draft(draft: Draft, *, by: User) -> None:
    """The worker throws away their unfinished note."""
    if draft.author_id != by.pk:
        raise DomainError("not_your_draft", "This draft belongs to someone else")
    draft.delete()

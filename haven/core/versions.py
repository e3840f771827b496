"""Edits that cannot silently overwrite each other.

Every record a form changes has a `version`, moved on by each save. A form
carries the version it was read at; the service saves only if the record is
still at that version (compare-and-set), and otherwise refuses with `StaleEdit`,
carrying what is saved now, so the page can show both and let the user merge.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.db.models import F
from django.forms.models import model_to_dict

from haven.core.errors import DomainError

STALE_MESSAGE = "Someone else changed this record since you opened it"


def version_field() -> models.PositiveIntegerField:
    """The field each edited model declares as `version`."""
    return models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Moved on by every save, so an edit made from an old copy is "
        "refused instead of overwriting a newer one.",
    )


class StaleEdit(DomainError):
    """The record changed since the form was read: nothing was saved.

    `current` holds the record's values now (by form field name) and `version`
    the version they are at, so the page can show what the other person saved
    and let the user save again from there.
    """

    def __init__(self, current: dict[str, Any], version: int) -> None:
        super().__init__("stale_edit", STALE_MESSAGE)
        self.current = current
        self.version = version


def values_of(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(instance, name) for name in fields}


def claim(
    instance: models.Model,
    expected_version: int | None,
    values: Callable[[Any], dict[str, Any]] = model_to_dict,
) -> int:
    """Move `instance` from `expected_version` to the next version, or refuse.

    Call inside the service's transaction, before writing: the one UPDATE both
    checks and moves the version, so of two saves read at the same version
    exactly one succeeds. `instance.version` is set to the new version, so a
    later `save()` keeps it. `values(current record)` is what a refusal carries.

    `expected_version=None` (a write with no form behind it: demo data, an
    import) does not check, but still moves the version on, so a form opened
    before it is refused rather than overwriting it.
    """
    manager = type(instance)._default_manager
    rows = manager.filter(pk=instance.pk)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    moved = rows.update(version=F("version") + 1)
    version: int = manager.values_list("version", flat=True).get(pk=instance.pk)
    if not moved:
        raise StaleEdit(values(manager.get(pk=instance.pk)), version)
    instance.version = version  # type: ignore[attr-defined]
    return version


def check(
    instance: models.Model,
    expected_version: int | None,
    values: Callable[[Any], dict[str, Any]] = model_to_dict,
) -> None:
    """Refuse, as `claim` would, if `instance` (read under select_for_update)
    is past `expected_version`, without moving it on: for a save that turns out
    to change nothing, yet was made from an old copy."""
    version = instance.version  # type: ignore[attr-defined]
    if expected_version is not None and version != expected_version:
        raise StaleEdit(values(instance), version)


def newest_id(rows: models.QuerySet[Any]) -> int:
    """The version of a history that only grows (each change adds a row): the
    id of its newest row, 0 while it has none."""
    return rows.order_by("-pk").values_list("pk", flat=True).first() or 0


def check_history(
    rows: models.QuerySet[Any],
    seen: int | None,
    values: Callable[[Any], dict[str, Any]] = model_to_dict,
) -> None:
    """Refuse a change to a history read at `seen` (its `newest_id` then) if a
    newer change has been added since: `StaleEdit` carries the newest.

    Nothing is lost either way, as both rows would be kept; this stops the
    second change from silently superseding a first its author never saw.
    """
    if seen is None:
        return
    newest = rows.filter(pk__gt=seen).order_by("-pk").first()
    if newest is not None:
        raise StaleEdit(values(newest), newest.pk)

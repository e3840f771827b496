"""The large authority on PostgreSQL, copied row for row from the one built on
SQLite (the same arguments), then compared row for row.

Building twenty thousand children through the services takes an hour of CPU
on either database; copying the rows takes minutes. The copy is every row of
every table, ids and the journal's hashes included, so PostgreSQL holds
exactly what the services wrote; `copy` compares every row of both after
copying (as Django reads them on each) and refuses a copy that differs.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import zip_longest
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connections, models, transaction

SOURCE = "source"
BATCH = 2000


def _models() -> list[type[models.Model]]:
    return list(apps.get_models(include_auto_created=True))


def attach(path: Path) -> None:
    """The SQLite authority as the `source` database, read only."""
    databases = {"default": connections.settings["default"]}
    databases[SOURCE] = {
        "ENGINE": "haven.core.db.sqlite3",
        "NAME": f"file:{path}?mode=ro",
        "OPTIONS": {"uri": True},
    }
    connections.settings[SOURCE] = connections.configure_settings(databases)[SOURCE]


def copy(path: Path) -> int:
    """Every row of the authority at `path` into the (migrated) default
    database, in place of whatever migrating put there; how many rows."""
    if SOURCE not in connections.settings:
        attach(path)
    copied = 0
    target = connections["default"]
    with transaction.atomic():
        tables = [model._meta.db_table for model in _models()]
        target.ops.execute_sql_flush(target.ops.sql_flush(no_style(), tables))
        for model in _models():
            with _times_kept(model):
                for batch in _batches(model):
                    model._base_manager.bulk_create(batch)
                    copied += len(batch)
        with target.cursor() as cursor:
            for statement in target.ops.sequence_reset_sql(no_style(), _models()):
                cursor.execute(statement)
    compare()
    return copied


@contextmanager
def _times_kept(model: type[models.Model]) -> Iterator[None]:
    """The model's rows keep the times they were written at: Django would
    stamp an auto_now field with the time of the copy."""
    stamped = [
        (field, field.auto_now, field.auto_now_add)
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    for field, *_ in stamped:
        field.auto_now = field.auto_now_add = False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for field, now, now_add in stamped:
            field.auto_now, field.auto_now_add = now, now_add  # type: ignore[attr-defined]


def _batches(model: type[models.Model]) -> Iterator[list[Any]]:
    rows = model._base_manager.using(SOURCE).order_by("pk")
    batch: list[Any] = []
    for row in rows.iterator(chunk_size=BATCH):
        row._state.db = None  # a new row of the target
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def compare() -> None:
    """Refuse a copy in which any row differs from its source (or is missing:
    None stands for the row the shorter side lacks)."""
    for model in _models():
        names = [field.attname for field in model._meta.concrete_fields]
        pairs = zip_longest(_rows(model, SOURCE, names), _rows(model, "default", names))
        for number, (source, copied) in enumerate(pairs):
            if source != copied:
                raise AssertionError(
                    f"{model._meta.label} row {number} differs: {source} != {copied}"
                )


def _rows(model: type[models.Model], using: str, names: list[str]) -> Iterator[Any]:
    rows = model._base_manager.using(using).order_by("pk").values_list(*names)
    return rows.iterator(chunk_size=BATCH)

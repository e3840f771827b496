"""Rebuild every child's obligations from their journal."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from haven.core.models import JournalEvent
from haven.timescales import engine
from haven.timescales.registry import watched_event_types


class Command(BaseCommand):
    help = "Rebuild every obligation from the journal (safe to run at any time)."

    def handle(self, *args: Any, **options: Any) -> None:
        people = (
            JournalEvent.objects.filter(type__in=watched_event_types())
            .values_list("person_id", flat=True)
            .distinct()
        )
        engine.Obligation.objects.exclude(person_id__in=people).delete()
        count = 0
        for person_id in people.iterator():
            with transaction.atomic():
                # In place: obligations that still stand keep their ids.
                count += len(engine.recompute_person(person_id))
        self.stdout.write(f"Rebuilt {count} obligations.")

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from haven.core import checkpoints
from haven.core.db import triggers
from haven.core.journal import STATE_CHECKS, verify_all
from haven.core.models import JournalEvent


class Command(BaseCommand):
    help = (
        "Check the append-only triggers, every person's journal chain against the "
        "journal's key, and the newest signed checkpoint; name each broken stream."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        problems = [
            f"Trigger: {name} is missing, disabled or altered; the journal is not "
            "append-only"
            for name in triggers.missing(connection)
        ]
        problems += [f"Broken: {link}" for link in verify_all()]
        problems += self._checkpoint_problems()
        problems += [
            f"State: {mismatch}" for check in STATE_CHECKS for mismatch in check()
        ]
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} journal problem(s) found")
        count = JournalEvent.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"All journal chains intact ({count} events).")
        )

    def _checkpoint_problems(self) -> list[str]:
        path = checkpoints.newest()
        if path is None:
            self.stdout.write(
                self.style.WARNING(
                    f"No checkpoint in {checkpoints.directory()}: deleted streams and "
                    "deleted last events cannot be seen. Run checkpoint_journal."
                )
            )
            return []
        try:
            behind = checkpoints.compare(path)
        except checkpoints.CheckpointForged as forged:
            return [f"Checkpoint: {forged}"]
        self.stdout.write(f"Checked against checkpoint {path.name}.")
        return [f"Checkpoint: {link}" for link in behind]

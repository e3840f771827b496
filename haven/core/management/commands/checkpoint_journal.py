from typing import Any

from django.core.management.base import BaseCommand

from haven.core import checkpoints


class Command(BaseCommand):
    help = (
        "Write every journal stream's head to a signed file outside the database "
        "(HAVEN_JOURNAL_CHECKPOINT_DIR); run it from cron."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        path = checkpoints.write()
        self.stdout.write(self.style.SUCCESS(f"Checkpoint written to {path}"))

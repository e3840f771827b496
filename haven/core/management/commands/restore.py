from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.core.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the configured database with the backup at PATH, then verify the "
        "journal. Refuses a database that already holds records unless --force. "
        "Stop Haven's servers first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", type=Path, help="a file written by manage.py backup"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database that already holds records",
        )

    def handle(self, *args: Any, path: Path, force: bool, **options: Any) -> None:
        try:
            restore(path, force=force, stdout=self.stdout)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Restored from {path}"))

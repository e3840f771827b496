from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.core.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the live database to PATH (SQLite: an online "
        "copy; PostgreSQL: pg_dump's custom format). Safe while Haven serves."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="where to write the backup")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Backed up to {path}"))

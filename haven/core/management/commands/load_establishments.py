"""manage.py load_establishments FILE.csv: load or refresh the schools
reference data from the national establishments list's CSV extract."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from haven.core import establishments


class Command(BaseCommand):
    help = (
        "Load the national establishments list (Get Information about Schools) "
        "from its CSV extract; run again to refresh it in place."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No file at {path}")
        loaded = establishments.load(establishments.read_text(path))
        for refusal in loaded.refused:
            self.stderr.write(f"Not loaded: {refusal}")
        self.stdout.write(
            f"{loaded.created} added, {loaded.updated} updated, "
            f"{loaded.unchanged} unchanged, {len(loaded.refused)} not loaded"
        )

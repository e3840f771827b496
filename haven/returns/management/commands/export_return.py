"""manage.py export_return cin|ssda903|sen2|annex_a|ssd --year 2026 --out DIR:
write a return's files for the collection year (the year its period ends) to
DIR, then print Haven's checks and, with --validate, the public validator's,
each fault with the child's Haven ID (never a name: the output may land in a
shared log)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.returns import registry
from haven.returns.registry import Fault


class Command(BaseCommand):
    help = "Write a statutory return for a year and print its faults"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=[r.key for r in registry.every()])
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", required=True, help="The folder to write to")
        parser.add_argument(
            "--validate",
            action="store_true",
            help="Also run the public validator on the files",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        declared = registry.get(options["kind"])
        if declared is None:
            raise CommandError(f"Haven makes no return called {options['kind']}")
        year = options["year"]
        built = declared.build(year)
        folder = Path(options["out"])
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in built.files.items():
            (folder / name).write_bytes(content)
            self.stdout.write(f"Wrote {folder / name}")
        self.stdout.write(f"{declared.title} {year}: {len(built.person_ids)} children")
        faults = list(built.faults)
        if options["validate"] and declared.validate is not None:
            faults += declared.validate(built, year)
        for fault in faults:
            self.stdout.write(_line(fault))
        self.stdout.write(f"{len(faults)} faults")


def _line(fault: Fault) -> str:
    who = "The return" if fault.person_id is None else f"Haven ID {fault.person_id}"
    rule = f" (rule {fault.rule})" if fault.rule else ""
    known = " [a known fault of the validator]" if fault.known_false_positive else ""
    return f"{who}: {fault.words}{rule}{known}"

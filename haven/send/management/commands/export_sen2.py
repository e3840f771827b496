"""manage.py export_sen2 --year 2026 --out DIR: write the year's SEN2 return
to DIR and print Haven's checks on it, each fault with the child's Haven ID
(never their name: the output may land in a shared log)."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.send.sen2 import build, census, report


class Command(BaseCommand):
    help = "Write the SEN2 return for a year and print its faults"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", required=True, help="The folder to write to")

    def handle(self, *args: Any, **options: Any) -> None:
        year = options["year"]
        if census.census_day(year) is None:
            raise CommandError(
                f"Haven has no SEN2 census day for {year}: set HAVEN_SEN2_CENSUS_DATES"
            )
        sen2 = build.build(year, settings.HAVEN_LA_CODE)
        folder = Path(options["out"])
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"SEN2_{settings.HAVEN_LA_CODE or 'LA'}_{year}.xml"
        path.write_bytes(sen2.xml)
        day = sen2.census
        self.stdout.write(f"Wrote {path}: {len(sen2.subjects)} children")
        self.stdout.write(f"Census day {day.day:%-d %B %Y} ({day.source})")
        faults = report.check(sen2)
        for fault in faults:
            who = (
                f"Haven ID {fault.person_id}"
                if fault.person_id is not None
                else "The return"
            )
            for words in fault.words:
                self.stdout.write(f"{who}: {words}")
        self.stdout.write(f"{sum(len(f.words) for f in faults)} faults")

"""Journal the days young people became eligible or relevant children, for
the leaving care timescales (haven/care/leavers/becoming.py). Run daily: a
child looked after since 15 becomes eligible on their 16th birthday with
nobody recording anything. Safe to run at any time, as often as wanted."""

from typing import Any

from django.core.management.base import BaseCommand

from haven.care.leavers import becoming


class Command(BaseCommand):
    help = "Record who became an eligible or relevant child (run daily)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--everyone",
            action="store_true",
            help="Everyone ever looked after, not only those 16 or 17 today",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = becoming.sync_all(everyone=options["everyone"])
        self.stdout.write(f"Recorded {count} care leaver events.")

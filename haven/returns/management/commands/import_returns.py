"""manage.py import_returns --cin FILE.xml [--cin ...] --ssda903 DIR [...]:
load a council's history from the CIN census XML and SSDA903 CSVs of earlier
years (haven/returns/legacy), then print every row not loaded, with its file,
row and reason, and a summary. Running it again loads nothing twice."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haven.returns.legacy.run import import_returns


class Command(BaseCommand):
    help = "Load history from earlier CIN census and SSDA903 returns"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--cin", action="append", default=[], help="A CIN census XML file"
        )
        parser.add_argument(
            "--ssda903",
            action="append",
            default=[],
            help="A folder of one year's SSDA903 CSV files",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        cin = [Path(p) for p in options["cin"]]
        folders = [Path(p) for p in options["ssda903"]]
        if not cin and not folders:
            raise CommandError("Name at least one --cin file or --ssda903 folder")
        missing = [str(p) for p in [*cin, *folders] if not p.exists()]
        if missing:
            raise CommandError(f"Not found: {', '.join(missing)}")
        outcome = import_returns(cin, folders)
        for problem in outcome.problems:
            self.stdout.write(f"Not loaded: {problem}")
        for line in outcome.summary():
            self.stdout.write(line)

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from haven.core.journal import verify_all
from haven.core.models import JournalEvent


class Command(BaseCommand):
    help = "Check every person's journal chain; name the first broken link of each."

    def handle(self, *args: Any, **options: Any) -> None:
        broken = verify_all()
        if broken:
            for link in broken:
                self.stderr.write(f"Broken: {link}")
            raise CommandError(f"{len(broken)} journal chain(s) are broken")
        count = JournalEvent.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"All journal chains intact ({count} events).")
        )

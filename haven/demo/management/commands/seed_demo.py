"""Build a synthetic demonstration authority in an empty database."""

import random
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from haven.assessments import demo as assessments_demo
from haven.casework import demo as casework_demo
from haven.cin import demo as cin_demo
from haven.core.models import DemoDatabase, User
from haven.demo import looked_after
from haven.demo.families import create_families, restrict_some
from haven.demo.staff import (
    DEMO_PASSWORD,
    create_staff,
    demo_logins,
    unroled_logins,
)
from haven.earlyhelp import demo as earlyhelp_demo
from haven.frontdoor import demo as frontdoor_demo
from haven.notifications import demo as notifications_demo
from haven.people.models import Person
from haven.protection import demo as protection_demo


class Command(BaseCommand):
    help = (
        "Create a synthetic local authority (staff in every role and N children) in "
        "an empty database. Refuses a database that holds anything else."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--children", type=int, default=200)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and succeed) when this demo database already exists.",
        )

    def handle(
        self, *args: Any, children: int, seed: int, if_empty: bool, **options: Any
    ) -> None:
        self.verbose = options.get("verbosity", 1) >= 1
        if children < 0:
            raise CommandError("--children must be zero or more")
        if DemoDatabase.objects.exists():
            if if_empty:
                if self.verbose:
                    self.stdout.write("The demo authority is already loaded.")
                self._print_logins()
                return
            raise CommandError(
                "This database already holds a demo authority. Delete the database "
                "file (or drop the database) to build a new one."
            )
        if User.objects.exists() or Person.objects.exists():
            raise CommandError(
                "This database holds records that seed_demo did not create. It will "
                "only build a demo authority in an empty database, so that demo logins "
                "never exist beside real records."
            )
        rng = random.Random(seed)
        with transaction.atomic():
            DemoDatabase.objects.create(seed=seed, children=children)
            create_staff(rng)
            made = create_families(rng, children)
            restrict_some(rng, made)
            # Order matters: the front door opens referrals, child protection
            # holds the strategy discussions it asked for and refers more, the
            # CIN demo takes those up and refers more (each episode assessed by
            # the assessments demo), early help takes children open to no one,
            # and the looked-after children are told last, of children none of
            # those took on.
            frontdoor_demo.populate(rng, made)
            protection_demo.populate(rng, made)
            cin_demo.populate(rng, made, assess=assessments_demo.assess)
            casework_demo.populate(rng, made)
            earlyhelp_demo.populate(rng, made)
            looked_after.populate(rng, made)
            # Last: what all of the above told staff, mostly read by now.
            notifications_demo.populate()
        if self.verbose:
            self.stdout.write(
                self.style.SUCCESS(f"Demo authority created: {children} children.")
            )
        self._print_logins()

    def _print_logins(self) -> None:
        if not self.verbose:
            return
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for login in demo_logins() + unroled_logins():
            self.stdout.write(f"  {login.username:32} {login.role} ({login.team})")

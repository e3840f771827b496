"""Where the demo authority places its looked-after children: its providers and
foster carers, made once per authority through the services (a second call, as
the large authority's next slice makes, finds them), and real postcodes for
their addresses.

The postcodes are real ones from the ONS postcode directory the app reads
(haven/care/postcodes.py), so distances and districts come out as they would
for a real authority; the streets, towns' houses and names are invented, so no
address is anyone's. The demo authority's own area is Kirklees (AREA_CODES:
run the demo with HAVEN_AREA_CODES=E08000034 to see in and out of area); its
families live there too (haven/demo/families.py).
"""

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count

from haven.care import providers
from haven.care.models import SHARED_URN, Carer, Provider, Registration
from haven.core import clock
from haven.core.models import User
from haven.core.roles import ROLES_BY_KEY
from haven.people import services as people
from haven.people.codes import Ethnicity, Sex
from haven.people.models import Person

AREA_CODES = ("E08000034",)  # Kirklees
# Kirklees' DfE local authority number: a UPN's characters 2-4 name the
# authority of the school that gave it (CIN census rule 1530).
LA_CODE = "382"
REGISTERED_SINCE = dt.date(2010, 4, 1)
# Long enough before any placement the demo makes: the large authority's
# oldest slice is five years back, its stories up to ten before that.
APPROVED_YEARS_BACK = 16
CHILDREN_PER_CARER = 2  # a foster household takes up to two children at once

# (postcode, town): real postcodes, invented streets. In area (Kirklees).
IN_AREA = (
    ("HD1 2YZ", "Huddersfield"),
    ("HD2 1YN", "Huddersfield"),
    ("HD3 4XY", "Huddersfield"),
    ("HD4 6UL", "Huddersfield"),
    ("HD5 8UG", "Huddersfield"),
    ("HD8 8DL", "Kirkburton"),
    ("HD9 2LU", "Holmfirth"),
    ("WF13 4BH", "Dewsbury"),
    ("WF14 8BT", "Mirfield"),
    ("WF16 9EG", "Heckmondwike"),
    ("WF17 8NW", "Batley"),
)
# Out of area, near: Calderdale, Bradford, Leeds, Wakefield, Barnsley.
NEAR = (
    ("HX1 1DA", "Halifax"),
    ("BD7 2AA", "Bradford"),
    ("LS12 2HA", "Leeds"),
    ("WF1 9RJ", "Wakefield"),
    ("S70 6TH", "Barnsley"),
)
# Invented names for the carers (care sits below the demo app, whose names it
# cannot read). Any likeness to a real person is chance.
CARER_GIVEN_F = ("Maureen", "Janet", "Sandra", "Angela", "Farah", "Helen", "Bev")
CARER_GIVEN_M = ("Desmond", "Graham", "Tariq", "Neil", "Colin", "Ravi", "Keith")
CARER_FAMILY = (
    "Fairweather",
    "Ackroyd",
    "Bairstow",
    "Haigh",
    "Mahmood",
    "Sutcliffe",
    "Oldroyd",
    "Brook",
    "Sykes",
    "Kapoor",
    "Lockwood",
    "Whiteley",
)
STREETS = (
    "Acre Lane",
    "Beech Road",
    "Cliffe Street",
    "Dene Walk",
    "Fernside",
    "Greenhead Close",
    "Highfield Avenue",
    "Laund Road",
    "Moor View",
    "Northfield Place",
    "Oak Bank",
    "Ridgeway",
)


@dataclass(frozen=True)
class Home:
    """A provider the demo makes: name, kind, SSDA903 sector, synthetic URN,
    street, postcode and town."""

    key: str
    name: str
    kind: str
    sector: str
    urn: str
    street: str
    postcode: str
    town: str


K = Provider.Kind
PROVIDERS = (
    Home(
        "fostering",
        "Haven Fostering Service",
        K.LA_FOSTERING,
        "PR1",
        "SC990001",
        "Civic Centre, Market Street",
        "HD1 2YZ",
        "Huddersfield",
    ),
    Home(
        "agency",
        "Brightwater Fostering",
        K.AGENCY,
        "PR4",
        "SC990002",
        "4 Wellington Street",
        "LS12 2HA",
        "Leeds",
    ),
    Home(
        "charity",
        "Heartwood Family Placements",
        K.AGENCY,
        "PR5",
        "SC990003",
        "18 Manor Row",
        "BD7 2AA",
        "Bradford",
    ),
    Home(
        "own_home",
        "Larchfield House",
        K.CHILDRENS_HOME,
        "PR1",
        "SC990004",
        "2 Larch Lane",
        "HD3 4XY",
        "Huddersfield",
    ),
    Home(
        "near_home",
        "Moorview Children's Home",
        K.CHILDRENS_HOME,
        "PR4",
        "SC990005",
        "31 Moor Edge",
        "HX1 1DA",
        "Halifax",
    ),
    Home(
        "far_home",
        "Saltmarsh Lodge",
        K.CHILDRENS_HOME,
        "PR4",
        "SC990006",
        "9 Shore Road",
        "FY4 2DA",
        "Blackpool",
    ),
    Home(
        "farther_home",
        "Northgate House",
        K.CHILDRENS_HOME,
        "PR5",
        "SC990007",
        "56 Elswick Row",
        "NE4 6JT",
        "Newcastle upon Tyne",
    ),
    Home(
        "supported",
        "Aspire Supported Living",
        K.SUPPORTED,
        "PR4",
        "SC990008",
        "12 Bradford Road",
        "WF17 8NW",
        "Batley",
    ),
    Home(
        "short_breaks",
        "Hollybank Short Breaks",
        K.CHILDRENS_HOME,
        "PR1",
        "SC990009",
        "7 Hollybank Road",
        "HD5 8UG",
        "Huddersfield",
    ),
)
ADOPTION = Home(
    "adoption",
    "One Adoption West Yorkshire (regional adoption agency)",
    K.OTHER,
    "PR1",
    SHARED_URN,
    "Civic Centre, Market Street",
    "WF1 9RJ",
    "Wakefield",
)
# Adopters live near, but not too near, the birth family.
ADOPTERS_AREA = (*NEAR, ("YO24 1LJ", "York"), ("S6 4FE", "Sheffield"))
# Who approves each kind of carer, and where they live.
FOSTERING_SERVICES = {"fostering": IN_AREA, "agency": NEAR, "charity": NEAR}


def manager() -> User:
    """The first team manager: managers add providers and approve carers."""
    found = (
        User.objects.filter(groups__name=ROLES_BY_KEY["team_manager"].name)
        .order_by("pk")
        .first()
    )
    assert found is not None, "the demo's staff come first"
    return found


@dataclass
class Places:
    """The authority's providers, by key, and its foster carers with how many
    children each holds now (kept as the demo places them)."""

    rng: random.Random
    by: User
    homes: dict[str, Provider]
    carers: dict[str, list[Carer]]
    load: dict[int, int] = field(default_factory=dict)
    adopters_area: tuple[tuple[str, str], ...] = ADOPTERS_AREA

    def home(self, key: str) -> Provider:
        return self.homes[key]

    def carer(self, service: str, day: dt.date, other_than: int | None) -> Carer:
        """A carer of the fostering service with room, other than the child's
        carer now; a new one if none has room."""
        pool = [
            c
            for c in self.carers[service]
            if self.load.get(c.pk, 0) < CHILDREN_PER_CARER
            and c.approved_on <= day
            and c.pk != other_than
        ]
        chosen = self.rng.choice(pool) if pool else self._new_carer(service)
        self.load[chosen.pk] = self.load.get(chosen.pk, 0) + 1
        return chosen

    def leaves(self, carer_id: int | None) -> None:
        if carer_id is not None and self.load.get(carer_id, 0) > 0:
            self.load[carer_id] -= 1

    def _new_carer(self, service: str) -> Carer:
        carer = approved_carer(
            self.rng, self.homes[service], FOSTERING_SERVICES[service], self.by
        )
        self.carers[service].append(carer)
        return carer

    def relative(self, child: Person, day: dt.date) -> Carer:
        """A relative or friend of the child approved as their foster carer (a
        connected person) by the authority's fostering service."""
        return approved_carer(
            self.rng,
            self.homes["fostering"],
            IN_AREA,
            self.by,
            family_name=child.family_name,
            connected=True,
        )


def address(rng: random.Random, where: tuple[tuple[str, str], ...]) -> dict[str, str]:
    postcode, town = rng.choice(where)
    street = f"{rng.randint(1, 120)} {rng.choice(STREETS)}"
    return {"line_1": street, "town": town, "postcode": postcode}


def approved_carer(
    rng: random.Random,
    service: Provider,
    where: tuple[tuple[str, str], ...],
    by: User,
    *,
    family_name: str = "",
    connected: bool = False,
) -> Carer:
    """A synthetic adult registered, living at a real postcode and approved as a
    foster carer years before any placement the demo makes."""
    approved = clock.today() - dt.timedelta(days=365 * APPROVED_YEARS_BACK)
    sex = Sex.FEMALE if rng.random() < 0.8 else Sex.MALE
    names = CARER_GIVEN_F if sex == Sex.FEMALE else CARER_GIVEN_M
    born = approved - dt.timedelta(days=rng.randint(25 * 365, 45 * 365))
    person = people.register_person(
        {
            "given_name": rng.choice(names),
            "family_name": family_name or rng.choice(CARER_FAMILY),
            "date_of_birth": born,
            "sex": sex,
            "ethnicity": rng.choice(list(Ethnicity)),
        },
        by=by,
    )
    people.record_move(person, on=approved, by=by, **address(rng, where))
    return providers.approve_carer(
        person,
        provider=service,
        approved_on=approved,
        connected_person=connected,
        by=by,
    )


def places(rng: random.Random) -> Places:
    """The authority's providers and carers: those already made, and the rest."""
    by = manager()
    homes = {home.key: _provider(home, by) for home in (*PROVIDERS, ADOPTION)}
    carers: dict[str, list[Carer]] = {key: [] for key in FOSTERING_SERVICES}
    for carer in Carer.objects.filter(
        provider__in=[homes[key] for key in FOSTERING_SERVICES],
        connected_person=False,
        approval_ended_on__isnull=True,
    ).order_by("pk"):
        key = next(k for k in FOSTERING_SERVICES if homes[k].pk == carer.provider_id)
        carers[key].append(carer)
    found = Places(rng, by, homes, carers)
    found.load.update(_holding())
    return found


def _holding() -> Iterator[tuple[int, int]]:
    rows = (
        Carer.objects.filter(placements__ended_on__isnull=True)
        .annotate(held=Count("placements"))
        .values_list("pk", "held")
    )
    yield from rows


def _provider(home: Home, by: User) -> Provider:
    found = Provider.objects.filter(ofsted_urn=home.urn, name=home.name).first()
    if found is not None:
        return found
    return providers.add_provider(
        providers.ProviderDetails(
            name=home.name,
            kind=home.kind,
            sector=home.sector,
            ofsted_urn=home.urn,
            address_line_1=home.street,
            town=home.town,
            postcode=home.postcode,
        ),
        registration=Registration.Status.REGISTERED,
        since=REGISTERED_SINCE,
        by=by,
    )

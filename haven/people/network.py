"""The family at a glance: the people around a child, from their recorded
relationships, laid out by generation for a diagram drawn on the server.

Each relative is placed once, whichever way round the relationship was
recorded. A relative the viewer may not open is not named ("a person you
cannot open"): their name, and for a restricted or sealed record even the
facts about them, can be the secret.
"""

from dataclasses import dataclass, field

from haven.core import clock
from haven.core.models import User
from haven.people.codes import INVERSE_RELATIONSHIP, RelationshipKind
from haven.people.models import Person
from haven.people.selectors import record_ids, relationships_of

K = RelationshipKind
# The rows of the diagram, top to bottom, and the kinds each holds. The child
# sits in the middle row with their brothers, sisters and partner.
ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Grandparents", (K.GRANDPARENT,)),
    (
        "Parents and carers",
        (K.MOTHER, K.FATHER, K.PARENT, K.STEP_PARENT, K.CARER, K.FOSTER_CARER),
    ),
    ("Aunts and uncles", (K.AUNT_UNCLE,)),
    ("The child, brothers and sisters", (K.SIBLING, K.HALF_SIBLING, K.PARTNER)),
    ("Children", (K.CHILD, K.CARED_FOR, K.NIECE_NEPHEW, K.GRANDCHILD)),
    ("Others in their life", (K.SIGNIFICANT_OTHER, K.PROFESSIONAL, K.OTHER)),
)
ROW_OF = {kind: n for n, (_label, kinds) in enumerate(ROWS) for kind in kinds}
CHILD_ROW = 3

BOX_WIDTH, BOX_HEIGHT, GAP_X, GAP_Y, MARGIN = 220, 78, 24, 44, 16


@dataclass
class Relative:
    """One person in the network, as the viewer may see them."""

    person: Person | None  # None: not to be named to this viewer
    pk: int
    kinds: list[str]  # the relationship's words: "Mother", "Carer"
    row: int
    may_open: bool
    died_on: str = ""  # "died 3 May 2021", empty if alive or not to be told
    alleged_perpetrator: bool = False
    link_pk: int | None = None  # the relationship recorded on the child's record
    x: int = 0
    y: int = 0

    @property
    def name(self) -> str:
        return str(self.person) if self.person else "A person you cannot open"

    @property
    def short_name(self) -> str:
        """The name cut to fit its box; the full name is in the group's label."""
        return self.name if len(self.name) <= 22 else self.name[:21] + "…"

    @property
    def marks(self) -> list[str]:
        found = [self.died_on] if self.died_on else []
        if self.alleged_perpetrator:
            found.append("alleged perpetrator")
        return found

    @property
    def label(self) -> str:
        """What a screen reader says for the person's group."""
        words = f"{self.name}: {', '.join(k.lower() for k in self.kinds)}"
        return "; ".join([words, *self.marks])

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + BOX_WIDTH // 2, self.y + BOX_HEIGHT // 2


@dataclass
class Network:
    """The child at the centre and the relatives around them, placed."""

    child: Relative
    relatives: list[Relative]
    width: int
    height: int
    rows: list[tuple[str, list[Relative]]] = field(default_factory=list)

    @property
    def description(self) -> str:
        if not self.relatives:
            return f"No relationships are recorded for {self.child.name}."
        parts = [
            f"{label}: " + ", ".join(r.label for r in people)
            for label, people in self.rows
            if people
        ]
        return f"{self.child.name} at the centre, joined to each person. " + (
            ". ".join(parts) + "."
        )


def family_network(person: Person, user: User) -> Network:
    """The child's current relationships, for the user, laid out in rows."""
    ids = record_ids(person)
    today = clock.today()
    found: dict[int, Relative] = {}
    for row in relationships_of(person, user):
        link = row["link"]
        if link.ended_on is not None and link.ended_on <= today:
            continue
        forward = link.person_id in ids
        kind = link.kind if forward else INVERSE_RELATIONSHIP[link.kind]
        other: Person = row["person"]
        relative = found.get(other.pk)
        if relative is None:
            relative = found[other.pk] = _relative(other, row, kind)
        elif row["kind"] not in relative.kinds:
            relative.kinds.append(row["kind"])
        if forward and relative.link_pk is None:
            relative.link_pk = link.pk
        # Only "this person is alleged to have harmed the child" is marked: the
        # reverse is a fact about the relative's own record.
        if forward and link.alleged_perpetrator and not row["unnamed"]:
            relative.alleged_perpetrator = True
    centre = Relative(person, person.pk, ["The child"], CHILD_ROW, True)
    centre.died_on = _died(person)
    return _placed(centre, sorted(found.values(), key=lambda r: (r.row, r.name)))


def _relative(other: Person, row: dict[str, object], kind: str) -> Relative:
    unnamed = bool(row["unnamed"])
    may_open = bool(row["may_open"])
    return Relative(
        person=other if may_open else None,
        pk=other.pk,
        kinds=[str(row["kind"])],
        row=ROW_OF.get(kind, len(ROWS) - 1),
        may_open=may_open,
        died_on="" if unnamed else _died(other),
    )


def _died(person: Person) -> str:
    if person.date_of_death is None:
        return ""
    return f"died {person.date_of_death:%-d %B %Y}"


def _placed(centre: Relative, relatives: list[Relative]) -> Network:
    """Rows that hold someone, each centred; the child in the middle of theirs."""
    rows: list[tuple[str, list[Relative]]] = []
    for n, (label, _kinds) in enumerate(ROWS):
        people = [r for r in relatives if r.row == n]
        if n == CHILD_ROW:
            half = len(people) // 2
            people = [*people[:half], centre, *people[half:]]
        if people:
            rows.append((label, people))
    widest = max(len(people) for _label, people in rows)
    width = 2 * MARGIN + widest * BOX_WIDTH + (widest - 1) * GAP_X
    for line, (_label, people) in enumerate(rows):
        used = len(people) * BOX_WIDTH + (len(people) - 1) * GAP_X
        left = (width - used) // 2
        for n, relative in enumerate(people):
            relative.x = left + n * (BOX_WIDTH + GAP_X)
            relative.y = MARGIN + line * (BOX_HEIGHT + GAP_Y)
    height = 2 * MARGIN + len(rows) * BOX_HEIGHT + (len(rows) - 1) * GAP_Y
    listed = [(label, [r for r in people if r is not centre]) for label, people in rows]
    return Network(centre, relatives, width, height, listed)

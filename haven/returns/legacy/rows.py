"""What the legacy files say, parsed but not yet checked against Haven: each
value with the file and row it came from, so every fault and every journal
event can name them."""

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """A row of a legacy file: `file` as the report names it ("2025/episodes.csv",
    "cin_2025.xml"), `row` the CSV line (the header is 1) or the XML child's
    position (the first <Child> is 1)."""

    file: str
    row: int
    year: int  # the collection year the file is for (0: unknown)

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}"

    def as_payload(self) -> dict[str, object]:
        return {"file": self.file, "row": self.row}


@dataclass(frozen=True)
class Problem:
    """A row that could not be loaded, and why, in words."""

    origin: Origin | None
    child: str
    words: str

    def __str__(self) -> str:
        where = str(self.origin) if self.origin else "every file"
        who = f" (child {self.child})" if self.child else ""
        return f"{where}{who}: {self.words}"


@dataclass(frozen=True)
class Identity:
    """Who the child is, as one file says it."""

    child: str
    origin: Origin
    born: dt.date | None
    sex: str
    expected: dt.date | None = None
    died: dt.date | None = None
    ethnicity: str = ""
    upn: str = ""
    upn_unknown: str = ""
    former_upns: tuple[str, ...] = ()
    disabilities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Episode:
    """An SSDA903 Episodes row."""

    origin: Origin
    decom: dt.date
    dec: dt.date | None
    rne: str
    ls: str
    cin: str
    place: str
    place_provider: str
    rec: str
    reason_place_change: str
    home_post: str
    pl_post: str
    urn: str


@dataclass(frozen=True)
class Review:
    origin: Origin
    held_on: dt.date
    code: str


@dataclass(frozen=True)
class Missing:
    origin: Origin
    kind: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class Assessment:
    start: dt.date
    authorised: dt.date | None
    factors: tuple[str, ...]


@dataclass(frozen=True)
class Section47:
    start: dt.date
    target: dt.date | None
    icpc: dt.date | None
    not_required: bool


@dataclass(frozen=True)
class CpPlan:
    start: dt.date
    end: dt.date | None
    initial: str
    latest: str
    previous: int
    reviews: tuple[dt.date, ...]


@dataclass(frozen=True)
class Referral:
    """A CIN census CINdetails module: one episode, with what it holds."""

    origin: Origin
    referral_date: dt.date
    source: str
    need: str
    closed: dt.date | None
    closure_reason: str
    icpc: dt.date | None  # DateOfInitialCPC at the episode's level
    nfa: bool
    assessments: tuple[Assessment, ...] = ()
    plans: tuple[tuple[dt.date, dt.date | None], ...] = ()
    section_47s: tuple[Section47, ...] = ()
    cp_plans: tuple[CpPlan, ...] = ()


@dataclass
class Child:
    """Everything the files say about one child (CHILD / LAchildID)."""

    child: str
    identities: list[Identity] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)

"""The returns Haven makes, each declared once (in its module, imported by
plugin.py), so the page and `manage.py export_return` list the same set.

A return is built for a collection year: the year its period ends (2026 is
1 April 2025 to 31 March 2026 for the CIN census and the SSDA903; the SEN2
census day falls in January of that year)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Fault:
    """One thing wrong with a return, in the reader's words."""

    words: str
    person_id: int | None = None  # the child's Haven ID; None: the whole return
    rule: str = ""  # the DfE rule number ("8869", "SW17STG2"), or ""
    query: bool = False  # a DfE query (a warning), not an error
    # A validator rule that fires on right data (validators.md): shown as the
    # validator's fault, never as an error in the record.
    known_false_positive: bool = False
    link: str = ""  # where the record is put right


@dataclass(frozen=True)
class Built:
    """A return as files, with the children in it and Haven's own checks."""

    files: dict[str, bytes]  # file name -> content
    person_ids: frozenset[int]
    faults: list[Fault] = field(default_factory=list)


@dataclass(frozen=True)
class Return:
    key: str  # "cin", "ssda903", "sen2", "annex_a"
    title: str  # "Children in need census"
    source: str  # the specification it follows, shown to the reader
    build: Callable[[int], Built]  # the collection year -> the return
    # The public validator, run on the built files (validators/): slow, so
    # run only when asked for. None: the DfE publishes no validator.
    validate: Callable[[Built, int], list[Fault]] | None = None
    # Whether the files carry children's names (the SEN2 does; the CIN census,
    # SSDA903 and Annex A carry IDs, dates and codes). A restricted child's name
    # is the secret, so only a return that names children is refused to a
    # reader from whom any child in it is restricted.
    names_children: bool = True


RETURNS: dict[str, Return] = {}


def register(declared: Return) -> Return:
    if declared.key in RETURNS:
        raise ImproperlyConfigured(f"The return {declared.key} is declared twice")
    RETURNS[declared.key] = declared
    return declared


def get(key: str) -> Return | None:
    return RETURNS.get(key)


def every() -> list[Return]:
    return sorted(RETURNS.values(), key=lambda r: r.key)

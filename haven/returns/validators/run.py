"""Run the public validators on a return's files and read what they found.

`run_903(folder, year)` and `run_cin(xml, year)` run runner.py in the
validators' own environment (env.py) and give an Outcome: each rule that
fired, with its message and the child IDs it names, and each rule that
crashed. `faults(outcome)` turns it into the returns frame's Faults, naming
each child by Haven ID. `validate_903` and `validate_cin` do both for a
Built return, as registry.Return.validate expects.
"""

import csv
import io
import json
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db.models.functions import Upper
from django.urls import reverse

from haven.care import postcodes
from haven.people.census import HAVEN_ID
from haven.people.models import Person
from haven.returns.registry import Built, Fault
from haven.returns.validators import env, known

RUNNER = Path(__file__).with_name("runner.py")
TIMEOUT_SECONDS = 900


class ValidatorFailed(RuntimeError):
    """The validator could not run on the files at all (its words follow)."""


@dataclass(frozen=True)
class Fired:
    rule: str
    message: str
    query: bool  # a DfE query (CIN codes ending in Q), not an error
    children: tuple[str, ...]  # the child IDs (CHILD, LAchildID) it names


@dataclass(frozen=True)
class Crashed:
    rule: str
    error: str


@dataclass(frozen=True)
class Outcome:
    kind: str  # "903" or "cin"
    year: int
    ruleset: str  # "lac2025_26"
    fired: tuple[Fired, ...]
    crashed: tuple[Crashed, ...]
    skipped: tuple[str, ...]  # rules that need a table the return lacks
    ran: int  # rules in the ruleset
    seconds: float
    children: int = 0  # children in the return
    # Facts about each child (known.py's tags), read from the files, that say
    # whether a rule that fired is one of the validator's known faults.
    tags: tuple[tuple[str, frozenset[str]], ...] = ()

    def tags_of(self, child: str) -> frozenset[str]:
        return dict(self.tags).get(child, frozenset())


def run_903(folder: Path, year: int, last_year: Path | None = None) -> Outcome:
    """The SSDA903 validator's answer on a folder of the return's CSVs."""
    extra = ["--la", settings.HAVEN_AREA_CODES[0]] if settings.HAVEN_AREA_CODES else []
    if last_year is not None:
        extra += ["--last", str(last_year)]
    found, seconds = _run(["903", str(folder), str(year), *extra])
    tags = _tags_903(folder)
    header = _rows(folder, "CHILD,SEX,DOB")
    return _outcome("903", year, found, seconds, len(header), tags)


def run_cin(xml: Path, year: int) -> Outcome:
    """The CIN census validator's answer on the census XML file."""
    found, seconds = _run(["cin", str(xml), str(year)])
    children = xml.read_bytes().count(b"<Child>")
    return _outcome("cin", year, found, seconds, children, {})


def _run(arguments: list[str]) -> tuple[dict, float]:
    command = [str(env.python()), "-I", str(RUNNER), *arguments]
    started = time.monotonic()
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
        )
    except subprocess.TimeoutExpired as late:
        raise ValidatorFailed(
            f"The validator did not finish within {TIMEOUT_SECONDS} seconds"
        ) from late
    seconds = time.monotonic() - started
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        raise ValidatorFailed(
            f"The validator could not read the return: {lines[-1] if lines else ''}"
        )
    return json.loads(done.stdout), seconds


def _outcome(
    kind: str,
    year: int,
    found: dict,
    seconds: float,
    children: int,
    tags: dict[str, frozenset[str]],
) -> Outcome:
    return Outcome(
        kind=kind,
        year=year,
        ruleset=found["ruleset"],
        fired=tuple(
            Fired(f["rule"], f["message"], f["query"], tuple(f["children"]))
            for f in found["fired"]
        ),
        crashed=tuple(Crashed(c["rule"], c["error"]) for c in found["crashed"]),
        skipped=tuple(found["skipped"]),
        ran=found["ran"],
        seconds=seconds,
        children=children,
        tags=tuple(sorted(tags.items())),
    )


def _rows(folder: Path, header_starts: str) -> list[dict[str, str]]:
    """The rows of the table whose header row begins so (the validator too
    knows a table by its columns, not its file name)."""
    for path in sorted(folder.glob("*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        if text.startswith(header_starts):
            return list(csv.DictReader(io.StringIO(text)))
    return []


def _tags_903(folder: Path) -> dict[str, frozenset[str]]:
    tags: dict[str, set[str]] = {}
    for row in _rows(folder, "CHILD,DOB,MISSING"):
        if not row["MIS_END"].strip():
            tags.setdefault(row["CHILD"].upper(), set()).add(known.OPEN_MISSING)
    for row in _rows(folder, "CHILD,DOB,SW_ID"):
        tags.setdefault(row["CHILD"].upper(), set()).add(known.HAS_SOCIAL_WORKERS)
    unknown_postcode: set[str] = set()
    for row in _rows(folder, "CHILD,DECOM,RNE"):
        mine = tags.setdefault(row["CHILD"].upper(), set())
        rne = row["RNE"].strip().upper()
        if row["REC"].strip().upper() not in ("", "X1"):
            mine.add(known.LEFT_CARE)
        if (place := row["PL_POST"].strip()) and postcodes.find(place) is None:
            unknown_postcode.add(row["CHILD"].upper())
        if rne == "T":
            mine.add(known.RNE_T)
        if rne == "U":
            mine.add(known.RNE_U)
        if row["LS"].strip().upper() in ("V3", "V4") and row["URN"].strip():
            mine.add(known.SHORT_BREAK_URN)
        if row["PLACE"].strip().upper() == "K3":
            mine.add(known.K3)
    for child, mine in tags.items():
        if child not in unknown_postcode:
            mine.add(known.REAL_PLACEMENT_POSTCODES)
    return {child: frozenset(found) for child, found in tags.items()}


def person_ids(child_ids: set[str]) -> dict[str, int]:
    """Haven IDs of the children the validator names, by its child ID.

    The ID is "H" and the Haven ID, or else the person's local ID (the 903
    validator upper-cases it, so matched whatever its case)."""
    found: dict[str, int] = {}
    local: list[str] = []
    for child in child_ids:
        if HAVEN_ID.fullmatch(child):
            found[child] = int(child[1:])
        else:
            local.append(child)
    if found:
        real = set(
            Person.objects.filter(pk__in=found.values()).values_list("pk", flat=True)
        )
        found = {child: pk for child, pk in found.items() if pk in real}
    if local:
        wanted = {child.upper(): child for child in local}
        matches = (
            Person.objects.annotate(upper=Upper("local_id"))
            .filter(upper__in=wanted)
            .values_list("upper", "pk")
        )
        found.update({wanted[upper]: pk for upper, pk in matches})
    return found


def faults(outcome: Outcome) -> list[Fault]:
    """The Outcome in the returns frame's terms: one Fault a rule and child."""
    catalogue = known.KNOWN_903 if outcome.kind == "903" else known.KNOWN_CIN
    named = {child for fired in outcome.fired for child in fired.children}
    people = person_ids(named)
    result: list[Fault] = []
    for fired in outcome.fired:
        for child in fired.children or ("",):
            fault = known.known_fault(
                catalogue,
                fired.rule,
                outcome.year,
                outcome.tags_of(child),
                outcome.children,
            )
            words = fired.message.strip() or f"Rule {fired.rule} fired."
            if fault is not None:
                words = f"{words} (A known fault of the validator: {fault.reason}.)"
            elif child and child not in people:
                words = f"{words} (The validator names child {child}.)"
            person_id = people.get(child)
            # The child's record is where a real fault is put right.
            mend = person_id is not None and fault is None
            result.append(
                Fault(
                    words=words,
                    person_id=person_id,
                    rule=fired.rule,
                    query=fired.query or fired.rule.endswith("Q"),
                    known_false_positive=fault is not None,
                    link=reverse("people:detail", args=[person_id]) if mend else "",
                )
            )
    return result + [_crash(crashed) for crashed in outcome.crashed]


def _crash(crashed: Crashed) -> Fault:
    if crashed.rule in known.CRASH_ON_EVERY_FILE:
        return Fault(
            words=f"Rule {crashed.rule} is not checked by the validator "
            "(it crashes on every file).",
            rule=crashed.rule,
            known_false_positive=True,
        )
    return Fault(
        words=f"The validator crashed on rule {crashed.rule}, so the rule was not "
        f"checked: {crashed.error}",
        rule=crashed.rule,
    )


def validate_903(built: Built, year: int) -> list[Fault]:
    """registry.Return.validate for the SSDA903: its CSVs through the validator."""
    with tempfile.TemporaryDirectory(prefix="haven-903-") as folder:
        for name, content in built.files.items():
            if name.lower().endswith(".csv"):  # the validator reads only CSVs
                (Path(folder) / Path(name).name).write_bytes(content)
        try:
            return faults(run_903(Path(folder), year))
        except ValidatorFailed as failed:
            return [Fault(words=str(failed))]


def validate_cin(built: Built, year: int) -> list[Fault]:
    """registry.Return.validate for the CIN census: its XML through the validator."""
    xml = [content for name, content in built.files.items() if name.endswith(".xml")]
    if len(xml) != 1:
        return [Fault(words="The census has no single XML file to check.")]
    with tempfile.TemporaryDirectory(prefix="haven-cin-") as folder:
        path = Path(folder) / "census.xml"
        path.write_bytes(xml[0])
        try:
            return faults(run_cin(path, year))
        except ValidatorFailed as failed:
            return [Fault(words=str(failed))]

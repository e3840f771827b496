"""What a visit note records beyond the note itself: whether it was a statutory
visit, where it was, whether it was announced and whether the child's bedroom
was seen. Inspectors read these from the record (Ofsted ILACS); Working
Together 2023 asks that children are seen, including their bedroom where
relevant. The places are a local list: no DfE code list covers them."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models

from haven.core.errors import Failures


class VisitPlace(models.TextChoices):
    HOME = "home", "Home"
    SCHOOL = "school", "School"
    PLACEMENT = "placement", "Placement"
    OTHER = "other", "Somewhere else"


class BedroomSeen(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


@dataclass(frozen=True)
class Visit:
    """A visit's details; None or blank until answered."""

    statutory: bool | None = None
    place: str = ""
    announced: bool | None = None
    bedroom_seen: str = ""

    def fields(self) -> dict[str, Any]:
        """As the case note's fields (and the journal payload's keys)."""
        return {
            "statutory_visit": self.statutory,
            "visit_place": self.place,
            "announced": self.announced,
            "bedroom_seen": self.bedroom_seen,
        }


NO_VISIT = Visit()
FIELDS = tuple(NO_VISIT.fields())


def check(visit: Visit, failures: Failures) -> None:
    """Every detail of a visit is answered."""
    if visit.statutory is None:
        failures.add(
            "statutory_required",
            "Say whether this was a statutory visit",
            field="statutory_visit",
        )
    if visit.place not in VisitPlace.values:
        failures.add(
            "visit_place_required", "Choose where the visit was", field="visit_place"
        )
    if visit.announced is None:
        failures.add(
            "announced_required",
            "Say whether the visit was announced",
            field="announced",
        )
    if visit.bedroom_seen not in BedroomSeen.values:
        failures.add(
            "bedroom_seen_required",
            "Say whether the child's bedroom was seen",
            field="bedroom_seen",
        )


def words(p: Mapping[str, Any]) -> str:
    """A visit's details in the chronology: "statutory, at home, unannounced,
    bedroom seen"; blank for a note that is not a visit or predates them."""
    if p.get("statutory_visit") is None:
        return ""
    parts = ["statutory" if p["statutory_visit"] else "not statutory"]
    place = p.get("visit_place", "")
    if place in VisitPlace.values:
        parts.append(f"at {VisitPlace(place).label.lower()}")
    if p.get("announced") is not None:
        parts.append("announced" if p["announced"] else "unannounced")
    bedroom = p.get("bedroom_seen", "")
    if bedroom == BedroomSeen.YES:
        parts.append("bedroom seen")
    elif bedroom == BedroomSeen.NO:
        parts.append("bedroom not seen")
    return ", ".join(parts)

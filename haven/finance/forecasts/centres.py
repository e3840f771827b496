"""The cost centre of each kind of provider, and the section 251 outturn line
its spend is reported in.

The council's own cost centres are data (`CostCentre` rows, set by a finance
officer). Until one is set for a kind, `DEFAULTS` stands in, with Haven's
suggested outturn line. The names of the DfE section 251 outturn return's
lines for looked-after children were not in Haven's domain notes when this
was written: the defaults below are Haven's reading, not checked against the
DfE's guidance for the year, and every page that shows them says so (a row's
`outturn_verified` is set only by someone who has checked).
"""

from dataclasses import dataclass

from haven.care.models import Provider
from haven.finance.forecasts.models import CostCentre

UNVERIFIED = (
    "Unverified: these outturn lines are Haven's default mapping of provider "
    "kinds to the section 251 outturn return's looked-after children lines, not "
    "checked against the DfE's guidance for the year. Check them before use."
)


@dataclass(frozen=True)
class Default:
    code: str
    name: str
    outturn_line: str


DEFAULTS: dict[str, Default] = {
    Provider.Kind.LA_FOSTERING: Default(
        "CLA-FOS-LA", "Fostering: own carers", "Fostering services (in-house)"
    ),
    Provider.Kind.AGENCY: Default(
        "CLA-FOS-IFA",
        "Fostering: agencies",
        "Fostering services (independent fostering agencies)",
    ),
    Provider.Kind.CHILDRENS_HOME: Default(
        "CLA-RES", "Children's homes", "Residential care"
    ),
    Provider.Kind.SECURE_HOME: Default(
        "CLA-SEC", "Secure children's homes", "Secure accommodation (welfare)"
    ),
    Provider.Kind.SUPPORTED: Default(
        "CLA-SUP", "Supported accommodation", "Supported accommodation"
    ),
    Provider.Kind.OTHER: Default(
        "CLA-OTH", "Other placements", "Other children looked after services"
    ),
}


def centres() -> dict[str, CostCentre]:
    """Each kind of provider's cost centre: the council's row, or an unsaved
    one from the defaults (never written by a read)."""
    found = {row.provider_kind: row for row in CostCentre.objects.all()}
    for kind, default in DEFAULTS.items():
        if kind not in found:
            found[kind] = CostCentre(
                provider_kind=kind,
                code=default.code,
                name=default.name,
                outturn_line=default.outturn_line,
                outturn_verified=False,
            )
    return found


def centre_row(kind: str) -> CostCentre:
    """The kind's cost centre as a row, written from the defaults if it was
    not yet (called only inside a service's transaction)."""
    default = DEFAULTS[kind]
    row, _created = CostCentre.objects.get_or_create(
        provider_kind=kind,
        defaults={
            "code": default.code,
            "name": default.name,
            "outturn_line": default.outturn_line,
        },
    )
    return row

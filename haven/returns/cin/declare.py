"""The children in need census, registered with the returns (imported by
haven/returns/plugin.py)."""

from django.conf import settings

from haven.returns import registry
from haven.returns.cin import build as census
from haven.returns.cin.checks import check
from haven.returns.registry import Built, Return
from haven.returns.validators.run import validate_cin


def build(year: int) -> Built:
    """The census for a collection year (2026: 1 April 2025 to 31 March
    2026), with Haven's own checks."""
    la = settings.HAVEN_LA_CODE
    built = census.build(year, la)
    return Built(
        files={f"CIN_{la}_{year}.xml": built.xml},
        person_ids=frozenset(s.person_id for s in built.subjects),
        faults=check(built),
    )


CIN = registry.register(
    Return(
        key="cin",
        title="Children in need census",
        source="DfE children in need census 2025 to 2026: specification "
        "(XML, element order of the DfE schema)",
        build=build,
        validate=validate_cin,
    )
)

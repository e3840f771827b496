"""The SSDA903's entry in the register of returns (imported by plugin.py)."""

from haven.returns.registry import Return, register
from haven.returns.ssda903.build import build
from haven.returns.validators.run import validate_903

SSDA903 = register(
    Return(
        key="ssda903",
        title="Children looked after (SSDA903)",
        source="DfE children looked after return (SSDA903): technical specification "
        "for the collection year, CSV tables",
        build=build,
        validate=validate_903,
        names_children=False,
    )
)

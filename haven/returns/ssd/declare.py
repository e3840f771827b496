"""The Standard Safeguarding Dataset's entry in the register of returns
(imported by haven/returns/plugin.py)."""

from haven.returns.registry import Return, register
from haven.returns.ssd.build import build

SSD = register(
    Return(
        key="ssd",
        title="Standard Safeguarding Dataset",
        source="data-to-insight's Standard Safeguarding Dataset (ssd-data-model): "
        "one CSV per SSD table, with the SSD's table and field names",
        build=build,
        # The SSD holds children's names and addresses: a reader from whom
        # any child in it is restricted may not download it.
        names_children=True,
    )
)

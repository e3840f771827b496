"""Published figures to read a council's own beside: the DfE's national
figures (national.csv, shipped) and whatever the council adds in its own file
(the HAVEN_COMPARISONS_FILE setting: statistical neighbours' average, its
region), each row keyed by the figure, the year and the area, with its source.

Loaded as data, never worked out: a number is shipped only where a public
source was found and is cited in its row. Statistical neighbours differ per
council, so Haven ships none; a figure with no row says no comparison is
loaded."""

from haven.reporting.comparisons.loading import (
    BadComparisons,
    Comparison,
    for_figure,
    load,
    loaded,
)

__all__ = ["BadComparisons", "Comparison", "for_figure", "load", "loaded"]

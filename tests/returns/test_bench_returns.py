"""The benchmark's returns figure (bench/returns.py) builds what it times: the
CIN census and the SSDA903 for the last collection year, and runs the public
903 validator on the same files, whose time it prints beside the figure."""

import pytest

from bench import returns
from bench.budgets import BUDGETS

pytestmark = pytest.mark.django_db


def test_both_returns_are_timed_and_the_validator_beside_them(capsys, settings):
    settings.HAVEN_AREA_CODES = ["E08000034"]
    (figure,) = returns.figures(samples=1)
    assert (figure.kind, figure.audience) in BUDGETS
    assert figure.label.startswith("the CIN census and the SSDA903 for 20")
    assert figure.queries and figure.time.p95 > 0
    printed = capsys.readouterr().out
    assert "the CIN census holds 0 children, the SSDA903 0" in printed
    assert "the public 903 validator on the same files:" in printed
    # An authority with no child looked after gives the validator nothing it
    # can read: said, not raised (bench/returns.py).
    assert "The validator could not read the return" in printed

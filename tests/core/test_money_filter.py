"""Money on a page: the sign before the pound, the amount to the penny, and
anything that is not an amount written as it came."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from haven.core.templatetags.money import pounds

pence = st.integers(min_value=-(10**9), max_value=10**9).map(
    lambda p: Decimal(p).scaleb(-2)
)


@given(pence)
def test_the_amount_reads_back_with_its_sign_before_the_pound(amount):
    written = pounds(amount)
    negative = written.startswith("−£")
    assert negative == (amount < 0)
    assert written.startswith("£") or negative
    assert Decimal(written.removeprefix("−").removeprefix("£")) == abs(amount)


def test_nothing_and_words_are_not_amounts():
    assert pounds(None) == "" and pounds("") == ""
    assert pounds("n/a") == "n/a"
    assert pounds(Decimal("-1680.00")) == "−£1680.00"

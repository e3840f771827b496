from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from haven.core.links import link


@given(st.integers(min_value=1, max_value=10**12))
def test_a_link_is_what_reverse_gives(pk: int) -> None:
    for name in ("people:detail", "frontdoor:decide", "assessments:detail"):
        assert link(name, pk) == reverse(name, args=[pk])

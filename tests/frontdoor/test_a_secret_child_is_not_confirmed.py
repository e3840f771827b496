"""A contact naming a restricted or sealed child the worker may not open is
refused in words that do not confirm the record exists or is restricted."""

import pytest

from haven.core.errors import AccessDenied
from haven.core.services import restrict_record
from haven.frontdoor import services
from tests.factories import ChildFactory
from tests.frontdoor.conftest import details

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["restricted", "sealed"])
def test_a_contact_about_a_secret_child_does_not_say_it_is_restricted(
    wednesday, fred, mona, kind
):
    secret = ChildFactory()
    restrict_record(secret, kind=kind, reason="Adoption order made", by=mona)
    with pytest.raises(AccessDenied) as refused:
        services.record_contact(details(), [secret], by=fred)
    message = refused.value.failures[0].message if refused.value.failures else ""
    assert "restricted" not in str(refused.value).lower()
    assert "restricted" not in message.lower()

"""Property: however two editors' reads and saves interleave, exactly the saves
made at the record's current version succeed, each moves the version on by
one, and the record ends as the last successful save left it."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core.versions import StaleEdit, claim
from haven.people.models import Person
from tests.factories import ChildFactory

# (editor, "read") or (editor, "save"); each save writes a name of its own.
step = st.tuples(st.sampled_from([0, 1]), st.sampled_from(["read", "save"]))


def _save(pk: int, read_at: int, name: str) -> None:
    """A service's edit: check and move the version, then write, atomically."""
    with transaction.atomic():
        person = Person.objects.get(pk=pk)
        claim(person, read_at)
        person.given_name = name
        person.save()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(step, max_size=12))
def test_only_saves_at_the_current_version_succeed(steps):
    with transaction.atomic():
        person = ChildFactory(given_name="Start")
        read = [person.version, person.version]  # both open the form
        version, name = person.version, "Start"
        for n, (editor, action) in enumerate(steps):
            if action == "read":
                read[editor] = Person.objects.get(pk=person.pk).version
                continue
            typed = f"Name {n}"
            fresh = read[editor] == version
            try:
                _save(person.pk, read[editor], typed)
            except StaleEdit as stale:
                assert not fresh
                assert stale.version == version
                assert stale.current["given_name"] == name
            else:
                assert fresh
                version, name = version + 1, typed
                read[editor] = version  # the saved page is at the new version
        person.refresh_from_db()
        assert (person.version, person.given_name) == (version, name)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_write_with_no_form_still_moves_the_version_on():
    person = ChildFactory()
    assert claim(person, None) == 2
    with pytest.raises(StaleEdit):
        claim(person, 1)

"""A filter on a child's records (their own and those merged into theirs) looks
them up, however the database's statistics judge the index on merged_into."""

import pytest
from django.db import connection

from haven.cin.models import CinEpisode
from haven.people.models import Person
from haven.people.selectors import records_of

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner")
def test_no_person_is_read_beyond_the_childs_records() -> None:
    people = [Person(given_name=f"Child{n}", family_name="Sowerby") for n in range(40)]
    Person.objects.bulk_create(people)
    child = Person.objects.order_by("pk").last()
    assert child is not None
    with connection.cursor() as cursor:
        # What ANALYZE says of a real authority: no record merged, so every
        # person's merged_into is the one value NULL.
        cursor.execute("ANALYZE")
        sql, params = CinEpisode.objects.filter(
            person_id__in=records_of(child)
        ).query.sql_with_params()
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]
    assert not [step for step in plan if step.startswith("SCAN")], plan

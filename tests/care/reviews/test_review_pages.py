"""The "Reviews" section and the reviews' forms, through the pages."""

import datetime as dt

import pytest

from haven.care.models import Recommendation, Review
from haven.care.reviews import recording
from tests.care.reviews.conftest import review

pytestmark = pytest.mark.django_db
D = dt.date


def _date(name, day):
    return {
        f"{name}_day": day.day,
        f"{name}_month": day.month,
        f"{name}_year": day.year,
    }


def test_the_section_names_the_iro_and_the_next_review(
    client, child, alice, period, with_iro, today
):
    review(
        period,
        with_iro,
        D(2025, 5, 9),
        recommendations=[
            recording.NewRecommendation("Refer to CAMHS", alice, D(2026, 7, 1))
        ],
    )
    client.force_login(alice)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert 'id="reviews"' in page
    assert "Independent reviewing officer: <strong>" in page
    assert "Next review by 9 August 2025" in page
    assert "Refer to CAMHS" in page
    rec = Recommendation.objects.get()
    assert f"/looked-after/recommendations/{rec.pk}/done/" in page  # hers
    assert f"/looked-after/periods/{period.pk}/review/" not in page  # not an IRO
    client.force_login(with_iro)
    page = client.get(f"/people/{child.pk}/").content.decode()
    assert f"/looked-after/periods/{period.pk}/review/" in page


def test_the_iro_records_a_review_with_a_recommendation(
    client, child, alice, period, with_iro, today
):
    client.force_login(with_iro)
    url = f"/looked-after/periods/{period.pk}/review/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            **_date("held_on", D(2025, 5, 9)),
            "participation": "PN1",
            "attended": "Jasmine, Maureen, Alice",
            "rec1-description": "Refer to CAMHS",
            "rec1-owner": str(alice.pk),
            **_date("rec1-due_on", D(2025, 6, 1)),
        },
    )
    assert response.status_code == 302
    (rec,) = Review.objects.get().recommendations.all()
    assert (rec.owner, rec.due_on) == (alice, D(2025, 6, 1))


def test_a_faulty_review_shows_every_fault_against_its_row(
    client, child, alice, period, with_iro, today
):
    client.force_login(with_iro)
    response = client.post(
        f"/looked-after/periods/{period.pk}/review/",
        {"rec2-description": "Something", **_date("held_on", D(2025, 5, 9))},
    )
    page = response.content.decode()
    assert "Choose how the child took part in the review" in page
    assert "Choose who will carry out recommendation 3" in page
    assert "Enter when recommendation 3 is due" in page
    assert not Review.objects.exists()


def test_a_stranger_cannot_open_the_forms(client, bob, child, period, with_iro, today):
    made = review(
        period,
        with_iro,
        D(2025, 5, 9),
        recommendations=[recording.NewRecommendation("Refer", with_iro, D(2026, 7, 1))],
    )
    client.force_login(bob)
    for url in (
        f"/looked-after/periods/{period.pk}/review/",
        f"/looked-after/periods/{period.pk}/iro-contact/",
        f"/looked-after/recommendations/{made.recommendations.get().pk}/done/",
    ):
        response = client.get(url)
        assert response.status_code in (403, 404)
        assert "Thackray" not in response.content.decode()


def test_a_social_worker_cannot_record_a_review(client, alice, period, today):
    client.force_login(alice)
    response = client.get(f"/looked-after/periods/{period.pk}/review/")
    assert response.status_code == 403

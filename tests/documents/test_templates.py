"""Letter templates: versions never edited, only the fields offered, no tags,
and only administrators change them."""

import pytest
from django.urls import reverse

from haven.core.errors import DomainError
from haven.core.versions import StaleEdit
from haven.documents import services, templating
from haven.documents.models import LetterTemplateVersion

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "body",
    [
        "{% debug %}",
        "{% load static %}{% static 'x' %}",
        "{% include 'base.html' %}",
        "{{ child_name.__class__ }}",
        "{{ child_name|upper }}",
        "{{ secret_key }}",
    ],
)
def test_anything_but_an_offered_field_is_refused(body):
    with pytest.raises(DomainError) as refused:
        templating.check(body, {"child_name"})
    assert refused.value.code == "template_not_allowed"


def test_values_and_the_wording_itself_are_escaped():
    html = templating.render(
        "<b>Dear</b> {{ name }}\n\nSecond", {"name": "<script>x</script>"}
    )
    assert "<b>" not in html and "<script>" not in html
    assert html == (
        "<p>&lt;b&gt;Dear&lt;/b&gt; &lt;script&gt;x&lt;/script&gt;</p>\n<p>Second</p>"
    )


def test_a_change_is_a_new_version_and_the_old_is_kept(letters, adam):
    first = services.current_version("assessment_outcome")
    services.change_wording(
        "assessment_outcome",
        body="Dear {{ recipient_name }}",
        reason="Plainer",
        by=adam,
        seen=first.pk,
    )
    versions = LetterTemplateVersion.objects.filter(template__key="assessment_outcome")
    assert sorted(versions.values_list("number", flat=True)) == [1, 2]
    assert versions.get(number=1).body == first.body


def test_a_change_from_an_old_copy_is_refused(letters, adam):
    first = services.current_version("assessment_outcome")
    services.change_wording(
        "assessment_outcome", body="A {{ today }}", reason="One", by=adam, seen=first.pk
    )
    with pytest.raises(StaleEdit):
        services.change_wording(
            "assessment_outcome",
            body="B {{ today }}",
            reason="Two",
            by=adam,
            seen=first.pk,
        )


def test_only_administrators_change_the_wording(letters, alice, client):
    with pytest.raises(DomainError) as refused:
        services.change_wording(
            "assessment_outcome", body="x", reason="y", by=alice, seen=None
        )
    assert refused.value.code == "not_permitted"
    client.force_login(alice)
    url = reverse("letter_templates:edit", kwargs={"key": "assessment_outcome"})
    assert client.get(url).status_code == 403


def test_every_fault_in_a_change_is_reported(letters, adam):
    with pytest.raises(DomainError) as refused:
        services.change_wording(
            "assessment_outcome",
            body="{% now 'Y' %} {{ nobody }}",
            reason="",
            by=adam,
            seen=None,
        )
    assert len(refused.value.failures) == 3

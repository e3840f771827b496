"""The page to record what was found at a care leaver's birthday. The status,
the personal adviser and the records are shown on the person's page
(section.py)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.care import pages
from haven.care.leavers import forms
from haven.care.leavers.keeping_in_touch import Contact, record_birthday_contact
from haven.core.http import AuthenticatedRequest
from haven.core.route_policy import Policy, policy
from haven.people.views import open_person

HEADING = "Keeping in touch at a birthday"
GUIDANCE = (
    "Around each birthday from 17 to 21 the authority records whether it is in "
    "touch with the care leaver, their main activity, and their accommodation "
    "with whether it suits them. Only a relevant or former relevant young "
    "person is recorded: their status on the birthday decides."
)
SOURCE = (
    "SSDA903 children looked after return, OC3 table (care leavers); Children "
    "Act 1989 s23B and s23C (keeping in touch)"
)


@policy(Policy.PERSON)
def birthday_contact(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    person = open_person(request, pk, "Record keeping in touch at a birthday")
    pages.may_record(request)
    form = forms.BirthdayContactForm(pages.posted(request))

    def write() -> object:
        data = form.cleaned_data
        return record_birthday_contact(
            person,
            Contact(
                age=data.get("age"),
                in_touch=data.get("in_touch") or "",
                activity=data.get("activity") or "",
                accommodation=data.get("accommodation") or "",
                contacted_on=data.get("contacted_on"),
            ),
            by=request.user,
        )

    if request.method == "POST" and pages.done(form, write):
        messages.success(request, "Keeping in touch recorded")
        return redirect(reverse("people:detail", args=[person.pk]) + "#leaving-care")
    return pages.page(
        request,
        person,
        form,
        heading=HEADING,
        guidance=GUIDANCE,
        source=SOURCE,
        button="Record keeping in touch",
    )

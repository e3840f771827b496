"""Each DfE code's wording lives in one place, the code lists: every app's
choices are the list's, and every form offers the current collection year's."""

import pytest

from haven.assessments.codes import Factor
from haven.assessments.forms import AssessmentForm
from haven.care.codes import (
    LegalStatusCode,
    MissingKind,
    PlaceChangeReason,
    PlacementType,
    PlaceProvider,
    ReasonCeased,
    ReasonNewEpisode,
)
from haven.care.forms import LegalStatusForm
from haven.care.leavers.forms import BirthdayContactForm
from haven.care.reviews.codes import Participation
from haven.cin.codes import ClosureReason, NeedCode
from haven.cin.forms import CloseEpisodeForm, StartPlanForm
from haven.core import codelists
from haven.frontdoor.codes import ReferralSource
from haven.frontdoor.forms import ContactForm
from haven.people.codes import Disability, Ethnicity, Sex, UpnUnknown
from haven.people.forms import PersonForm
from haven.protection.codes import Category

CHOICES = [
    (Factor, "cin_assessment_factors"),
    (NeedCode, "cin_primary_need"),
    (ClosureReason, "cin_closure_reasons"),
    (Category, "cin_category_of_abuse"),
    (ReferralSource, "cin_referral_sources"),
    (Sex, "sex"),
    (Ethnicity, "ethnicity"),
    (Disability, "disabilities"),
    (UpnUnknown, "upn_unknown"),
    (LegalStatusCode, "ssda903_legal_status"),
    (PlacementType, "ssda903_placement"),
    (ReasonCeased, "ssda903_reason_episode_ceased"),
    (ReasonNewEpisode, "ssda903_reason_new_episode"),
    (PlaceChangeReason, "ssda903_reason_place_change"),
    (PlaceProvider, "ssda903_place_provider"),
    (MissingKind, "ssda903_missing"),
    (Participation, "ssda903_review_participation"),
]

FORMS = [
    (AssessmentForm, "factors", "cin_assessment_factors"),
    (AssessmentForm, "primary_need", "cin_primary_need"),
    (StartPlanForm, "primary_need", "cin_primary_need"),
    (CloseEpisodeForm, "reason", "cin_closure_reasons"),
    (ContactForm, "source", "cin_referral_sources"),
    (PersonForm, "sex", "sex"),
    (PersonForm, "ethnicity", "ethnicity"),
    (PersonForm, "disabilities", "disabilities"),
    (PersonForm, "upn_unknown", "upn_unknown"),
    (LegalStatusForm, "code", "ssda903_legal_status"),
    (BirthdayContactForm, "in_touch", "ssda903_in_touch"),
    (BirthdayContactForm, "activity", "ssda903_activity"),
    (BirthdayContactForm, "accommodation", "ssda903_accommodation"),
]


@pytest.mark.parametrize(("choices", "name"), CHOICES)
def test_an_apps_choices_are_the_code_list(choices, name):
    assert choices.choices == codelists.all_choices(name)


@pytest.mark.parametrize(("form", "field", "name"), FORMS)
def test_a_form_offers_the_code_list_of_the_current_year(form, field, name):
    offered = [(code, words) for code, words in form().fields[field].choices if code]
    year = codelists.current_year()
    assert offered == codelists.choices(name, year=year, for_new_recording=True)

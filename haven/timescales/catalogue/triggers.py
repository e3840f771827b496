"""The events that start a clock: "<app that records it>.<what happened>".

The event's date is the trigger date; where that date is not simply "the day it
happened", the meaning says which date it is.
"""

from collections.abc import Mapping
from types import MappingProxyType

TRIGGERS: Mapping[str, str] = MappingProxyType(
    {
        # Front door and assessment
        "frontdoor.contact_received": (
            "A contact or referral about a child reached children's social care"
        ),
        "frontdoor.referral_received": (
            "A referral was received (the point of referral, not allocation)"
        ),
        "assessments.assessment_started": (
            "A single assessment started (its actual start date, which a referral "
            "ending in no further action never has)"
        ),
        # Child protection
        "protection.significant_harm_suspected": (
            "There was reasonable cause to suspect a child is suffering, or is "
            "likely to suffer, significant harm"
        ),
        "protection.section_47_enquiry_started": (
            "A strategy discussion started section 47 enquiries (the date of that "
            "strategy discussion, not of any later one)"
        ),
        "protection.initial_conference_recommended": (
            "A strategy meeting recommended an initial child protection conference"
        ),
        "protection.child_protection_plan_started": (
            "An initial child protection conference made the child subject of a "
            "child protection plan (the date of the conference)"
        ),
        "protection.core_group_held": "A core group meeting was held",
        "protection.conference_arranged": (
            "A child protection conference was booked (for a transfer-in "
            "conference: the day the move became known here)"
        ),
        "protection.review_conference_held": (
            "A review child protection conference was held"
        ),
        "protection.pre_birth_plan_child_born": (
            "A baby subject to a pre-birth child protection plan was born"
        ),
        "protection.serious_incident_became_known": (
            "The local authority became aware of a serious child safeguarding incident"
        ),
        "protection.local_practice_review_commissioned": (
            "The safeguarding partners decided to undertake a local child "
            "safeguarding practice review"
        ),
        "protection.allegation_against_adult_became_known": (
            "An employer became aware of an allegation against someone who works "
            "with children"
        ),
        # Children in need
        "cin.child_in_need_plan_started": "A child in need plan started",
        # Looked-after children
        "care.period_of_care_started": (
            "The child became looked after (the first placement of a period of care)"
        ),
        "care.placement_started": "A placement started (any placement)",
        "care.out_of_area_placement_proposed": (
            "A placement outside the local authority's area was proposed"
        ),
        "care.temporary_approval_extended": (
            "A connected person's temporary approval was extended (the date the "
            "original 16 weeks end)"
        ),
        "care.health_assessment_completed": "A health assessment was completed",
        "care.pep_reviewed": "A personal education plan was reviewed",
        "care.first_review_held": "The first looked-after child review was held",
        "care.second_review_held": "The second looked-after child review was held",
        "care.review_held": "A looked-after child review was held",
        "care.early_review_required": (
            "An event under CPPCR reg 33(3) means a review must be brought forward"
        ),
        "care.significant_change_proposed": (
            "A significant change to the care plan was proposed"
        ),
        "care.statutory_visit_made": "A statutory visit to the child was made",
        "care.care_order_made": "A full care order was made",
        "care.visit_requested": (
            "The child, carer or a parent reasonably asked for a visit, or the local "
            "authority was told of a concern"
        ),
        "care.short_break_started": "The child's first short break started",
        "care.secure_placement_started": (
            "The child was placed in secure accommodation"
        ),
        "care.former_looked_after_child_detained": (
            "A former looked-after child was first detained"
        ),
        "care.child_returned_from_missing": (
            "A child was found or returned after going missing from home or care"
        ),
        "care.repeat_missing_episodes_recorded": (
            "A child went missing repeatedly (the local protocol's threshold was met)"
        ),
        "care.independent_person_visit_made": (
            "An independent person visited a children's home (reg 44)"
        ),
        "care.quality_of_care_review_completed": (
            "A children's home completed a review of the quality of care (reg 45)"
        ),
        "care.restraint_used": (
            "Restraint or another control measure was used in a children's home"
        ),
        "care.serious_event_occurred": (
            "A serious event happened in a children's home (death, serious injury, "
            "police involvement, absconding...)"
        ),
        # Care leavers
        "care.became_eligible_child": (
            "The child became an eligible child (16th birthday, or later when "
            "eligibility came later)"
        ),
        "care.leaving_care_assessment_completed": (
            "An eligible child's needs assessment was completed"
        ),
        "care.became_relevant_child": "The young person became a relevant child",
        "care.return_to_education_notified": (
            "A former relevant child told the local authority they are returning to "
            "education or training (CA89 s23CA(1)(c))"
        ),
        "care.pathway_plan_reviewed": "A pathway plan was reviewed",
        "care.pathway_review_scheduled": (
            "A pathway plan review was booked (the date of the review)"
        ),
        "care.leaving_care_accommodation_provided": (
            "Accommodation was first provided under CA89 s23B or s24B"
        ),
        "care.personal_adviser_visit_made": (
            "The personal adviser visited the young person's accommodation"
        ),
        "care.ceased_to_be_looked_after": "The child ceased to be looked after",
        # Adoption
        "adoption.authority_to_place_granted": (
            "The agency first had authority to place the child for adoption"
        ),
        "adoption.child_placed_for_adoption": "The child was placed for adoption",
        "adoption.panel_recommendation_received": (
            "The agency decision maker received the panel's recommendation and "
            "final minutes"
        ),
        "adoption.registration_of_interest_received": (
            "A prospective adopter's registration of interest was received"
        ),
        "adoption.stage_two_started": (
            "A prospective adopter notified the agency they wish to start stage 2"
        ),
        # Fostering
        "fostering.carer_approved": "A foster carer was approved",
        # Private fostering
        "private_fostering.arrangement_proposed": (
            "A private fostering arrangement was proposed (the proposed start date)"
        ),
        "private_fostering.proposal_notified": (
            "The local authority received notice of a proposed arrangement (reg 3)"
        ),
        "private_fostering.arrangement_notified": (
            "The local authority received notice of an arrangement (regs 5-6)"
        ),
        "private_fostering.arrangement_became_known": (
            "The local authority became aware of a private fostering arrangement"
        ),
        "private_fostering.child_moved_in": (
            "The child went to live with the private foster carer"
        ),
        "private_fostering.arrangement_ended": (
            "The private fostering arrangement ended"
        ),
        # Court and emergency powers
        "court.care_application_issued": (
            "An application for a care or supervision order was issued"
        ),
        "court.emergency_protection_order_made": (
            "An emergency protection order was made"
        ),
        "court.police_protection_started": (
            "The police took the child into police protection"
        ),
        "court.child_assessment_order_started": (
            "A child assessment order took effect (the date the order specifies)"
        ),
        "court.interim_care_order_made": "An interim care order was made",
        "court.special_guardianship_application_planned": (
            "Someone intends to apply for a special guardianship order (the date "
            "they intend to apply)"
        ),
        # SEND
        "send.assessment_requested": (
            "An EHC needs assessment was requested, or the local authority became "
            "responsible for the child or young person"
        ),
        "send.advice_requested": (
            "Advice or information for an EHC needs assessment was requested"
        ),
        "send.draft_plan_served": "A draft EHC plan was served",
        "send.plan_finalised": "An EHC plan was first made (finalised)",
        "send.annual_review_meeting_held": "An EHC plan review meeting was held",
        "send.amendments_proposed": (
            "Proposed amendments to an EHC plan were sent after a review"
        ),
        "send.phase_transfer_window_opened": (
            "The child or young person came within 12 months of a transfer between "
            "phases of education"
        ),
        "send.post16_transfer_planned": (
            "A move between post-16 institutions was proposed (the transfer date)"
        ),
        "send.tribunal_order_made": "The First-tier Tribunal made an order",
        # Complaints
        "complaints.complaint_received": "A complaint was received (stage 1)",
        "complaints.stage_two_requested": "The complainant asked for stage 2",
        "complaints.review_panel_requested": (
            "The complainant asked for a review panel (stage 3)"
        ),
        "complaints.review_panel_held": "The review panel met",
        "complaints.panel_report_received": (
            "The local authority received the review panel's report"
        ),
    }
)

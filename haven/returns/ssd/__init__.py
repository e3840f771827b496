"""The Standard Safeguarding Dataset (data-to-insight's ssd-data-model): the
sector's shared model of children's social care records, extracted here for a
collection year (1 April to 31 March) from the same records as the work and
the statutory returns, one CSV per SSD table (tables.py), so a regional
analyst reads Haven's data in the shape they already use. It names children
and gives their addresses, so the returns page refuses it to a reader from
whom any child in it is restricted.

Filled: ssd_person, ssd_family (households), ssd_mother (each mother among
them to each of her children, as pers_is_mother reads the relationships),
ssd_address, ssd_disability,
ssd_immigration_status (recorded statuses and UASC), ssd_linked_identifiers
(NHS number, UPN, former UPNs), ssd_legal_status, ssd_contacts,
ssd_early_help_episodes, ssd_cin_episodes, ssd_cin_assessments,
ssd_assessment_factors, ssd_cin_plans, ssd_cin_visits, ssd_s47_enquiry,
ssd_initial_cp_conference, ssd_cp_plans, ssd_cp_visits, ssd_cp_reviews,
ssd_cla_episodes, ssd_cla_placement, ssd_cla_reviews, ssd_cla_visits,
ssd_cla_previous_permanence, ssd_permanence, ssd_missing, ssd_cla_health,
ssd_cla_immunisations, ssd_sdq_scores, ssd_cla_substance_misuse,
ssd_cla_convictions, ssd_care_leavers, ssd_professionals, ssd_involvements,
ssd_department, ssd_send, ssd_ehcp_requests, ssd_ehcp_assessment,
ssd_ehcp_named_plan, ssd_ehcp_active_plans, ssd_sen_need.

Written with their header only, and why:
- ssd_pre_proceedings: Haven does not record the Public Law Outline's
  pre-proceedings stage (letters, meetings, legal gateway decisions); the CIN
  census leaves its PreProceedings block out for the same reason.
- ssd_voice_of_child: the SSD's yes/no answers from a child's own app are not
  asked in Haven; the child's views are free text on assessments and reviews.
- ssd_s251_finance: the SSD holds only placeholders for it (no fields defined).
- ssd_cla_care_plan: care plans are recorded (haven.care.models.CarePlan), but
  their permanence plan is free text, not the SSD's code list; not exported yet.

Columns left blank because Haven does not hold them: pers_nationality, team
and worker on referrals (allocations are in ssd_involvements), an assessment's
child seen (recorded on the visit's case note, not the assessment), review due
dates (due dates come from the timescale engine, not a stored column),
conference quorum and participation, agency worker and FTE for professionals,
the siblings and foster-for-adoption fields of ssd_permanence, and the
reasons given as free text (early help reason, substance misused)."""

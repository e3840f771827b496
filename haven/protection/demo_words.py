"""What the demo's child protection records say: who took part in a strategy
discussion, who came to a conference, and a plan's concerns for each category
of abuse. All invented; the agencies are the ones Working Together 2023 names."""

# (name, agency, role): the social worker is added from the child's own.
PARTNERS = (
    ("DC Priya Castell", "Police", "Detective constable, child abuse investigation"),
    ("Dr Owen Fairlie", "Health", "Named doctor for safeguarding"),
    ("Jo Hartside", "Health", "Health visitor"),
    ("Mrs Anika Rowe", "Education", "Designated safeguarding lead"),
)
ATTENDANCE = (
    # (agency, name, role, attended, report)
    ("Police", "DC Priya Castell", "Detective constable", True, True),
    ("Health", "Jo Hartside", "Health visitor", True, True),
    ("Education", "Mrs Anika Rowe", "Designated safeguarding lead", True, True),
    ("Health", "Dr Owen Fairlie", "GP", False, True),
    ("Probation", "Sam Letts", "Probation officer", False, False),
)
SHARED = (
    "The school's account of the bruising and what the child said; police "
    "records of two call-outs to the address; the health visitor's concerns.",
    "Police attended a domestic incident last night with the children present; "
    "the school and GP shared what they know of the family.",
    "The hospital's report of an injury not explained by the account given; "
    "the family's history with children's services.",
    "The children were found alone at home late at night; the neighbours and "
    "the school described a pattern over some weeks.",
)
ACTIONS = (
    "Joint visit by the police and the social worker today; the child seen "
    "alone. A medical with the paediatrician tomorrow.",
    "Social worker visits today and agrees a safety plan with mother; police "
    "check on the other adult in the household.",
)
NO_S47 = (
    "The injury has an accidental explanation the hospital accepts; the family "
    "will have a single assessment of their needs instead."
)
FAMILY_VIEWS = (
    "Mother accepts there are problems at home and wants help; father did not "
    "attend and disputes the concerns."
)
CHILD_VIEWS = (
    "Told the social worker they feel safe at school and want things at home "
    "to be calmer."
)
PROGRESS = (
    "Mother has attended every appointment; home conditions have improved. "
    "The school report better attendance.",
    "Some progress: the children are being taken to school, but the home was "
    "in poor condition at the last unannounced visit.",
    "Father has started the domestic abuse perpetrator programme; mother has "
    "kept to the safety plan.",
)

# A category's concerns: (concern, what must change, the family will, the
# agencies will, how progress will be seen, if not).
CONCERNS: dict[str, tuple[tuple[str, str, str, str, str, str], ...]] = {
    "NEG": (
        (
            "The children are often hungry, unwashed and late or absent from school",
            "The children have regular meals, clean clothes and go to school every day",
            "Mother will keep to a morning and bedtime routine and shop weekly",
            "The family support worker will visit twice a week; the school will "
            "report attendance every Friday",
            "Attendance over 95%; the children clean and fed at every visit",
            "The social worker will ask for a legal planning meeting",
        ),
    ),
    "EMO": (
        (
            "The children witness domestic abuse between the adults at home",
            "The children live free from violence and shouting at home",
            "Mother will keep to the safety plan; father will join the perpetrator "
            "programme and not stay at the home",
            "Police will flag the address; the domestic abuse service will support "
            "mother weekly",
            "No call-outs to the address; the children say home is calmer",
            "A review conference sooner, and legal advice on protecting the children",
        ),
    ),
    "PHY": (
        (
            "The child had bruising that the adults could not explain",
            "The child is never hit or hurt by the adults caring for them",
            "The parents will attend a parenting programme and use no physical "
            "punishment",
            "School will check on the child daily and tell the social worker of "
            "any mark; the health visitor will visit fortnightly",
            "No injuries; the child says they feel safe at home",
            "A strategy discussion and, if needed, an application to court",
        ),
    ),
    "SAB": (
        (
            "The child has been in contact with an adult who poses a risk of "
            "sexual harm",
            "The child has no contact with that adult",
            "Mother will not allow the adult into the home and will tell the "
            "social worker of any contact",
            "Police will monitor the adult's conditions; the school will support "
            "the child with a trusted adult",
            "No contact found at visits; the child can say who keeps them safe",
            "The social worker will ask for a legal planning meeting",
        ),
    ),
}
CONCERNS["MUL"] = CONCERNS["NEG"] + CONCERNS["EMO"]

# DfE, Characteristics of children in need, 2023-24: the initial category of
# abuse of plans starting in the year (neglect about half, emotional abuse
# nearly two in five, then physical, sexual and multiple), rounded.
CATEGORY_WEIGHTS = {"NEG": 50, "EMO": 37, "PHY": 7, "SAB": 4, "MUL": 2}

STEP_DOWN = (
    (
        "The children have regular meals and go to school every day",
        "Mother, with the family support worker",
        "A strategy discussion is considered",
    ),
    (
        "Mother keeps to the safety plan and attends the support group",
        "Mother and the domestic abuse service",
        "The social worker reviews the risk with the manager",
    ),
)

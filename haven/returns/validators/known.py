"""The validators' own faults: rules that fire on right data (validators.md).

Each is listed once, with the reason in words and the condition under which
the rule is known to be wrong. A rule that fires under its condition is shown
as a known fault of the validator, never as an error in the child's record;
the same rule firing otherwise is an error like any other.

The conditions read facts about each child that run.py notes from the files
it hands the validator (tags below), so they need no second look at the data.
"""

from dataclasses import dataclass

# Tags run.py notes for a child from the SSDA903 files.
OPEN_MISSING = "open_missing"  # a missing episode with no end (open on 31 March)
RNE_T = "rne_t"  # an episode started for a change of legal status and placement
RNE_U = "rne_u"  # an episode started for a change of placement, same carers
SHORT_BREAK_URN = "short_break_urn"  # a V3/V4 short break with a provider's URN
K3 = "k3"  # placed in supported accommodation (K3)
# The child has social worker episodes in the return.
HAS_SOCIAL_WORKERS = "has_social_workers"
# The child's care ended in the year (an episode ends with a REC other than X1).
LEFT_CARE = "left_care"
# Every placement postcode is in the ONS postcode directory Haven holds.
REAL_PLACEMENT_POSTCODES = "real_placement_postcodes"
# A CIN census with fewer children than this is too small for the return-level
# statistics (2886Q-2888Q) to say anything.
SMALL_RETURN = 200


@dataclass(frozen=True)
class Known:
    rule: str
    reason: str
    tag: str = ""  # the child must carry it; "" for every child
    years: tuple[int, ...] = ()  # the collection years it is wrong in; () all
    small_return: bool = False  # wrong only on a small return


KNOWN_903 = (
    Known(
        "575",
        "it fills a blank missing end date with 31 March before checking, so a "
        "missing episode still open on 31 March looks closed",
        OPEN_MISSING,
    ),
    Known(
        "577",
        "it fills a blank missing end date with 31 March before checking, so a "
        "missing episode still open on 31 March looks closed",
        OPEN_MISSING,
    ),
    Known(
        "435",
        "it treats reason for new episode T (legal status and placement both "
        "changed) as if it were P (placement only)",
        RNE_T,
    ),
    Known(
        "436",
        "it treats reason for new episode U (placement changed, same carers) as "
        "if it were B",
        RNE_U,
    ),
    Known(
        "214",
        "rules 214 and 218 contradict each other for short breaks with a "
        "provider's URN: one of them fires whatever is recorded",
        SHORT_BREAK_URN,
    ),
    Known(
        "218",
        "rules 214 and 218 contradict each other for short breaks with a "
        "provider's URN: one of them fires whatever is recorded",
        SHORT_BREAK_URN,
    ),
    Known(
        "146",
        "the 2024-25 rule accepts supported accommodation only as a lowercase "
        "'k3', which no return writes",
        K3,
        years=(2025,),
    ),
    Known(
        "SW12STG2",
        "it compares every social worker episode with every start and end of "
        "care, and an open episode's end with a blank date, so a worker "
        "allocated before care began (or after it ended), or a care episode "
        "open on 31 March that is not the first, makes it fire however "
        "complete the social worker history (0.1.17; shown on a one-child "
        "file). A child with no social worker episode at all is still an error",
        HAS_SOCIAL_WORKERS,
    ),
    Known(
        "SW12STG2",
        "it contradicts SW17STG2 for a child who left care in the year: "
        "SW17STG2 wants every child in the social worker table to have an "
        "episode open on 31 March, which a child whose case has closed cannot "
        "have, so Haven reports social workers for the children looked after "
        "on 31 March and this rule then fires for the children who left",
        LEFT_CARE,
    ),
    Known(
        "169",
        "it finds the placement's authority in a 2021 table of district codes, "
        "so a real postcode in a district recoded since (Barnsley: E08000038 "
        "in the ONS directory, E08000016 in its table) is called invalid",
        REAL_PLACEMENT_POSTCODES,
    ),
    Known(
        "1002",
        "it looks back only two years for a care leaver's earlier care, so a "
        "care leaver who left care longer ago is flagged",
    ),
)

_SMALL = (
    "a statistic over the whole return, which says nothing about a return of "
    f"fewer than {SMALL_RETURN} children"
)
KNOWN_CIN = (
    Known("2886Q", _SMALL, small_return=True),
    Known("2887Q", _SMALL, small_return=True),
    Known("2888Q", _SMALL, small_return=True),
)

# 0.1.17 reads a column under the wrong name in these rules, so they crash on
# every file: the rule is not checked, which is the validator's fault.
CRASH_ON_EVERY_FILE = frozenset({"231", "233"})


def known_fault(
    catalogue: tuple[Known, ...],
    rule: str,
    year: int,
    tags: frozenset[str],
    children: int,
) -> Known | None:
    """The known fault a firing of `rule` is, or None when it is a real one."""
    for known in catalogue:
        if known.rule != rule or (known.years and year not in known.years):
            continue
        if known.tag and known.tag not in tags:
            continue
        if known.small_return and children >= SMALL_RETURN:
            continue
        return known
    return None

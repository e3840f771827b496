"""Re-referrals: of the referrals received in each month, the per cent within
12 months of the child's previous referral, worked out from the referrals
themselves by the rule the children in need app keeps
(cin.selectors.previous_referral_among), with a duplicate record's referrals
counted as its surviving record's."""

from haven.cin import selectors as cin
from haven.cin.models import CinEpisode
from haven.reporting.figures import Figure, Item, declare
from haven.reporting.spans import Span
from haven.timescales.calendar import add_months

MONTHS = 12


def _re_referrals(span: Span) -> list[Item]:
    episodes = list(
        CinEpisode.objects.filter(
            referral_date__gte=add_months(span.first, -MONTHS),
            referral_date__lte=span.last,
        )
        .order_by("referral_date", "pk")
        .values("pk", "person_id", "referral_date", "person__merged_into_id")
    )
    by_child: dict[int, list[CinEpisode]] = {}
    for row in episodes:
        child = row["person__merged_into_id"] or row["person_id"]
        episode = CinEpisode(
            pk=row["pk"], person_id=row["person_id"], referral_date=row["referral_date"]
        )
        by_child.setdefault(child, []).append(episode)
    items = []
    for child, theirs in by_child.items():
        for episode in theirs:
            month = span.month_of(episode.referral_date)
            if month is None:
                continue
            previous = cin.previous_referral_among(
                theirs, episode.referral_date, MONTHS
            )
            items.append(
                Item(
                    child,
                    month.key,
                    episode.referral_date,
                    hit=previous is not None,
                    details=(
                        episode.referral_date,
                        previous.referral_date if previous else None,
                    ),
                )
            )
    return items


RE_REFERRALS = declare(
    Figure(
        key="re_referrals",
        name="Re-referrals within 12 months",
        counts="Of the referrals received in each month, the per cent within 12 "
        "months of the child's previous referral",
        source="A referral opens a child in need episode; it is a re-referral "
        "when the child's previous referral was received within the 12 months "
        "before it, as the DfE's children in need statistics count them from "
        "the CIN census ReferralDate. Fewer is better.",
        compute=_re_referrals,
        unit="referrals",
        rate=True,
        hit_words=("Re-referral", "First in 12 months"),
        columns=("Referred", "Previous referral"),
        team_words="the team holding the child's case on the day of the referral",
    )
)

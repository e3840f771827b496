"""The council's published local offer for care leavers (Children and Social
Work Act 2017 s2: each authority publishes the services it offers them), read
from the HAVEN_CARE_LEAVERS_LOCAL_OFFER_URL setting: local practice, not a
value Haven can know."""

from dataclasses import dataclass

from django.conf import settings

SOURCE = "Children and Social Work Act 2017 s2 (the local offer for care leavers)"


@dataclass(frozen=True)
class LocalOffer:
    url: str
    source: str = SOURCE


def local_offer() -> LocalOffer | None:
    """Where the local offer is published; None while the council has not set it."""
    url = str(getattr(settings, "HAVEN_CARE_LEAVERS_LOCAL_OFFER_URL", "")).strip()
    return LocalOffer(url) if url else None

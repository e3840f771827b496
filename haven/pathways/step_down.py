"""Step down: when social care closes a child in need episode, early help takes
the family on. Closing with step down asks early help for a new request (unless
the family has one open), and early help takes the child's case from the social
worker. Registered with children in need (haven.cin.handoffs) in plugin.py and
run inside the closing transaction."""

import datetime as dt

from haven.cin.handoffs import BeyondSocialCare
from haven.cin.models import CinEpisode
from haven.core.models import User
from haven.earlyhelp import selectors as earlyhelp
from haven.earlyhelp.handoffs import take_over_case
from haven.earlyhelp.services import request_early_help
from haven.people.models import Person


class ToEarlyHelp(BeyondSocialCare):
    def open_help(self, person: Person) -> int | None:
        request = earlyhelp.open_request(person)
        return request.pk if request is not None else None

    def step_down(self, episode: CinEpisode, *, by: User) -> None:
        assert episode.closed_on is not None
        request_early_help(
            episode.person,
            requested_on=episode.closed_on,
            reason=episode.closing_summary,
            source="step_down",
            contact_id=episode.contact_id,
            by=by,
        )

    def take_over(self, person: Person, *, on: dt.date, by: User) -> bool:
        return take_over_case(person, on=on, by=by)

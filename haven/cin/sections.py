"""Parts of each episode on a child's children in need page that other apps add.

CIN sits below the apps that work on an episode, so it cannot import them. An
app with something to show for an episode (its assessments) registers a section
in its AppConfig.ready:

    episode_section("assessments", "assessments/_episode_rows.html",
                    buttons="assessments/_episode_buttons.html", order=10)(source)

where `source(episode, user)` returns the section's context, or None to leave it
out. Its `rows` template is rendered in the episode's summary list (before its
plans); its `buttons` template, if any, among the episode's buttons, for a user
who may record casework while the episode is open.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from haven.cin.models import CinEpisode
from haven.core.models import User

Context = dict[str, Any]
Source = Callable[[CinEpisode, User], Context | None]


@dataclass(frozen=True)
class Section:
    key: str
    rows: str
    buttons: str
    order: int
    source: Source


@dataclass(frozen=True)
class Shown:
    rows: str
    buttons: str
    context: Context


EPISODE_SECTIONS: dict[str, Section] = {}


def episode_section(
    key: str, rows: str, *, order: int, buttons: str = ""
) -> Callable[[Source], Source]:
    def register(source: Source) -> Source:
        if key in EPISODE_SECTIONS:
            raise ImproperlyConfigured(f"The episode section {key!r} is declared twice")
        EPISODE_SECTIONS[key] = Section(key, rows, buttons, order, source)
        return source

    return register


def sections_for(episode: CinEpisode, user: User) -> list[Shown]:
    """The contributed sections to show for this episode, in order."""
    shown = []
    for section in sorted(EPISODE_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        context = section.source(episode, user)
        if context is not None:
            shown.append(Shown(section.rows, section.buttons, context))
    return shown

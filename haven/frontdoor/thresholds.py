"""The council's continuum of need: the threshold levels a front door decision is
graded with.

Each council names its own levels (its threshold document), so they come from
the setting HAVEN_THRESHOLD_LEVELS (haven/settings.py, listed in the README), lowest
first. A decision stores the level's words, so a decision keeps the level it was
given after the council renames its levels.
"""

from django.conf import settings


def threshold_levels() -> list[str]:
    return list(settings.HAVEN_THRESHOLD_LEVELS)

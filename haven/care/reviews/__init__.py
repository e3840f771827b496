"""A looked-after child's reviews, chaired by their independent reviewing
officer (IRO): the reviews themselves (CPPCR Part 6, reg 33) with the child's
participation and the IRO's recommendations, each an action with an owner and
a due date on that owner's My work; the IRO's visits and midway checks between
reviews; and the IRO's escalations under the dispute resolution protocol.

The IRO is a case role (an allocation, haven/casework); the reviews' due dates
are the timescale engine's obligations (LAC-REVIEW-1, -2, -N, LAC-IRO-APPT)."""

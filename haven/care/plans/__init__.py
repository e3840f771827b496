"""A looked-after child's care plan, its plan for permanence, and the placement
plan for each placement (CPPCR regs 4-6 and 9).

Each plan is a chain of versions (versions.py): recording one supersedes the
last and says what changed and why (recording.py), which meets the timescales
LAC-CAREPLAN, LAC-PERM-PLAN and LAC-PLACEPLAN; the child's page shows the
plans now in force and where they are due (section.py), and each plan's
history is one page (views.py).
"""

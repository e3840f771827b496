"""Paying carers and providers from the placements (issue 17): rates, what is
owed, payment runs and the payment file. Finance reads care's placements and
never keeps a copy of them (design principle 1)."""

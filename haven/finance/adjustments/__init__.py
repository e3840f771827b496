"""Adjustments: correcting days paid in past runs when care's records or the
rates have changed since.

For each placement, provider and past day in the window a run compares, the
net weekly rate paid (the sum of the weekly rates of the paid lines covering
that day) is set against the weekly rate owed now (haven.finance.owed's rule;
0 when the child is not placed there). A difference becomes a line of the
run: arrears (owed and never paid: the day's first payment), a rate
difference, or a recovery (not placed: minus what was paid). `compare` is the
pure rule, `reasons` its words, `window` how far back it looks, `read` reads
the rows, and `balances` carries an overpayment from run to run.
"""

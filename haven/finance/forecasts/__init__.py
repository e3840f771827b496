"""Commitments forecast from the placements, budgets, actuals and the outturn."""

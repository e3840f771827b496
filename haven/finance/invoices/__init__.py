"""Providers' invoices, matched against what the placements say is owed."""

"""Payment details: the bank account each provider, and each of the
authority's own foster carers, is paid into; changed only by two finance
officers, and shown masked everywhere but the ledger's payment file."""

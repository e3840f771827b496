"""Remittance advice: what one run pays one payee, line by line, as a page to
print and as a PDF, with the account it is paid into masked."""

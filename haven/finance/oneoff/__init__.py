"""One-off payments (setting up home, birthday, holiday, other): requested
by one finance officer, approved by a second, paid in the payee's next run."""

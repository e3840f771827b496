"""Adoption: the decision that a child should be placed for adoption, matching,
placement for adoption, the adoption order, and previous permanence (issue 16).
The adopters' identity and address are sealed: only adoption workers read them."""

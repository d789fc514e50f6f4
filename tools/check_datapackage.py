#!/usr/bin/env python3
"""Checks that validating data/datapackage.json checks real things.

Validates data/ as it is (must be valid), then breaks a scratch copy of data/ one way at a time and
confirms that frictionless reports the expected error. data/ itself is never touched.

Each broken copy is checked twice where it matters: as broken (so the file no longer matches its
`hash`/`bytes`), and with `hash`/`bytes` updated to the broken file, so that the data check itself
(foreign key, type, constraint) has to find the fault.

Usage: python3 tools/check_datapackage.py [scratch dir]   (needs frictionless 5, e.g. 5.18.1)
"""
import csv
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path

from frictionless import Package

DATA = Path(__file__).resolve().parent.parent / "data"


def validate(root):
    report = Package(str(root / "datapackage.json")).validate()
    found = {(None, e.type) for e in report.errors}
    found |= {(task.name, e.type) for task in report.tasks for e in task.errors}
    return report.valid, sorted(found, key=str)


def edit_csv(root, name, change):
    path = root / "csv" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    change(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def edit_descriptor(root, change):
    path = root / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    change(desc)
    path.write_text(json.dumps(desc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def rehash(root):
    """Makes every resource's bytes/hash match its (broken) file again."""
    def change(desc):
        for r in desc["resources"]:
            data = (root / r["path"]).read_bytes()
            r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
    edit_descriptor(root, change)



def set_cell(name, column, value, row=1):
    def change(rows):
        rows[row][rows[0].index(column)] = value
    return lambda root: edit_csv(root, name, change)


def append_row(name, values):
    return lambda root: edit_csv(root, name, lambda rows: rows.append(values))


def drop_type(names):
    def change(desc):
        for r in desc["resources"]:
            if r["name"] in names:
                del r["type"]
    return lambda root: edit_descriptor(root, change)


def touch_json(root):
    p = root / "areas" / "commerce.json"
    p.write_text(p.read_text(encoding="utf-8").replace("25%", "26%", 1), encoding="utf-8")


AREA_FILES = [f"area-{p.stem}-json" for p in sorted((DATA / "areas").glob("*.json"))]

# (what, break, rehash?, expected (resource, error type) pairs)
CASES = [
    ("department id with no record", append_row("task_departments", ["commerce.cross-border-trade", "no-such-dept", "某厅"]),
     True, {("task_departments", "foreign-key")}),
    ("city code with no record", append_row("task_cities", ["commerce.cross-border-trade", "449900", "某市", "direct"]),
     True, {("task_cities", "foreign-key")}),
    ("region with no record", set_cell("cities", "region", "south"), True, {("cities", "foreign-key")}),
    ("task of an unknown area (tasks is referenced by task_*)", set_cell("tasks", "area", "space"), True,
     {("tasks", "foreign-key")}),
    ("target of an unknown area", set_cell("targets", "area", "space"), True, {("targets", "foreign-key")}),
    ("quote in an unknown paragraph", set_cell("milestones", "paragraph", "p999"), True,
     {("milestones", "foreign-key")}),
    ("value that is not a number", set_cell("targets", "value", "5.6万"), True, {("targets", "type-error")}),
    ("negative value", set_cell("targets", "value", "-5"), True, {("targets", "constraint-error")}),
    ("comparator outside the enum", set_cell("targets", "comparator", "about"), True,
     {("targets", "constraint-error")}),
    ("mention kind outside the enum", set_cell("task_cities", "kind", "indirect"), True,
     {("task_cities", "constraint-error")}),
    ("year that is not a year", set_cell("milestones", "year", "2017年"), True, {("milestones", "type-error")}),
    ("missing quote", set_cell("targets", "quote", ""), True, {("targets", "constraint-error")}),
    ("duplicate primary key", set_cell("targets", "target_id", "overall.internet-innovation-incubation-bases.2017", 2),
     True, {("targets", "primary-key")}),
    ("adcode that is not a code", set_cell("cities", "adcode", "4401"), True, {("cities", "constraint-error")}),
    ("CSV changed, hash not updated", set_cell("regions", "name_en", "Pearl River"), False,
     {("regions", "hash-count"), ("regions", "byte-count")}),
    ("JSON file changed, hash not updated", touch_json, False, {("area-commerce-json", "hash-count")}),
    ("area JSON files without \"type\": \"json\"", drop_type(AREA_FILES), False,
     {(None, "inquiry-task-error")}),
]


def main():
    scratch = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="dp-check-"))
    valid, errors = validate(DATA)
    print(f"data/ as generated: {'valid' if valid else 'INVALID'} {errors}")
    failures = 0 if valid else 1
    for what, breaker, fix_hash, expected in CASES:
        root = scratch / "data"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(DATA, root)
        breaker(root)
        if fix_hash:
            rehash(root)
        valid, errors = validate(root)
        got = set(errors)
        ok = not valid and expected <= got
        failures += not ok
        extra = sorted(got - expected)
        print(f"{'ok ' if ok else 'FAIL'} {what}: {'invalid' if not valid else 'VALID'}, "
              f"{sorted(expected & got)}{' + ' + str(extra) if extra else ''}")
    print(f"{len(CASES)} broken copies in {scratch}, {failures} unexpected result(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

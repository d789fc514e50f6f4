#!/usr/bin/env python3
"""Builds data/ from the plan text and the hand-curated files in tools/curated/.

Mechanical parts (the document's paragraphs, each task's text, its departments as written and the
cities it names) are read from the plan; judgement (indicators, units, comparators, notes, English
names and translations, department identities) comes from tools/curated/. The Rust tests check
the result against the plan independently, so a mistake here fails CI.

It also writes the same records as flat tables in data/csv/ (tools/package_tables.py) and the Data
Package descriptor data/datapackage.json (tools/package_descriptor.py). Check them with
`python3 -m frictionless validate data/datapackage.json` and `python3 tools/check_datapackage.py`.

Usage: python3 tools/build_data.py [path/to/plan.txt]   (default: data/source/…, a copy of ../shared/seed/…)
"""
import json
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no tools/__pycache__ from the two modules below
import package_descriptor  # noqa: E402
import package_tables  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "tools" / "curated"
DATA = ROOT / "data"
SEED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "source" / "guangdong-internet-plus-2015-2020.txt"
# The boundaries come from ../shared/geo when it is there; a plain clone rebuilds from its own
# published copy in data/geo/ (the same two files, copied unchanged).
GEO = ROOT.parent / "shared" / "geo"
if not (GEO / "guangdong-cities.geojson").is_file():
    GEO = ROOT / "data" / "geo"

VERSION = "0.1.0"
LAST_UPDATED = "2026-11-29"

# A line that ends without one of these, and is not a heading, was broken mid-sentence in the source.
TERMINAL = "。：）)”"
TOP_HEADING = re.compile(r"^([一二三四五六七八九十]+)、")
NUMERALS = "一二三四五六七八九十"


def numeral(text):
    """一 → 1 … 十三 → 13."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + NUMERALS.index(text[1]) + 1
    if len(text) == 2 and text.endswith("十"):
        return (NUMERALS.index(text[0]) + 1) * 10
    return NUMERALS.index(text) + 1


def paragraphs(seed_text):
    """Non-empty lines, with lines broken mid-sentence joined to the next."""
    out, open_ = [], False
    for line in (l.strip() for l in seed_text.splitlines()):
        if not line:
            continue
        if open_:
            out[-1] += line
        else:
            out.append(line)
        is_heading = len(out) == 1 or TOP_HEADING.match(line) or line.startswith("附：")
        open_ = not (line[-1] in TERMINAL or is_heading)
    return out


def build_document(seed_text):
    doc, top, sub = [], None, None
    for i, text in enumerate(paragraphs(seed_text)):
        kind = "text"
        if i == 0:
            section, kind = "title", "title"
        elif m := TOP_HEADING.match(text):
            top, sub = numeral(m.group(1)), None
            section, kind = str(top), "heading"
        elif text.startswith("附："):
            top, sub = "A", None
            section, kind = "A", "heading"
        elif m := re.match(r"^[（(]([一二三四五六七八九十]+)[）)]", text):
            sub = numeral(m.group(1))
            section = f"{top}.{sub}"
            # "(一) 指导思想。" and "（一）互联网+创业创新。" are headings; "（一）加强组织领导。…" is text.
            kind = "heading" if text.endswith("。") and text.count("。") == 1 else "text"
        else:
            section = "0" if top is None else (f"{top}.{sub}" if sub else str(top))
            if re.match(r"^\d\. [^。]*。$", text) or re.match(r"^\d\. (工作目标|重点任务)。$", text):
                kind = "heading"
        doc.append({"id": f"p{i:03d}", "section": section, "kind": kind, "text": text})
    return doc


def load(name):
    return json.loads((CURATED / name).read_text(encoding="utf-8"))


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


INSTITUTIONS = ["中国信息通信研究院广州分院", "中国电信广州研究院", "国家知识产权局区域（广州）中心"]
NOT_PLACES = ["中山大学"]


def city_mentions(body, cities):
    """Cities named in a task's body (its department parenthesis excluded)."""
    found = {}
    masked = body
    for name in NOT_PLACES:
        masked = masked.replace(name, "＃" * len(name))
    inst_hits = []
    for inst in INSTITUTIONS:
        if inst in masked:
            inst_hits.append(inst)
            masked = masked.replace(inst, "＃" * len(inst))
    for c in cities:
        if c["short_zh"] in masked:
            found[c["adcode"]] = {"adcode": c["adcode"], "as_written": c["short_zh"], "kind": "direct"}
    for inst in inst_hits:
        for c in cities:
            if c["short_zh"] in inst and c["adcode"] not in found:
                found[c["adcode"]] = {"adcode": c["adcode"], "as_written": inst, "kind": "institution"}
    order = {c["adcode"]: body.find(c["short_zh"]) for c in cities}
    return sorted(found.values(), key=lambda m: order[m["adcode"]])


def split_departments(text):
    m = re.search(r"（([^（）]*)负责）$", text)
    if not m:
        raise SystemExit(f"no department parenthesis in: {text[:40]}…")
    raw = m.group(1).split("、")
    return text[: m.start()], raw


def main():
    seed_text = SEED.read_text(encoding="utf-8")
    doc = build_document(seed_text)
    areas_cur = load("areas.json")
    tasks_cur = load("tasks_en.json")
    depts_cur = load("departments.json")
    targets_cur = load("targets.json")
    cities = load("cities.json")

    alias = {}
    for d in depts_cur:
        for a in d["aliases"]:
            if a in alias:
                raise SystemExit(f"alias {a} is claimed by {alias[a]} and {d['id']}")
            alias[a] = d["id"]

    area_of_section = {f"2.{a['number']}": a["slug"] for a in areas_cur if a["number"] > 0}
    tasks_by_area = {a["slug"]: [] for a in areas_cur}
    task_paras = [p for p in doc if p["text"].startswith("——互联网+") and p["section"] in area_of_section]
    if len(task_paras) != len(tasks_cur):
        raise SystemExit(f"{len(task_paras)} task paragraphs but {len(tasks_cur)} translations")
    for p, cur in zip(task_paras, tasks_cur):
        area = area_of_section[p["section"]]
        heading = p["text"][2 : p["text"].index("。")]
        if cur["area"] != area or cur["heading_zh"] != heading:
            raise SystemExit(f"translation order mismatch at {heading}: {cur['heading_zh']}")
        body, raw = split_departments(p["text"])
        ids = []
        for r in raw:
            if r not in alias:
                raise SystemExit(f"department `{r}` has no record")
            if alias[r] not in ids:
                ids.append(alias[r])
        tasks_by_area[area].append({
            "id": f"{area}.{slug(cur['heading_en'].replace('Internet+', ''))}",
            "heading": {"zh": heading, "en": cur["heading_en"]},
            "text": {"zh": p["text"], "en": cur["text_en"]},
            "translation": "unofficial",
            "paragraph": p["id"],
            "departments_raw": raw,
            "departments": ids,
            "cities": city_mentions(body, cities["cities"]),
        })

    def find_paragraph(quote, sections):
        hits = [p["id"] for p in doc if p["section"] in sections and quote in p["text"]]
        if not hits:
            raise SystemExit(f"quote not found in sections {sections}: {quote}")
        return hits[0]

    index, area_files = [], {}
    DATA.joinpath("areas").mkdir(parents=True, exist_ok=True)
    for a in areas_cur:
        s = a["slug"]
        sections = ["1.2"] if s == "overall" else [f"2.{a['number']}"]
        cur = targets_cur[s]
        indicators = []
        for ind in cur["indicators"]:
            targets = [{
                "id": f"{ind['id']}.{t['year']}",
                "year": t["year"],
                "value": t["value"],
                "value_text": t["value_text"],
                "comparator": t["comparator"],
                "quote": t["quote"],
                "paragraph": find_paragraph(t["quote"], sections),
            } for t in ind["targets"]]
            indicators.append({
                "id": ind["id"], "name": ind["name"], "unit": ind["unit"], "note": ind.get("note"),
                "qualifiers": ind.get("qualifiers", []), "targets": targets,
            })
        milestones = [{
            "id": m["id"], "year": m["year"], "text": m["text"], "quote": m["quote"],
            "paragraph": find_paragraph(m["quote"], sections),
        } for m in cur["milestones"]]
        goal_paras = [p["id"] for p in doc if p["section"] in sections and p["kind"] == "text"
                      and not p["text"].startswith("——互联网+") and any(ch.isdigit() for ch in p["text"])]
        tasks = tasks_by_area[s]
        area_file = {
            "slug": s,
            "goals_paragraph": goal_paras[0] if s != "overall" and goal_paras else None,
            "indicators": indicators,
            "milestones": milestones,
            "tasks": tasks,
        }
        write(f"areas/{s}.json", area_file)
        area_files[s] = area_file
        index.append({
            "slug": s, "number": a["number"], "name": a["name"], "description": a["description"],
            "file": f"areas/{s}.json",
            "counts": {
                "targets": sum(len(i["targets"]) for i in indicators),
                "milestones": len(milestones),
                "tasks": len(tasks),
                "departments": len({d for t in tasks for d in t["departments"]}),
                "cities": len({c["adcode"] for t in tasks for c in t["cities"]}),
            },
        })
    write("areas.json", {"areas": index})
    programmes = []
    for prog in load("programmes.json"):
        task = next((t for t in tasks_by_area[prog["task"]] if t["heading"]["zh"] == prog["heading"]), None)
        if task is None or prog["quote"] not in task["text"]["zh"]:
            raise SystemExit(f"programme {prog['id']}: quote not in task {prog['heading']}")
        named = [c for c in cities["cities"] if c["short_zh"] in prog["quote"]]
        named.sort(key=lambda c: prog["quote"].index(c["short_zh"]))
        programmes.append({
            "id": prog["id"], "name": prog["name"], "task": task["id"], "paragraph": task["paragraph"],
            "quote": prog["quote"], "cities": [c["adcode"] for c in named],
        })
    write("programmes.json", {"programmes": programmes})
    departments = [{"id": d["id"], "zh": d["zh"], "zh_full": d.get("zh_full"), "en": d["en"]} for d in depts_cur]
    write("departments.json", {"departments": departments})
    write("cities.json", cities)
    # Unofficial English beside the original: the key tasks (tools/curated/tasks_en.json) and the
    # goals paragraphs (tools/curated/paragraphs_en.json).
    by_id = {p["id"]: p for p in doc}
    for tasks in tasks_by_area.values():
        for t in tasks:
            by_id[t["paragraph"]]["text_en"] = f"— {t['heading']['en']}. {t['text']['en']}"
    paragraphs_en = CURATED / "paragraphs_en.json"
    if paragraphs_en.exists():
        for pid, en in json.loads(paragraphs_en.read_text(encoding="utf-8")).items():
            if pid not in by_id:
                raise SystemExit(f"paragraphs_en.json: unknown paragraph {pid}")
            by_id[pid]["text_en"] = en
    write("document.json", {"paragraphs": doc})
    write("meta.json", {
        "title": {"zh": "广东省“互联网+”行动计划（2015—2020年）",
                  "en": "Guangdong Province “Internet+” Action Plan (2015–2020)"},
        "issuer": {"zh": "广东省人民政府", "en": "People's Government of Guangdong Province"},
        "year": 2015,
        "date": None,
        "source": {"zh": "《广东省“互联网+”行动计划（2015—2020年）》全文（本项目所据文本，见 data/document.json）",
                   "en": "Full text of the Guangdong “Internet+” Action Plan (2015–2020), as published in data/document.json"},
        "licence": "CC-BY-4.0",
        "version": VERSION,
        "last_updated": LAST_UPDATED,
    })
    geo = (GEO / "guangdong-cities.geojson").read_bytes()
    DATA.joinpath("geo").mkdir(exist_ok=True)
    DATA.joinpath("geo/guangdong-cities.geojson").write_bytes(geo)
    DATA.joinpath("geo/SOURCE.md").write_bytes((GEO / "SOURCE.md").read_bytes())
    write_package(index, area_files, departments, cities, doc, alias)
    print(f"wrote data/: {len(index)} areas, {sum(len(v) for v in tasks_by_area.values())} tasks, "
          f"{sum(a['counts']['targets'] for a in index)} targets, {len(depts_cur)} departments, {len(doc)} paragraphs")


def write_package(index, area_files, departments, cities, doc, alias):
    """data/csv/*.csv and data/datapackage.json, from the same records as the JSON files (written last,
    because the descriptor holds the size and hash of every file)."""
    tables = package_tables.rows(index, area_files, departments, cities, doc, alias)
    csv_dir = DATA / "csv"
    csv_dir.mkdir(exist_ok=True)
    for stale in csv_dir.glob("*.csv"):
        if stale.stem not in tables:
            stale.unlink()
    for name, rows in tables.items():
        package_tables.write_csv(csv_dir / f"{name}.csv", name, rows)
    write("datapackage.json", package_descriptor.build(DATA, VERSION, LAST_UPDATED, index))
    print("wrote data/csv/: " + ", ".join(f"{n} {len(r)}" for n, r in tables.items()))


def write(name, value):
    path = DATA / name
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

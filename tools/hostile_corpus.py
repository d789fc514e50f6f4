#!/usr/bin/env python3
"""Generates the hostile corpus and the canary datasets (issue #8) from the real files in data/.

    python3 tools/hostile_corpus.py OUT_DIR

writes, deterministically (large files are generated, never committed):

* OUT_DIR/corpus/NNN-<name>.json  -- one hostile file each, in place of one real data file;
* OUT_DIR/manifest.json           -- for each: `file` (corpus file), `target` (the data file it
  replaces, relative to data/), `kind`, `case` (what it is) and `expect`: "ok" (the app must load and
  render it), or {"error": reason substring, "path": JSON path or null} (the loader must refuse it
  with exactly this specific reason at this path);
* OUT_DIR/canary/payloads.json    -- the canary payloads, each setting `window.__canary` if executed;
* OUT_DIR/canary/NN/...           -- per payload, a complete copy of data/ whose every text slot that
  the views show carries that payload (all files stay valid, so every view must render them as text).

Used by tests/hostile.rs (the real loader, natively) and tests/e2e/hostile.test.mjs and
tests/e2e/canary.test.mjs (the real views in Chromium).
"""

import copy
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")

# What the app loads, by kind; the area file used for the area kind is finance's.
KINDS = {
    "meta": "meta.json",
    "areas": "areas.json",
    "area": "areas/finance.json",
    "departments": "departments.json",
    "cities": "cities.json",
    "programmes": "programmes.json",
    "document": "document.json",
    "geojson": "geo/guangdong-cities.geojson",
}

# Fields whose type is an enum of strings.
ENUMS = {"base", "comparator", "kind"}

# Fields the app does not read (serde ignores unknown fields): a wrong type there is harmless.
IGNORED = {
    ("geojson", "$.features[0].type"),
}

# Payloads that set a global flag if a browser ever executes them. Index i sets __canary = i + 1.
CANARY = [
    "<script>window.__canary=1</script>",
    '<img src=x onerror="window.__canary=2">',
    '<svg onload="window.__canary=3">',
    '"><svg/onload=window.__canary=4>',
    "'><img src=x onerror=window.__canary=5>",
    "javascript:window.__canary=6",
    "JaVaScRiPt:window.__canary=7",
    " javascript:window.__canary=8",
    "java\tscript:window.__canary=9",
    "&#106;avascript:window.__canary=10",
    "javascript&colon;window.__canary=11",
    "\u0001javascript:window.__canary=12",
    "data:text/html,<script>window.__canary=13</script>",
    "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19jYW5hcnk9MTQ8L3NjcmlwdD4=",
    '<iframe srcdoc="<script>parent.__canary=15</script>"></iframe>',
    "{{constructor.constructor('window.__canary=16')()}}",
    "${window.__canary=17}",
    '<a href="javascript:window.__canary=18">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__canary=19>",
    "<details open ontoggle=window.__canary=20>",
    "<body onload=window.__canary=21>",
    '<object data="javascript:window.__canary=22"></object>',
    "<input autofocus onfocus=window.__canary=23>",
    "</text><script>window.__canary=24</script>",
    "]]><script>window.__canary=25</script>",
    '<!--<img src="--><img src=x onerror=window.__canary=26//">',
    '<video><source onerror="window.__canary=27">',
    "\u202e<img src=x onerror=window.__canary=28>\u202c",
    "<xss onpointerover=window.__canary=29 style=display:block>hover",
    '<a xlink:href="javascript:window.__canary=30"><text>x</text></a>',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__canary=31">',
    "<base href=\"javascript:window.__canary=32//\">",
    "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466\u200b<img src=x onerror=window.__canary=33>",
    "<style>*{background:url(\"javascript:window.__canary=34\")}</style>",
    "%3Cscript%3Ewindow.__canary=35%3C/script%3E",
]

# Labels from the list that are not script but must still come out as literal text.
LABELS = {
    "script-tag": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "svg-onload": "<svg onload=alert(1)>",
    "attr-breakout": '"><svg/onload=alert(1)>',
    "javascript-url": "javascript:alert(1)",
    "javascript-mixed-case": "JaVaScRiPt:alert(1)",
    "javascript-entity": "&#x6A;avascript:alert(1)",
    "javascript-tab": "jav\tascript:alert(1)",
    "javascript-newline": "java\nscript:alert(1)",
    "data-url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "template": "{{7*7}} ${7*7} <%= 7*7 %>",
    "rtl-override": "\u202eevil\u202c \u200f\u200e mixed",
    "zero-width": "zero\u200bwidth\u200c\u200djoin\ufeffer",
    "emoji-sequences": "\U0001F469\u200D\U0001F4BB \U0001F1E8\U0001F1F3 \U0001F44D\U0001F3FD \u2764\ufe0f",
    "label-10000": "长" * 5000 + "x" * 5000,
}


def read(target):
    with open(os.path.join(DATA, target), "rb") as f:
        return f.read()


def load(target):
    return json.loads(read(target))


def dump(value):
    return json.dumps(value, ensure_ascii=False, indent=1).encode("utf-8")


# The app's download cap (src/data/load.rs MAX_FILE_BYTES).
MAX_FILE_BYTES = 2 * 1024 * 1024


def before_parsing(data):
    """What the app's download path (src/data/load.rs: size cap, then decode_body) says before the
    parser sees the text: a file over the cap, or bytes that are not UTF-8 (after a BOM); else None."""
    if len(data) > MAX_FILE_BYTES:
        return {"error": "larger than the %d-byte limit" % MAX_FILE_BYTES, "path": None}
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as e:
        return {"error": "not valid UTF-8 at byte %d" % e.start, "path": "$"}
    return None


class Corpus:
    def __init__(self, out):
        self.out = out
        self.entries = []
        os.makedirs(os.path.join(out, "corpus"), exist_ok=True)

    def add(self, kind, case, content, expect):
        name = "%03d-%s-%s.json" % (len(self.entries), kind, case)
        data = content if isinstance(content, bytes) else dump(content)
        with open(os.path.join(self.out, "corpus", name), "wb") as f:
            f.write(data)
        expect = before_parsing(data) or expect
        self.entries.append(
            {"file": name, "target": KINDS[kind], "kind": kind, "case": case, "expect": expect}
        )


def sub(text, old, new):
    """`text` with the first `old` replaced; fails loudly if `old` is not there (no silent no-op)."""
    assert old in text, old
    return text.replace(old, new, 1)


def error(reason, path=None):
    return {"error": reason, "path": path}


def leaf_paths(value, path="$"):
    """Every field path in `value`, following the first element of each array."""
    if isinstance(value, dict):
        for key, child in value.items():
            sub = "%s.%s" % (path, key)
            yield sub, child
            yield from leaf_paths(child, sub)
    elif isinstance(value, list) and value:
        sub = "%s[0]" % path
        yield sub, value[0]
        yield from leaf_paths(value[0], sub)


def set_path(doc, path, new):
    """Sets the value at a `$.a[0].b` path (as produced by leaf_paths)."""
    parts = []
    for piece in path[2:].replace("[", ".[").split("."):
        if piece:
            parts.append(int(piece[1:-1]) if piece.startswith("[") else piece)
    node = doc
    for p in parts[:-1]:
        node = node[p]
    node[parts[-1]] = new


def wrong_type(value):
    if isinstance(value, bool):
        return "true"
    if isinstance(value, (int, float)):
        return "42"
    if isinstance(value, str):
        return 42
    if isinstance(value, list):
        return {"not": "an array"}
    if isinstance(value, dict):
        return "not an object"
    return 7  # null (an optional field): a number is still the wrong type


def truncations(c, kind):
    raw = read(KINDS[kind]).rstrip()
    n = len(raw)
    offsets = [1, 2, 17, n // 10, n // 4, n // 3, n // 2, (3 * n) // 4, n - 2, n - 1]
    for off in offsets:
        c.add(kind, "truncated-at-%d" % off, raw[:off], error("EOF while parsing"))


def wrong_types(c, kind):
    doc = load(KINDS[kind])
    for path, value in leaf_paths(doc):
        if kind == "geojson" and path.startswith("$.features[0].geometry.coordinates["):
            continue  # one wrong type for the coordinates is enough; positions are covered below
        mutated = copy.deepcopy(doc)
        set_path(mutated, path, wrong_type(value))
        slug = path[2:].replace("[0]", "").replace(".", "-") or "root"
        if (kind, path) in IGNORED:
            expect = "ok"
        elif kind == "geojson" and path == "$.features[0].geometry.coordinates":
            expect = error("expected an array", path)
        elif path.rsplit(".", 1)[-1] in ENUMS:
            expect = error("expected value", path)  # serde_json's words for a non-string enum
        else:
            expect = error("invalid type", path)
        c.add(kind, "wrong-type-" + slug, mutated, expect)
    # The document itself of the wrong type.
    c.add(kind, "wrong-type-root", "not an object", error("invalid type", "$"))
    # serde's derived types accept an array in place of an object; the loader must not.
    for path, value in leaf_paths(doc):
        if isinstance(value, dict):
            mutated = copy.deepcopy(doc)
            set_path(mutated, path, list(value.values()))
            # A GeoJSON feature has a field the app ignores ("type"), so serde fails first, inside.
            expect = (error("invalid type") if kind == "geojson"
                      else error("invalid type: array, expected an object", path))
            c.add(kind, "array-for-object-" + path[2:].replace("[0]", "").replace(".", "-"), mutated, expect)
            break
    c.add(kind, "array-for-object-root", list(doc.values()), error("invalid type: array, expected an object", "$"))


def numbers(c):
    area_text = read(KINDS["area"]).decode("utf-8")
    value = '"value": 1,'
    target = "$.indicators[0].targets[0].value"
    assert value in area_text
    for literal, expect in [
        ("1e309", error("number out of range", target)),
        ("-1e400", error("number out of range", target)),
        ("1e-400", error("differs from the number", target)),  # underflows to 0, not 1
        ("123456789012345678901234567890", error("differs from the number", target)),
    ]:
        text = sub(area_text, value, '"value": %s,' % literal)
        c.add("area", "value-" + literal.replace("-", "minus").replace("+", ""), text.encode(), expect)
    scale = '"scale": 1\n'
    assert scale in area_text
    c.add("area", "scale-1e-400", sub(area_text, scale, '"scale": 1e-400\n').encode(),
          error("scale must be a positive number", "$.indicators[0].unit.scale"))
    c.add("area", "year-30-digits", sub(area_text, '"year": 2017', '"year": 123456789012345678901234567890').encode(),
          error("invalid type: floating point", "$.indicators[0].targets[0].year"))
    areas = load(KINDS["areas"])
    text = sub(dump(areas).decode(), '"number": 1,', '"number": 123456789012345678901234567890,')
    c.add("areas", "number-30-digits", text.encode(), error("invalid type: floating point", "$.areas[1].number"))
    text = sub(dump(areas).decode(), '"targets": 4,', '"targets": 1e309,')
    c.add("areas", "count-1e309", text.encode(), error("number out of range", "$.areas[1].counts.targets"))
    geo = read(KINDS["geojson"]).decode()
    start = geo.index('"coordinates":[[[[') + len('"coordinates":[[[[')
    end = geo.index(",", start)
    for literal, reason in [("1e309", "number out of range"), ("123456789012345678901234567890", "is not a WGS84 lon/lat")]:
        text = geo[:start] + literal + geo[end:]
        path = None if literal == "1e309" else "$.features[0].geometry.coordinates[0][0][0]"
        c.add("geojson", "lon-" + literal, text.encode(), error(reason, path))


def depth(c):
    for kind in ("areas", "geojson", "document"):
        for d in (129, 100_000):
            text = "[" * d + "]" * d
            c.add(kind, "depth-%d" % d, text.encode(), error("nested deeper than", "$"))
    # Deep inside a real field, not only at the root.
    areas = read(KINDS["areas"]).decode()
    text = sub(areas, '"areas": [', '"areas": ' + "[" * 129 + "]" * 128 + ",[")
    c.add("areas", "depth-129-inside", text.encode(), error("nested deeper than", "$"))


def duplicates(c):
    meta = read(KINDS["meta"]).decode()
    c.add("meta", "duplicate-key-title", sub(meta, "{", '{\n "title": {"zh": "重复", "en": "dup"},').encode(),
          error("duplicate field `title`", "$"))
    areas = read(KINDS["areas"]).decode()
    c.add("areas", "duplicate-key-slug", sub(areas, '"slug": "overall",', '"slug": "overall",\n "slug": "evil",').encode(),
          error("duplicate field `slug`", "$.areas[0]"))
    area = read(KINDS["area"]).decode()
    c.add("area", "duplicate-key-tasks", sub(area, '"tasks": [', '"tasks": [], "tasks": [').encode(),
          error("duplicate field `tasks`", "$"))
    geo = read(KINDS["geojson"]).decode()
    c.add("geojson", "duplicate-key-adcode", sub(geo, '"adcode":"440100",', '"adcode":"440100","adcode":"440300",').encode(),
          error("duplicate field `adcode`", "$.features[0].properties"))
    # An unknown key twice is harmless (serde ignores unknown keys): the file loads.
    c.add("cities", "duplicate-unknown-key", sub(read(KINDS["cities"]).decode(), "{", '{"x-extra": 1, "x-extra": 2,').encode(), "ok")


def encodings(c):
    bom = b"\xef\xbb\xbf"
    for kind in ("meta", "areas", "area"):
        c.add(kind, "utf8-bom", bom + read(KINDS[kind]), "ok")
    meta = load(KINDS["meta"])
    raw = dump(meta).decode()
    zh = meta["title"]["zh"]
    for case, escape, reason in [("lone-high-surrogate", "\\ud800", "unexpected end of hex escape"),
                                 ("lone-low-surrogate", "\\udc00", "lone leading surrogate"),
                                 ("high-surrogate-then-letter", "\\ud800x", "unexpected end of hex escape"),
                                 ("reversed-surrogates", "\\udc00\\ud800", "lone leading surrogate")]:
        c.add("meta", case, sub(raw, zh, zh + escape).encode(), error(reason, "$.title.zh"))
    # Invalid UTF-8 inside a string: the browser (and the native test, like it) decodes to U+FFFD.
    for case, bad in [("invalid-utf8-ff", b"\xff"), ("invalid-utf8-c328", b"\xc3\x28"),
                      ("invalid-utf8-overlong", b"\xc0\xaf"), ("invalid-utf8-cesu-surrogate", b"\xed\xa0\x80")]:
        assert zh.encode() in raw.encode()
        text = raw.encode().replace(zh.encode(), zh.encode() + bad, 1)
        c.add("meta", case, text, "ok")
    # Invalid UTF-8 outside any string.
    c.add("departments", "invalid-utf8-outside-string", b"\xff" + read(KINDS["departments"]), error("expected value", "$"))
    for kind in ("meta", "areas", "area", "document", "geojson"):
        c.add(kind, "empty", b"", error("empty", "$"))
    for kind in ("cities", "programmes"):
        c.add(kind, "whitespace-only", b" \n\t\r\n  ", error("empty", "$"))
    c.add("departments", "nul-byte", b"\x00", error("expected value", "$"))
    c.add("departments", "json-null", b"null", error("invalid type: null", "$"))
    c.add("programmes", "trailing-garbage", read(KINDS["programmes"]).rstrip() + b"\n<html>", error("trailing characters", "$"))


def large(c):
    areas = load(KINDS["areas"])
    areas["areas"][1]["description"]["zh"] = "大" * (10 * 1024 * 1024 // 3)
    c.add("areas", "string-10mb", areas, "ok")


def labels(c):
    base = load(KINDS["area"])
    for case, label in LABELS.items():
        area = copy.deepcopy(base)
        for ind in area["indicators"]:
            ind["name"] = {"zh": label, "en": label}
            ind["unit"]["zh"] = ind["unit"]["en"] = label
        for m in area["milestones"]:
            m["text"] = {"zh": label, "en": label}
        for t in area["tasks"]:
            t["heading"] = {"zh": label, "en": label}
            t["text"] = {"zh": label, "en": label}
            t["departments_raw"] = [label for _ in t["departments_raw"]]
            for city in t["cities"]:
                city["as_written"] = label
        c.add("area", "label-" + case, area, "ok")
    # Markup in an id: the view is reached by the id in its URL, so such an id is refused.
    area = copy.deepcopy(base)
    ind = area["indicators"][0]
    ind["id"] += CANARY[0]
    for t in ind["targets"]:
        t["id"] = "%s.%d" % (ind["id"], t["year"])
    c.add("area", "indicator-id-with-markup", area, error("an indicator id has only", "$.indicators[0].id"))
    # The same labels in the shared files the home page shows.
    deps = load(KINDS["departments"])
    for i, d in enumerate(deps["departments"]):
        label = list(LABELS.values())[i % len(LABELS)]
        d["zh"] = d["en"] = label
    c.add("departments", "labels-all", deps, "ok")
    cities = load(KINDS["cities"])
    for i, city in enumerate(cities["cities"]):
        label = list(LABELS.values())[i % len(LABELS)]
        city["name"] = {"zh": label, "en": label}
    c.add("cities", "labels-all", cities, "ok")
    geo = load(KINDS["geojson"])
    for i, f in enumerate(geo["features"]):
        label = list(LABELS.values())[i % len(LABELS)]
        f["properties"]["name_zh"] = f["properties"]["name_en"] = label
    c.add("geojson", "labels-all", geo, "ok")


def corpus(out):
    c = Corpus(out)
    for kind in ("areas", "area", "geojson"):
        truncations(c, kind)
    for kind in KINDS:
        wrong_types(c, kind)
    numbers(c)
    depth(c)
    duplicates(c)
    encodings(c)
    large(c)
    labels(c)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(c.entries, f, ensure_ascii=False, indent=1)
    return len(c.entries)


def canary_dataset(p):
    """Every text slot of data/ set to payload `p`; ids, numbers and quotes kept so it stays valid
    (ids are reached through URLs and may only have A-Z a-z 0-9 - . _; see the id case in labels())."""
    files = {}
    meta = load("meta.json")
    for key in ("title", "issuer", "source"):
        meta[key] = {"zh": p, "en": p}
    files["meta.json"] = meta
    index = load("areas.json")
    for a in index["areas"]:
        a["name"] = {"zh": p, "en": p}
        a["description"] = {"zh": p, "en": p}
        area = load(a["file"])
        for ind in area["indicators"]:
            ind["name"] = {"zh": p, "en": p}
            ind["unit"]["zh"] = ind["unit"]["en"] = p
            ind["note"] = {"zh": p, "en": p}
            ind["qualifiers"] = [p]
        for m in area["milestones"]:
            m["text"] = {"zh": p, "en": p}
        for t in area["tasks"]:
            t["heading"] = {"zh": p, "en": p}
            t["text"] = {"zh": p, "en": p}
            t["departments_raw"] = [p for _ in t["departments_raw"]]
            for city in t["cities"]:
                city["as_written"] = p
        files[a["file"]] = area
    files["areas.json"] = index
    deps = load("departments.json")
    for d in deps["departments"]:
        d["zh"] = d["en"] = d["zh_full"] = p
    files["departments.json"] = deps
    cities = load("cities.json")
    for r in cities["regions"]:
        r["name"] = {"zh": p, "en": p}
    for city in cities["cities"]:
        city["name"] = {"zh": p, "en": p}
        city["short_zh"] = p
    files["cities.json"] = cities
    doc = load("document.json")
    for para in doc["paragraphs"]:
        para["text"] = p + para["text"]  # prefix: every quote is still found in its paragraph
        if para.get("text_en"):
            para["text_en"] = p + para["text_en"]
    files["document.json"] = doc
    progs = load("programmes.json")
    for prog in progs["programmes"]:
        prog["name"] = {"zh": p, "en": p}
    files["programmes.json"] = progs
    geo = load(KINDS["geojson"])
    for f in geo["features"]:
        f["properties"]["name_zh"] = f["properties"]["name_en"] = p
    files[KINDS["geojson"]] = geo
    return files


def canaries(out):
    root = os.path.join(out, "canary")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "payloads.json"), "w", encoding="utf-8") as f:
        json.dump(CANARY, f, ensure_ascii=False, indent=1)
    for i, p in enumerate(CANARY):
        for name, value in canary_dataset(p).items():
            path = os.path.join(root, "%02d" % i, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(dump(value))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    for sub in ("corpus", "canary"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    n = corpus(out)
    canaries(out)
    print("%d corpus files and %d canary datasets in %s" % (n, len(CANARY), out))


if __name__ == "__main__":
    main()

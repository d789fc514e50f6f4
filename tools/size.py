#!/usr/bin/env python3
"""Prints the raw, gzip (-9) and brotli (-q 11) size of every file in dist/, and the totals.

What a reader downloads is the compressed size; the first view needs index.html, the boot script,
the JS glue, the Wasm, the CSS and the small shared datasets. The Wasm and JS glue of both bundles
(the full app, gd-plus-explorer-*; the single-figure app of area, indicator and embed pages,
gd-plus-view-*) are also printed on their own.
Usage: python3 tools/size.py dist
"""
import gzip
import re
import shutil
import subprocess
import sys
from pathlib import Path


def brotli_size(path: Path):
    exe = shutil.which("brotli")
    if not exe:
        return None
    out = subprocess.run([exe, "-c", "-q", "11", str(path)], check=True, capture_output=True).stdout
    return len(out)


def main() -> None:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    rows = []
    for path in sorted(dist.rglob("*")):
        if not path.is_file() or path.suffix in {".gz", ".br"}:
            continue
        data = path.read_bytes()
        rows.append((str(path.relative_to(dist)), len(data), len(gzip.compress(data, 9, mtime=0)), brotli_size(path)))
    width = max(len(r[0]) for r in rows)
    print(f"{'file':<{width}} {'raw':>9} {'gzip':>9} {'brotli':>9}")
    for name, raw, gz, br in rows:
        print(f"{name:<{width}} {raw:>9} {gz:>9} {br if br is not None else '-':>9}")
    total = lambda i: sum(r[i] or 0 for r in rows)
    print(f"{'TOTAL':<{width}} {total(1):>9} {total(2):>9} {total(3):>9}")
    # Per-view pages (area-*.html, indicator-*.html, city-*.html, the pre-rendered embeds
    # embed-area-*.html and embed-indicator-*.html, embed.html) are other entry points, not part of
    # what a visit loads: counted apart.
    per_view = re.compile(r"^((area|indicator|city|embed-area|embed-indicator)-.*|embed)\.html$")
    # The single-figure app (gd-plus-view-*: area, indicator and embed pages) is another entry
    # point's bundle, not part of the app shell.
    view_bundle = [r for r in rows if r[0].startswith("gd-plus-view-")]
    app = [
        r for r in rows
        if "/" not in r[0] and not r[0].startswith("_") and not per_view.match(r[0]) and r not in view_bundle
    ]
    pages = [r for r in rows if per_view.match(r[0]) and r[0] != "embed.html"]
    print(f"{'app shell (no data)':<{width}} {sum(r[1] for r in app):>9} {sum(r[2] for r in app):>9} {sum(r[3] or 0 for r in app):>9}")
    for prefix, what in (("gd-plus-explorer-", "full app"), ("gd-plus-view-", "single-figure app")):
        for suffix, kind in (("_bg.wasm", "Wasm"), (".js", "JS glue")):
            picked = [r for r in rows if r[0].startswith(prefix) and r[0].endswith(suffix) and "/" not in r[0]]
            label = f"{kind}, {what}"
            print(f"{label:<{width}} {sum(r[1] for r in picked):>9} {sum(r[2] for r in picked):>9} {sum(r[3] or 0 for r in picked):>9}")
    label = f"{len(pages)} per-view pages (pre-rendered)"
    print(f"{label:<{width}} {sum(r[1] for r in pages):>9} {sum(r[2] for r in pages):>9} {sum(r[3] or 0 for r in pages):>9}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Finishes a Trunk release build in dist/ for strict-CSP static hosting.

1. Moves Trunk's inline bootstrap <script type="module"> into its own hashed file with an
   `integrity` attribute, so the page runs under `script-src 'self'` with no inline script, and
   makes every <link> with an `integrity` hash a CORS request (an embed in a sandboxed iframe).
2. If `render-static` wrote dist/static/ (see `./x build`), writes the per-view pages
   (tools/static_pages.py): dist/area-<slug>.html, dist/indicator-<id>.html, and the no-script
   image of index.html.
3. Copies the host configuration (`_headers` for Netlify / Cloudflare Pages) into dist/, and writes
   the service worker dist/sw.js with this build's file list.
4. Writes precompressed `.gz` and `.br` files beside every text and Wasm asset.

Usage: python3 tools/postbuild.py dist
"""
import base64
import gzip
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPRESS = {".html", ".js", ".wasm", ".css", ".json", ".geojson", ".svg", ".csv", ".md", ".txt", ".webmanifest"}


def externalise_boot_script(dist: Path) -> None:
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    pattern = re.compile(r'<script type="module">\s*(.*?)\s*</script>', re.S)
    m = pattern.search(html)
    if not m:
        if 'src="./boot-' in html:
            return  # already done
        sys.exit("postbuild: Trunk's bootstrap script was not found in dist/index.html")
    code = m.group(1).strip() + "\n"
    digest = hashlib.sha256(code.encode()).hexdigest()[:16]
    name = f"boot-{digest}.js"
    (dist / name).write_text(code, encoding="utf-8")
    sri = "sha384-" + base64.b64encode(hashlib.sha384(code.encode()).digest()).decode()
    tag = f'<script type="module" src="./{name}" integrity="{sri}" crossorigin="anonymous"></script>'
    html = html[: m.start()] + tag + html[m.end():]
    if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
        sys.exit("postbuild: an inline script is left in dist/index.html; the CSP forbids it")
    index.write_text(html, encoding="utf-8")


def cors_for_integrity(dist: Path) -> None:
    """Adds crossorigin="anonymous" to every <link> with an `integrity` hash that lacks it (Trunk's
    stylesheet and icon). For the page's own origin nothing changes; but an embed in an iframe
    sandboxed without allow-same-origin has an opaque origin, for which these files are
    cross-origin, and the browser can check the hash of a cross-origin file only when it was
    fetched with CORS: without the attribute it blocks the stylesheet (the hashed assets are
    served with Access-Control-Allow-Origin: *, deploy/)."""
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    fixed = re.sub(
        r"<link\b(?![^>]*\bcrossorigin\b)([^>]*\bintegrity=[^>]*?)(/?)>",
        r'<link\1 crossorigin="anonymous"\2>',
        html,
    )
    index.write_text(fixed, encoding="utf-8")


def write_embed_page(dist: Path) -> None:
    """dist/embed.html: the same page as index.html, served with a policy that lets any site frame it
    (deploy/nginx.conf, deploy/_headers); index.html itself refuses to be framed."""
    html = (dist / "index.html").read_text(encoding="utf-8")
    # Without what tools/static_pages.py inserts (on a second run): an embed is never home.
    html = re.sub(r"[ \t]*<!--gd-static-->.*?<!--/gd-static-->\n?", "", html, flags=re.S)
    marker = '<meta name="viewport"'
    if marker not in html:
        sys.exit("postbuild: no viewport meta in dist/index.html to anchor the embed page's robots tag")
    html = html.replace(marker, '<meta name="robots" content="noindex">\n  ' + marker, 1)
    (dist / "embed.html").write_text(html, encoding="utf-8")


def write_service_worker(dist: Path) -> None:
    """dist/sw.js with the list of files to keep offline and a version that changes with any of them."""
    keep = ["./", "index.html"]
    for path in sorted(dist.rglob("*")):
        rel = path.relative_to(dist).as_posix()
        if not path.is_file() or path.suffix in {".gz", ".br"} or rel in {"sw.js", "_headers", "index.html", "embed.html", "embed-host.js"}:
            continue
        if rel.startswith("data/") and not (rel.endswith(".json") or rel.endswith(".geojson")):
            continue  # CSV tables and SOURCE.md are for download, not needed offline
        if rel.startswith("data/areas/"):
            continue  # one area page loads one area file (issue #9): the others are kept once visited
        if rel.startswith("static/") or re.match(r"(area|indicator|city)-.*\.html$", rel):
            continue  # build-time images and per-view pages are for crawlers, sharing and no-script readers
        if re.match(r"embed-(area|indicator)-.*\.html$", rel):
            continue  # pre-rendered embeds: kept only once opened, like the per-view pages (public/sw.js)
        keep.append(rel)
    digest = hashlib.sha256()
    for rel in keep[1:]:
        digest.update(rel.encode())
        digest.update((dist / rel).read_bytes())
    template = (ROOT / "public" / "sw.js").read_text(encoding="utf-8")
    code = template.replace("'__VERSION__'", json.dumps(digest.hexdigest()[:16])).replace(
        "__PRECACHE__", json.dumps(keep, indent=2)
    )
    (dist / "sw.js").write_text(code, encoding="utf-8")


def compress(dist: Path) -> None:
    brotli = shutil.which("brotli")
    if not brotli:
        print("postbuild: `brotli` not found, writing .gz only", file=sys.stderr)
    for path in sorted(dist.rglob("*")):
        if not path.is_file() or path.suffix not in COMPRESS:
            continue
        data = path.read_bytes()
        with gzip.GzipFile(path.with_name(path.name + ".gz"), "wb", compresslevel=9, mtime=0) as gz:
            gz.write(data)
        if brotli:
            subprocess.run([brotli, "-f", "-q", "11", "-o", str(path) + ".br", str(path)], check=True)


def main() -> None:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    for stale in list(dist.rglob("*.gz")) + list(dist.rglob("*.br")):
        stale.unlink()
    externalise_boot_script(dist)
    cors_for_integrity(dist)
    write_embed_page(dist)
    if (dist / "static" / "pages.json").exists():
        sys.path.insert(0, str(ROOT / "tools"))
        import static_pages

        static_pages.main_for(dist)
    shutil.copy(ROOT / "deploy" / "_headers", dist / "_headers")
    write_service_worker(dist)
    compress(dist)
    print(f"postbuild: {dist}/ ready (external boot script, _headers, .gz/.br)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Finishes a Trunk release build in dist/ for strict-CSP static hosting.

1. Moves Trunk's inline bootstrap <script type="module"> into its own hashed file with an
   `integrity` attribute, so the page runs under `script-src 'self'` with no inline script, and
   makes every <link> with an `integrity` hash a CORS request (an embed in a sandboxed iframe).
2. If `render-static` wrote dist/static/ (see `./x build`), writes the per-view pages
   (tools/static_pages.py): dist/area-<slug>.html, dist/indicator-<id>.html, and the no-script
   image of index.html.
   With Trunk's build of view.html (the single-figure Wasm, src/bin/view.rs) as second argument,
   merges its files into dist/ and gives area-*.html, indicator-*.html and embed.html that bundle
   (embed.html's boot script takes the full app's for the map and the heatmap).
3. Copies the host configuration (`_headers` for Netlify / Cloudflare Pages) into dist/, and writes
   the service worker dist/sw.js with this build's file list.
4. Writes precompressed `.gz` and `.br` files beside every text and Wasm asset.

Usage: python3 tools/postbuild.py dist [target/dist-view]
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


BOOT = re.compile(r'<script type="module">\s*(.*?)\s*</script>', re.S)
BOOT_TAG = re.compile(r'<script type="module" src="\./boot-[0-9a-f]+\.js"[^>]*></script>')
MODULEPRELOAD = re.compile(r'<link rel="modulepreload" href="\./([A-Za-z0-9._-]+\.js)"[^>]*>')
WASM_PRELOAD = re.compile(r'<link rel="preload" href="\./([A-Za-z0-9._-]+_bg\.wasm)"[^>]*>')


def boot_file(dist: Path, code: str) -> str:
    """Writes `code` as dist/boot-<hash>.js and returns the <script> tag that loads it, with an
    `integrity` hash (no inline script: strict CSP)."""
    digest = hashlib.sha256(code.encode()).hexdigest()[:16]
    name = f"boot-{digest}.js"
    (dist / name).write_text(code, encoding="utf-8")
    sri = "sha384-" + base64.b64encode(hashlib.sha384(code.encode()).digest()).decode()
    return f'<script type="module" src="./{name}" integrity="{sri}" crossorigin="anonymous"></script>'


def externalise_boot_script(dist: Path) -> None:
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    m = BOOT.search(html)
    if not m:
        if 'src="./boot-' in html:
            return  # already done
        sys.exit("postbuild: Trunk's bootstrap script was not found in dist/index.html")
    tag = boot_file(dist, m.group(1).strip() + "\n")
    html = html[: m.start()] + tag + html[m.end():]
    if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
        sys.exit("postbuild: an inline script is left in dist/index.html; the CSP forbids it")
    index.write_text(html, encoding="utf-8")


def bundle(html: str, what: str) -> dict:
    """The tags and files of one Wasm bundle in a page Trunk wrote (boot script already external):
    its boot <script>, the JS glue's modulepreload and the Wasm's preload."""
    script, glue, wasm = BOOT_TAG.search(html), MODULEPRELOAD.search(html), WASM_PRELOAD.search(html)
    if not (script and glue and wasm):
        sys.exit(f"postbuild: {what}: Trunk's boot script, modulepreload or Wasm preload not found")
    return {
        "script": script.group(0),
        "modulepreload": glue.group(0),
        "preload": wasm.group(0),
        "glue": glue.group(1),
        "wasm": wasm.group(1),
    }


def merge_view_bundle(dist: Path, view_dist: Path) -> dict:
    """Brings the single-figure app (Trunk's build of view.html: src/bin/view.rs, without the map,
    heatmap, search or the other pages) into dist/: its JS glue and Wasm beside the full app's, its
    bootstrap as another external boot-<hash>.js. Returns both bundles' tags ("full", "view") for
    the pages that get the single-figure one (write_embed_page, tools/static_pages.py)."""
    html = (view_dist / "index.html").read_text(encoding="utf-8")  # Trunk names its page index.html
    m = BOOT.search(html)
    if not m:
        sys.exit(f"postbuild: Trunk's bootstrap script was not found in {view_dist}/index.html")
    html = html[: m.start()] + boot_file(dist, m.group(1).strip() + "\n") + html[m.end():]
    for stale in dist.glob("gd-plus-view-*"):
        stale.unlink()  # an earlier run's bundle (postbuild.py run again without a new Trunk build)
    for path in sorted(view_dist.rglob("*")):
        rel = path.relative_to(view_dist)
        if path.is_file() and rel.as_posix() != "index.html" and not rel.parts[0].startswith("."):
            (dist / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, dist / rel)
    full = bundle((dist / "index.html").read_text(encoding="utf-8"), "dist/index.html")
    return {"full": full, "view": bundle(html, f"{view_dist}/index.html")}


def use_view_bundle(html: str, bundles: dict, script: str = "") -> str:
    """A copy of index.html that loads the single-figure Wasm instead of the full app's: its boot
    script (or `script`), modulepreload and, where the page has one, Wasm preload."""
    full, view = bundles["full"], bundles["view"]
    if full["script"] not in html or full["modulepreload"] not in html:
        sys.exit("postbuild: a page to give the single-figure Wasm lacks the full app's boot script")
    html = html.replace(full["script"], script or view["script"], 1)
    html = html.replace(full["modulepreload"], view["modulepreload"], 1)
    return html.replace(full["preload"], view["preload"], 1)


def embed_boot_script(dist: Path, bundles: dict) -> str:
    """embed.html's boot script: an area's or an indicator's chart (`fig=area`, `fig=indicator`)
    needs only the single-figure Wasm; every other address (the map, the heatmap, none) the full
    app's, as before. (index.html cannot stand in: it refuses to be framed.)"""
    full, view = bundles["full"], bundles["view"]
    code = (
        "// embed.html (tools/postbuild.py): an area's or an indicator's chart needs only the\n"
        "// single-figure Wasm (src/bin/view.rs); the map, the heatmap and anything else the full app's.\n"
        "// Without a query, a page's own route (<meta name=\"gd-route\">), as src/route.rs reads it.\n"
        "const route = document.querySelector('meta[name=\"gd-route\"]');\n"
        "const query = location.search || (route ? route.content : '');\n"
        "const fig = new URLSearchParams(query).get('fig');\n"
        "const figure = fig === 'area' || fig === 'indicator';\n"
        f"const glue = figure ? './{view['glue']}' : './{full['glue']}';\n"
        f"const wasmPath = figure ? './{view['wasm']}' : './{full['wasm']}';\n"
        "const bindings = await import(glue);\n"
        "const wasm = await bindings.default({ module_or_path: wasmPath });\n"
        "window.wasmBindings = bindings;\n"
        "dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));\n"
    )
    return boot_file(dist, code)


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


def write_embed_page(dist: Path, bundles: dict | None) -> None:
    """dist/embed.html: the same page as index.html, served with a policy that lets any site frame it
    (deploy/nginx.conf, deploy/_headers); index.html itself refuses to be framed. With `bundles`
    (./x build), it preloads the single-figure Wasm and its boot script picks the bundle by figure."""
    html = (dist / "index.html").read_text(encoding="utf-8")
    if bundles:
        html = use_view_bundle(html, bundles, embed_boot_script(dist, bundles))
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
    # The single-figure Wasm, when `./x build` built it (target/dist-view): area, indicator and
    # embed pages get it; without it every page keeps the full app.
    view_dist = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    bundles = merge_view_bundle(dist, view_dist) if view_dist else None
    write_embed_page(dist, bundles)
    if (dist / "static" / "pages.json").exists():
        sys.path.insert(0, str(ROOT / "tools"))
        import static_pages

        static_pages.main_for(dist, lambda html: use_view_bundle(html, bundles) if bundles else html)
    shutil.copy(ROOT / "deploy" / "_headers", dist / "_headers")
    write_service_worker(dist)
    compress(dist)
    print(f"postbuild: {dist}/ ready (external boot script, _headers, .gz/.br)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the per-view static HTML pages of a build, from dist/static/pages.json (written by
`render-static`) and dist/index.html.

Each page (`dist/area-<slug>.html`, `dist/indicator-<id>.html`, `dist/city-<adcode>.html`) is a copy of index.html, flat beside
it (the CSP has `base-uri 'none'` and every asset URL is relative), with that view's <title>, meta
description, Open Graph and Twitter card tags, a canonical link (when a site URL was given), the
route the app opens (`<meta name="gd-route">`, read when the URL has no query) and, for readers
without JavaScript, a <noscript> with the chart as a static SVG and a link to its data.
index.html itself gets the same <noscript> (the map), its Open Graph tags and the pre-rendered home
(`static/pre-home.html`, marked data-view="home"; public/first-view.js hides it when the app will
show another view or language).

An area, indicator or city page also opens with its pre-rendered first view (`static/pre-<kind>-<id>.html`, written by
render-static with every value escaped: the app's page above its first chart and that chart, with
CSS tooltips; a city's locator map), so its chart is visible and hoverable before the Wasm arrives; its no-script text
then sits in a <noscript> below it, without a second picture of the chart.

Given the single-figure bundle by tools/postbuild.py (`figure_bundle`), the area and indicator
pages load it (src/bin/view.rs: a smaller Wasm without the map, heatmap or search) instead of the
full app's; city pages and index.html keep the full app.

Every value written into the HTML is escaped with html.escape(quote=True): titles come from data.
Running it twice gives the same result (earlier insertions are removed first).

Each area chart and indicator chart also gets a pre-rendered embed page beside embed.html
(`embed-area-<slug>-<n>.html`, `embed-indicator-<id>.html`, from static/embeds.json): see
write_embed_pages.

Usage: python3 tools/static_pages.py dist
"""
import html
import json
import re
import sys
from pathlib import Path

BEGIN, END = "<!--gd-static-->", "<!--/gd-static-->"
BLOCK = re.compile(r"[ \t]*" + re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", re.S)
PAGE_NAME = re.compile(r"^(area|indicator|city)-[A-Za-z0-9][A-Za-z0-9._-]*\.html$")
WASM_PRELOAD = re.compile(r'<link rel="preload" href="\./[A-Za-z0-9._-]+_bg\.wasm"[^>]*>')
# The pages that show a single area or indicator: the single-figure app (src/bin/view.rs) serves them.
FIGURE_PAGES = ("area", "indicator")
REL_PATH = re.compile(r"^(static|data)/[A-Za-z0-9][A-Za-z0-9._/-]*$")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def absolute(base: str, rel: str) -> str:
    return base + rel if base else rel


def head_tags(page: dict, base: str, og_fallback: str) -> str:
    og_image = page["og_image"] or og_fallback
    tags = [
        f'<meta property="og:type" content="website">',
        f'<meta property="og:site_name" content="{esc("广东省“互联网+”行动计划数据浏览器")}">',
        f'<meta property="og:locale" content="zh_CN">',
        f'<meta property="og:title" content="{esc(page["title"])}">',
    ]
    if page["description"]:
        tags.append(f'<meta property="og:description" content="{esc(page["description"])}">')
    if page["url"]:
        tags.append(f'<meta property="og:url" content="{esc(page["url"])}">')
        tags.append(f'<link rel="canonical" href="{esc(page["url"])}">')
    if og_image:
        tags += [
            f'<meta property="og:image" content="{esc(absolute(base, og_image))}">',
            '<meta property="og:image:type" content="image/png">',
            '<meta property="og:image:width" content="1200">',
            '<meta property="og:image:height" content="630">',
            f'<meta property="og:image:alt" content="{esc(page["alt"])}">',
            '<meta name="twitter:card" content="summary_large_image">',
            f'<meta name="twitter:image" content="{esc(absolute(base, og_image))}">',
        ]
    tags.append(f'<meta name="twitter:title" content="{esc(page["title"])}">')
    if page["card"]:
        # Share card for platforms without Open Graph / iframes (WeChat, Weibo): linked, not shown.
        tags.append(f'<link rel="gd-share-card" href="{esc(page["card"])}" type="image/png">')
    if page["route"]:
        tags.append(f'<meta name="gd-route" content="{esc(page["route"])}">')
    # Tells the app that the per-view pages exist, so "Copy link" and citations give them, and
    # the pre-rendered embeds, so the Embed… dialog gives those (src/view/embed.rs).
    tags.append('<meta name="gd-own-pages" content="area indicator city embed">')
    return BEGIN + "\n  " + "\n  ".join(tags) + "\n  " + END + "\n"


def noscript(page: dict, figure: bool = True, wrap: bool = True) -> str:
    """The no-script block: the chart as an image (unless the page shows it pre-rendered) and the
    links to its data and share card; not wrapped in <noscript> when it goes into a fallback that is
    itself in one (noscript elements cannot nest)."""
    name = page["title"].split(" · ")[0]
    card = (
        f'<li><a href="{esc(page["card"])}">分享卡片 · Share card (PNG)</a></li>'
        if page["card"]
        else ""
    )
    image = (
        f'    <figure class="static-figure">\n'
        f'      <img src="{esc(page["svg"])}" alt="{esc(page["alt"])}" width="800">\n'
        f"      <figcaption>{esc(name)}</figcaption>\n"
        f"    </figure>\n"
        if figure
        else ""
    )
    links = f'    <ul><li><a href="{esc(page["csv"])}">{esc(page["csv"])}</a>（CSV）</li>{card}</ul>\n'
    if not wrap:
        return f"{BEGIN}{(image + links).lstrip()}  {END}\n"
    return f"{BEGIN}<noscript>\n{image}{links}  </noscript>{END}\n"


def check(page: dict) -> None:
    if page["kind"] != "home" and not PAGE_NAME.match(page["page"]):
        sys.exit(f"static_pages: pages.json: unsafe page name {page['page']!r}")
    for key in ("svg", "csv", "og_image", "card", "prerender"):
        if page[key] and not REL_PATH.match(page[key]):
            sys.exit(f"static_pages: pages.json: {page['page']}: unsafe {key} {page[key]!r}")


def render(template: str, page: dict, base: str, og_fallback: str) -> str:
    out = template
    if page["kind"] != "home":
        out, n = re.subn(r"<title>.*?</title>", lambda _: f"<title>{esc(page['title'])}</title>", out, count=1, flags=re.S)
        if n != 1:
            sys.exit("static_pages: dist/index.html has no <title>")
        if page["description"]:
            out, n = re.subn(
                r'<meta name="description" content="[^"]*">',
                lambda _: f'<meta name="description" content="{esc(page["description"])}">',
                out,
                count=1,
            )
            if n != 1:
                sys.exit('static_pages: dist/index.html has no <meta name="description">')
    if "</head>" not in out:
        sys.exit("static_pages: dist/index.html has no </head>")
    out = out.replace("</head>", "  " + head_tags(page, base, og_fallback) + "</head>", 1)
    prerendered = bool(page.get("prerender_html"))
    m = re.search(r'<div id="fallback"[^>]*>\s*<h1>.*?</h1>\n', out, re.S)
    if not m:
        sys.exit('static_pages: dist/index.html has no <div id="fallback"> with an <h1>')
    # Home keeps its no-Wasm text as it is, visible (the app removes it): its pre-rendered view may
    # be hidden (another view or language), and the Wasm may fail to load or be blocked.
    home = page["kind"] == "home"
    own_view = prerendered and not home
    out = out[: m.end()] + "    " + noscript(page, figure=not own_view, wrap=not own_view) + out[m.end():]
    return with_prerender(out, page["prerender_html"], home) if prerendered else out


def with_prerender(out: str, fragment: str, home: bool = False) -> str:
    """The page opens with its pre-rendered first view (written and escaped by render-static:
    src/static_render/prerender.rs); the app takes its place once its own page is ready
    (src/view/mod.rs: start). The no-JavaScript text moves into <noscript>, below the view.

    Home's view is marked data-view="home": index.html answers every view, and public/first-view.js
    hides it before the first paint when the app will show another view or language. Its no-Wasm
    text stays where it was, below the view, for those views and for a Wasm that fails."""
    fallback = re.search(r'<div id="fallback".*?\n  </div>\n', out, re.S)
    body = out.find("<body>\n")
    if not fallback or body < 0:
        sys.exit('static_pages: dist/index.html has no <body> and <div id="fallback"> to pre-render into')
    marker = ' data-view="home"' if home else ""
    view = f'{BEGIN}<div id="prerender"{marker}>\n{fragment}\n  </div>{END}\n'
    start = body + len("<body>\n")
    if home:
        # index.html also opens every other view: the no-Wasm text stays and the Wasm stays preloaded.
        return out[:start] + "  " + view + out[start:]
    noscript_fallback = f"  {BEGIN}<noscript>{END}\n{fallback.group(0)}  {BEGIN}</noscript>{END}\n"
    out = out[:start] + "  " + view + out[start: fallback.start()] + noscript_fallback + out[fallback.end():]
    # The first view is in the HTML, so the Wasm is no longer on its critical path: no preload that
    # would share a slow link with the HTML and CSS. The boot script still fetches it right after.
    out, n = WASM_PRELOAD.subn("", out)
    if n != 1:
        sys.exit("static_pages: dist/index.html has no Wasm preload link to drop (Trunk's output changed?)")
    return out


EMBED_PAGE_NAME = re.compile(r"^embed-(area|indicator)-[A-Za-z0-9][A-Za-z0-9._-]*\.html$")
EMBED_PRERENDER = re.compile(r"^static/pre-embed-(area|indicator)-[A-Za-z0-9][A-Za-z0-9._-]*\.html$")


def render_embed(template: str, embed: dict, fragment: str) -> str:
    """One pre-rendered embed page: embed.html (its own hosting rules: any site may frame it) with
    the figure's title, the route the app opens (the embed in Chinese), `class="embed"` on <html>
    (the app sets it too: the layout without page chrome from the first paint) and the embed view
    drawn at build time in place of the no-Wasm text (the figure, its summary, its data table and
    the link to the full view say more in a frame than that text). The app mounts hidden behind it
    and takes its place once its own chart is drawn (src/view/prerender.rs), as on area pages.
    No Wasm preload (the first view is in the HTML). first-view.js stays: it only decides about
    index.html's pre-rendered home, but as a parser-blocking script it waits for the stylesheet
    before the body is parsed; without it Chromium painted the body of a framed page unstyled
    about every other load (a layout shift of ~1 in tests/e2e/embed-prerender.test.mjs)."""
    out = template
    out, n = re.subn(r"<html([^>]*)>", r'<html\1 class="embed">', out, count=1)
    if n != 1 or 'class="embed" class=' in out:
        sys.exit("static_pages: dist/embed.html has no plain <html> tag")
    out, n = re.subn(r"<title>.*?</title>", lambda _: f"<title>{esc(embed['title'])}</title>", out, count=1, flags=re.S)
    if n != 1:
        sys.exit("static_pages: dist/embed.html has no <title>")
    route = f'{BEGIN}<meta name="gd-route" content="{esc(embed["route"])}">{END}\n'
    out = out.replace("</head>", "  " + route + "</head>", 1)
    out, n = WASM_PRELOAD.subn("", out)
    if n != 1:
        sys.exit("static_pages: dist/embed.html has no Wasm preload link to drop (Trunk's output changed?)")
    fallback = re.search(r'[ \t]*<div id="fallback".*?\n  </div>\n', out, re.S)
    if not fallback or "<body>\n" not in out:
        sys.exit('static_pages: dist/embed.html has no <body> and <div id="fallback"> to pre-render into')
    out = out[: fallback.start()] + out[fallback.end():]
    view = f'  {BEGIN}<div id="prerender">\n{fragment}\n  </div>{END}\n'
    return out.replace("<body>\n", "<body>\n" + view, 1)


def with_height_script(page: str) -> str:
    """A pre-rendered embed page with public/embed-frame.js (deferred: it measures <body>), which
    posts the page's height to the host before the Wasm runs, so the host's iframe (public/embed-host.js)
    is as tall as the figure at once, not at the app's take-over. Only these pages load it."""
    tag = f'  {BEGIN}<script src="embed-frame.js" defer></script>{END}\n'
    if "</head>" not in page:
        sys.exit("static_pages: a pre-rendered embed page has no </head> for embed-frame.js")
    return page.replace("</head>", tag + "</head>", 1)


def write_embed_pages(dist: Path) -> int:
    """dist/embed-area-<slug>-<n>.html and dist/embed-indicator-<id>.html from static/embeds.json
    (written by render-static, every value escaped there) and dist/embed.html. Returns how many."""
    for stale in dist.glob("embed-*.html"):
        if EMBED_PAGE_NAME.match(stale.name):
            stale.unlink()
    manifest, embed_html = dist / "static" / "embeds.json", dist / "embed.html"
    if not manifest.exists() or not embed_html.exists():
        # tools/postbuild.py writes embed.html before it calls this, and render-static embeds.json:
        # only a partial run (a test of the per-view pages alone) has neither.
        return 0
    template = BLOCK.sub("", embed_html.read_text(encoding="utf-8"))
    embeds = json.loads(manifest.read_text(encoding="utf-8"))
    for embed in embeds:
        if not EMBED_PAGE_NAME.match(embed["page"]) or not EMBED_PRERENDER.match(embed["prerender"]):
            sys.exit(f"static_pages: embeds.json: unsafe page {embed['page']!r} or {embed['prerender']!r}")
        fragment = (dist / embed["prerender"]).read_text(encoding="utf-8")
        page = with_height_script(render_embed(template, embed, fragment))
        (dist / embed["page"]).write_text(page, encoding="utf-8")
    return len(embeds)


def main() -> None:
    main_for(Path(sys.argv[1] if len(sys.argv) > 1 else "dist"))


def main_for(dist: Path, figure_bundle=lambda html: html) -> None:
    """`figure_bundle` turns a page's HTML into one that loads the single-figure Wasm
    (tools/postbuild.py: use_view_bundle); it is applied to the area and indicator pages."""
    manifest = dist / "static" / "pages.json"
    if not manifest.exists():
        sys.exit(f"static_pages: {manifest} not found: run render-static first")
    pages = json.loads(manifest.read_text(encoding="utf-8"))
    index = dist / "index.html"
    template = BLOCK.sub("", index.read_text(encoding="utf-8"))
    for stale in [p for kind in ("area", "indicator", "city") for p in dist.glob(f"{kind}-*.html")]:
        stale.unlink()
    home = next((p for p in pages if p["kind"] == "home"), None)
    if home is None:
        sys.exit("static_pages: pages.json has no home page")
    base = home["url"]
    overall = next((p for p in pages if p["kind"] == "area" and p["id"] == "overall"), None)
    og_fallback = overall["og_image"] if overall else ""
    written = 0
    for page in pages:
        check(page)
        if page.get("prerender"):
            page["prerender_html"] = (dist / page["prerender"]).read_text(encoding="utf-8")
        if page["kind"] == "home":
            continue
        out = render(template, page, base, og_fallback)
        if page["kind"] in FIGURE_PAGES:
            out = figure_bundle(out)
        (dist / page["page"]).write_text(out, encoding="utf-8")
        written += 1
    index.write_text(render(template, home, base, og_fallback), encoding="utf-8")
    print(f"static_pages: {written} pages beside index.html" + (f" (site URL {base})" if base else " (no site URL)"))
    print(f"static_pages: {write_embed_pages(dist)} pre-rendered embed pages beside embed.html")


if __name__ == "__main__":
    main()

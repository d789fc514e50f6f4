//! `render-static`: draws at build time, natively, what the app draws in the browser — with the
//! same loader (`parse_json` + `validate_*`) and the same drawing code (`chart::target_bars`,
//! `chart::heatmap`, `geo`) — and writes into `dist/static/`:
//!
//! * an SVG of every chart the app draws (each area's target charts, each indicator's chart, the
//!   department heatmap, the map's default layer), in zh and en, light theme, 800 px wide (the
//!   width of the app's "Download SVG");
//! * an Open Graph PNG (1200×630) and a share card PNG (1080×1350, with the view's URL when a
//!   site URL is given) per area and per indicator, in Chinese;
//! * `pages.json`: the metadata of each per-view HTML page, for `tools/static_pages.py`.
//!
//! Native only (`--features static-render`); nothing of it is in the Wasm.
//!
//! ```text
//! render-static [--data DIR] [--out DIR] [--site-url URL] [--only ID] [--width PX]
//!               [--lang zh|en] [--theme light|dark] [--no-png]
//! ```
//! `--site-url` (or `GD_SITE_URL`) is the public base URL of `dist/`. Without it the pages get no
//! canonical link, `og:image` is relative, and the share cards carry no URL line.
//! `--only ID` draws just the SVG of one chart (a chart id such as `logistics.targets-1`, an
//! indicator id, `departments-heatmap` or `map`) — the e2e tests use it with `--width` to draw
//! what the browser drew at its container's width.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gd_plus::chart::heatmap::{fit, heatmap_export_svg, heatmap_to_svg, HeatmapData};
use gd_plus::chart::target_bars::{
    area_chart_title, charts_for, indicator_chart_title, to_export_svg, to_svg, TargetChart,
};
use gd_plus::chart::{Theme, FONT_FAMILY};
use gd_plus::data::validate::{validate_area, validate_index};
use gd_plus::data::{
    parse_json, AreaFile, AreaIndex, CityIndex, DepartmentIndex, LoadError, Meta, ProgrammeIndex,
};
use gd_plus::geo::layers::layer_view;
use gd_plus::geo::locator::locator_style;
use gd_plus::geo::{map_export_svg, map_to_svg, CityShapes, MapLayout};
use gd_plus::i18n::{Lang, Msg};
use gd_plus::route::{Figure, MapLayer};
use gd_plus::static_render::{
    area_page, card_url_line, chart_svg, city_page, embed_page, heatmap_svg, home_page,
    indicator_page, indicator_svg, locator_svg, map_svg, prerender, prerender_html, site_base,
    svg_height, wrap, Kind, PageMeta, CARD_SIZE, EXPORT_WIDTH, OG_SIZE, SOURCE_LINE,
};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Command-line options.
struct Options {
    data: PathBuf,
    out: PathBuf,
    site: Option<String>,
    only: Option<String>,
    width: u32,
    langs: Vec<Lang>,
    theme: Theme,
    png: bool,
    /// The drawing alone, as the page shows it; otherwise the stand-alone picture (title above,
    /// source line below) that the app's "Download SVG" gives.
    bare: bool,
}

fn usage() -> &'static str {
    "usage: render-static [--data DIR] [--out DIR] [--site-url URL] [--only ID] [--width PX] \
     [--lang zh|en] [--theme light|dark] [--no-png] [--bare]"
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        data: PathBuf::from("data"),
        out: PathBuf::from("dist/static"),
        site: std::env::var("GD_SITE_URL").ok().filter(|s| !s.is_empty()),
        only: None,
        width: EXPORT_WIDTH,
        langs: vec![Lang::Zh, Lang::En],
        theme: Theme::LIGHT,
        png: true,
        bare: false,
    };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || {
            it.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value\n{}", usage()))
        };
        match flag.as_str() {
            "--data" => o.data = PathBuf::from(value()?),
            "--out" => o.out = PathBuf::from(value()?),
            "--site-url" => o.site = Some(value()?),
            "--only" => o.only = Some(value()?),
            "--width" => {
                let v = value()?;
                o.width = v
                    .parse()
                    .ok()
                    .filter(|w| (1..=4000).contains(w))
                    .ok_or_else(|| format!("--width {v}: a width in pixels, 1 to 4000"))?;
            }
            "--lang" => {
                let v = value()?;
                o.langs =
                    vec![Lang::from_param(&v).ok_or_else(|| format!("--lang {v}: zh or en"))?];
            }
            "--theme" => {
                o.theme = match value()?.as_str() {
                    "light" => Theme::LIGHT,
                    "dark" => Theme::DARK,
                    v => return Err(format!("--theme {v}: light or dark")),
                }
            }
            "--no-png" => o.png = false,
            "--bare" => o.bare = true,
            "-h" | "--help" => return Err(usage().to_owned()),
            other => return Err(format!("unknown argument {other}\n{}", usage())),
        }
    }
    Ok(o)
}

/// Everything in data/ that the app draws from, loaded and validated as the app does.
struct Data {
    index: AreaIndex,
    areas: Vec<AreaFile>,
    departments: DepartmentIndex,
    cities: CityIndex,
    programmes: ProgrammeIndex,
    shapes: CityShapes,
    meta: Meta,
}

fn read(dir: &Path, file: &str) -> Result<String, String> {
    let path = dir.join(file);
    std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
}

fn load(dir: &Path) -> Result<Data, String> {
    let json = |file: &str| read(dir, file);
    let err = |e: LoadError| e.to_string();
    let index: AreaIndex = parse_json("areas.json", &json("areas.json")?).map_err(err)?;
    let departments: DepartmentIndex =
        parse_json("departments.json", &json("departments.json")?).map_err(err)?;
    let cities: CityIndex = parse_json("cities.json", &json("cities.json")?).map_err(err)?;
    let programmes: ProgrammeIndex =
        parse_json("programmes.json", &json("programmes.json")?).map_err(err)?;
    let meta: Meta = parse_json("meta.json", &json("meta.json")?).map_err(err)?;
    if let Some(first) = validate_index("areas.json", &index).into_iter().next() {
        return Err(first.to_string());
    }
    let mut areas = Vec::new();
    for summary in &index.areas {
        let area: AreaFile = parse_json(&summary.file, &json(&summary.file)?).map_err(err)?;
        let problems = validate_area(
            &summary.file,
            &area,
            Some(summary.counts),
            &departments,
            &cities,
        );
        if let Some(first) = problems.into_iter().next() {
            return Err(first.to_string());
        }
        areas.push(area);
    }
    let geo = "geo/guangdong-cities.geojson";
    let shapes = CityShapes::parse(geo, &json(geo)?).map_err(err)?;
    Ok(Data {
        index,
        areas,
        departments,
        cities,
        programmes,
        shapes,
        meta,
    })
}

/// The SVG of the map's default layer, as the home page and the map page draw it.
fn map_drawing(d: &Data, width: u32, lang: Lang, theme: Theme, bare: bool) -> String {
    let layout = MapLayout::new(&d.shapes, width);
    let view = layer_view(
        &MapLayer::AllTasks,
        &d.cities,
        &d.areas,
        &d.programmes,
        lang,
        theme,
    );
    if bare {
        map_to_svg(&layout, &view.style)
    } else {
        map_export_svg(&layout, &view.style, lang)
    }
}

/// One SVG to write: file name and content.
type Svg = (String, String);

/// Every SVG the app draws (or only the one named by `only`), at `width`.
fn svgs(d: &Data, o: &Options) -> Vec<Svg> {
    let mut out = Vec::new();
    let wanted = |id: &str| o.only.as_deref().is_none_or(|only| only == id);
    for &lang in &o.langs {
        for area in &d.areas {
            let area_name = d
                .index
                .areas
                .iter()
                .find(|a| a.slug == area.slug)
                .map(|a| a.name.get(lang).to_owned())
                .unwrap_or_default();
            for chart in charts_for(&area.slug, &area.indicators, lang) {
                if let (true, Some(name)) = (wanted(&chart.id), chart_svg(&chart.id, lang)) {
                    let svg = if o.bare {
                        to_svg(&chart, o.width, o.theme)
                    } else {
                        let title = area_chart_title(&area_name, &chart, lang);
                        to_export_svg(&chart, o.width, o.theme, &title, lang)
                    };
                    out.push((name, svg));
                }
            }
            for ind in &area.indicators {
                let charts = charts_for(&area.slug, std::slice::from_ref(ind), lang);
                if let (true, Some(chart), Some(name)) = (
                    wanted(&ind.id),
                    charts.first(),
                    indicator_svg(&ind.id, lang),
                ) {
                    let svg = if o.bare {
                        to_svg(chart, o.width, o.theme)
                    } else {
                        let title = indicator_chart_title(ind.name.get(lang), chart);
                        to_export_svg(chart, o.width, o.theme, &title, lang)
                    };
                    out.push((name, svg));
                }
            }
        }
        if wanted("departments-heatmap") {
            let data = HeatmapData::from(&d.index, &d.areas, &d.departments, lang);
            let svg = if o.bare {
                heatmap_to_svg(&data, o.width, o.theme, None)
            } else {
                let title = Msg::DepartmentsHeatmap.text(lang);
                heatmap_export_svg(&data, o.width, o.theme, title)
            };
            out.push((heatmap_svg(lang), svg));
        }
        if wanted("map") {
            out.push((
                map_svg(lang),
                map_drawing(d, o.width, lang, o.theme, o.bare),
            ));
        }
    }
    out
}

/// Turns SVG into pixels with the system's fonts (`sans-serif` is WenQuanYi Micro Hei when installed).
struct Rasteriser {
    options: resvg::usvg::Options<'static>,
}

impl Rasteriser {
    fn new() -> Rasteriser {
        let mut options = resvg::usvg::Options::default();
        let db = options.fontdb_mut();
        db.load_system_fonts();
        if db.faces().any(|f| {
            f.families
                .iter()
                .any(|(name, _)| name == "WenQuanYi Micro Hei")
        }) {
            db.set_sans_serif_family("WenQuanYi Micro Hei");
        }
        Rasteriser { options }
    }

    fn has_cjk_font(&self) -> bool {
        self.options.fontdb.faces().any(|f| {
            f.families.iter().any(|(name, _)| {
                [
                    "WenQuanYi",
                    "Noto Sans CJK",
                    "Source Han",
                    "PingFang",
                    "YaHei",
                ]
                .iter()
                .any(|n| name.contains(n))
            })
        })
    }

    /// Draws `svg` into `pixmap`, scaled by `scale` and moved to (`x`, `y`).
    fn draw(
        &self,
        svg: &str,
        pixmap: &mut resvg::tiny_skia::Pixmap,
        x: f32,
        y: f32,
        scale: f32,
    ) -> Result<(), String> {
        let tree = resvg::usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let t = resvg::tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, x, y);
        resvg::render(&tree, t, &mut pixmap.as_mut());
        Ok(())
    }
}

/// A text line of the frame: text, x, y, plotters font size, colour, bold.
struct Line {
    text: String,
    x: i32,
    y: i32,
    size: u32,
    color: (u8, u8, u8),
    bold: bool,
}

/// The frame of an image (background and text lines), drawn by plotters, which escapes all text.
fn frame_svg(size: (u32, u32), theme: Theme, lines: &[Line]) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let (r, g, b) = theme.background;
        let _ = root.fill(&RGBColor(r, g, b));
        for l in lines {
            let (r, g, b) = l.color;
            let font = (FONT_FAMILY, l.size).into_font();
            let font = if l.bold {
                font.style(FontStyle::Bold)
            } else {
                font
            };
            let color = RGBColor(r, g, b);
            let style = TextStyle::from(font)
                .color(&color)
                .pos(Pos::new(HPos::Left, VPos::Top));
            let _ = root.draw(&Text::new(l.text.clone(), (l.x, l.y), style));
        }
        let _ = root.present();
    }
    svg
}

/// An image: the frame's lines, the chart fitted into `(x, y, w, h)` and centred horizontally.
fn compose(
    r: &Rasteriser,
    size: (u32, u32),
    lines: &[Line],
    chart: &dyn Fn(u32) -> String,
    region: (f32, f32, f32, f32),
) -> Result<Vec<u8>, String> {
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.0, size.1)
        .ok_or_else(|| format!("cannot allocate a {}×{} image", size.0, size.1))?;
    r.draw(
        &frame_svg(size, Theme::LIGHT, lines),
        &mut pixmap,
        0.0,
        0.0,
        1.0,
    )?;
    let (x, y, w, h) = region;
    // The chart drawn at the width that lets it fill the region best (larger text), at most 2.25×.
    let mut best: Option<(f32, f32, f32, String)> = None;
    for cw in [480u32, 560, 640, 720, 800] {
        let svg = chart(cw);
        let ch = svg_height(&svg).ok_or("chart SVG without a height")?;
        let cw = cw as f32;
        let scale = (w / cw).min(h / ch).min(2.25);
        if best.as_ref().is_none_or(|b| scale > b.0) {
            best = Some((scale, cw, ch, svg));
        }
    }
    let (scale, cw, ch, svg) = best.ok_or("no chart")?;
    let (dx, dy) = ((w - cw * scale) / 2.0, (h - ch * scale) / 2.0);
    r.draw(&svg, &mut pixmap, x + dx, y + dy, scale)?;
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// Open Graph image: title, the chart, the source line.
fn og_image(r: &Rasteriser, title: &str, chart: &dyn Fn(u32) -> String) -> Result<Vec<u8>, String> {
    let t = Theme::LIGHT;
    let lines = [
        Line {
            text: fit(title, 1104, 48),
            x: 48,
            y: 36,
            size: 48,
            color: t.foreground,
            bold: true,
        },
        Line {
            text: Msg::SiteTitle.text(Lang::Zh).to_owned(),
            x: 48,
            y: 92,
            size: 26,
            color: t.muted,
            bold: false,
        },
        Line {
            text: SOURCE_LINE.to_owned(),
            x: 48,
            y: 582,
            size: 26,
            color: t.muted,
            bold: false,
        },
    ];
    compose(r, OG_SIZE, &lines, chart, (48.0, 136.0, 1104.0, 430.0))
}

/// Share card for platforms without iframes or scripts: title, the chart, source and URL.
fn share_card(
    r: &Rasteriser,
    title: &str,
    chart: &dyn Fn(u32) -> String,
    url: &str,
) -> Result<Vec<u8>, String> {
    let t = Theme::LIGHT;
    let mut lines = Vec::new();
    let mut y = 64;
    for text in wrap(title, 940, 64, 2) {
        lines.push(Line {
            text,
            x: 48,
            y,
            size: 64,
            color: t.foreground,
            bold: true,
        });
        y += 64;
    }
    lines.push(Line {
        text: Msg::SiteTitle.text(Lang::Zh).to_owned(),
        x: 48,
        y: y + 12,
        size: 32,
        color: t.muted,
        bold: false,
    });
    lines.push(Line {
        text: SOURCE_LINE.to_owned(),
        x: 48,
        y: 1190,
        size: 30,
        color: t.muted,
        bold: false,
    });
    let url = card_url_line(url);
    if !url.is_empty() {
        lines.push(Line {
            text: fit(&url, 984, 32),
            x: 48,
            y: 1250,
            size: 32,
            color: t.series_2017,
            bold: true,
        });
    }
    compose(r, CARD_SIZE, &lines, chart, (48.0, 280.0, 984.0, 880.0))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// The images of one page (Open Graph and share card), from the chart its static image shows.
fn page_images(
    r: &Rasteriser,
    out: &Path,
    page: &PageMeta,
    name: &str,
    chart: &TargetChart,
) -> Result<u64, String> {
    let svg = |width: u32| to_svg(chart, width, Theme::LIGHT);
    let og = og_image(r, name, &svg)?;
    let card = share_card(r, name, &svg, &page.url)?;
    let strip = |p: &str| p.trim_start_matches("static/").to_owned();
    write(&out.join(strip(&page.og_image)), &og)?;
    write(&out.join(strip(&page.card)), &card)?;
    Ok((og.len() + card.len()) as u64)
}

fn run(o: &Options) -> Result<(), String> {
    let d = load(&o.data)?;
    std::fs::create_dir_all(&o.out).map_err(|e| format!("{}: {e}", o.out.display()))?;
    let drawn = svgs(&d, o);
    if drawn.is_empty() {
        return Err(format!(
            "nothing to draw for --only {}",
            o.only.as_deref().unwrap_or_default()
        ));
    }
    let svg_bytes: usize = drawn.iter().map(|(_, s)| s.len()).sum();
    for (name, svg) in &drawn {
        write(&o.out.join(name), svg.as_bytes())?;
    }
    println!(
        "render-static: {} SVG ({svg_bytes} bytes) in {}",
        drawn.len(),
        o.out.display()
    );
    if o.only.is_some() {
        return Ok(());
    }

    let base = site_base(o.site.as_deref());
    if o.site.is_some() && base.is_none() {
        return Err(format!(
            "--site-url {:?}: not an http(s) URL without query or fragment",
            o.site.as_deref().unwrap_or_default()
        ));
    }
    let home = home_page(&d.index, base.as_deref());
    let home_view = prerender::home_view(&d.meta, &d.index, &d.departments, &d.cities);
    write(
        &o.out.join(home.prerender.trim_start_matches("static/")),
        home_view.as_bytes(),
    )?;
    let mut pages = vec![home];
    let r = o.png.then(Rasteriser::new);
    if let Some(r) = &r {
        if !r.has_cjk_font() {
            eprintln!("render-static: warning: no CJK font found (install fonts-wqy-microhei); Chinese text in the PNGs will be missing");
        }
    }
    let mut png_bytes = 0u64;
    let mut png_count = 0;
    for (summary, area) in d.index.areas.iter().zip(&d.areas) {
        let charts = charts_for(&area.slug, &area.indicators, Lang::Zh);
        let Some(first) = charts.first() else {
            continue;
        };
        let Some(page) = area_page(summary, &first.id, base.as_deref()) else {
            eprintln!(
                "render-static: skipped area {:?}: id unfit for a file name",
                summary.slug
            );
            continue;
        };
        if let Some(r) = &r {
            png_bytes += page_images(r, &o.out, &page, &summary.name.zh, first)?;
            png_count += 2;
        }
        if let Some(file) = prerender_html(Kind::Area, &summary.slug) {
            let view = prerender::area_view(summary, first, &area.indicators);
            write(&o.out.join(file), view.as_bytes())?;
        }
        pages.push(page);
        for ind in &area.indicators {
            let charts = charts_for(&area.slug, std::slice::from_ref(ind), Lang::Zh);
            let (Some(chart), Some(page)) = (charts.first(), indicator_page(ind, base.as_deref()))
            else {
                continue;
            };
            if let Some(r) = &r {
                png_bytes += page_images(r, &o.out, &page, &ind.name.zh, chart)?;
                png_count += 2;
            }
            if let Some(file) = prerender_html(Kind::Indicator, &ind.id) {
                let view = prerender::indicator_view(summary, chart, ind);
                write(&o.out.join(file), view.as_bytes())?;
            }
            pages.push(page);
        }
    }
    for city in &d.cities.cities {
        let (Some(page), Some(file), Some(view)) = (
            city_page(city, &d.cities, base.as_deref()),
            prerender_html(Kind::City, &city.adcode),
            prerender::city_view(&city.adcode, &d.cities, &d.shapes),
        ) else {
            eprintln!(
                "render-static: skipped city {:?}: id unfit for a file name",
                city.adcode
            );
            continue;
        };
        write(&o.out.join(file), view.as_bytes())?;
        // The no-script picture: the locator map as the app draws it on a wide screen.
        if let (Some(svg), Some(style)) = (
            locator_svg(&city.adcode, Lang::Zh),
            locator_style(&city.adcode, &d.cities, Lang::Zh, Theme::LIGHT),
        ) {
            let layout = MapLayout::locator(&d.shapes, prerender::LOCATOR_WIDE_PX);
            write(&o.out.join(svg), map_to_svg(&layout, &style).as_bytes())?;
        }
        pages.push(page);
    }
    let manifest = serde_json::to_string_pretty(&pages).map_err(|e| e.to_string())?;
    write(&o.out.join("pages.json"), manifest.as_bytes())?;
    let embed_count = embeds(&d, &o.out)?;
    println!("render-static: {embed_count} pre-rendered embeds in embeds.json");
    println!(
        "render-static: {png_count} PNG ({png_bytes} bytes), {} pages in pages.json{}",
        pages.len(),
        match &base {
            Some(b) => format!(", site URL {b}"),
            None => " (no site URL: relative og:image, no canonical link, no URL on the cards)"
                .to_owned(),
        }
    );
    Ok(())
}

/// The pre-rendered embed of every area chart and every indicator chart (`static/pre-embed-….html`)
/// and their list, `embeds.json`, for tools/static_pages.py. Returns how many.
fn embeds(d: &Data, out: &Path) -> Result<usize, String> {
    let mut list = Vec::new();
    for (summary, area) in d.index.areas.iter().zip(&d.areas) {
        let charts = charts_for(&area.slug, &area.indicators, Lang::Zh);
        for (i, chart) in charts.iter().enumerate() {
            let Ok(n) = u8::try_from(i + 1) else {
                break;
            };
            let figure = Figure::AreaChart {
                area: summary.slug.clone(),
                n,
            };
            let title = area_chart_title(&summary.name.zh, chart, Lang::Zh);
            let Some(meta) = embed_page(&figure, &title) else {
                continue;
            };
            let view = prerender::embed_area_view(summary, chart, n, &area.indicators);
            write(
                &out.join(meta.prerender.trim_start_matches("static/")),
                view.as_bytes(),
            )?;
            list.push(meta);
        }
        for ind in &area.indicators {
            let charts = charts_for(&area.slug, std::slice::from_ref(ind), Lang::Zh);
            let Some(chart) = charts.first() else {
                continue;
            };
            let figure = Figure::IndicatorChart(ind.id.clone());
            let title = indicator_chart_title(&ind.name.zh, chart);
            let Some(meta) = embed_page(&figure, &title) else {
                continue;
            };
            let view = prerender::embed_indicator_view(chart, ind);
            write(
                &out.join(meta.prerender.trim_start_matches("static/")),
                view.as_bytes(),
            )?;
            list.push(meta);
        }
    }
    let manifest = serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?;
    write(&out.join("embeds.json"), manifest.as_bytes())?;
    Ok(list.len())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(&args).and_then(|o| run(&o));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render-static: {e}");
            ExitCode::FAILURE
        }
    }
}

//! What `render-static` writes, read back: the PNGs decoded and looked at pixel by pixel, and
//! `pages.json` against data/. Runs the real binary once into a scratch directory (≈ 6 s).
//! Needs the feature: `cargo test --features static-render --test render_static_output`
//! (`./x test` runs it).
#![cfg(all(feature = "static-render", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup is a failed test

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use gd_plus::chart::Theme;
use gd_plus::static_render::{CARD_SIZE, OG_SIZE};

const SITE: &str = "https://example.org/gd/";

/// `dist/static/` as render-static writes it for the real data/, with a site URL.
fn out() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("render-static-output");
        let _ = std::fs::remove_dir_all(&dir);
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_render-static"))
            .arg("--data")
            .arg(common::root().join("data"))
            .arg("--out")
            .arg(&dir)
            .args(["--site-url", SITE])
            .status()
            .expect("render-static runs");
        assert!(status.success(), "render-static failed: {status}");
        dir
    })
}

/// A decoded PNG, 8-bit RGBA.
struct Image {
    width: u32,
    height: u32,
    rgba: Vec<u8>,
}

fn decode(path: &Path) -> Image {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder
        .read_info()
        .unwrap_or_else(|e| panic!("{}: not a PNG: {e}", path.display()));
    let mut rgba = vec![0; reader.output_buffer_size().expect("buffer size")];
    let info = reader
        .next_frame(&mut rgba)
        .unwrap_or_else(|e| panic!("{}: undecodable: {e}", path.display()));
    assert_eq!(
        (info.color_type, info.bit_depth),
        (png::ColorType::Rgba, png::BitDepth::Eight),
        "{}",
        path.display()
    );
    rgba.truncate(info.buffer_size());
    Image {
        width: info.width,
        height: info.height,
        rgba,
    }
}

impl Image {
    fn pixel(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.width + x) * 4) as usize;
        [
            self.rgba[i],
            self.rgba[i + 1],
            self.rgba[i + 2],
            self.rgba[i + 3],
        ]
    }

    /// Pixels in the box `x0..x1 × y0..y1` (every second one each way) that pass `test`.
    fn count(
        &self,
        (x0, y0, x1, y1): (u32, u32, u32, u32),
        test: impl Fn([u8; 4]) -> bool,
    ) -> usize {
        (y0..y1.min(self.height))
            .step_by(2)
            .flat_map(|y| (x0..x1.min(self.width)).step_by(2).map(move |x| (x, y)))
            .filter(|&(x, y)| test(self.pixel(x, y)))
            .count()
    }
}

/// Dark text on the white frame (the title and the lines under it are drawn in near-black/grey).
fn ink(p: [u8; 4]) -> bool {
    p[3] == 255 && u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2]) < 3 * 140
}

/// Within a small distance of `colour` (antialiasing blends the edges of bars).
fn near(colour: (u8, u8, u8)) -> impl Fn([u8; 4]) -> bool {
    move |p| {
        p[0].abs_diff(colour.0) <= 16
            && p[1].abs_diff(colour.1) <= 16
            && p[2].abs_diff(colour.2) <= 16
    }
}

fn pngs(prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && name.ends_with(".png")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn open_graph_images_show_title_bars_and_source_on_white() {
    let files = pngs("og-");
    assert_eq!(files.len(), 61, "one per area and indicator page");
    let t = Theme::LIGHT;
    for path in &files {
        let name = path.display();
        let img = decode(path);
        assert_eq!((img.width, img.height), OG_SIZE, "{name}");
        assert_eq!(img.pixel(2, 2), [255, 255, 255, 255], "{name}: background");
        // Title (48 px type at y 36), site name (y 92), source line (y 582): each band has ink.
        assert!(img.count((48, 36, 1152, 86), ink) > 300, "{name}: no title");
        assert!(
            img.count((48, 92, 1152, 122), ink) > 100,
            "{name}: no site name"
        );
        assert!(
            img.count((48, 582, 1152, 612), ink) > 100,
            "{name}: no source line"
        );
        // The chart region holds bars of the 2017 or 2020 colour.
        let chart = (48, 136, 1152, 566);
        let bars = img.count(chart, near(t.series_2017)) + img.count(chart, near(t.series_2020));
        assert!(bars > 500, "{name}: {bars} bar pixels");
        // Nothing is drawn in the margins.
        let margin = img.count((0, 0, 40, 630), |p| p != [255, 255, 255, 255]);
        assert_eq!(margin, 0, "{name}: {margin} pixels in the left margin");
    }
}

#[test]
fn share_cards_show_title_bars_source_and_the_pages_address() {
    let files = pngs("card-");
    assert_eq!(files.len(), 61, "one per area and indicator page");
    let t = Theme::LIGHT;
    for path in &files {
        let name = path.display();
        let img = decode(path);
        assert_eq!((img.width, img.height), CARD_SIZE, "{name}");
        assert_eq!(img.pixel(2, 2), [255, 255, 255, 255], "{name}: background");
        assert!(
            img.count((48, 64, 1032, 128), ink) > 400,
            "{name}: no title"
        );
        let chart = (48, 280, 1032, 1160);
        let bars = img.count(chart, near(t.series_2017)) + img.count(chart, near(t.series_2020));
        assert!(bars > 1000, "{name}: {bars} bar pixels");
        assert!(
            img.count((48, 1190, 1032, 1224), ink) > 100,
            "{name}: no source line"
        );
        // The address line is drawn in the 2017 blue (a site URL was given).
        let url = img.count((48, 1250, 1032, 1290), near(t.series_2017));
        assert!(url > 100, "{name}: no address line ({url} pixels)");
    }
}

#[test]
fn pages_json_has_a_page_for_every_area_indicator_and_city_and_its_files_exist() {
    let text = std::fs::read_to_string(out().join("pages.json")).unwrap();
    let pages: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let all = common::all();
    let find = |kind: &str, id: &str| {
        pages
            .iter()
            .find(|p| p["kind"] == kind && p["id"] == id)
            .unwrap_or_else(|| panic!("pages.json has no {kind} page {id}"))
    };
    let home = find("home", "");
    assert_eq!(home["page"], "index.html");
    assert_eq!(home["url"], SITE);
    let mut expected = 1;
    for (summary, area) in all.index.areas.iter().zip(&all.areas) {
        if area.indicators.iter().all(|i| i.targets.is_empty()) {
            continue;
        }
        let page = find("area", &summary.slug);
        assert_eq!(page["page"], format!("area-{}.html", summary.slug));
        assert_eq!(page["description"], summary.description.zh.as_str());
        expected += 1;
        for ind in area.indicators.iter().filter(|i| !i.targets.is_empty()) {
            let page = find("indicator", &ind.id);
            assert_eq!(page["page"], format!("indicator-{}.html", ind.id));
            expected += 1;
        }
    }
    for city in &all.cities.cities {
        let page = find("city", &city.adcode);
        assert_eq!(page["page"], format!("city-{}.html", city.adcode));
        assert_eq!(page["route"], format!("view=city&id={}", city.adcode));
        expected += 1;
    }
    assert_eq!(pages.len(), expected, "no page for anything else");
    for page in &pages {
        assert_eq!(
            page["url"].as_str().unwrap(),
            format!("{SITE}{}", page["page"].as_str().unwrap()).trim_end_matches("index.html"),
        );
        for field in ["svg", "og_image", "card", "prerender"] {
            let rel = page[field].as_str().unwrap();
            // A city page has no images of its own (the site's stands in for link previews).
            if rel.is_empty() && page["kind"] == "city" && (field == "og_image" || field == "card")
            {
                continue;
            }
            if rel.is_empty() {
                assert_eq!(page["kind"], "home", "{field} of {}", page["page"]);
                assert_ne!(field, "prerender", "home has its pre-rendered view");
                continue;
            }
            let file = out().join(rel.trim_start_matches("static/"));
            let len = std::fs::metadata(&file)
                .unwrap_or_else(|e| panic!("{}: {field} {rel}: {e}", page["page"]))
                .len();
            assert!(len > 1000, "{rel}: {len} bytes");
        }
        let pre = page["prerender"].as_str().unwrap();
        if !pre.is_empty() {
            let html =
                std::fs::read_to_string(out().join(pre.trim_start_matches("static/"))).unwrap();
            if page["kind"] == "home" {
                assert_eq!(pre, "static/pre-home.html");
                assert_eq!(
                    html.matches("<article class=\"area-card\"").count(),
                    all.index.areas.len(),
                    "{pre}: a card per area"
                );
                continue;
            }
            assert_eq!(
                html.matches("<svg").count(),
                4,
                "{pre}: the chart in four variants"
            );
        }
    }
}

#[test]
fn embeds_json_has_a_prerendered_embed_for_every_area_chart_and_indicator_chart() {
    let text = std::fs::read_to_string(out().join("embeds.json")).unwrap();
    let embeds: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let all = common::all();
    let mut expected = Vec::new();
    for area in &all.areas {
        let charts = gd_plus::chart::target_bars::charts_for(
            &area.slug,
            &area.indicators,
            gd_plus::i18n::Lang::Zh,
        );
        for n in 1..=charts.len() {
            expected.push(format!("embed-area-{}-{n}.html", area.slug));
        }
        for ind in area.indicators.iter().filter(|i| !i.targets.is_empty()) {
            expected.push(format!("embed-indicator-{}.html", ind.id));
        }
    }
    let pages: Vec<&str> = embeds.iter().map(|e| e["page"].as_str().unwrap()).collect();
    assert_eq!(pages, expected);
    for embed in &embeds {
        let page = embed["page"].as_str().unwrap();
        let route = gd_plus::route::UrlState::parse(embed["route"].as_str().unwrap());
        let gd_plus::route::Route::Embed(e) = route.route else {
            panic!("{page}: the route is not an embed");
        };
        assert_eq!(e.figure.own_page().as_deref(), Some(page));
        let pre = embed["prerender"].as_str().unwrap();
        assert_eq!(pre, format!("static/pre-{page}"));
        let html = std::fs::read_to_string(out().join(pre.trim_start_matches("static/"))).unwrap();
        assert_eq!(html.matches("<svg ").count(), 4, "{pre}: four variants");
        assert!(html.starts_with("<main class=\"embed-view\""), "{pre}");
    }
}

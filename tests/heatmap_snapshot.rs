//! Snapshot of the departments × areas heatmap of the real data, 800 px wide, light theme.
//!
//! Floats in the SVG are rounded to one decimal, so that the last digit of a font size does not
//! fail the test. `UPDATE_SNAPSHOTS=1 cargo test --test heatmap_snapshot` rewrites the snapshot;
//! `HEATMAP_SVG=/tmp/heatmap.svg` also writes the rendering there, to look at it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed lookup is a failed test

mod common;

use gd_plus::chart::heatmap::{heatmap_to_svg, summary, HeatLayout, HeatmapData};
use gd_plus::chart::Theme;
use gd_plus::i18n::Lang;

/// Text as plotters' SVG backend writes it.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

fn data(lang: Lang) -> HeatmapData {
    let all = common::all();
    HeatmapData::from(&all.index, &all.areas, &all.departments, lang)
}

#[test]
fn rounding_touches_only_decimals() {
    assert_eq!(
        common::round_floats(r#"x="12" font-size="11.290322580645162" y="-0.06""#),
        r#"x="12" font-size="11.3" y="-0.1""#
    );
}

#[test]
fn heatmap_of_the_real_data_matches_the_snapshot() {
    let data = data(Lang::Zh);
    // Every action area is a column, and every task is counted once per department.
    assert_eq!(data.columns.len(), 13);
    let all = common::all();
    let named: u32 = all
        .areas
        .iter()
        .flat_map(|a| &a.tasks)
        .map(|t| {
            let mut ids = t.departments.clone();
            ids.sort();
            ids.dedup();
            ids.len() as u32
        })
        .sum();
    assert_eq!(data.cells.iter().flatten().sum::<u32>(), named);
    assert!(data.rows.windows(2).all(|w| w[0].total >= w[1].total));
    assert_eq!(data.rows[0].department_id, "economy-information");

    let svg = heatmap_to_svg(&data, 800, Theme::LIGHT, None);
    if let Ok(path) = std::env::var("HEATMAP_SVG") {
        std::fs::write(&path, &svg).unwrap();
        println!("wrote {path}");
    }
    matches_snapshot("heatmap-800.svg", &svg);
}

/// Compares `svg` (floats rounded) with `tests/snapshots/<name>`, or rewrites it with
/// `UPDATE_SNAPSHOTS=1`.
fn matches_snapshot(name: &str, svg: &str) {
    let svg = common::round_floats(svg);
    let path = common::root().join("tests/snapshots").join(name);
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &svg).unwrap();
        println!("updated {}", path.display());
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_SNAPSHOTS=1 to write it",
            path.display()
        )
    });
    if svg != expected {
        let line = svg
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "heatmap SVG differs from {} (first at line {}):\n  got:      {}\n  expected: {}\nrun with UPDATE_SNAPSHOTS=1 if the change is intended",
            path.display(),
            line + 1,
            svg.lines().nth(line).unwrap_or(""),
            expected.lines().nth(line).unwrap_or("")
        );
    }
}

/// The narrow end in English and dark with a highlighted cell (the tooltip state), and the
/// narrowest width in Chinese: the cases the 800 px snapshot does not cover.
#[test]
fn narrow_dark_english_and_narrowest_chinese_match_their_snapshots() {
    let en = data(Lang::En);
    matches_snapshot(
        "heatmap-en-dark-360-highlight.svg",
        &heatmap_to_svg(&en, 360, Theme::DARK, Some((0, 0))),
    );
    let zh = data(Lang::Zh);
    matches_snapshot(
        "heatmap-zh-light-280.svg",
        &heatmap_to_svg(&zh, 280, Theme::LIGHT, None),
    );
}

#[test]
fn every_width_and_both_languages_render() {
    for lang in [Lang::Zh, Lang::En] {
        let data = data(lang);
        for width in [280, 360, 480, 800, 1024, 1400] {
            let layout = HeatLayout::new(&data, width);
            let (_, _, right, _) = layout.cell_rect(0, layout.cols - 1);
            assert!(right <= width as i32, "{lang:?} {width}: {right}");
            let size = format!(
                "<svg width=\"{width}\" height=\"{}\" viewBox=\"0 0 {width} {}\"",
                layout.height, layout.height
            );
            let mut drawn = Vec::new();
            for theme in [Theme::LIGHT, Theme::DARK] {
                let plain = heatmap_to_svg(&data, width, theme, None);
                let lit = heatmap_to_svg(&data, width, theme, Some((0, 0)));
                for svg in [&plain, &lit] {
                    assert!(svg.starts_with(&size), "{lang:?} {width}: {}", &svg[..80]);
                    assert!(svg.trim_end().ends_with("</svg>"));
                    // Every row label of the layout is drawn as text (plotters escapes it).
                    for label in &layout.row_labels {
                        assert!(
                            svg.contains(&format!(">\n{}\n</text>", escape(label))),
                            "{lang:?} {width}: row label {label} is not drawn"
                        );
                    }
                }
                assert_ne!(plain, lit, "{lang:?} {width}: the highlight draws nothing");
                drawn.push(plain);
            }
            assert_ne!(
                drawn[0], drawn[1],
                "{lang:?} {width}: dark looks like light"
            );
        }
        let text = summary(&data, lang);
        println!("{text}");
        assert!(text.contains(&data.rows[0].name));
    }
}

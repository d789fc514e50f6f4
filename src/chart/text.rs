//! Chart text in CSS pixels: plotters' SVG backend writes `font-size` as the font's size / 1.24
//! (plotters-svg 0.3.7, `draw_text`), so a size asked for in plotters units comes out about a fifth
//! smaller in the browser. Every figure asks for its text here in CSS pixels, and the conversion
//! lives in one place. Widths are estimated (no font metrics in pure code), generously enough that
//! the text laid out with them stays inside its drawing (checked in the browser by
//! `tests/e2e/fonts.test.mjs`).

use plotters::prelude::*;
use plotters::style::text_anchor::Pos;

use super::FONT_FAMILY;

/// What plotters' SVG backend divides a font size by when it writes `font-size`.
pub const SVG_FONT_SCALE: f64 = 1.24;

/// The smallest text any figure draws, in CSS pixels at 1× (the legibility floor of issue #16).
pub const MIN_TEXT_PX: f64 = 12.0;

/// The plotters font size that the SVG backend writes as `px` CSS pixels.
pub fn plotters_size(px: f64) -> f64 {
    px * SVG_FONT_SCALE
}

/// A text style of `px` CSS pixels.
pub fn style(px: f64, colour: (u8, u8, u8), pos: Pos, bold: bool) -> TextStyle<'static> {
    // FontFamily::Name, not the &str: plotters' From<&str> lower-cases the name to look for
    // "serif"/"monospace", which pulls std's Unicode case tables into the Wasm (about 7 KB brotli).
    let font = if bold {
        (
            FontFamily::Name(FONT_FAMILY),
            plotters_size(px),
            FontStyle::Bold,
        )
            .into_font()
    } else {
        (FontFamily::Name(FONT_FAMILY), plotters_size(px)).into_font()
    };
    TextStyle {
        font,
        color: RGBColor(colour.0, colour.1, colour.2).to_backend_color(),
        pos,
    }
}

/// Estimated width in CSS pixels of `text` at `px`: CJK and full-width characters one em,
/// capitals and wide letters 0.72 em, others 0.56 em (a little over common sans-serif widths).
pub fn width(text: &str, px: f64) -> i32 {
    let w: f64 = text
        .chars()
        .map(|c| {
            if c as u32 >= 0x2e80 {
                px
            } else if c.is_ascii_uppercase() || c == 'm' || c == 'w' || c == '%' || c == '—' {
                px * 0.72
            } else {
                px * 0.56
            }
        })
        .sum();
    w.ceil() as i32
}

/// `text`, cut with `…` to fit `max_w` CSS pixels at `px`.
pub fn fit(text: &str, max_w: i32, px: f64) -> String {
    if width(text, px) <= max_w {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if width(&out, px) + width("…", px) > max_w {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// `text` broken into at most `max_lines` lines of at most `max_w` CSS pixels at `px`: between
/// words for Latin text, between any two characters for Chinese; the last line is cut with `…`
/// if the text is longer.
pub fn wrap(text: &str, max_w: i32, px: f64, max_lines: usize) -> Vec<String> {
    // Tokens: a CJK character alone, or a run of other characters up to and including a space.
    let mut tokens: Vec<String> = Vec::new();
    for c in text.chars() {
        let cjk = c as u32 >= 0x2e80;
        match tokens.last_mut() {
            Some(t) if !cjk && !t.ends_with(' ') && !t.chars().any(|p| p as u32 >= 0x2e80) => {
                t.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (i, t) in tokens.iter().enumerate() {
        let candidate = format!("{line}{t}");
        if line.is_empty() || width(candidate.trim_end(), px) <= max_w {
            line = candidate;
            continue;
        }
        if lines.len() + 1 == max_lines {
            let rest: String = tokens.get(i..).unwrap_or_default().concat();
            lines.push(fit(&format!("{line}{rest}"), max_w, px));
            return lines;
        }
        lines.push(fit(line.trim_end(), max_w, px));
        line = t.clone();
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(fit(line.trim_end(), max_w, px));
    }
    lines
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use plotters::style::text_anchor::{HPos, VPos};

    #[test]
    fn the_svg_backend_writes_the_css_size_asked_for() {
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (100, 40)).into_drawing_area();
            let pos = Pos::new(HPos::Left, VPos::Center);
            for px in [12.0, 13.0, 14.0, 16.0] {
                root.draw(&Text::new("x", (0, 20), style(px, (0, 0, 0), pos, false)))
                    .unwrap();
            }
            root.present().unwrap();
        }
        for px in ["12", "13", "14", "16"] {
            let found = svg
                .split("font-size=\"")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .filter_map(|s| s.parse::<f64>().ok())
                .any(|f| f >= px.parse::<f64>().unwrap() && f < px.parse::<f64>().unwrap() + 0.01);
            assert!(found, "{px}: {svg}");
        }
    }

    #[test]
    fn wrap_breaks_words_and_characters_and_cuts_the_last_line() {
        assert_eq!(
            wrap("网络购物普及率", 1000, 14.0, 2),
            vec!["网络购物普及率"]
        );
        let zh = wrap("一类视频监控点含重点公共区域视频监控联网率", 100, 14.0, 2);
        assert_eq!(zh.len(), 2);
        assert!(zh.iter().all(|l| width(l, 14.0) <= 100), "{zh:?}");
        assert!(zh[1].ends_with('…'));
        let en = wrap("Online shopping penetration rate", 120, 14.0, 3);
        assert!(
            en.len() >= 2 && en.iter().all(|l| width(l, 14.0) <= 120),
            "{en:?}"
        );
        assert!(en[0].starts_with("Online "), "breaks between words: {en:?}");
        assert_eq!(wrap("", 100, 14.0, 2), vec![""]);
    }
}

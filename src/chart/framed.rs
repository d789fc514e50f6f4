//! A figure as a picture that stands on its own (downloads, build-time images): the title above
//! and the source line below, drawn by plotters like the figure itself, so every text in the file
//! is escaped by plotters and never spliced in by us.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{text, Theme};
use crate::i18n::{Lang, Msg};

/// Title: bold, in CSS pixels (see [`super::text`]), wrapped to at most two lines.
const TITLE_PX: f64 = 17.0;
const TITLE_LINE_H: i32 = 24;
const TITLE_LINES: usize = 2;
/// Space above the first title line and below the last.
const TITLE_PAD: i32 = 8;
/// Height of the source band in pixels.
pub const SOURCE_BAND: u32 = 30;
/// The source line's size in CSS pixels.
const SOURCE_PX: f64 = 13.0;
/// Left and right margin of the title and source lines.
const SIDE: i32 = 12;

/// The texts around a figure.
#[derive(Clone, Copy, Debug)]
pub struct Frame<'a> {
    /// The figure's title, or `None` when the drawing has its own (the map).
    pub title: Option<&'a str>,
    /// The language of the source line.
    pub lang: Lang,
}

/// The source line under every stand-alone figure, e.g. "来源：广东省“互联网+”行动计划（2015—2020年）".
pub fn source_line(lang: Lang) -> &'static str {
    Msg::EmbedSource.text(lang)
}

/// The title's lines at `width` (bold text is estimated 5% wider than regular).
fn title_lines(title: &str, width: u32) -> Vec<String> {
    let max_w = (width as i32 - 2 * SIDE) * 20 / 21;
    text::wrap(title, max_w, TITLE_PX, TITLE_LINES)
}

/// Height of the title band of `title` at `width`.
pub fn title_band(title: Option<&str>, width: u32) -> u32 {
    title.map_or(0, |t| {
        (2 * TITLE_PAD + title_lines(t, width).len() as i32 * TITLE_LINE_H) as u32
    })
}

/// An SVG of `width` × (bands + `body_height`) with the title band, the figure drawn by
/// `draw_body` into the area between, and the source band.
pub fn framed_svg(
    width: u32,
    body_height: u32,
    theme: Theme,
    frame: Frame<'_>,
    draw_body: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>),
) -> String {
    let top = title_band(frame.title, width);
    let height = top + body_height + SOURCE_BAND;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        let bg = RGBColor(theme.background.0, theme.background.1, theme.background.2);
        let _ = root.fill(&bg);
        let (head, rest) = root.split_vertically(top);
        let (body, foot) = rest.split_vertically(body_height);
        let left = Pos::new(HPos::Left, VPos::Center);
        // Drawing into a string cannot fail for I/O reasons; an error would leave a partial SVG,
        // which is still valid markup, so it is not worth a panic.
        if let Some(title) = frame.title {
            for (i, line) in title_lines(title, width).into_iter().enumerate() {
                let y = TITLE_PAD + i as i32 * TITLE_LINE_H + TITLE_LINE_H / 2;
                let _ = head.draw(&Text::new(
                    line,
                    (SIDE, y),
                    text::style(TITLE_PX, theme.foreground, left, true),
                ));
            }
        }
        let source = text::fit(source_line(frame.lang), width as i32 - 2 * SIDE, SOURCE_PX);
        let _ = foot.draw(&Text::new(
            source,
            (SIDE, SOURCE_BAND as i32 / 2),
            text::style(SOURCE_PX, theme.muted, left, false),
        ));
        // Last: the figure's own drawing code presents the area, which closes the SVG document.
        draw_body(&body);
    }
    svg
}

/// Whether `title` fits the title band of a `width`-pixel picture without being cut.
pub fn title_fits(title: &str, width: u32) -> bool {
    title_lines(title, width)
        .last()
        .is_none_or(|l| !l.ends_with('…'))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn title_body_and_source_are_stacked_and_escaped() {
        let svg = framed_svg(
            400,
            100,
            Theme::LIGHT,
            Frame {
                title: Some("互联网+金融 <b>&</b>"),
                lang: Lang::Zh,
            },
            |body| {
                let _ = body.draw(&Rectangle::new([(0, 0), (10, 10)], RED.filled()));
                let _ = body.present(); // as every figure's drawing code does at its end
            },
        );
        assert!(svg.contains("height=\"170\""), "{svg}");
        assert!(
            svg.contains("互联网+金融 &lt;b&gt;&amp;&lt;/b&gt;"),
            "plotters escapes: {svg}"
        );
        assert!(svg.contains("来源：广东省“互联网+”行动计划（2015—2020年）"));
        // The body's rectangle starts under the title band.
        assert!(svg.contains("y=\"40\""), "{svg}");
        assert_eq!(svg.matches("</svg>").count(), 1);
        assert!(svg.trim_end().ends_with("</svg>"), "one document: {svg}");
    }

    #[test]
    fn without_a_title_there_is_no_title_band_and_a_long_title_is_cut() {
        let svg = framed_svg(
            300,
            50,
            Theme::DARK,
            Frame {
                title: None,
                lang: Lang::En,
            },
            |_| {},
        );
        assert!(svg.contains("height=\"80\""));
        assert!(svg.contains("Source: Guangdong Province"));
        let long = "很长的标题".repeat(30);
        assert!(!title_fits(&long, 300));
        assert!(title_fits("短标题", 300));
    }
}

//! The target chart: for each indicator, its 2017 and 2020 targets as horizontal bars on one honest
//! scale (indicators are grouped by unit, so one chart never mixes % with 亿元).
//!
//! Stages: [`TargetChart`] (series, no pixels) → [`Layout`] (pixels, hit-testing) → [`draw`] (plotters).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::framed::{framed_svg, Frame};
use super::scale::LinearScale;
use super::{text, Theme};
use crate::data::{Indicator, UnitBase};
use crate::format;
use crate::i18n::Lang;

/// One bar: one target.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Target year.
    pub year: u16,
    /// Value in the chart's unit.
    pub value: f64,
    /// The target as a reader reads it (`≥ 73%`).
    pub label: String,
}

/// One indicator's bars.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Indicator id (for links).
    pub indicator_id: String,
    /// Indicator name in the UI language.
    pub name: String,
    /// Bars in year order.
    pub bars: Vec<Bar>,
}

/// The series stage: what to draw, in the UI language, without pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetChart {
    /// Stable id (`<area>.<unit>`), used for element ids and downloads.
    pub id: String,
    /// Unit shared by every bar.
    pub unit_label: String,
    /// Rows in plan order.
    pub rows: Vec<Row>,
}

/// Groups the indicators of an area by unit into charts, keeping plan order.
pub fn charts_for(area_slug: &str, indicators: &[Indicator], lang: Lang) -> Vec<TargetChart> {
    let mut charts: Vec<(String, UnitBase, TargetChart)> = Vec::new();
    for ind in indicators.iter().filter(|i| !i.targets.is_empty()) {
        let row = Row {
            indicator_id: ind.id.clone(),
            name: ind.name.get(lang).to_owned(),
            bars: ind
                .targets
                .iter()
                .map(|t| Bar {
                    year: t.year,
                    value: t.value,
                    label: format::target(t.value, &ind.unit, t.comparator, lang),
                })
                .collect(),
        };
        match charts
            .iter_mut()
            .find(|(zh, base, _)| *zh == ind.unit.zh && *base == ind.unit.base)
        {
            Some((_, _, chart)) => {
                // 个 and 家 count different things (bases, zones, enterprises); one English noun
                // would mislabel the others, so a mixed chart says "number".
                if chart.unit_label != ind.unit.get_label(lang) {
                    chart.unit_label = match lang {
                        Lang::Zh => ind.unit.zh.clone(),
                        Lang::En => "number".to_owned(),
                    };
                }
                chart.rows.push(row)
            }
            None => {
                let n = charts.len() + 1;
                charts.push((
                    ind.unit.zh.clone(),
                    ind.unit.base,
                    TargetChart {
                        id: format!("{area_slug}.targets-{n}"),
                        unit_label: ind.unit.get_label(lang),
                        rows: vec![row],
                    },
                ));
            }
        }
    }
    charts.into_iter().map(|(_, _, c)| c).collect()
}

impl crate::data::Unit {
    /// The unit as shown on an axis.
    pub fn get_label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh.clone(),
            Lang::En => self.en.clone(),
        }
    }
}

/// Pixel box of one bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BarBox {
    /// Row index.
    pub row: usize,
    /// Bar index within the row.
    pub bar: usize,
    /// Left, top, right, bottom in pixels.
    pub rect: (i32, i32, i32, i32),
}

/// One line of an indicator's name: the text and the y pixel of its centre.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameLine {
    /// Row index.
    pub row: usize,
    /// The text of the line (the name is wrapped to the width, at most two lines).
    pub text: String,
    /// Centre line in pixels.
    pub y: i32,
}

/// The layout stage: where everything goes for a given width.
///
/// The form (issue #16): one block per indicator — its name, then one bar per target year, the
/// year written left of the bar and the target as the plan states it (comparator, value, unit:
/// "≥ 73%", "比2014年 −16%", "5.6万亿元") right of the bar's end. Bars start at zero on one scale
/// per chart; the scale is as long as the longest label lets it be, so no axis is needed, and the
/// height follows the number of rows (a one-indicator chart is a small block).
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Value → x pixel.
    pub scale: LinearScale,
    /// The wrapped names.
    pub names: Vec<NameLine>,
    /// Every bar.
    pub bars: Vec<BarBox>,
}

const MARGIN: i32 = 8;
/// Font sizes in CSS pixels (see [`super::text`]): all at or above [`text::MIN_TEXT_PX`].
pub const NAME_PX: f64 = 14.0;
/// The target written right of its bar.
pub const VALUE_PX: f64 = 13.0;
/// The year written left of its bar.
pub const YEAR_PX: f64 = 12.0;
const NAME_LINE_H: i32 = 20;
const NAME_GAP: i32 = 3;
const BAR_H: i32 = 18;
const BAR_GAP: i32 = 4;
const ROW_GAP: i32 = 14;
/// Between a bar's end and its label, and between the year and the bar.
const LABEL_GAP: i32 = 6;
/// Widest span of a bar and its label.
const MAX_ROOM: i32 = 720;
/// Shortest bar drawn for a positive value, so that every target has a visible mark.
const MIN_BAR: i32 = 2;
/// Narrowest layout we draw; the container scrolls nothing, the chart just gets tight.
pub const MIN_WIDTH: u32 = 280;

/// Width of a value label; bold text is a little wider than the estimate of regular text.
fn value_label_width(label: &str) -> i32 {
    text::width(label, VALUE_PX) * 21 / 20 + 1
}

/// Left edge of the bars: after the year column.
fn bars_x0() -> i32 {
    MARGIN + text::width("2017", YEAR_PX) + LABEL_GAP
}

/// Lays the chart out for `width` pixels.
pub fn layout(chart: &TargetChart, width: u32) -> Layout {
    let width = width.max(MIN_WIDTH);
    let right = width as i32 - MARGIN;
    let x0 = bars_x0();
    // Pixels per unit: the largest that keeps every bar's label inside the drawing.
    // On wide screens the bars stop growing: a bar across a 1280-px window is hard to read
    // against its label.
    let room = f64::from((right - x0 - LABEL_GAP).min(MAX_ROOM));
    let max = chart
        .rows
        .iter()
        .flat_map(|r| r.bars.iter().map(|b| b.value))
        .fold(0.0, f64::max);
    let per_unit = chart
        .rows
        .iter()
        .flat_map(|r| &r.bars)
        .filter(|b| b.value > 0.0)
        .map(|b| (room - f64::from(value_label_width(&b.label))) / b.value)
        .fold(f64::INFINITY, f64::min);
    let per_unit = if per_unit.is_finite() {
        per_unit.max(0.0)
    } else {
        0.0
    };
    let scale = LinearScale {
        max,
        px_start: f64::from(x0),
        px_end: f64::from(x0) + per_unit * max,
    };
    let mut y = MARGIN / 2;
    let (mut names, mut bars) = (Vec::new(), Vec::new());
    for (r, row) in chart.rows.iter().enumerate() {
        for line in text::wrap(&row.name, right - MARGIN, NAME_PX, 2) {
            names.push(NameLine {
                row: r,
                text: line,
                y: y + NAME_LINE_H / 2,
            });
            y += NAME_LINE_H;
        }
        y += NAME_GAP;
        for (b, bar) in row.bars.iter().enumerate() {
            let x1 = scale.px(bar.value).round() as i32;
            let x1 = if bar.value > 0.0 {
                x1.max(x0 + MIN_BAR)
            } else {
                x0
            };
            bars.push(BarBox {
                row: r,
                bar: b,
                rect: (x0, y, x1, y + BAR_H),
            });
            y += BAR_H + BAR_GAP;
        }
        y += ROW_GAP - BAR_GAP;
    }
    let height = if chart.rows.is_empty() {
        2 * MARGIN
    } else {
        y - ROW_GAP + MARGIN
    };
    Layout {
        width,
        height: height as u32,
        scale,
        names,
        bars,
    }
}

/// The vertical band `[top, bottom)` in which a pointer selects `bar`: the bar and half the gaps
/// around it, so thin bars are easy to hit. The bands of a chart touch and do not overlap.
pub fn hit_band(bar: &BarBox) -> (i32, i32) {
    (bar.rect.1 - BAR_GAP / 2, bar.rect.3 + BAR_GAP - BAR_GAP / 2)
}

/// The bar under a pointer at (x, y), if any (see [`hit_band`]).
pub fn hit(layout: &Layout, x: f64, y: f64) -> Option<BarBox> {
    let (x, y) = (x.round() as i32, y.round() as i32);
    if x < 0 || x > layout.width as i32 {
        return None;
    }
    layout
        .bars
        .iter()
        .find(|b| {
            let (top, bottom) = hit_band(b);
            y >= top && y < bottom
        })
        .copied()
}

/// The outline the page draws over bar `i` (pointer or keyboard focus): the bar's box 2 px larger
/// on every side, as SVG path data. The view draws it in its own small SVG over the chart's, so
/// a hover changes one attribute instead of redrawing the chart (issue #15: one frame).
pub fn highlight_path(layout: &Layout, i: usize) -> Option<String> {
    let (x0, y0, x1, y1) = layout.bars.get(i)?.rect;
    Some(super::rect_path((x0 - 2, y0 - 2, x1 + 2, y1 + 2)))
}

/// What the tooltip of one bar says: "移动电话用户普及率 · 2017 ≥ 110%".
pub fn tooltip(chart: &TargetChart, row: usize, bar: usize) -> Option<String> {
    let r = chart.rows.get(row)?;
    let b = r.bars.get(bar)?;
    Some(format!("{} · {} {}", r.name, b.year, b.label))
}

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Draws the chart onto any plotters backend.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &TargetChart,
    layout: &Layout,
    theme: Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let left = Pos::new(HPos::Left, VPos::Center);
    let right = Pos::new(HPos::Right, VPos::Center);
    area.fill(&rgb(theme.background))?;
    for line in &layout.names {
        area.draw(&Text::new(
            line.text.clone(),
            (MARGIN, line.y),
            text::style(NAME_PX, theme.foreground, left, false),
        ))?;
    }
    for b in &layout.bars {
        let Some(bar) = chart.rows.get(b.row).and_then(|r| r.bars.get(b.bar)) else {
            continue;
        };
        let colour = if bar.year == 2017 {
            theme.series_2017
        } else {
            theme.series_2020
        };
        let (x0, y0, x1, y1) = b.rect;
        let mid = (y0 + y1) / 2;
        // The year in words beside every bar: colour is never the only channel, and no legend
        // is needed.
        area.draw(&Text::new(
            bar.year.to_string(),
            (x0 - LABEL_GAP, mid),
            text::style(YEAR_PX, theme.muted, right, false),
        ))?;
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], rgb(colour).filled()))?;
        area.draw(&Text::new(
            bar.label.clone(),
            (x1 + LABEL_GAP, mid),
            text::style(VALUE_PX, theme.foreground, left, true),
        ))?;
    }
    // The zero line of each indicator's bars: every bar starts at zero, on one scale.
    for r in 0..chart.rows.len() {
        let mut row_bars = layout.bars.iter().filter(|b| b.row == r);
        let first = row_bars.next();
        let last = row_bars.next_back().or(first);
        if let (Some(f), Some(l)) = (first, last) {
            area.draw(&PathElement::new(
                vec![(f.rect.0, f.rect.1 - 2), (f.rect.0, l.rect.3 + 2)],
                rgb(theme.muted),
            ))?;
        }
    }
    area.present()
}

/// Draws the chart to an SVG string (browser display, build-time pages and snapshots). The
/// page outlines the hovered bar in an overlay ([`highlight_path`]), never in this drawing.
pub fn to_svg(chart: &TargetChart, width: u32, theme: Theme) -> String {
    let layout = layout(chart, width);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        // Drawing into a string cannot fail for I/O reasons; an error would leave a partial SVG,
        // which is still valid markup, so it is not worth a panic.
        let _ = draw(&root, chart, &layout, theme);
    }
    svg
}

/// The caption of an area's target chart on the area page: "2017 年与 2020 年目标（%）".
pub fn targets_caption(chart: &TargetChart, lang: Lang) -> String {
    format!(
        "{}{}",
        crate::i18n::Msg::TargetsChartTitle.text(lang),
        crate::i18n::in_parens(&chart.unit_label, lang)
    )
}

/// The title of an area's target chart standing alone (downloads, embeds, build-time images):
/// "互联网+金融：2017 年与 2020 年目标（%）".
pub fn area_chart_title(area_name: &str, chart: &TargetChart, lang: Lang) -> String {
    format!(
        "{area_name}{}{}",
        crate::i18n::colon(lang),
        targets_caption(chart, lang)
    )
}

/// The title of an indicator's chart: "网络购物普及率（%）".
pub fn indicator_chart_title(indicator_name: &str, chart: &TargetChart) -> String {
    let lang = crate::i18n::lang_of(indicator_name);
    format!(
        "{indicator_name}{}",
        crate::i18n::in_parens(&chart.unit_label, lang)
    )
}

/// The chart as a stand-alone picture (Download SVG/PNG, build-time images): `title` above,
/// the source line in `lang` below.
pub fn to_export_svg(
    chart: &TargetChart,
    width: u32,
    theme: Theme,
    title: &str,
    lang: Lang,
) -> String {
    let layout = layout(chart, width);
    let frame = Frame {
        title: Some(title),
        lang,
    };
    framed_svg(layout.width, layout.height, theme, frame, |body| {
        let _ = draw(body, chart, &layout, theme);
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn sample() -> TargetChart {
        TargetChart {
            id: "overall.targets-1".into(),
            unit_label: "%".into(),
            rows: vec![
                Row {
                    indicator_id: "a".into(),
                    name: "网络购物普及率".into(),
                    bars: vec![
                        Bar {
                            year: 2017,
                            value: 68.0,
                            label: "≥ 68%".into(),
                        },
                        Bar {
                            year: 2020,
                            value: 73.0,
                            label: "≥ 73%".into(),
                        },
                    ],
                },
                Row {
                    indicator_id: "b".into(),
                    name: "社会物流总费用占GDP比重".into(),
                    bars: vec![Bar {
                        year: 2017,
                        value: 14.8,
                        label: "≤ 14.8%".into(),
                    }],
                },
            ],
        }
    }

    #[test]
    fn bars_are_proportional_and_start_at_zero() {
        let l = layout(&sample(), 600);
        let w = |i: usize| l.bars[i].rect.2 - l.bars[i].rect.0;
        assert!(l.bars.iter().all(|b| b.rect.0 == bars_x0()));
        let ratio = f64::from(w(1)) / f64::from(w(0));
        assert!((ratio - 73.0 / 68.0).abs() < 0.02, "{ratio}");
        let ratio = f64::from(w(2)) / f64::from(w(0));
        assert!((ratio - 14.8 / 68.0).abs() < 0.02, "{ratio}");
    }

    #[test]
    fn every_label_ends_inside_the_drawing_and_rows_set_the_height() {
        let chart = sample();
        for width in [280, 288, 320, 600, 1280] {
            let l = layout(&chart, width);
            for b in &l.bars {
                let label = &chart.rows[b.row].bars[b.bar].label;
                assert!(
                    b.rect.2 + LABEL_GAP + value_label_width(label) <= width as i32 - MARGIN + 1,
                    "{width}: {label}"
                );
            }
            assert!(l
                .names
                .iter()
                .all(|n| text::width(&n.text, NAME_PX) <= width as i32 - 2 * MARGIN));
        }
        let mut one = sample();
        one.rows.truncate(1);
        let (h1, h2) = (layout(&one, 600).height, layout(&chart, 600).height);
        assert!(h1 < 100, "one indicator is a small block: {h1}");
        assert!(h2 > h1 + 40, "{h2} vs {h1}");
    }

    #[test]
    fn hit_finds_the_bar_under_the_pointer() {
        let l = layout(&sample(), 600);
        let b = l.bars[1];
        let found = hit(&l, 20.0, f64::from((b.rect.1 + b.rect.3) / 2));
        assert_eq!(found.map(|f| (f.row, f.bar)), Some((0, 1)));
        assert_eq!(hit(&l, 20.0, 1.0), None);
    }

    #[test]
    fn highlight_outlines_the_bar_two_pixels_out() {
        let l = layout(&sample(), 600);
        let (x0, y0, x1, y1) = l.bars[2].rect;
        assert_eq!(
            highlight_path(&l, 2),
            Some(format!(
                "M{} {}H{}V{}H{}Z",
                x0 - 2,
                y0 - 2,
                x1 + 2,
                y1 + 2,
                x0 - 2
            ))
        );
        assert_eq!(highlight_path(&l, 3), None, "no bar, no outline");
    }

    #[test]
    fn a_chart_of_different_counted_things_is_labelled_number_in_english() {
        use crate::data::{Bilingual, Comparator, Target, Unit};
        let ind = |id: &str, en: &str| Indicator {
            id: id.into(),
            name: Bilingual {
                zh: id.into(),
                en: id.into(),
            },
            unit: Unit {
                zh: "个".into(),
                en: en.into(),
                base: UnitBase::Count,
                scale: 1.0,
            },
            note: None,
            qualifiers: vec![],
            targets: vec![Target {
                id: format!("{id}.2017"),
                year: 2017,
                value: 5.0,
                value_text: "5个".into(),
                comparator: Comparator::AsStated,
                quote: "5个".into(),
                paragraph: "p1".into(),
            }],
        };
        let same = charts_for("a", &[ind("x", "bases"), ind("y", "bases")], Lang::En);
        assert_eq!(same[0].unit_label, "bases");
        let mixed = charts_for("a", &[ind("x", "bases"), ind("y", "zones")], Lang::En);
        assert_eq!((mixed.len(), mixed[0].unit_label.as_str()), (1, "number"));
        assert_eq!(
            charts_for("a", &[ind("x", "bases"), ind("y", "zones")], Lang::Zh)[0].unit_label,
            "个"
        );
    }

    #[test]
    fn layout_never_goes_below_the_minimum_width() {
        assert_eq!(layout(&sample(), 100).width, MIN_WIDTH);
    }

    #[test]
    fn svg_has_every_label_escaped() {
        let mut chart = sample();
        chart.rows[0].name = "<script>alert(1)</script>".into();
        let svg = to_svg(&chart, 600, Theme::LIGHT);
        assert!(!svg.contains("<script>"), "dataset text must be escaped");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("≥ 73%"));
    }
}

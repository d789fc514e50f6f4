//! The target chart: for each indicator, its 2017 and 2020 targets as horizontal bars on one honest
//! scale (indicators are grouped by unit, so one chart never mixes % with 亿元).
//!
//! Stages: [`TargetChart`] (series, no pixels) → [`Layout`] (pixels, hit-testing) → [`draw`] (plotters).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::framed::{framed_svg, Frame};
use super::scale::{nice_ticks, LinearScale};
use super::{Theme, FONT_FAMILY};
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

/// The layout stage: where everything goes for a given width.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Value → x pixel.
    pub scale: LinearScale,
    /// Axis ticks (values).
    pub ticks: Vec<f64>,
    /// Baseline (y pixel) of each row's name.
    pub row_label_y: Vec<i32>,
    /// Every bar.
    pub bars: Vec<BarBox>,
    /// Y pixel of the axis.
    pub axis_y: i32,
}

const MARGIN: i32 = 8;
const LEGEND_H: i32 = 28;
const NAME_H: i32 = 22;
const BAR_H: i32 = 16;
const BAR_GAP: i32 = 3;
const ROW_GAP: i32 = 12;
const AXIS_H: i32 = 28;
/// Room right of the longest bar for its value label.
const VALUE_LABEL_W: i32 = 118;
/// Narrowest layout we draw; the container scrolls nothing, the chart just gets tight.
pub const MIN_WIDTH: u32 = 280;

/// Lays the chart out for `width` pixels.
pub fn layout(chart: &TargetChart, width: u32) -> Layout {
    let width = width.max(MIN_WIDTH);
    let max = chart
        .rows
        .iter()
        .flat_map(|r| r.bars.iter().map(|b| b.value))
        .fold(0.0, f64::max);
    let tick_target = if width < 480 { 3 } else { 5 };
    let ticks = nice_ticks(max, tick_target);
    let axis_max = ticks.last().copied().unwrap_or(1.0);
    let scale = LinearScale {
        max: axis_max,
        px_start: f64::from(MARGIN),
        px_end: f64::from(width as i32 - VALUE_LABEL_W),
    };
    let mut y = LEGEND_H + MARGIN;
    let (mut row_label_y, mut bars) = (Vec::new(), Vec::new());
    for (r, row) in chart.rows.iter().enumerate() {
        row_label_y.push(y + NAME_H / 2);
        y += NAME_H;
        for (b, bar) in row.bars.iter().enumerate() {
            let x1 = scale.px(bar.value).round() as i32;
            bars.push(BarBox {
                row: r,
                bar: b,
                rect: (MARGIN, y, x1.max(MARGIN + 2), y + BAR_H),
            });
            y += BAR_H + BAR_GAP;
        }
        y += ROW_GAP;
    }
    let axis_y = y;
    Layout {
        width,
        height: (axis_y + AXIS_H) as u32,
        scale,
        ticks,
        row_label_y,
        bars,
        axis_y,
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
    highlight: Option<(usize, usize)>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let fg = rgb(theme.foreground);
    let muted = rgb(theme.muted);
    fn text(size: u32, color: RGBColor, pos: Pos) -> TextStyle<'static> {
        TextStyle {
            font: (FONT_FAMILY, size).into_font(),
            color: color.to_backend_color(),
            pos,
        }
    }
    area.fill(&rgb(theme.background))?;

    // Legend: colour plus the year written out, so colour is never the only channel.
    let legend_y = MARGIN + 8;
    for (i, (year, colour)) in [(2017, theme.series_2017), (2020, theme.series_2020)]
        .into_iter()
        .enumerate()
    {
        let x = MARGIN + i as i32 * 80;
        area.draw(&Rectangle::new(
            [(x, legend_y - 6), (x + 14, legend_y + 6)],
            rgb(colour).filled(),
        ))?;
        area.draw(&Text::new(
            year.to_string(),
            (x + 20, legend_y),
            text(13, fg, Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    area.draw(&Text::new(
        chart.unit_label.clone(),
        (layout.width as i32 - MARGIN, legend_y),
        text(13, muted, Pos::new(HPos::Right, VPos::Center)),
    ))?;

    // Grid and axis.
    let top = LEGEND_H + MARGIN;
    for tick in &layout.ticks {
        let x = layout.scale.px(*tick).round() as i32;
        area.draw(&PathElement::new(
            vec![(x, top), (x, layout.axis_y)],
            rgb(theme.grid),
        ))?;
        area.draw(&Text::new(
            format::number(*tick, Lang::En),
            (x, layout.axis_y + 6),
            text(12, muted, Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    area.draw(&PathElement::new(
        vec![
            (MARGIN, layout.axis_y),
            (layout.scale.px_end as i32, layout.axis_y),
        ],
        muted,
    ))?;

    for (r, row) in chart.rows.iter().enumerate() {
        if let Some(y) = layout.row_label_y.get(r) {
            area.draw(&Text::new(
                row.name.clone(),
                (MARGIN, *y),
                text(14, fg, Pos::new(HPos::Left, VPos::Center)),
            ))?;
        }
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
        area.draw(&Rectangle::new([(x0, y0), (x1, y1)], rgb(colour).filled()))?;
        if highlight == Some((b.row, b.bar)) {
            area.draw(&Rectangle::new(
                [(x0 - 2, y0 - 2), (x1 + 2, y1 + 2)],
                fg.stroke_width(2),
            ))?;
        }
        area.draw(&Text::new(
            format!("{} {}", bar.year, bar.label),
            (x1 + 6, (y0 + y1) / 2),
            text(13, fg, Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    area.present()
}

/// Draws the chart to an SVG string (browser display, downloads and snapshots).
pub fn to_svg(
    chart: &TargetChart,
    width: u32,
    theme: Theme,
    highlight: Option<(usize, usize)>,
) -> String {
    let layout = layout(chart, width);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        // Drawing into a string cannot fail for I/O reasons; an error would leave a partial SVG,
        // which is still valid markup, so it is not worth a panic.
        let _ = draw(&root, chart, &layout, theme, highlight);
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
/// the source line in `lang` below, no highlight.
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
        let _ = draw(body, chart, &layout, theme, None);
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
        assert_eq!(l.ticks.last(), Some(&80.0));
        let w = |i: usize| l.bars[i].rect.2 - l.bars[i].rect.0;
        assert!(l.bars.iter().all(|b| b.rect.0 == MARGIN));
        let ratio = f64::from(w(1)) / f64::from(w(0));
        assert!((ratio - 73.0 / 68.0).abs() < 0.01, "{ratio}");
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
        let svg = to_svg(&chart, 600, Theme::LIGHT, None);
        assert!(!svg.contains("<script>"), "dataset text must be escaped");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("2020 ≥ 73%"));
    }
}

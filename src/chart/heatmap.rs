//! The departments × areas heatmap: on how many key tasks of each action area a department is
//! named as responsible.
//!
//! Stages: [`HeatmapData`] (counts, in the UI language, no pixels) → [`HeatLayout`] (pixels and
//! hit-testing for a width) → [`draw_heatmap`] (plotters, any backend) or [`heatmap_to_svg`].
//! [`summary`] is the text alternative. Colour is never the only carrier: every non-zero cell
//! also shows its number, and empty cells show nothing.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{text, Theme};
use crate::data::{AreaFile, AreaIndex, DepartmentIndex};
use crate::i18n::Lang;

/// One row: a department.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatRow {
    /// Department id (for links).
    pub department_id: String,
    /// Short label for the row header: the plan's short name in Chinese, the English name
    /// without the "Guangdong Provincial" every department shares.
    pub label: String,
    /// Full name in the UI language (for the summary, tables and tooltips).
    pub name: String,
    /// Tasks the department is named on, over all areas.
    pub total: u32,
    /// Areas in which the department is named on at least one task.
    pub areas: u32,
}

/// One column: an action area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatColumn {
    /// Area slug (for links).
    pub area_slug: String,
    /// Short header: the area number, "1" … "13".
    pub label: String,
    /// The area name in the UI language (the key under the chart maps numbers to names).
    pub name: String,
}

/// A colour class of the legend: counts from `min` to `max` share a colour.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatClass {
    /// Smallest count of the class.
    pub min: u32,
    /// Largest count of the class.
    pub max: u32,
    /// As shown in the legend: `3` or `4–6`.
    pub label: String,
}

/// The series stage: task counts per department and area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeatmapData {
    /// Departments named on at least one task, by total tasks descending, then id.
    pub rows: Vec<HeatRow>,
    /// The action areas in plan order (the overall goals have no tasks and are left out).
    pub columns: Vec<HeatColumn>,
    /// `cells[row][column]`: tasks of the area that name the department.
    pub cells: Vec<Vec<u32>>,
    /// The language of the labels.
    pub lang: Lang,
}

/// The English name without the province prefix that every department shares.
fn short_en(en: &str) -> &str {
    en.strip_prefix("Guangdong Provincial ")
        .or_else(|| en.strip_prefix("Guangdong "))
        .unwrap_or(en)
}

/// Lower bounds of the colour classes for counts from 1 to `max`: one class per count up to 4,
/// then four classes (1, 2, 3, 4–max up to 8; 1, 2–, quarter–, half– beyond).
pub fn class_bounds(max: u32) -> Vec<u32> {
    match max {
        0..=4 => (1..=max.max(1)).collect(),
        5..=8 => vec![1, 2, 3, 4],
        _ => vec![1, 2, 1 + max / 4, 1 + max / 2],
    }
}

impl HeatmapData {
    /// Counts, for every department and action area, the area's tasks that name the department.
    ///
    /// A department listed twice on one task counts once; a department id missing from
    /// `departments` is still counted, labelled with its id.
    pub fn from(
        index: &AreaIndex,
        areas: &[AreaFile],
        departments: &DepartmentIndex,
        lang: Lang,
    ) -> HeatmapData {
        let mut summaries: Vec<_> = index.areas.iter().filter(|a| a.number > 0).collect();
        crate::sort::sort_by_key(&mut summaries, |a| a.number);
        let columns: Vec<HeatColumn> = summaries
            .iter()
            .map(|a| HeatColumn {
                area_slug: a.slug.clone(),
                label: a.number.to_string(),
                name: a.name.get(lang).to_owned(),
            })
            .collect();

        // (department id, counts per column), in first-seen order.
        let mut counts: Vec<(String, Vec<u32>)> = Vec::new();
        for (col, column) in columns.iter().enumerate() {
            let Some(file) = areas.iter().find(|f| f.slug == column.area_slug) else {
                continue;
            };
            for task in &file.tasks {
                let mut seen: Vec<&str> = Vec::new();
                for id in &task.departments {
                    if seen.contains(&id.as_str()) {
                        continue;
                    }
                    seen.push(id);
                    let pos = match counts.iter().position(|(d, _)| d == id) {
                        Some(p) => p,
                        None => {
                            counts.push((id.clone(), vec![0; columns.len()]));
                            counts.len() - 1
                        }
                    };
                    if let Some(cell) = counts.get_mut(pos).and_then(|(_, c)| c.get_mut(col)) {
                        *cell += 1;
                    }
                }
            }
        }

        let mut rows: Vec<(HeatRow, Vec<u32>)> = counts
            .into_iter()
            .map(|(id, cells)| {
                let dept = departments.departments.iter().find(|d| d.id == id);
                let (label, name) = match (dept, lang) {
                    (Some(d), Lang::Zh) => (d.zh.clone(), d.zh.clone()),
                    (Some(d), Lang::En) => (short_en(&d.en).to_owned(), d.en.clone()),
                    (None, _) => (id.clone(), id.clone()),
                };
                let row = HeatRow {
                    department_id: id,
                    label,
                    name,
                    total: cells.iter().sum(),
                    areas: cells.iter().filter(|&&n| n > 0).count() as u32,
                };
                (row, cells)
            })
            .collect();
        crate::sort::sort_by(&mut rows, |a, b| {
            b.0.total
                .cmp(&a.0.total)
                .then_with(|| a.0.department_id.cmp(&b.0.department_id))
        });
        let (rows, cells) = rows.into_iter().unzip();
        HeatmapData {
            rows,
            columns,
            cells,
            lang,
        }
    }

    /// The count in a cell (0 outside the grid).
    pub fn value(&self, row: usize, col: usize) -> u32 {
        self.cells
            .get(row)
            .and_then(|r| r.get(col))
            .copied()
            .unwrap_or(0)
    }

    /// The largest count.
    pub fn max(&self) -> u32 {
        self.cells.iter().flatten().copied().max().unwrap_or(0)
    }

    /// The colour classes of the legend (empty cells are not a class).
    pub fn classes(&self) -> Vec<HeatClass> {
        let max = self.max().max(1);
        let bounds = class_bounds(max);
        bounds
            .iter()
            .enumerate()
            .map(|(i, &min)| {
                let top = bounds.get(i + 1).map_or(max, |next| next - 1);
                HeatClass {
                    min,
                    max: top,
                    label: if top > min {
                        format!("{min}–{top}")
                    } else {
                        min.to_string()
                    },
                }
            })
            .collect()
    }
}

/// The class of a count in `classes`; `None` for 0.
pub fn class_of(classes: &[HeatClass], value: u32) -> Option<usize> {
    if value == 0 || classes.is_empty() {
        return None;
    }
    Some(classes.iter().rposition(|c| value >= c.min).unwrap_or(0))
}

// WCAG luminance and contrast live with the map's palette; one formula for every figure.
pub use crate::geo::palette::{contrast_ratio as contrast, relative_luminance as luminance};

/// Whether a theme is a dark scheme (judged by its background).
pub fn is_dark(theme: Theme) -> bool {
    luminance(theme.background) < 0.5
}

/// The sequential single-hue (blue) ramp, light to strong against the theme's background:
/// ColorBrewer-like blues, which stay ordered for every kind of colour blindness.
pub fn palette(theme: Theme) -> [(u8, u8, u8); 4] {
    if is_dark(theme) {
        [
            (31, 74, 122),
            (37, 106, 172),
            (82, 156, 226),
            (172, 210, 246),
        ]
    } else {
        [
            (189, 215, 238),
            (107, 174, 214),
            (33, 113, 181),
            (8, 48, 107),
        ]
    }
}

/// The fill of class `class` of `n` classes: fewer classes spread over the ramp.
pub fn class_colour(theme: Theme, class: usize, n: usize) -> (u8, u8, u8) {
    let ramp = palette(theme);
    let last = ramp.len() - 1;
    let i = if n <= 1 {
        1
    } else {
        (class * last / (n - 1)).min(last)
    };
    ramp[i]
}

/// The fill of an empty cell: a faint tint of the grid colour, so that it reads as empty.
pub fn empty_colour(theme: Theme) -> (u8, u8, u8) {
    let mix = |bg: u8, grid: u8| ((u16::from(bg) * 3 + u16::from(grid) * 2) / 5) as u8;
    (
        mix(theme.background.0, theme.grid.0),
        mix(theme.background.1, theme.grid.1),
        mix(theme.background.2, theme.grid.2),
    )
}

/// The text colour on `fill`: the theme's foreground or background, whichever contrasts more.
pub fn text_on(fill: (u8, u8, u8), theme: Theme) -> (u8, u8, u8) {
    if contrast(fill, theme.foreground) >= contrast(fill, theme.background) {
        theme.foreground
    } else {
        theme.background
    }
}

/// Narrowest layout we draw.
pub const MIN_WIDTH: u32 = 280;
const MARGIN: i32 = 8;
/// Widest label column (large screens) and the label column on small screens.
const LABEL_MAX: i32 = 300;
const LABEL_SMALL: i32 = 96;
/// Widest label column when the cells leave room for it.
const LABEL_WIDE: i32 = 480;
const LABEL_GAP: i32 = 6;
const MIN_CELL: i32 = 12;
const MAX_CELL_W: i32 = 56;
const MIN_CELL_H: i32 = 20;
const MAX_CELL_H: i32 = 26;
const LEGEND_LINE_H: i32 = 22;
const HEADER_H: i32 = 22;
/// The second line of staggered column numbers.
const HEADER_LINE_H: i32 = 17;
const KEY_GAP: i32 = 14;
const KEY_LINE_H: i32 = 20;
const SWATCH: i32 = 14;

/// Estimated width in pixels of `text` at plotters font size `size` (the SVG backend writes
/// `size / 1.24` px; see [`super::text`]).
pub fn text_width(text: &str, size: u32) -> i32 {
    text::width(text, f64::from(size) / text::SVG_FONT_SCALE)
}

/// `text`, cut with `…` to fit `max_w` pixels at plotters font size `size`.
pub fn fit(text: &str, max_w: i32, size: u32) -> String {
    text::fit(text, max_w, f64::from(size) / text::SVG_FONT_SCALE)
}

/// Where one legend item goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendItem {
    /// `None` for the empty swatch, else the class index.
    pub class: Option<usize>,
    /// Left of the swatch.
    pub x: i32,
    /// Centre line of the swatch.
    pub y: i32,
    /// The label written right of the swatch.
    pub label: String,
}

/// The layout stage: where everything goes for a given width.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatLayout {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels (follows the number of rows).
    pub height: u32,
    /// Number of rows and columns of the grid.
    pub rows: usize,
    /// Number of columns.
    pub cols: usize,
    /// Width of the row-label column.
    pub label_w: i32,
    /// Left of the grid.
    pub grid_x: i32,
    /// Top of the grid.
    pub grid_y: i32,
    /// Cell width.
    pub cell_w: i32,
    /// Cell height.
    pub cell_h: i32,
    /// Font size of row labels, CSS pixels.
    pub label_font: f64,
    /// Font size of the numbers in the cells, CSS pixels.
    pub cell_font: f64,
    /// Font size of the column numbers, CSS pixels.
    pub header_font: f64,
    /// Whether the column numbers take two lines (odd columns on the first, even on the
    /// second), because a cell is narrower than a two-digit number.
    pub header_staggered: bool,
    /// Row labels, cut to fit the label column.
    pub row_labels: Vec<String>,
    /// Caption of the class legend and its position (left, centre line).
    pub legend_caption: (String, i32, i32),
    /// The class legend.
    pub legend: Vec<LegendItem>,
    /// Centre line of the column headers.
    pub header_y: i32,
    /// The key under the grid: "1 互联网+创业创新" … with its (left, centre line), cut to fit.
    pub key: Vec<(String, i32, i32)>,
}

impl HeatLayout {
    /// Lays the heatmap out for `width_px` (at least [`MIN_WIDTH`]).
    pub fn new(data: &HeatmapData, width_px: u32) -> HeatLayout {
        let width = width_px.max(MIN_WIDTH);
        let w = width as i32;
        let small = width < 480;
        let label_font = if small { 13.0 } else { 14.0 };
        let cols = data.columns.len();
        let rows = data.rows.len();

        // Label column: as wide as the longest label, within a cap that leaves the grid room.
        // On wide screens the cells stop growing, and the labels get what is left.
        let cap = if small {
            LABEL_SMALL
        } else {
            let left_over = w - 2 * MARGIN - cols as i32 * MAX_CELL_W;
            (w * 34 / 100).min(LABEL_MAX).max(left_over.min(LABEL_WIDE))
        };
        let longest = data
            .rows
            .iter()
            .map(|r| text::width(&r.label, label_font))
            .max()
            .unwrap_or(0);
        let label_w = (longest + LABEL_GAP + 4).clamp(48, cap);
        let grid_x = MARGIN + label_w;
        let avail = w - grid_x - MARGIN;
        let cell_w = (avail / cols.max(1) as i32).clamp(MIN_CELL, MAX_CELL_W);
        let cell_h = cell_w.clamp(MIN_CELL_H, MAX_CELL_H);

        // Numbers in cells: as large as the cell allows for the widest count, never below the
        // legibility floor (counts are small: one digit fits the narrowest cell at 12 px).
        let digits = data.max().max(1).to_string().len() as f64;
        let px = f64::from(cell_h - 8).min(f64::from(cell_w - 4) / (0.6 * digits));
        let cell_font = px.floor().clamp(text::MIN_TEXT_PX, 15.0);
        // Column numbers go up to two digits; when a cell is narrower than that, the numbers
        // alternate between two lines so that each has two cells' width.
        let header_font = 13.0;
        let widest_header = data
            .columns
            .iter()
            .map(|c| text::width(&c.label, header_font))
            .max()
            .unwrap_or(0);
        let header_staggered = widest_header + 2 > cell_w;
        let row_labels = data
            .rows
            .iter()
            .map(|r| text::fit(&r.label, label_w - LABEL_GAP, label_font))
            .collect();

        // Class legend, wrapping when the width runs out.
        let legend_font = 13.0;
        let (caption_text, empty_label) = match data.lang {
            Lang::Zh => ("每格任务数", "无"),
            Lang::En => ("Tasks per cell", "none"),
        };
        let caption_w = text::width(caption_text, legend_font);
        let mut x = MARGIN + caption_w + 10;
        let mut y = MARGIN + LEGEND_LINE_H / 2;
        let legend_caption = (caption_text.to_owned(), MARGIN, y);
        let mut legend = Vec::new();
        let items = std::iter::once((None, empty_label.to_owned())).chain(
            data.classes()
                .into_iter()
                .enumerate()
                .map(|(i, c)| (Some(i), c.label)),
        );
        for (class, label) in items {
            let item_w = SWATCH + 4 + text::width(&label, legend_font) + 12;
            if x + item_w > w - MARGIN && x > MARGIN + caption_w + 10 {
                x = MARGIN + caption_w + 10;
                y += LEGEND_LINE_H;
            }
            legend.push(LegendItem { class, x, y, label });
            x += item_w;
        }
        let header_top = y + LEGEND_LINE_H / 2 + 4;
        let header_y = header_top + HEADER_H / 2;
        let header_lines = if header_staggered { 2 } else { 1 };
        let grid_y = header_top + HEADER_H + (header_lines - 1) * HEADER_LINE_H;
        let grid_bottom = grid_y + rows as i32 * cell_h;

        // Key: number → area name, in as many columns as the longest name allows.
        let key_font = 13.0;
        let key_texts: Vec<String> = data
            .columns
            .iter()
            .map(|c| format!("{} {}", c.label, c.name))
            .collect();
        let longest_key = key_texts
            .iter()
            .map(|t| text::width(t, key_font))
            .max()
            .unwrap_or(0);
        let key_avail = w - 2 * MARGIN;
        let key_cols = (key_avail / (longest_key + 16).max(1)).clamp(1, 4) as usize;
        let key_rows = cols.div_ceil(key_cols);
        let key_col_w = key_avail / key_cols as i32;
        let key_top = grid_bottom + KEY_GAP;
        let key = key_texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (kc, kr) = (i / key_rows.max(1), i % key_rows.max(1));
                (
                    text::fit(t, key_col_w - 12, key_font),
                    MARGIN + kc as i32 * key_col_w,
                    key_top + kr as i32 * KEY_LINE_H + KEY_LINE_H / 2,
                )
            })
            .collect();
        let height = key_top + key_rows as i32 * KEY_LINE_H + MARGIN;

        HeatLayout {
            width,
            height: height as u32,
            rows,
            cols,
            label_w,
            grid_x,
            grid_y,
            cell_w,
            cell_h,
            label_font,
            cell_font,
            header_font,
            header_staggered,
            row_labels,
            legend_caption,
            legend,
            header_y,
            key,
        }
    }

    /// The cell under a pointer at (x, y), as (row, column).
    pub fn cell_at(&self, x: f64, y: f64) -> Option<(usize, usize)> {
        let dx = x - f64::from(self.grid_x);
        let dy = y - f64::from(self.grid_y);
        if dx < 0.0 || dy < 0.0 {
            return None;
        }
        let col = (dx / f64::from(self.cell_w)).floor() as usize;
        let row = (dy / f64::from(self.cell_h)).floor() as usize;
        (row < self.rows && col < self.cols).then_some((row, col))
    }

    /// Where the number of column `col` is written (centre).
    pub fn header_at(&self, col: usize) -> (i32, i32) {
        let (l, _, r, _) = self.cell_rect(0, col);
        let second = self.header_staggered && col % 2 == 1;
        (
            (l + r) / 2,
            self.header_y + if second { HEADER_LINE_H } else { 0 },
        )
    }

    /// The outline the page draws over cell (row, column) under the pointer or keyboard focus:
    /// the cell's box (the drawn cell fills it 1 px inside) as SVG path data; `None` outside the
    /// grid. The view draws it in its own small SVG over the heatmap's, so a hover changes one
    /// attribute instead of redrawing the heatmap (issue #15: one frame).
    pub fn highlight_path(&self, (row, col): (usize, usize)) -> Option<String> {
        (row < self.rows && col < self.cols)
            .then(|| crate::chart::rect_path(self.cell_rect(row, col)))
    }

    /// The pixel box of a cell: left, top, right, bottom (cells are drawn 1 px inside it).
    pub fn cell_rect(&self, row: usize, col: usize) -> (i32, i32, i32, i32) {
        let left = self.grid_x + col as i32 * self.cell_w;
        let top = self.grid_y + row as i32 * self.cell_h;
        (left, top, left + self.cell_w, top + self.cell_h)
    }
}

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn text_style(px: f64, colour: (u8, u8, u8), pos: Pos, bold: bool) -> TextStyle<'static> {
    text::style(px, colour, pos, bold)
}

/// Draws the heatmap onto any plotters backend; `highlight` is the (row, column) under the
/// pointer or keyboard focus, outlined, with its row and column headers in bold.
pub fn draw_heatmap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &HeatmapData,
    layout: &HeatLayout,
    theme: Theme,
    highlight: Option<(usize, usize)>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let left_mid = Pos::new(HPos::Left, VPos::Center);
    let right_mid = Pos::new(HPos::Right, VPos::Center);
    let centre = Pos::new(HPos::Center, VPos::Center);
    area.fill(&rgb(theme.background))?;
    let classes = data.classes();
    let empty = empty_colour(theme);
    let fill_of = |class: Option<usize>| match class {
        Some(c) => class_colour(theme, c, classes.len()),
        None => empty,
    };

    // Class legend.
    let (caption, cx, cy) = &layout.legend_caption;
    area.draw(&Text::new(
        caption.clone(),
        (*cx, *cy),
        text_style(13.0, theme.muted, left_mid, false),
    ))?;
    for item in &layout.legend {
        let (x, y) = (item.x, item.y);
        let rect = [(x, y - SWATCH / 2), (x + SWATCH, y + SWATCH / 2)];
        area.draw(&Rectangle::new(rect, rgb(fill_of(item.class)).filled()))?;
        if item.class.is_none() {
            area.draw(&Rectangle::new(rect, rgb(theme.grid)))?;
        }
        area.draw(&Text::new(
            item.label.clone(),
            (x + SWATCH + 4, y),
            text_style(13.0, theme.foreground, left_mid, false),
        ))?;
    }

    // Column headers: area numbers.
    let caption = match data.lang {
        Lang::Zh => "行动",
        Lang::En => "Area",
    };
    area.draw(&Text::new(
        caption,
        (layout.grid_x - LABEL_GAP, layout.header_y),
        text_style(13.0, theme.muted, right_mid, false),
    ))?;
    for (c, column) in data.columns.iter().enumerate() {
        let bold = highlight.is_some_and(|(_, hc)| hc == c);
        area.draw(&Text::new(
            column.label.clone(),
            layout.header_at(c),
            text_style(layout.header_font, theme.foreground, centre, bold),
        ))?;
    }

    // Rows: label, then cells.
    for (r, label) in layout.row_labels.iter().enumerate() {
        let (_, t, _, b) = layout.cell_rect(r, 0);
        let bold = highlight.is_some_and(|(hr, _)| hr == r);
        area.draw(&Text::new(
            label.clone(),
            (layout.grid_x - LABEL_GAP, (t + b) / 2),
            text_style(layout.label_font, theme.foreground, right_mid, bold),
        ))?;
        for c in 0..layout.cols {
            let value = data.value(r, c);
            let class = class_of(&classes, value);
            let fill = fill_of(class);
            let (l, t, rr, b) = layout.cell_rect(r, c);
            area.draw(&Rectangle::new(
                [(l + 1, t + 1), (rr - 1, b - 1)],
                rgb(fill).filled(),
            ))?;
            if value > 0 {
                area.draw(&Text::new(
                    value.to_string(),
                    ((l + rr) / 2, (t + b) / 2),
                    text_style(layout.cell_font, text_on(fill, theme), centre, false),
                ))?;
            }
        }
    }

    if let Some((hr, hc)) = highlight.filter(|&(r, c)| r < layout.rows && c < layout.cols) {
        let (l, t, r, b) = layout.cell_rect(hr, hc);
        area.draw(&PathElement::new(
            vec![(l, t), (r, t), (r, b), (l, b), (l, t)],
            rgb(theme.foreground).stroke_width(2),
        ))?;
    }

    // Key: number → area name.
    for (i, (text, x, y)) in layout.key.iter().enumerate() {
        let bold = highlight.is_some_and(|(_, hc)| hc == i);
        area.draw(&Text::new(
            text.clone(),
            (*x, *y),
            text_style(13.0, theme.foreground, left_mid, bold),
        ))?;
    }
    area.present()
}

/// Draws the heatmap to an SVG string `width` pixels wide (display, downloads and snapshots).
pub fn heatmap_to_svg(
    data: &HeatmapData,
    width: u32,
    theme: Theme,
    highlight: Option<(usize, usize)>,
) -> String {
    let layout = HeatLayout::new(data, width);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        // Drawing into a string cannot fail for I/O reasons; an error would leave a partial SVG,
        // which is still valid markup, so it is not worth a panic.
        let _ = draw_heatmap(&root, data, &layout, theme, highlight);
    }
    svg
}

/// The heatmap as a stand-alone picture: `title` above, the source line below, no highlight.
pub fn heatmap_export_svg(data: &HeatmapData, width: u32, theme: Theme, title: &str) -> String {
    let layout = HeatLayout::new(data, width);
    let frame = super::framed::Frame {
        title: Some(title),
        lang: data.lang,
    };
    super::framed::framed_svg(layout.width, layout.height, theme, frame, |body| {
        let _ = draw_heatmap(body, data, &layout, theme, None);
    })
}

fn tasks_en(n: u32) -> String {
    if n == 1 {
        "1 task".to_owned()
    } else {
        format!("{n} tasks")
    }
}

fn areas_en(n: u32) -> String {
    if n == 1 {
        "1 area".to_owned()
    } else {
        format!("{n} areas")
    }
}

/// The text alternative: how many departments, the three named most often, and the largest
/// single cell.
pub fn summary(data: &HeatmapData, lang: Lang) -> String {
    if data.rows.is_empty() {
        return match lang {
            Lang::Zh => "没有部门被列为重点任务的责任部门。".to_owned(),
            Lang::En => "No department is named as responsible for any key task.".to_owned(),
        };
    }
    let top: Vec<&HeatRow> = data.rows.iter().take(3).collect();
    // The largest cell; the first in row order, then column order, on ties.
    let mut best: Option<(usize, usize, u32)> = None;
    for (r, row) in data.cells.iter().enumerate() {
        for (c, &v) in row.iter().enumerate() {
            if v > best.map_or(0, |b| b.2) {
                best = Some((r, c, v));
            }
        }
    }
    let n = data.rows.len();
    match lang {
        Lang::Zh => {
            let parts: Vec<String> = top
                .iter()
                .map(|r| {
                    format!(
                        "{}（{}项任务，分布在{}个行动领域）",
                        r.name, r.total, r.areas
                    )
                })
                .collect();
            let mut s = format!(
                "共有{n}个部门被列为重点任务的责任部门。被列次数最多的{}个部门：{}。",
                top.len(),
                parts.join("；")
            );
            if let Some((r, c, v)) = best {
                if let (Some(row), Some(col)) = (data.rows.get(r), data.columns.get(c)) {
                    s.push_str(&format!(
                        "单个行动领域中最多的是{}在“{} {}”中的{v}项任务。",
                        row.name, col.label, col.name
                    ));
                }
            }
            s
        }
        Lang::En => {
            let parts: Vec<String> = top
                .iter()
                .map(|r| {
                    format!(
                        "{}, on {} in {}",
                        r.name,
                        tasks_en(r.total),
                        areas_en(r.areas)
                    )
                })
                .collect();
            let what = if n == 1 {
                "1 department is".to_owned()
            } else {
                format!("{n} departments are")
            };
            let mut s = format!(
                "{what} named as responsible for key tasks. Named most often: {}.",
                parts.join("; ")
            );
            if let Some((r, c, v)) = best {
                if let (Some(row), Some(col)) = (data.rows.get(r), data.columns.get(c)) {
                    s.push_str(&format!(
                        " The most in one area: {}, on {} in area {} ({}).",
                        row.name,
                        tasks_en(v),
                        col.label,
                        col.name
                    ));
                }
            }
            s
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::{AreaCounts, AreaSummary, Bilingual, Department, Task};

    fn bi(zh: &str, en: &str) -> Bilingual {
        Bilingual {
            zh: zh.into(),
            en: en.into(),
        }
    }

    fn task(id: &str, departments: &[&str]) -> Task {
        Task {
            id: id.into(),
            heading: bi(id, id),
            text: bi(id, id),
            translation: "unofficial".into(),
            paragraph: "p001".into(),
            departments_raw: departments.iter().map(|d| d.to_string()).collect(),
            departments: departments.iter().map(|d| d.to_string()).collect(),
            cities: vec![],
        }
    }

    fn summary_entry(slug: &str, number: u8, zh: &str, en: &str) -> AreaSummary {
        AreaSummary {
            slug: slug.into(),
            number,
            name: bi(zh, en),
            description: bi("", ""),
            file: format!("areas/{slug}.json"),
            counts: AreaCounts::default(),
        }
    }

    fn file(slug: &str, tasks: Vec<Task>) -> AreaFile {
        AreaFile {
            slug: slug.into(),
            goals_paragraph: None,
            indicators: vec![],
            milestones: vec![],
            tasks,
        }
    }

    fn sample(lang: Lang) -> HeatmapData {
        let index = AreaIndex {
            areas: vec![
                summary_entry("overall", 0, "总体目标", "Overall goals"),
                // Out of plan order on purpose: columns follow the numbers.
                summary_entry("b", 2, "互联网+乙", "Internet+ B"),
                summary_entry("a", 1, "互联网+甲", "Internet+ A"),
            ],
        };
        let areas = vec![
            file(
                "a",
                vec![
                    task("a.1", &["econ", "dev"]),
                    task("a.2", &["econ", "econ"]),
                    task("a.3", &["sci"]),
                ],
            ),
            file(
                "b",
                vec![task("b.1", &["dev", "sci"]), task("b.2", &["econ"])],
            ),
        ];
        let departments = DepartmentIndex {
            departments: ["econ", "dev", "sci", "idle"]
                .iter()
                .map(|id| Department {
                    id: id.to_string(),
                    zh: format!("省{id}委"),
                    zh_full: None,
                    en: format!("Guangdong Provincial {id} Commission"),
                })
                .collect(),
        };
        HeatmapData::from(&index, &areas, &departments, lang)
    }

    #[test]
    fn rows_are_by_total_then_id_and_columns_in_plan_order() {
        let d = sample(Lang::Zh);
        let ids: Vec<&str> = d.rows.iter().map(|r| r.department_id.as_str()).collect();
        // econ 3 (a duplicate on one task counts once), dev 2, sci 2; idle has no task.
        assert_eq!(ids, ["econ", "dev", "sci"]);
        let cols: Vec<(&str, &str)> = d
            .columns
            .iter()
            .map(|c| (c.area_slug.as_str(), c.label.as_str()))
            .collect();
        assert_eq!(cols, [("a", "1"), ("b", "2")]);
        assert_eq!(d.cells, vec![vec![2, 1], vec![1, 1], vec![1, 1]]);
        assert_eq!((d.rows[0].total, d.rows[0].areas), (3, 2));
        assert_eq!(d.rows[0].label, "省econ委");
        let en = sample(Lang::En);
        assert_eq!(en.rows[0].label, "econ Commission");
        assert_eq!(en.rows[0].name, "Guangdong Provincial econ Commission");
        assert_eq!(en.columns[0].name, "Internet+ A");
    }

    #[test]
    fn classes_cover_every_count() {
        assert_eq!(class_bounds(0), vec![1]);
        assert_eq!(class_bounds(3), vec![1, 2, 3]);
        assert_eq!(class_bounds(6), vec![1, 2, 3, 4]);
        assert_eq!(class_bounds(20), vec![1, 2, 6, 11]);
        let mut d = sample(Lang::Zh);
        d.cells[0][0] = 6;
        let classes = d.classes();
        let labels: Vec<&str> = classes.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["1", "2", "3", "4–6"]);
        assert_eq!(class_of(&classes, 0), None);
        assert_eq!(class_of(&classes, 1), Some(0));
        assert_eq!(class_of(&classes, 5), Some(3));
    }

    #[test]
    fn palette_is_sequential_and_numbers_stay_readable() {
        for theme in [Theme::LIGHT, Theme::DARK] {
            let ramp = palette(theme);
            let lum: Vec<f64> = ramp.iter().map(|&c| luminance(c)).collect();
            // Ordered away from the background: darker on light, lighter on dark.
            let ordered = if is_dark(theme) {
                lum.windows(2).all(|w| w[0] < w[1])
            } else {
                lum.windows(2).all(|w| w[0] > w[1])
            };
            assert!(ordered, "{lum:?}");
            for fill in ramp {
                let text = text_on(fill, theme);
                assert!(contrast(fill, text) >= 4.5, "{fill:?} {text:?}");
            }
            assert_ne!(empty_colour(theme), theme.background);
        }
        assert!(is_dark(Theme::DARK) && !is_dark(Theme::LIGHT));
    }

    #[test]
    fn layout_fits_every_width_and_grows_with_rows() {
        let d = sample(Lang::En);
        for width in [100, 280, 320, 480, 800, 1400] {
            let l = HeatLayout::new(&d, width);
            assert!(l.width >= MIN_WIDTH);
            let (_, _, right, bottom) = l.cell_rect(l.rows - 1, l.cols - 1);
            assert!(right <= l.width as i32 - MARGIN, "{width}: {right}");
            assert!(bottom < l.height as i32);
            assert!(l.cell_w >= MIN_CELL && l.cell_h >= MIN_CELL_H);
            for (text, x, _) in &l.key {
                assert!(
                    x + text::width(text, 13.0) <= l.width as i32,
                    "{width}: {text}"
                );
            }
            for item in &l.legend {
                assert!(item.x + SWATCH <= l.width as i32 - MARGIN, "{width}");
            }
        }
        let small = HeatLayout::new(&d, 280);
        let large = HeatLayout::new(&d, 800);
        assert!(small.label_w <= LABEL_SMALL);
        assert!(small.cell_w <= large.cell_w);
        let mut more = d.clone();
        more.rows.extend(d.rows.clone());
        more.cells.extend(d.cells.clone());
        let taller = HeatLayout::new(&more, 800);
        assert_eq!(
            taller.height - large.height,
            (d.rows.len() as i32 * large.cell_h) as u32
        );
    }

    #[test]
    fn cell_at_finds_the_centre_of_every_cell() {
        let d = sample(Lang::Zh);
        for width in [280, 800, 1400] {
            let l = HeatLayout::new(&d, width);
            for r in 0..l.rows {
                for c in 0..l.cols {
                    let (x0, y0, x1, y1) = l.cell_rect(r, c);
                    let centre = (f64::from(x0 + x1) / 2.0, f64::from(y0 + y1) / 2.0);
                    assert_eq!(l.cell_at(centre.0, centre.1), Some((r, c)));
                    assert_eq!(l.cell_at(f64::from(x0), f64::from(y0)), Some((r, c)));
                }
            }
            let (_, _, x1, y1) = l.cell_rect(l.rows - 1, l.cols - 1);
            assert_eq!(l.cell_at(f64::from(x1), f64::from(y1) - 1.0), None);
            assert_eq!(
                l.cell_at(f64::from(l.grid_x) - 1.0, f64::from(l.grid_y)),
                None
            );
            assert_eq!(
                l.cell_at(f64::from(l.grid_x), f64::from(l.grid_y) - 0.5),
                None
            );
        }
    }

    #[test]
    fn labels_are_cut_to_fit() {
        assert_eq!(fit("省发展改革委", 200, 14), "省发展改革委");
        let cut = fit("Department of Human Resources and Social Security", 90, 13);
        assert!(cut.ends_with('…'));
        assert!(text_width(&cut, 13) <= 90, "{cut}");
        let cut = fit("广东出入境检验检疫局", 60, 13);
        assert!(cut.ends_with('…') && text_width(&cut, 13) <= 60, "{cut}");
    }

    #[test]
    fn summary_names_the_busiest_departments() {
        let d = sample(Lang::Zh);
        assert_eq!(
            summary(&d, Lang::Zh),
            "共有3个部门被列为重点任务的责任部门。被列次数最多的3个部门：省econ委（3项任务，分布在2个行动领域）；省dev委（2项任务，分布在2个行动领域）；省sci委（2项任务，分布在2个行动领域）。单个行动领域中最多的是省econ委在“1 互联网+甲”中的2项任务。"
        );
        let d = sample(Lang::En);
        assert_eq!(
            summary(&d, Lang::En),
            "3 departments are named as responsible for key tasks. Named most often: Guangdong Provincial econ Commission, on 3 tasks in 2 areas; Guangdong Provincial dev Commission, on 2 tasks in 2 areas; Guangdong Provincial sci Commission, on 2 tasks in 2 areas. The most in one area: Guangdong Provincial econ Commission, on 2 tasks in area 1 (Internet+ A)."
        );
        let empty = HeatmapData {
            rows: vec![],
            columns: vec![],
            cells: vec![],
            lang: Lang::En,
        };
        assert!(summary(&empty, Lang::En).starts_with("No department"));
    }

    #[test]
    fn highlight_outlines_the_cell_box_inside_the_grid_only() {
        let d = sample(Lang::Zh);
        let l = HeatLayout::new(&d, 600);
        let (left, top, right, bottom) = l.cell_rect(1, 0);
        assert_eq!(
            l.highlight_path((1, 0)),
            Some(format!("M{left} {top}H{right}V{bottom}H{left}Z"))
        );
        assert_eq!(l.highlight_path((l.rows, 0)), None);
        assert_eq!(l.highlight_path((0, l.cols)), None);
    }

    #[test]
    fn svg_writes_numbers_escapes_text_and_outlines_the_highlight() {
        let mut d = sample(Lang::Zh);
        d.rows[0].label = "<script>alert(1)</script>".into();
        let svg = heatmap_to_svg(&d, 600, Theme::LIGHT, Some((0, 1)));
        assert!(!svg.contains("<script>"), "dataset text must be escaped");
        assert!(svg.contains("&lt;script&gt;"));
        // 6 cells, all non-zero: six numbers in cells.
        let numbers = svg.matches(">\n2\n</text>").count() + svg.matches(">\n1\n</text>").count();
        // Six cell numbers, plus "1" and "2" in the headers and the legend.
        assert_eq!(numbers, 10, "{svg}");
        assert!(svg.contains("font-weight=\"bold\""));
        assert!(svg.contains("<polyline"));
        let empty = HeatmapData {
            rows: vec![],
            columns: vec![],
            cells: vec![],
            lang: Lang::En,
        };
        let svg = heatmap_to_svg(&empty, 280, Theme::DARK, Some((0, 0)));
        assert!(svg.starts_with("<svg"));
    }
}

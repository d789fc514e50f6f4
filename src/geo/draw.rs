//! Drawing a laid-out map with plotters, generic over the backend (SVG string in the browser and
//! in tests). All text goes through plotters, which escapes it; we never write SVG ourselves.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::frames::{CAPTION_H, LEGEND_ROW_H, LEGEND_SLOTS};
use super::labels::place_labels;
use super::layout::MapLayout;
use super::palette::{label_colour, Rgb};
use super::panel::{Panel, PanelKind};
use super::style::MapStyle;

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Text of `size` CSS pixels (plotters' SVG backend scales font sizes: see `chart::text`).
fn text(size: u32, color: Rgb, h: HPos) -> TextStyle<'static> {
    crate::chart::text::style(f64::from(size), color, Pos::new(h, VPos::Center), false)
}

/// Draws `s` unless it is empty (an empty `<text>` is noise in the SVG and in screen readers).
fn put<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &str,
    at: (i32, i32),
    style: TextStyle<'static>,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if s.is_empty() {
        return Ok(());
    }
    area.draw(&Text::new(s.to_owned(), at, style))
}

/// Rough text width: CJK glyphs are square, Latin ones about 0.6 em. Only used to size swatches.
fn text_width(s: &str, size: u32) -> i32 {
    let em: f64 = s
        .chars()
        .map(|c| if c.is_ascii() { 0.6 } else { 1.0 })
        .sum();
    (em * f64::from(size)).ceil() as i32
}

/// Draws the map onto any plotters backend, in layout pixels.
pub fn draw_map<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &MapLayout,
    style: &MapStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let theme = style.theme;
    let f = &layout.frames;
    area.fill(&rgb(theme.background))?;
    // Cut to the drawing's width: the page's caption carries the whole title.
    let title = crate::chart::text::fit(&style.title, f.title.width(), 15.0);
    put(
        area,
        &title,
        (f.title.x0, (f.title.y0 + f.title.y1) / 2),
        text(15, theme.foreground, HPos::Left),
    )?;

    let cell_w = f.legend.width() / f.legend_cols.max(1);
    for (i, entry) in (0..LEGEND_SLOTS).zip(&style.legend) {
        let (col, row) = (i % f.legend_cols.max(1), i / f.legend_cols.max(1));
        let (x, y) = (
            f.legend.x0 + col * cell_w,
            f.legend.y0 + row * LEGEND_ROW_H + LEGEND_ROW_H / 2,
        );
        let sw = (text_width(&entry.code, 12) + 10).max(22);
        area.draw(&Rectangle::new(
            [(x, y - 7), (x + sw, y + 7)],
            rgb(entry.fill).filled(),
        ))?;
        // An outline, so a swatch as light as the page still shows its edge.
        area.draw(&Rectangle::new(
            [(x, y - 7), (x + sw, y + 7)],
            rgb(theme.muted).stroke_width(1),
        ))?;
        put(
            area,
            &entry.code,
            (x + sw / 2, y),
            text(12, label_colour(entry.fill), HPos::Center),
        )?;
        let label = crate::chart::text::fit(&entry.label, cell_w - sw - 10, 12.0);
        put(
            area,
            &label,
            (x + sw + 6, y),
            text(12, theme.foreground, HPos::Left),
        )?;
    }

    for panel in layout.panels() {
        if panel.kind != PanelKind::Main && panel.shapes.is_empty() {
            continue;
        }
        draw_panel(area, layout, panel, style)?;
        if panel.kind == PanelKind::Main && !layout.prd.shapes.is_empty() {
            let r = layout.prd_locator;
            area.draw(&Rectangle::new(
                [(r.x0, r.y0), (r.x1, r.y1)],
                rgb(theme.foreground).stroke_width(1),
            ))?;
        }
    }

    for label in place_labels(layout, style, f.label_px, f.width, layout.height()) {
        let mut colour = label_colour(style.fill_of(label.code));
        if label.boxed {
            // On a box of the page's colour, in its text colour: legible over any fill.
            let b = label.bounds;
            area.draw(&Rectangle::new(
                [(b.x0, b.y0), (b.x1, b.y1)],
                rgb(theme.background).filled(),
            ))?;
            area.draw(&Rectangle::new(
                [(b.x0, b.y0), (b.x1, b.y1)],
                rgb(theme.foreground).stroke_width(1),
            ))?;
            colour = theme.foreground;
        }
        put(
            area,
            label.text,
            label.at,
            text(f.label_px, colour, HPos::Center),
        )?;
    }
    area.present()
}

/// One panel: frame, fills (largest first, holes repainted so enclaves show), borders, caption,
/// then the highlight on top.
fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &MapLayout,
    panel: &Panel,
    style: &MapStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let theme = style.theme;
    let (fr, inset) = (panel.frame, panel.kind != PanelKind::Main);
    if inset {
        area.draw(&Rectangle::new(
            [(fr.x0, fr.y0), (fr.x1, fr.y1)],
            rgb(theme.background).filled(),
        ))?;
    }
    for &(s, p) in &panel.paint_order {
        let Some(shape) = panel.shapes.get(s) else {
            continue;
        };
        let Some(poly) = shape.polygons.get(p) else {
            continue;
        };
        let code = layout.adcodes.get(shape.city).map_or("", String::as_str);
        let mut rings = poly.rings.iter();
        if let Some(exterior) = rings.next() {
            area.draw(&Polygon::new(
                exterior.clone(),
                rgb(style.fill_of(code)).filled(),
            ))?;
        }
        for hole in rings {
            area.draw(&Polygon::new(hole.clone(), rgb(theme.background).filled()))?;
        }
    }
    // Borders in the page colour: they separate neighbours without adding ink.
    for line in panel
        .shapes
        .iter()
        .flat_map(|s| &s.polygons)
        .flat_map(|p| &p.outlines)
    {
        area.draw(&PathElement::new(
            line.clone(),
            rgb(theme.background).stroke_width(1),
        ))?;
    }
    if inset {
        area.draw(&Rectangle::new(
            [(fr.x0, fr.y0), (fr.x1, fr.y1)],
            rgb(theme.muted).stroke_width(1),
        ))?;
        let caption = if panel.kind == PanelKind::Prd {
            &style.prd_caption
        } else {
            &style.dongsha_caption
        };
        let caption = crate::chart::text::fit(caption, fr.width() - 8, 12.0);
        put(
            area,
            &caption,
            (fr.x0 + 4, fr.y0 + CAPTION_H / 2),
            text(12, theme.foreground, HPos::Left),
        )?;
    }
    let highlighted = panel.shapes.iter().filter(|s| {
        let code = layout.adcodes.get(s.city).map(String::as_str);
        code.is_some() && code == style.highlight.as_deref()
    });
    for line in highlighted
        .flat_map(|s| &s.polygons)
        .flat_map(|p| &p.outlines)
    {
        // A halo in the page colour keeps the outline visible on any fill.
        area.draw(&PathElement::new(
            line.clone(),
            rgb(theme.background).stroke_width(4),
        ))?;
        area.draw(&PathElement::new(
            line.clone(),
            rgb(theme.foreground).stroke_width(2),
        ))?;
    }
    Ok(())
}

/// The outline of city `adcode` in every panel where it shows, as SVG path data: the lines that
/// `style.highlight` draws into the map. The page draws it in its own small SVG over the map under
/// the pointer or keyboard focus, so a hover changes one attribute instead of redrawing the map
/// (issue #15: one frame). `None` for a city with nothing drawn.
pub fn highlight_path(layout: &MapLayout, adcode: &str) -> Option<String> {
    use std::fmt::Write;
    let city = layout.adcodes.iter().position(|c| c == adcode)?;
    let mut d = String::new();
    let lines = layout
        .panels()
        .into_iter()
        .flat_map(|p| &p.shapes)
        .filter(|s| s.city == city)
        .flat_map(|s| &s.polygons)
        .flat_map(|p| &p.outlines);
    for line in lines {
        for (i, (x, y)) in line.iter().enumerate() {
            // Writing to a String cannot fail.
            let _ = write!(d, "{}{x} {y}", if i == 0 { 'M' } else { 'L' });
        }
    }
    (!d.is_empty()).then_some(d)
}

/// Draws the map to an SVG string (browser display, downloads and snapshots).
pub fn map_to_svg(layout: &MapLayout, style: &MapStyle) -> String {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (layout.width(), layout.height()))
            .into_drawing_area();
        // Drawing into a string cannot fail for I/O reasons; an error would leave a partial SVG,
        // which is still valid markup, so it is not worth a panic.
        let _ = draw_map(&root, layout, style);
    }
    svg
}

/// The map as a stand-alone picture: its own title row, and the source line in `lang` below.
pub fn map_export_svg(layout: &MapLayout, style: &MapStyle, lang: crate::i18n::Lang) -> String {
    let frame = crate::chart::framed::Frame { title: None, lang };
    crate::chart::framed::framed_svg(
        layout.width(),
        layout.height(),
        style.theme,
        frame,
        |body| {
            let _ = draw_map(body, layout, style);
        },
    )
}

#[cfg(test)]
#[path = "draw_tests.rs"]
mod tests;

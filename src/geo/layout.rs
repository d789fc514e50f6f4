//! The layout stage: for a width, every ring projected into pixel paths once per panel, label
//! anchors, and hit-testing. Drawing and pointer handling both read this; neither projects again.

use super::frames::{frames, locator_frames, Frames, PAD};
use super::geojson::CityShapes;
use super::panel::{Panel, PanelKind};
use super::pip::Px;
use super::projection::{projected_box, Fit, Lambert};
use super::{is_dongsha_part, GeoBounds, PxRect, PRD_BOUNDS, PRD_INSET_CITIES};

/// Where a city's label goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Index into [`MapLayout::adcodes`].
    pub city: usize,
    /// The panel the label is drawn in.
    pub panel: PanelKind,
    /// Label centre in pixels; always inside the city (tested).
    pub at: Px,
}

/// The whole map laid out for one width.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// Every rectangle (canvas size, title, legend, panels).
    pub frames: Frames,
    /// City adcodes in file order; shapes and anchors refer to cities by index here.
    pub adcodes: Vec<String>,
    /// The main map.
    pub main: Panel,
    /// The Pearl River Delta inset.
    pub prd: Panel,
    /// The 东沙群岛 inset (no shapes if the data has no Dongsha parts).
    pub dongsha: Panel,
    /// One label anchor per city that has a visible polygon.
    pub anchors: Vec<Anchor>,
    /// The PRD inset's extent on the main map, drawn as a locator box.
    pub prd_locator: PxRect,
}

/// Used when the data has no Dongsha parts, so the inset keeps a sensible shape.
const DONGSHA_DEFAULT: GeoBounds = GeoBounds {
    min_lon: 115.9,
    min_lat: 20.55,
    max_lon: 116.95,
    max_lat: 21.15,
};

impl MapLayout {
    /// Lays out `shapes` for `width_px` (clamped to 280–2400); the height follows from the width.
    pub fn new(shapes: &CityShapes, width_px: u32) -> MapLayout {
        MapLayout::build(shapes, width_px, false)
    }

    /// The city page's locator map: the province alone, cropped to it, with no title, legend or
    /// Pearl River Delta inset ([`super::frames::locator_frames`]).
    pub fn locator(shapes: &CityShapes, width_px: u32) -> MapLayout {
        MapLayout::build(shapes, width_px, true)
    }

    fn build(shapes: &CityShapes, width_px: u32, locator: bool) -> MapLayout {
        let proj = Lambert::guangdong();
        // The main map's extent leaves the Dongsha parts out, so they cannot shrink it.
        let (mut main_b, mut ds_b) = (GeoBounds::EMPTY, GeoBounds::EMPTY);
        for c in &shapes.cities {
            for p in &c.polygons {
                let b = if is_dongsha_part(&c.adcode, p) {
                    &mut ds_b
                } else {
                    &mut main_b
                };
                p.iter().flatten().for_each(|pt| b.include(*pt));
            }
        }
        let or = |b: GeoBounds, default| if b.is_empty() { default } else { b };
        let (main_b, ds_b) = (
            or(main_b, super::GUANGDONG_BOUNDS),
            or(ds_b, DONGSHA_DEFAULT),
        );
        let aspect = |b: &GeoBounds| {
            let (x0, y0, x1, y1) = projected_box(&proj, b);
            (y1 - y0) / (x1 - x0)
        };
        let f = if locator {
            locator_frames(width_px, aspect(&main_b), aspect(&ds_b))
        } else {
            frames(
                width_px,
                aspect(&main_b),
                aspect(&PRD_BOUNDS),
                aspect(&ds_b),
            )
        };
        let pad = f64::from(PAD);
        let fit = |b: &GeoBounds, r: PxRect, pad: f64| Fit::new(proj, b, r.to_f64(), pad);
        // The PRD inset has no padding: it is a window onto the map, clipped at its frame.
        let mut main = Panel::new(PanelKind::Main, f.main, f.main, fit(&main_b, f.main, pad));
        let mut prd = Panel::new(
            PanelKind::Prd,
            f.prd_frame,
            f.prd_map,
            fit(&PRD_BOUNDS, f.prd_map, 0.0),
        );
        let mut dongsha = Panel::new(
            PanelKind::Dongsha,
            f.dongsha_frame,
            f.dongsha_map,
            fit(&ds_b, f.dongsha_map, pad),
        );
        for (i, c) in shapes.cities.iter().enumerate() {
            let (far, near): (Vec<_>, Vec<_>) = c
                .polygons
                .iter()
                .partition(|p| is_dongsha_part(&c.adcode, p));
            main.add_city(i, &near);
            if !locator {
                prd.add_city(i, &near);
            }
            dongsha.add_city(i, &far);
        }
        let (main, prd, dongsha) = (main.finish(), prd.finish(), dongsha.finish());
        let adcodes: Vec<String> = shapes.cities.iter().map(|c| c.adcode.clone()).collect();
        let anchors = adcodes
            .iter()
            .enumerate()
            .filter_map(|(city, code)| {
                // PRD cities are labelled in the inset; a city only in the Dongsha inset, there.
                let order = if PRD_INSET_CITIES.contains(&code.as_str()) {
                    [&prd, &main, &dongsha]
                } else {
                    [&main, &dongsha, &prd]
                };
                order.into_iter().find_map(|p| {
                    Some(Anchor {
                        city,
                        panel: p.kind,
                        at: p.label_point(city)?,
                    })
                })
            })
            .collect();
        // Both fits share the projection, so the inset's extent is an upright box on the main map.
        let corner = |x: i32, y: i32| {
            let (px, py) = main
                .fit
                .to_px(prd.fit.to_lonlat((f64::from(x), f64::from(y))));
            (px.round() as i32, py.round() as i32)
        };
        let ((ax, ay), (bx, by), m) = (
            corner(prd.map.x0, prd.map.y0),
            corner(prd.map.x1, prd.map.y1),
            main.map,
        );
        let prd_locator = PxRect {
            x0: ax.max(m.x0),
            y0: ay.max(m.y0),
            x1: bx.min(m.x1),
            y1: by.min(m.y1),
        };
        MapLayout {
            frames: f,
            adcodes,
            main,
            prd,
            dongsha,
            anchors,
            prd_locator,
        }
    }

    /// Canvas width in pixels.
    pub fn width(&self) -> u32 {
        self.frames.width
    }

    /// Canvas height in pixels.
    pub fn height(&self) -> u32 {
        self.frames.height
    }

    /// The panels in drawing order: the main map first, insets on top.
    pub fn panels(&self) -> [&Panel; 3] {
        [&self.main, &self.prd, &self.dongsha]
    }

    /// The adcode of the city under the pointer at (x, y), if any. Insets are checked first, and
    /// a point inside an inset's frame never falls through to the map underneath.
    pub fn city_at(&self, x_px: f64, y_px: f64) -> Option<&str> {
        let inset = [&self.dongsha, &self.prd]
            .into_iter()
            .find(|p| !p.shapes.is_empty() && p.frame.contains(x_px, y_px));
        let panel = inset.unwrap_or(&self.main);
        let city = panel.hit(x_px, y_px)?;
        self.adcodes.get(city).map(String::as_str)
    }
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;

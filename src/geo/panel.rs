//! A panel of the map (main, PRD inset, Dongsha inset): its frame, its fit, and its cities'
//! polygons projected, clipped and rounded to pixels once, so drawing and hit-testing share them.

use super::clip::{clip_polyline, clip_ring, PtF};
use super::pip::{label_point, point_in_polygon, polygon_area, Px};
use super::projection::{Fit, LonLat};
use super::PxRect;

/// Which panel of the map.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PanelKind {
    /// The whole province except the 东沙群岛.
    Main,
    /// The zoomed Pearl River Delta inset.
    Prd,
    /// The 东沙群岛 inset.
    Dongsha,
}

/// One polygon of a city in one panel, in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct PxPolygon {
    /// Rings clipped to the panel (exterior first, then holes), open: for fills and hit-testing.
    pub rings: Vec<Vec<Px>>,
    /// The rings' outlines clipped to the panel as polylines (no fake edges along the frame).
    pub outlines: Vec<Vec<Px>>,
    /// Bounding box of `rings`, to skip most polygons quickly when hit-testing.
    pub bbox: PxRect,
    /// Area in square pixels (holes subtracted).
    pub area: f64,
}

/// A city's polygons in one panel.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelShape {
    /// Index into [`MapLayout::adcodes`].
    pub city: usize,
    /// Polygons that are at least partly visible in the panel.
    pub polygons: Vec<PxPolygon>,
}

/// One panel: where it is, how it projects, and what it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// Which panel.
    pub kind: PanelKind,
    /// Border (insets) or extent (main map), including an inset's caption strip.
    pub frame: PxRect,
    /// Where the geometry goes; everything is clipped to it.
    pub map: PxRect,
    /// Lon/lat ↔ pixels for this panel (the same [`Lambert`] projection in every panel).
    pub fit: Fit,
    /// Cities with something visible here.
    pub shapes: Vec<PanelShape>,
    /// (shape, polygon) indices, largest area first. Painting in this order puts an enclave
    /// (always smaller than the polygon with the hole it fills) on top.
    pub paint_order: Vec<(usize, usize)>,
}

impl Panel {
    /// An empty panel; cities are added with [`Panel::add_city`], then [`Panel::finish`].
    pub fn new(kind: PanelKind, frame: PxRect, map: PxRect, fit: Fit) -> Panel {
        let (shapes, paint_order) = (Vec::new(), Vec::new());
        Panel {
            kind,
            frame,
            map,
            fit,
            shapes,
            paint_order,
        }
    }

    /// Projects a city's polygons, clips them to the panel and rounds them to pixels; polygons
    /// with nothing visible here are dropped (the PRD inset shows only part of its neighbours).
    pub fn add_city(&mut self, city: usize, polygons: &[&Vec<Vec<LonLat>>]) {
        let polygons: Vec<PxPolygon> = polygons
            .iter()
            .filter_map(|rings| self.polygon(rings))
            .collect();
        if !polygons.is_empty() {
            self.shapes.push(PanelShape { city, polygons });
        }
    }

    fn polygon(&self, rings: &[Vec<LonLat>]) -> Option<PxPolygon> {
        let rect = self.map.to_f64();
        let projected: Vec<Vec<PtF>> = rings
            .iter()
            .map(|r| r.iter().map(|p| self.fit.to_px(*p)).collect())
            .collect();
        let fills: Vec<Vec<Px>> = projected
            .iter()
            .map(|r| round(&clip_ring(r, rect)))
            .collect();
        if !matches!(fills.first(), Some(e) if e.len() >= 3) {
            return None; // the exterior is not visible, so neither are its holes
        }
        let rings: Vec<Vec<Px>> = fills.into_iter().filter(|r| r.len() >= 3).collect();
        let outlines = projected
            .iter()
            .flat_map(|r| clip_polyline(r, true, rect))
            .map(|l| round(&l))
            .filter(|l| l.len() >= 2)
            .collect();
        let (xs, ys) = (
            rings.iter().flatten().map(|p| p.0),
            rings.iter().flatten().map(|p| p.1),
        );
        let bbox = PxRect {
            x0: xs.clone().min()?,
            y0: ys.clone().min()?,
            x1: xs.max()?,
            y1: ys.max()?,
        };
        let area = polygon_area(&rings);
        Some(PxPolygon {
            rings,
            outlines,
            bbox,
            area,
        })
    }

    /// Sets the paint order once every city is in: largest polygon first, ties in data order.
    pub fn finish(mut self) -> Panel {
        let mut order: Vec<(f64, (usize, usize))> = Vec::new();
        for (s, shape) in self.shapes.iter().enumerate() {
            order.extend(
                shape
                    .polygons
                    .iter()
                    .enumerate()
                    .map(|(p, poly)| (poly.area, (s, p))),
            );
        }
        crate::sort::sort_by(&mut order, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        self.paint_order = order.into_iter().map(|(_, i)| i).collect();
        self
    }

    /// Index of the city under (x, y) in this panel; the polygon painted last wins.
    pub fn hit(&self, x: f64, y: f64) -> Option<usize> {
        if !self.map.contains(x, y) {
            return None;
        }
        self.paint_order.iter().rev().find_map(|&(s, p)| {
            let shape = self.shapes.get(s)?;
            let poly = shape.polygons.get(p)?;
            (poly.bbox.contains(x, y) && point_in_polygon(&poly.rings, x, y)).then_some(shape.city)
        })
    }

    /// The label point of `city` here: inside its largest polygon in this panel.
    pub fn label_point(&self, city: usize) -> Option<Px> {
        let shape = self.shapes.iter().find(|s| s.city == city)?;
        let mut polys: Vec<&PxPolygon> = shape.polygons.iter().collect();
        crate::sort::sort_by(&mut polys, |a, b| b.area.total_cmp(&a.area));
        polys.into_iter().find_map(|p| label_point(&p.rings))
    }
}

/// Rounds to whole pixels, dropping points that land on the previous one.
fn round(points: &[PtF]) -> Vec<Px> {
    let mut out: Vec<Px> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        let p = (x.round() as i32, y.round() as i32);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

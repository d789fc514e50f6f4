//! What the caller chooses for a map: fills, labels, captions, legend, highlight and theme.
//! The geo module never picks words: every string arrives here, already in the UI language.

use std::collections::BTreeMap;

use super::palette::{zero_fill, Rgb};
use crate::chart::Theme;

/// One legend cell: a swatch with a short code written on it, then a label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    /// Swatch colour.
    pub fill: Rgb,
    /// Short code written on the swatch (`珠`, `E`, or empty): the channel that is not colour.
    pub code: String,
    /// Label after the swatch (`2–3`, `Pearl River Delta`).
    pub label: String,
}

/// What to draw on the laid-out map; all text is chosen (and translated) by the caller.
#[derive(Clone, Debug, PartialEq)]
pub struct MapStyle {
    /// Colours of the page.
    pub theme: Theme,
    /// Fill per adcode.
    pub fills: BTreeMap<String, Rgb>,
    /// Fill of a city missing from `fills`.
    pub missing_fill: Rgb,
    /// Label per adcode (`广州 10`); cities without one are not labelled. Put the count or the
    /// region code in it, so the reader does not depend on colour.
    pub labels: BTreeMap<String, String>,
    /// The city to outline, e.g. the one under the pointer.
    pub highlight: Option<String>,
    /// Title above the legend.
    pub title: String,
    /// Legend cells; at most [`crate::geo::frames::LEGEND_SLOTS`] are drawn.
    pub legend: Vec<LegendEntry>,
    /// Caption of the Pearl River Delta inset (`珠三角`).
    pub prd_caption: String,
    /// Caption of the Dongsha inset (`东沙群岛`).
    pub dongsha_caption: String,
    /// Labels as callouts: above their city, in the page's text colour on a box of the page's
    /// colour (the locator map, whose one label is often wider than its small city).
    pub label_callouts: bool,
}

impl MapStyle {
    /// An empty style for `theme`: no fills (every city gets the zero grey), no text.
    pub fn new(theme: Theme) -> MapStyle {
        MapStyle {
            theme,
            fills: BTreeMap::new(),
            missing_fill: zero_fill(&theme),
            labels: BTreeMap::new(),
            highlight: None,
            title: String::new(),
            legend: Vec::new(),
            prd_caption: String::new(),
            dongsha_caption: String::new(),
            label_callouts: false,
        }
    }

    /// The fill of a city: its entry in `fills`, else `missing_fill`.
    pub fn fill_of(&self, adcode: &str) -> Rgb {
        self.fills.get(adcode).copied().unwrap_or(self.missing_fill)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_without_a_fill_gets_the_missing_fill() {
        let mut style = MapStyle::new(Theme::DARK);
        assert_eq!(style.missing_fill, zero_fill(&Theme::DARK));
        style.fills.insert("440100".into(), (1, 2, 3));
        assert_eq!(style.fill_of("440100"), (1, 2, 3));
        assert_eq!(style.fill_of("440300"), style.missing_fill);
        assert!(style.labels.is_empty() && style.legend.is_empty());
    }
}

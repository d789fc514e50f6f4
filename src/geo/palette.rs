//! Map colours: a sequential palette for counts, a categorical one for the four regions, and
//! the label colour for any fill.
//!
//! Sequential: single-hue blues from ColorBrewer "Blues" (colour-blind safe because only lightness
//! changes), with 0 as a neutral grey so "no task names this city" never looks like "a few". Steps
//! that need neither black nor white text at ≥ 4.5:1 (e.g. #3182bd) are skipped, so every city
//! label stays readable. Regions: Okabe–Ito colours, designed to stay distinct under the common
//! colour-vision deficiencies. Colour is never the only carrier: counts are written in the labels
//! and each region has a short text code.

use crate::chart::Theme;

/// An sRGB colour.
pub type Rgb = (u8, u8, u8);

/// WCAG relative luminance of an sRGB colour (0 black … 1 white).
pub fn relative_luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio of two colours (1 … 21).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Dark label text.
pub const INK: Rgb = (26, 26, 26);
/// Light label text.
pub const PAPER: Rgb = (255, 255, 255);

/// Text colour for a label drawn on `fill`: near-black or white, whichever contrasts more.
pub fn label_colour(fill: Rgb) -> Rgb {
    if contrast_ratio(fill, INK) >= contrast_ratio(fill, PAPER) {
        INK
    } else {
        PAPER
    }
}

/// Whether a theme is a dark scheme (by its background's luminance).
pub fn is_dark(theme: &Theme) -> bool {
    relative_luminance(theme.background) < 0.2
}

/// Blues for 1–4 non-zero classes, lightest first, on a light page.
const BLUES_LIGHT: [&[Rgb]; 4] = [
    &[(66, 146, 198)],
    &[(158, 202, 225), (33, 113, 181)],
    &[(198, 219, 239), (107, 174, 214), (8, 81, 156)],
    &[
        (198, 219, 239),
        (107, 174, 214),
        (33, 113, 181),
        (8, 48, 107),
    ],
];

/// The same blues reversed for a dark page: more is lighter there, because more must mean more
/// contrast with the background in both schemes.
const BLUES_DARK: [&[Rgb]; 4] = [
    &[(66, 146, 198)],
    &[(33, 113, 181), (158, 202, 225)],
    &[(8, 81, 156), (107, 174, 214), (198, 219, 239)],
    &[
        (8, 81, 156),
        (33, 113, 181),
        (107, 174, 214),
        (198, 219, 239),
    ],
];

/// Fill for the zero class: neutral grey, a little off the page background.
pub fn zero_fill(theme: &Theme) -> Rgb {
    if is_dark(theme) {
        (58, 63, 70)
    } else {
        (226, 226, 226)
    }
}

/// Fills for `classes` classes of [`super::breaks`] (the first is the zero class): grey, then
/// blues. More than 5 classes reuse the darkest step; 0 classes gives an empty list.
pub fn sequential_fills(classes: usize, theme: &Theme) -> Vec<Rgb> {
    let ramps = if is_dark(theme) {
        &BLUES_DARK
    } else {
        &BLUES_LIGHT
    };
    let nonzero = classes.saturating_sub(1);
    let ramp: &[Rgb] = ramps.get(nonzero.clamp(1, 4) - 1).copied().unwrap_or(&[]);
    let mut out: Vec<Rgb> = Vec::with_capacity(classes);
    if classes > 0 {
        out.push(zero_fill(theme));
    }
    out.extend((0..nonzero).map(|i| {
        ramp.get(i)
            .or(ramp.last())
            .copied()
            .unwrap_or((66, 146, 198))
    }));
    out
}

/// A region's fill and its text codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionSwatch {
    /// Region id as in `data/cities.json` (`prd`, `east`, `west`, `north`).
    pub id: &'static str,
    /// Okabe–Ito colour (the same in both schemes: all four read on white and on near-black).
    pub fill: Rgb,
    /// Short code in Chinese (珠, 东, 西, 北): the non-colour channel.
    pub code_zh: &'static str,
    /// Short code in English (PRD, E, W, N).
    pub code_en: &'static str,
}

/// The four regions: 珠三角 blue, 粤东 orange, 粤西 bluish green, 粤北 reddish purple.
pub const REGIONS: [RegionSwatch; 4] = [
    RegionSwatch {
        id: "prd",
        fill: (0, 114, 178),
        code_zh: "珠",
        code_en: "PRD",
    },
    RegionSwatch {
        id: "east",
        fill: (230, 159, 0),
        code_zh: "东",
        code_en: "E",
    },
    RegionSwatch {
        id: "west",
        fill: (0, 158, 115),
        code_zh: "西",
        code_en: "W",
    },
    RegionSwatch {
        id: "north",
        fill: (204, 121, 167),
        code_zh: "北",
        code_en: "N",
    },
];

/// The swatch of a region id.
pub fn region_swatch(id: &str) -> Option<RegionSwatch> {
    REGIONS.iter().find(|r| r.id == id).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fill_gets_readable_label_text() {
        let mut fills: Vec<Rgb> = REGIONS.iter().map(|r| r.fill).collect();
        for theme in [Theme::LIGHT, Theme::DARK] {
            for n in 0..=6 {
                fills.extend(sequential_fills(n, &theme));
            }
        }
        for fill in fills {
            let ratio = contrast_ratio(fill, label_colour(fill));
            assert!(ratio >= 4.5, "{fill:?}: {ratio:.2}");
        }
    }

    #[test]
    fn zero_is_grey_and_classes_get_darker_on_light_lighter_on_dark() {
        let light = sequential_fills(5, &Theme::LIGHT);
        assert_eq!(light.len(), 5);
        assert!(
            light[0].0 == light[0].1 && light[0].1 == light[0].2,
            "zero is neutral"
        );
        let lum: Vec<f64> = light[1..].iter().map(|c| relative_luminance(*c)).collect();
        assert!(lum.windows(2).all(|w| w[0] > w[1]), "{lum:?}");
        let dark = sequential_fills(5, &Theme::DARK);
        let lum: Vec<f64> = dark[1..].iter().map(|c| relative_luminance(*c)).collect();
        assert!(lum.windows(2).all(|w| w[0] < w[1]), "{lum:?}");
        assert!(is_dark(&Theme::DARK) && !is_dark(&Theme::LIGHT));
        assert_eq!(sequential_fills(0, &Theme::LIGHT), vec![]);
        assert_eq!(sequential_fills(8, &Theme::LIGHT).len(), 8);
    }

    #[test]
    fn regions_have_distinct_colours_and_codes() {
        for (i, a) in REGIONS.iter().enumerate() {
            for b in &REGIONS[i + 1..] {
                assert_ne!(a.fill, b.fill);
                assert_ne!(a.code_zh, b.code_zh);
                assert_ne!(a.code_en, b.code_en);
            }
        }
        assert_eq!(region_swatch("east").map(|r| r.code_zh), Some("东"));
        assert_eq!(region_swatch("south"), None);
    }
}

//! Charts: layout-free series → a pixel layout → drawing with plotters, generic over the backend.
//!
//! Pure module (no leptos, web-sys or gloo): the same code draws an SVG string in the browser,
//! for "download SVG", and in native snapshot tests.

pub mod framed;
pub mod heatmap;
pub mod line;
pub mod scale;
pub mod summary;
pub mod target_bars;
pub mod text;

/// Colours of a chart, from the page's design tokens (light or dark scheme).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Page background.
    pub background: (u8, u8, u8),
    /// Text and axis colour.
    pub foreground: (u8, u8, u8),
    /// Secondary text and grid lines.
    pub muted: (u8, u8, u8),
    /// Grid lines.
    pub grid: (u8, u8, u8),
    /// The 2017 series.
    pub series_2017: (u8, u8, u8),
    /// The 2020 series.
    pub series_2020: (u8, u8, u8),
}

impl Theme {
    /// Light scheme (matches `public/style.css`).
    pub const LIGHT: Theme = Theme {
        background: (255, 255, 255),
        foreground: (26, 26, 26),
        muted: (85, 85, 85),
        grid: (208, 212, 218),
        series_2017: (11, 92, 173),
        series_2020: (192, 86, 12),
    };
    /// Dark scheme (matches `public/style.css`).
    pub const DARK: Theme = Theme {
        background: (20, 23, 26),
        foreground: (232, 234, 237),
        muted: (176, 182, 189),
        grid: (58, 64, 72),
        series_2017: (140, 196, 255),
        series_2020: (255, 176, 116),
    };
}

/// `#RRGGBB` of a theme colour, for the SVG attributes a view sets itself (the highlight overlays).
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// The SVG path data of a rectangle's outline, `(left, top, right, bottom)` in pixels.
pub fn rect_path((l, t, r, b): (i32, i32, i32, i32)) -> String {
    format!("M{l} {t}H{r}V{b}H{l}Z")
}

/// Font family for chart text: system fonts with CJK fallbacks, never a web font.
pub const FONT_FAMILY: &str = "system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

//! The locator map of a city page: Guangdong with one city filled and outlined, every other city
//! in the neutral grey, and only that city labelled; plus the sentence that says the same in
//! words (the map's accessible name and the text beside it).

use super::palette::zero_fill;
use super::style::MapStyle;
use crate::chart::Theme;
use crate::data::CityIndex;
use crate::i18n::Lang;

/// The fill of the located city: the 2020 series colour of the theme, which stands out from
/// the grey of the other cities in both schemes.
pub fn locator_fill(theme: &Theme) -> super::Rgb {
    theme.series_2020
}

/// The style of the locator map of `adcode` (every text in `lang`); `None` for an unknown city.
pub fn locator_style(
    adcode: &str,
    cities: &CityIndex,
    lang: Lang,
    theme: Theme,
) -> Option<MapStyle> {
    let city = cities.cities.iter().find(|c| c.adcode == adcode)?;
    let mut style = MapStyle::new(theme);
    style.missing_fill = zero_fill(&theme);
    style
        .fills
        .insert(city.adcode.clone(), locator_fill(&theme));
    let short = match lang {
        Lang::Zh => city.short_zh.clone(),
        Lang::En => city.name.en.clone(),
    };
    style.labels.insert(city.adcode.clone(), short);
    style.highlight = Some(city.adcode.clone());
    style.label_callouts = true;
    // No title or legend inside the drawing: the page's caption says where the city is, and a
    // title drawn at this small width would be cut.
    style.legend = Vec::new();
    style.title = String::new();
    let (prd, dongsha) = match lang {
        Lang::Zh => ("珠三角", "东沙群岛"),
        Lang::En => ("Pearl River Delta", "Dongsha"),
    };
    style.prd_caption = prd.to_owned();
    style.dongsha_caption = dongsha.to_owned();
    Some(style)
}

/// Where the city is, in words: `广州市位于广东省珠三角。` / `Guangzhou is in the Pearl River
/// Delta region of Guangdong.`; `None` for an unknown city.
pub fn locator_text(adcode: &str, cities: &CityIndex, lang: Lang) -> Option<String> {
    let city = cities.cities.iter().find(|c| c.adcode == adcode)?;
    let region = cities.regions.iter().find(|r| r.id == city.region);
    Some(match (lang, region) {
        (Lang::Zh, Some(r)) => format!("{}位于广东省{}。", city.name.zh, r.name.zh),
        (Lang::Zh, None) => format!("{}位于广东省。", city.name.zh),
        (Lang::En, Some(r)) => {
            let region = r.name.en.trim_end_matches(" region");
            if region.ends_with("Guangdong") {
                format!("{} is in {region}.", city.name.en)
            } else {
                format!("{} is in the {region} region of Guangdong.", city.name.en)
            }
        }
        (Lang::En, None) => format!("{} is in Guangdong.", city.name.en),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::parse_json;
    use crate::geo::{map_to_svg, CityShapes, MapLayout};

    fn cities() -> CityIndex {
        parse_json("cities.json", include_str!("../../data/cities.json")).unwrap()
    }

    fn hex((r, g, b): super::super::Rgb) -> String {
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    #[test]
    fn only_the_city_is_filled_labelled_and_outlined() {
        let c = cities();
        let style = locator_style("440500", &c, Lang::Zh, Theme::LIGHT).unwrap();
        assert_eq!(style.fills.len(), 1);
        assert_eq!(style.fill_of("440500"), locator_fill(&Theme::LIGHT));
        assert_eq!(style.fill_of("440100"), zero_fill(&Theme::LIGHT));
        assert_eq!(style.labels.keys().collect::<Vec<_>>(), ["440500"]);
        assert_eq!(style.labels["440500"], "汕头");
        assert_eq!(style.highlight.as_deref(), Some("440500"));
        assert!(locator_style("449999", &c, Lang::Zh, Theme::LIGHT).is_none());
    }

    #[test]
    fn the_drawn_map_shows_the_city_in_its_colour_with_its_name() {
        let shapes = CityShapes::parse(
            "geo",
            include_str!("../../data/geo/guangdong-cities.geojson"),
        )
        .unwrap();
        let layout = MapLayout::locator(&shapes, 360);
        let c = cities();
        for theme in [Theme::LIGHT, Theme::DARK] {
            let svg = map_to_svg(
                &layout,
                &locator_style("440200", &c, Lang::En, theme).unwrap(),
            );
            assert!(
                svg.contains(">\nShaoguan\n</text>") || svg.contains(">Shaoguan\n</text>"),
                "the label: {svg}"
            );
            assert!(svg.contains(&hex(locator_fill(&theme))), "the city's fill");
            assert!(!svg.contains(">Guangzhou<"), "no other label");
        }
    }

    #[test]
    fn the_locator_is_cropped_to_the_province_without_the_delta_inset() {
        let shapes = CityShapes::parse(
            "geo",
            include_str!("../../data/geo/guangdong-cities.geojson"),
        )
        .unwrap();
        for width in [280, 320, 360] {
            let layout = MapLayout::locator(&shapes, width);
            assert!(layout.prd.shapes.is_empty(), "no Pearl River Delta inset");
            let ys = layout
                .main
                .shapes
                .iter()
                .flat_map(|s| &s.polygons)
                .flat_map(|p| &p.rings)
                .flatten()
                .map(|p| p.1);
            let (top, bottom) = ys.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
            // The province touches the padding at the top and bottom: no empty band.
            assert!(top <= 8 + 4 + 3, "{width}: top {top}");
            assert!(
                bottom >= layout.height() as i32 - 8 - 4 - 3,
                "{width}: {bottom}"
            );
            let full = MapLayout::new(&shapes, width);
            assert!(layout.height() < full.height(), "{width}");
            let svg = map_to_svg(
                &layout,
                &locator_style("440300", &cities(), Lang::Zh, Theme::LIGHT).unwrap(),
            );
            assert!(!svg.contains("珠三角"), "no inset caption");
            assert!(svg.contains("深圳"), "the city's label, on the main map");
        }
    }

    #[test]
    fn the_sentence_names_the_region() {
        let c = cities();
        assert_eq!(
            locator_text("440100", &c, Lang::Zh).unwrap(),
            "广州市位于广东省珠三角。"
        );
        assert_eq!(
            locator_text("440100", &c, Lang::En).unwrap(),
            "Guangzhou is in the Pearl River Delta region of Guangdong."
        );
        assert_eq!(
            locator_text("440500", &c, Lang::En).unwrap(),
            "Shantou is in Eastern Guangdong."
        );
    }
}

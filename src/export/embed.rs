//! The embed snippet a journalist pastes into a news page, and the one HTML attribute escaper.

use super::url::{base_dir, safe_absolute_url};
use crate::i18n::{Lang, Msg};
use crate::route::{Embed, Figure, Route};

/// How the embedded chart is sized on the host page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedKind {
    /// Full width of the host column; `embed-host.js` adjusts the height to the content.
    Responsive {
        /// The figure's estimated height (e.g. at [`FIXED_WIDTH_PX`], the common column) as the
        /// iframe's starting height, so that the host article barely moves when the real height
        /// arrives; `None` when unknown (then [`RESPONSIVE_HEIGHT_PX`]).
        estimated_height_px: Option<u32>,
    },
    /// A fixed box in CSS pixels.
    Fixed {
        /// Width in CSS pixels.
        width_px: u32,
        /// Height in CSS pixels.
        height_px: u32,
    },
}

/// Width of the fixed-size snippet's frame: a common article column. The build-time embed pages
/// draw their wide chart for this frame (`static_render::prerender::EMBED_WIDE_PX`).
pub const FIXED_WIDTH_PX: u32 = 640;

/// Starting height of a responsive embed whose height is not estimated, before `embed-host.js`
/// applies the height the embed reports.
pub const RESPONSIVE_HEIGHT_PX: u32 = 480;

/// The responsive iframe's starting height: the estimate, within what `embed-host.js` would apply
/// ([`MIN_EMBED_HEIGHT_PX`]..=[`MAX_EMBED_HEIGHT_PX`]), else [`RESPONSIVE_HEIGHT_PX`].
pub fn responsive_start_height(estimated_height_px: Option<u32>) -> u32 {
    estimated_height_px.map_or(RESPONSIVE_HEIGHT_PX, |h| {
        h.clamp(MIN_EMBED_HEIGHT_PX, MAX_EMBED_HEIGHT_PX)
    })
}

/// The one message an embed view sends to its host page: `{type: HEIGHT_MESSAGE_TYPE, height}`,
/// the height of its content in CSS pixels. `public/embed-host.js` accepts exactly this shape.
pub const HEIGHT_MESSAGE_TYPE: &str = "gd-plus:embed-height";

/// Smallest height `embed-host.js` applies; anything lower is ignored as nonsense.
pub const MIN_EMBED_HEIGHT_PX: u32 = 100;

/// Largest height `embed-host.js` applies (the tallest figure, the heatmap at 320 px, is far lower).
pub const MAX_EMBED_HEIGHT_PX: u32 = 6000;

/// Attribute that marks our iframes on a host page, so `embed-host.js` only ever resizes those.
pub const EMBED_FRAME_ATTR: &str = "data-gd-plus-embed";

/// The file that serves embed views (it may be framed by any site; `index.html` may not).
pub const EMBED_PAGE: &str = "embed.html";

/// The address of an embed view: `embed.html` in the directory of `page_href` (the address of
/// the app page the reader is on), with `query` (e.g. `?view=embed&fig=heatmap&lang=zh`).
/// `None` when `page_href` is not a safe absolute URL.
pub fn embed_url(page_href: &str, query: &str) -> Option<String> {
    let page = safe_absolute_url(page_href)?;
    safe_absolute_url(&format!("{}{EMBED_PAGE}{query}", base_dir(&page)))
}

/// The address the Embed dialog gives for `figure` in `lang`, beside `page_href`: the figure's
/// pre-rendered page (`Figure::own_page`, e.g. `embed-area-manufacturing-1.html`: the chart is in
/// the HTML, no wait for the Wasm) when the build wrote those pages (`prerendered`) and the embed
/// is the one drawn there — Chinese, in the reader's colour scheme; else `embed.html` with the
/// embed's query (English, the heatmap, the map). `None` when `page_href` is not a safe absolute URL.
pub fn embed_address(
    page_href: &str,
    figure: &Figure,
    lang: Lang,
    prerendered: bool,
) -> Option<String> {
    let own = figure
        .own_page()
        .filter(|_| prerendered && lang == Lang::Zh);
    if let Some(own) = own {
        let page = safe_absolute_url(page_href)?;
        return safe_absolute_url(&format!("{}{own}", base_dir(&page)));
    }
    let route = Route::Embed(Embed {
        figure: figure.clone(),
        scheme: None,
    });
    embed_url(page_href, &route.href(lang))
}

/// Escapes text for an HTML attribute value (and for element text): `&`, `<`, `>`, `"` and `'`
/// become entities. Every value written into markup by this module goes through here.
pub fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// The HTML to paste: an `<iframe>` of `url` with an accessible `title`, lazy loading and no
/// referrer (the host page's address is not ours to collect); for [`EmbedKind::Responsive`] it is
/// 100% wide and followed by `<script src="<directory of url>/embed-host.js" async></script>`,
/// which resizes it; for [`EmbedKind::Fixed`] it has `width` and `height` attributes.
///
/// `url` must pass [`safe_absolute_url`]; otherwise the result is empty and the caller offers no snippet.
/// A blank `title` is replaced by the site title in both languages, since screen readers announce
/// a frame by its title. Every attribute value is escaped by [`escape_attr`].
pub fn embed_snippet(url: &str, title: &str, kind: EmbedKind) -> String {
    let Some(src) = safe_absolute_url(url) else {
        return String::new();
    };
    let title = if title.trim().is_empty() {
        format!(
            "{} / {}",
            Msg::SiteTitle.text(Lang::Zh),
            Msg::SiteTitle.text(Lang::En)
        )
    } else {
        title.to_owned()
    };
    let common = format!(
        "src=\"{}\" title=\"{}\" {EMBED_FRAME_ATTR}",
        escape_attr(&src),
        escape_attr(&title)
    );
    let policy = "loading=\"lazy\" referrerpolicy=\"no-referrer\"";
    match kind {
        EmbedKind::Responsive {
            estimated_height_px,
        } => {
            let script = format!("{}embed-host.js", base_dir(&src));
            let height = responsive_start_height(estimated_height_px);
            format!(
                "<iframe {common} {policy} style=\"width:100%;height:{height}px;border:0\"></iframe>\n\
                 <script src=\"{}\" async></script>",
                escape_attr(&script)
            )
        }
        EmbedKind::Fixed {
            width_px,
            height_px,
        } => format!(
            "<iframe {common} width=\"{width_px}\" height=\"{height_px}\" {policy} style=\"border:0\"></iframe>"
        ),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    const URL: &str = "https://example.org/gd/?view=area&id=logistics&lang=zh";
    const UNKNOWN: EmbedKind = EmbedKind::Responsive {
        estimated_height_px: None,
    };

    #[test]
    fn the_embed_url_is_embed_html_beside_the_page() {
        assert_eq!(
            embed_url(
                "https://example.org/gd/?view=area&id=finance#t1",
                "?view=embed&fig=heatmap&lang=en"
            )
            .as_deref(),
            Some("https://example.org/gd/embed.html?view=embed&fig=heatmap&lang=en")
        );
        assert_eq!(
            embed_url(
                "http://127.0.0.1:8080/index.html",
                "?view=embed&fig=heatmap"
            )
            .as_deref(),
            Some("http://127.0.0.1:8080/embed.html?view=embed&fig=heatmap")
        );
        assert_eq!(embed_url("javascript:alert(1)//", "?x"), None);
        assert_eq!(
            embed_url("?view=home", "?x"),
            None,
            "relative pages have no address to give"
        );
    }

    #[test]
    fn the_chinese_embed_of_a_target_chart_is_its_prerendered_page_when_there_is_one() {
        let page = "https://example.org/gd/area-manufacturing.html#t";
        let area = Figure::AreaChart {
            area: "manufacturing".into(),
            n: 1,
        };
        let ind = Figure::IndicatorChart("overall.online-shopping".into());
        assert_eq!(
            embed_address(page, &area, Lang::Zh, true).as_deref(),
            Some("https://example.org/gd/embed-area-manufacturing-1.html")
        );
        assert_eq!(
            embed_address(page, &ind, Lang::Zh, true).as_deref(),
            Some("https://example.org/gd/embed-indicator-overall.online-shopping.html")
        );
        // English is not what was drawn; a build without the pages has none.
        assert_eq!(
            embed_address(page, &area, Lang::En, true).as_deref(),
            Some("https://example.org/gd/embed.html?view=embed&fig=area&id=manufacturing&n=1&lang=en")
        );
        assert_eq!(
            embed_address(page, &area, Lang::Zh, false).as_deref(),
            Some("https://example.org/gd/embed.html?view=embed&fig=area&id=manufacturing&n=1&lang=zh")
        );
        // The heatmap and the map have no pre-rendered page.
        assert_eq!(
            embed_address(page, &Figure::Heatmap, Lang::Zh, true).as_deref(),
            Some("https://example.org/gd/embed.html?view=embed&fig=heatmap&lang=zh")
        );
        assert_eq!(embed_address("javascript:x//", &area, Lang::Zh, true), None);
    }

    #[test]
    fn the_host_script_checks_what_the_embed_sends() {
        // public/embed-host.js is plain JS for other people's pages; it must agree with these.
        let host = include_str!("../../public/embed-host.js");
        assert!(host.contains(&format!("'{HEIGHT_MESSAGE_TYPE}'")));
        assert!(host.contains(&format!("MIN_HEIGHT = {MIN_EMBED_HEIGHT_PX};")));
        assert!(host.contains(&format!("MAX_HEIGHT = {MAX_EMBED_HEIGHT_PX};")));
        assert!(host.contains(&format!("iframe[{EMBED_FRAME_ATTR}]")));
    }

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape_attr("a & b < c > d \" e ' f 深圳"),
            "a &amp; b &lt; c &gt; d &quot; e &#39; f 深圳"
        );
        assert_eq!(
            escape_attr("&amp;"),
            "&amp;amp;",
            "escapes once, never decodes"
        );
    }

    #[test]
    fn responsive_snippet_has_a_full_width_iframe_and_the_host_script() {
        let s = embed_snippet(URL, "互联网+现代物流：目标", UNKNOWN);
        assert_eq!(
            s,
            "<iframe src=\"https://example.org/gd/?view=area&amp;id=logistics&amp;lang=zh\" \
             title=\"互联网+现代物流：目标\" data-gd-plus-embed loading=\"lazy\" referrerpolicy=\"no-referrer\" \
             style=\"width:100%;height:480px;border:0\"></iframe>\n\
             <script src=\"https://example.org/gd/embed-host.js\" async></script>"
        );
    }

    #[test]
    fn responsive_snippet_starts_at_the_estimated_height() {
        let start = |estimate| {
            let kind = EmbedKind::Responsive {
                estimated_height_px: estimate,
            };
            embed_snippet(URL, "t", kind)
        };
        assert!(start(Some(612)).contains("style=\"width:100%;height:612px;border:0\""));
        assert!(start(None).contains("style=\"width:100%;height:480px;border:0\""));
        // Never a height embed-host.js would refuse to apply.
        assert_eq!(responsive_start_height(Some(0)), MIN_EMBED_HEIGHT_PX);
        assert_eq!(responsive_start_height(Some(99)), 100);
        assert_eq!(responsive_start_height(Some(100)), 100);
        assert_eq!(responsive_start_height(Some(6000)), 6000);
        assert_eq!(responsive_start_height(Some(u32::MAX)), MAX_EMBED_HEIGHT_PX);
        assert_eq!(responsive_start_height(None), RESPONSIVE_HEIGHT_PX);
    }

    #[test]
    fn fixed_snippet_has_its_size_and_no_script() {
        let s = embed_snippet(
            URL,
            "Targets",
            EmbedKind::Fixed {
                width_px: 640,
                height_px: 420,
            },
        );
        assert!(s.starts_with("<iframe src=\"https://example.org/gd/?view=area&amp;id="));
        assert!(s.contains(
            " title=\"Targets\" data-gd-plus-embed width=\"640\" height=\"420\" loading=\"lazy\""
        ));
        assert!(s.ends_with("style=\"border:0\"></iframe>"));
        assert!(!s.contains("<script"));
    }

    #[test]
    fn a_hostile_title_is_escaped() {
        let s = embed_snippet(URL, "\"><script>alert('x')</script>", UNKNOWN);
        assert!(!s.contains("<script>alert"), "{s}");
        assert!(s.contains("title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""));
        assert_eq!(s.matches('<').count(), 4, "only our own tags: {s}");
    }

    #[test]
    fn an_unsafe_url_gives_no_snippet() {
        for url in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example/",
            " https://example.org/",
            "https://example.org/\"><script>",
        ] {
            assert_eq!(embed_snippet(url, "t", UNKNOWN), "", "{url}");
        }
    }

    #[test]
    fn a_blank_title_falls_back_to_the_site_title() {
        let s = embed_snippet(URL, "  ", UNKNOWN);
        assert!(s.contains(
            "title=\"广东省“互联网+”行动计划数据浏览器 / Guangdong “Internet+” Plan Explorer\""
        ));
    }
}

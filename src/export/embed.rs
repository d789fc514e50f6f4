//! The embed snippet a journalist pastes into a news page, and the one HTML attribute escaper.

use super::url::{base_dir, safe_absolute_url};
use crate::i18n::{Lang, Msg};

/// How the embedded chart is sized on the host page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedKind {
    /// Full width of the host column; `embed-host.js` adjusts the height to the content.
    Responsive,
    /// A fixed box in CSS pixels.
    Fixed {
        /// Width in CSS pixels.
        width_px: u32,
        /// Height in CSS pixels.
        height_px: u32,
    },
}

/// Starting height of a responsive embed, before `embed-host.js` measures the content.
const RESPONSIVE_HEIGHT_PX: u32 = 480;

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
        "src=\"{}\" title=\"{}\"",
        escape_attr(&src),
        escape_attr(&title)
    );
    let policy = "loading=\"lazy\" referrerpolicy=\"no-referrer\"";
    match kind {
        EmbedKind::Responsive => {
            let script = format!("{}embed-host.js", base_dir(&src));
            format!(
                "<iframe {common} {policy} style=\"width:100%;height:{RESPONSIVE_HEIGHT_PX}px;border:0\"></iframe>\n\
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
        let s = embed_snippet(URL, "互联网+现代物流：目标", EmbedKind::Responsive);
        assert_eq!(
            s,
            "<iframe src=\"https://example.org/gd/?view=area&amp;id=logistics&amp;lang=zh\" \
             title=\"互联网+现代物流：目标\" loading=\"lazy\" referrerpolicy=\"no-referrer\" \
             style=\"width:100%;height:480px;border:0\"></iframe>\n\
             <script src=\"https://example.org/gd/embed-host.js\" async></script>"
        );
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
        assert!(s.contains(" title=\"Targets\" width=\"640\" height=\"420\" loading=\"lazy\""));
        assert!(s.ends_with("style=\"border:0\"></iframe>"));
        assert!(!s.contains("<script"));
    }

    #[test]
    fn a_hostile_title_is_escaped() {
        let s = embed_snippet(URL, "\"><script>alert('x')</script>", EmbedKind::Responsive);
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
            assert_eq!(embed_snippet(url, "t", EmbedKind::Responsive), "", "{url}");
        }
    }

    #[test]
    fn a_blank_title_falls_back_to_the_site_title() {
        let s = embed_snippet(URL, "  ", EmbedKind::Responsive);
        assert!(s.contains(
            "title=\"广东省“互联网+”行动计划数据浏览器 / Guangdong “Internet+” Plan Explorer\""
        ));
    }
}

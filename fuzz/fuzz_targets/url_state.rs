//! The URL-state parser and the URL allowlist on arbitrary text. Besides "never panics", two
//! properties: the allowlist is idempotent (what it accepts, it accepts again unchanged) and never
//! lets through whitespace, control characters, backslashes or another scheme; and the query string
//! the app writes for a parsed route parses back to the same route.
#![no_main]

use gd_plus::export::safe_url;
use gd_plus::i18n::Lang;
use gd_plus::route::UrlState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let state = UrlState::parse(text);
    for lang in [Lang::Zh, Lang::En] {
        let href = state.route.href(lang);
        let again = UrlState::parse(&href);
        assert_eq!(again.route, state.route, "{text:?} → {href:?}");
        assert_eq!(safe_url(&href).as_deref(), Some(href.as_str()), "{href:?}");
    }
    if let Some(ok) = safe_url(text) {
        assert_eq!(safe_url(&ok).as_deref(), Some(ok.as_str()), "{text:?}");
        assert!(
            ok.bytes().all(|b| b.is_ascii_graphic()) && !ok.contains('\\'),
            "{ok:?}"
        );
        let lower = ok.to_ascii_lowercase();
        let scheme = lower.split(['/', '?', '#']).next().unwrap_or_default();
        if let Some((scheme, _)) = scheme.split_once(':') {
            assert!(matches!(scheme, "http" | "https" | "mailto"), "{ok:?}");
        }
    }
});

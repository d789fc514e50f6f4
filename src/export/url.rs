//! The one URL allowlist of the app: [`safe_url`]. Every link, `src` and citation URL goes through it.

/// Longest URL accepted; browsers and servers start to refuse somewhat beyond this.
const MAX_URL_LEN: usize = 2048;

/// Whether `b` may appear after the authority: RFC 3986 unreserved and reserved characters
/// and `%` (checked for two hex digits separately). Everything else must be percent-encoded.
fn is_url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&b)
}

/// Whether every `%` in `s` starts a `%XX` escape.
fn percent_escapes_ok(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        c != b'%'
            || (b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    })
}

/// Whether `host` is a DNS name (ASCII letters, digits, `-`, `_`, dot-separated non-empty labels,
/// one trailing dot allowed) or a bracketed IPv6 address.
fn host_ok(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.contains(':')
            && inner
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
    }
    let name = host.strip_suffix('.').unwrap_or(host);
    !name.is_empty()
        && name.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Splits an authority into host and optional port; `None` when the port is not 1–65535.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let (host, port) = match authority.rsplit_once(':') {
        // A colon inside IPv6 brackets is not a port separator.
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority, None),
    };
    match port {
        None => Some((host, None)),
        Some(p) if !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => {
            match p.parse::<u16>() {
                Ok(n) if n > 0 => Some((host, Some(n))),
                _ => None,
            }
        }
        Some(_) => None,
    }
}

/// Whether `s` contains an HTML character reference (`&#58;`, `&#x3a;`, `&colon;`): harmless in a
/// DOM attribute, but decoded if the text ever lands in HTML source, so refused everywhere.
fn has_char_reference(s: &str) -> bool {
    s.match_indices('&').any(|(i, _)| {
        let rest = s.get(i + 1..).unwrap_or_default();
        if rest.starts_with('#') {
            return true;
        }
        let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        name_len > 0 && rest.as_bytes().get(name_len) == Some(&b';')
    })
}

/// Whether `s` is a scheme name per RFC 3986: a letter, then letters, digits, `+`, `-`, `.`.
fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
}

/// An absolute `http:`/`https:` URL with a host, scheme lower-cased.
fn absolute_http(scheme: &str, url: &str) -> Option<String> {
    let rest = url.get(scheme.len()..)?.strip_prefix("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') || !tail.bytes().all(is_url_byte) || !percent_escapes_ok(tail) {
        return None;
    }
    let (host, _port) = split_port(authority)?;
    if !host_ok(host) {
        return None;
    }
    Some(format!("{scheme}://{rest}"))
}

/// A `mailto:` URL: at least one `local@domain` address, then an optional `?subject=…` query, all in
/// URL characters with valid escapes.
fn mailto(url: &str) -> Option<String> {
    let rest = url.get("mailto:".len()..)?;
    let (to, _query) = rest.split_once('?').unwrap_or((rest, ""));
    let addresses_ok = !to.is_empty()
        && to.split(',').all(|a| {
            a.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty() && !domain.contains('@') && host_ok(domain)
            })
        });
    (addresses_ok
        && !rest.contains('#')
        && rest.bytes().all(is_url_byte)
        && percent_escapes_ok(rest))
    .then(|| format!("mailto:{rest}"))
}

/// A relative reference (`?view=map`, `#p042`, `/gd/`, `data/areas.json`, `../x`, or empty for
/// "this page"): URL characters only, and no colon, plain or `%3A`, in its first path segment
/// (which would make it a scheme). Protocol-relative `//host` is refused: links that leave the
/// site must say `https:`.
fn relative(url: &str) -> Option<String> {
    if url.starts_with("//") || !url.bytes().all(is_url_byte) || !percent_escapes_ok(url) {
        return None;
    }
    let first_segment = url.split(['/', '?', '#']).next().unwrap_or_default();
    let lower = first_segment.to_ascii_lowercase();
    (!lower.contains(':') && !lower.contains("%3a")).then(|| url.to_owned())
}

/// The one URL allowlist: the URL when it is safe as a link target (`href`), an `<iframe src>` or
/// a citation; `None` otherwise. Every link the app renders goes through it.
///
/// Accepted, and nothing else:
/// * `http:` / `https:` absolute URLs (scheme in any case, returned lower-cased) with `//`, a host
///   (DNS name or `[IPv6]`), an optional port 1–65535, and a path, query and fragment made of
///   RFC 3986 characters with valid `%XX` escapes;
/// * `mailto:` with one or more `local@domain` addresses and an optional query;
/// * relative references: `?query`, `#fragment`, `/path`, `path`, `./` and `../` forms, and the
///   empty string (this page).
///
/// Refused, among others: every other scheme (`javascript:` in any case, `vbscript:`, `data:`,
/// `blob:`, `file:`, `ftp:`), protocol-relative `//host`, credentials (`https://user@host`),
/// whitespace or control characters anywhere (`java\tscript:`, newlines, leading spaces), HTML
/// character references (`&#58;`, `&colon;`), a percent-encoded colon before the first `/`
/// (`javascript%3Aalert(1)`), backslashes (`https:\\evil`, which browsers read as slashes),
/// non-ASCII characters (a page URL from `location.href` is already percent-encoded and
/// punycoded), bad `%` escapes, an empty host or bad port, and anything over 2048 bytes.
pub fn safe_url(url: &str) -> Option<String> {
    if url.len() > MAX_URL_LEN || !url.is_ascii() || has_char_reference(url) {
        return None;
    }
    let first_segment = url.split(['/', '?', '#']).next().unwrap_or_default();
    let Some((scheme, _)) = first_segment.split_once(':') else {
        return relative(url);
    };
    if !is_scheme(scheme) {
        return None;
    }
    let lower = scheme.to_ascii_lowercase();
    match lower.as_str() {
        "http" | "https" => absolute_http(&lower, url),
        "mailto" => mailto(url),
        _ => None,
    }
}

/// [`safe_url`], restricted to absolute `http:`/`https:` URLs: for what must stand on its own
/// outside the page (an embed snippet's `<iframe src>`, a citation, the `source.url` of an export).
pub fn safe_absolute_url(url: &str) -> Option<String> {
    safe_url(url).filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// The directory of a safe URL, without query or fragment, ending in `/`:
/// `https://example.org/gd/?view=map` → `https://example.org/gd/`.
pub(super) fn base_dir(safe: &str) -> String {
    let no_fragment = safe.split('#').next().unwrap_or(safe);
    let path_part = no_fragment.split('?').next().unwrap_or(no_fragment);
    // After "scheme://", the first '/' starts the path; without one the base is the origin.
    let after_scheme = path_part.find("://").map_or(0, |i| i + 3);
    let path = path_part.get(after_scheme..).unwrap_or_default();
    match path
        .rfind('/')
        .and_then(|i| path_part.get(..after_scheme + i + 1))
    {
        Some(dir) => dir.to_owned(),
        None => format!("{path_part}/"),
    }
}

#[cfg(test)]
#[path = "url_tests.rs"]
mod tests;

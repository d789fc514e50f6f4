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
    let (host, port) = match authority.rfind(':') {
        // A colon inside IPv6 brackets is not a port separator.
        Some(i) if !authority[i..].contains(']') => (&authority[..i], Some(&authority[i + 1..])),
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

/// The URL when it is safe to put in a link, an `<iframe src>` or a citation; `None` otherwise.
///
/// Accepted: absolute `http:` or `https:` URLs (scheme in any case, returned lower-cased) with
/// `//`, a host (DNS name or `[IPv6]`), an optional port, and a path, query and fragment made of
/// RFC 3986 characters with valid `%XX` escapes, at most 2048 bytes in all.
///
/// Rejected, among others: other schemes (`javascript:`, `data:`, `vbscript:`, `file:`, `ftp:`),
/// relative and protocol-relative URLs (`//evil.example`), credentials (`https://user@host`),
/// whitespace or control characters anywhere (leading spaces, `java\tscript:`, newlines),
/// backslashes (`https:\\evil`, which browsers read as slashes), non-ASCII characters (a page URL
/// from `location.href` is already percent-encoded and punycoded) and an empty host or bad port.
pub fn safe_url(url: &str) -> Option<String> {
    if url.len() > MAX_URL_LEN || !url.is_ascii() {
        return None;
    }
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
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

/// The directory of a safe URL, without query or fragment, ending in `/`:
/// `https://example.org/gd/?view=map` → `https://example.org/gd/`.
pub(super) fn base_dir(safe: &str) -> String {
    let no_fragment = safe.split('#').next().unwrap_or(safe);
    let path_part = no_fragment.split('?').next().unwrap_or(no_fragment);
    // After "scheme://", the first '/' starts the path; without one the base is the origin.
    let after_scheme = path_part.find("://").map_or(0, |i| i + 3);
    match path_part[after_scheme..].rfind('/') {
        Some(i) => path_part[..after_scheme + i + 1].to_owned(),
        None => format!("{path_part}/"),
    }
}

#[cfg(test)]
#[path = "url_tests.rs"]
mod tests;

//! Turning the text of a data file into typed data, with errors that name the file, the JSON path and the reason.

use serde::de::DeserializeOwned;

use super::json_path::error_path;
use super::shape::{first_array_for_object, HasShape, Shape};
use thiserror::Error;

/// Why a data file could not be used. `Clone` so that it can live in a signal.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The request never got an answer (offline, DNS, CORS …).
    #[error("{file}: network error: {reason}")]
    Network {
        /// File name relative to the data base URL.
        file: String,
        /// What the browser reported.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("{file}: HTTP {status}")]
    Http {
        /// File name relative to the data base URL.
        file: String,
        /// HTTP status code.
        status: u16,
    },
    /// The text is not JSON, or not JSON of the expected shape.
    #[error("{file}: at {path}: {reason}")]
    Parse {
        /// File name relative to the data base URL.
        file: String,
        /// JSON path of the offending value (`$` for the document itself).
        path: String,
        /// What is wrong there.
        reason: String,
    },
    /// The browser reports that it has no network connection (`navigator.onLine` is false).
    #[error("{file}: offline")]
    Offline {
        /// File name relative to the data base URL.
        file: String,
    },
    /// Nothing arrived for [`FETCH_TIMEOUT_SECS`] seconds (no answer, or a body that stalls), so the
    /// request was aborted.
    #[error("{file}: no data for {secs} s, request aborted")]
    Timeout {
        /// File name relative to the data base URL.
        file: String,
        /// How long the client waited for the next byte.
        secs: u32,
    },
    /// HTTP 503 (or 429): the server asks to come back later, maybe saying when (`Retry-After`).
    #[error("{file}: HTTP {status}, retry after {}", retry_after_secs.map_or_else(|| "an unknown time".to_owned(), |s| format!("{s} s")))]
    Unavailable {
        /// File name relative to the data base URL.
        file: String,
        /// HTTP status code (503 or 429).
        status: u16,
        /// Seconds until the server expects to answer again, from `Retry-After` (delta or date).
        retry_after_secs: Option<u32>,
    },
    /// An HTML page arrived instead of the data (a captive portal, a login page, an error page
    /// served with status 200).
    #[error("{file}: got an HTML page instead of JSON (content type {content_type:?})")]
    Html {
        /// File name relative to the data base URL.
        file: String,
        /// The `Content-Type` the server sent (empty when none).
        content_type: String,
    },
    /// The server says the body is something other than JSON.
    #[error("{file}: content type {content_type:?} is not JSON")]
    ContentType {
        /// File name relative to the data base URL.
        file: String,
        /// The `Content-Type` the server sent.
        content_type: String,
    },
    /// The body broke off before its end (the connection closed early: fewer bytes than
    /// `Content-Length`, an unfinished chunked body).
    #[error("{file}: body cut off after {received} bytes{}", expected.map_or_else(String::new, |e| format!(" of {e}")))]
    Truncated {
        /// File name relative to the data base URL.
        file: String,
        /// Bytes received before the break.
        received: u64,
        /// `Content-Length`, when the server sent one.
        expected: Option<u64>,
    },
    /// The file is larger than [`MAX_FILE_BYTES`]; the download was refused (by `Content-Length`)
    /// or cancelled at the cap, and nothing was parsed.
    #[error("{file}: larger than the {limit}-byte limit{}", size.map_or_else(String::new, |s| format!(" ({s} bytes)")))]
    TooLarge {
        /// File name relative to the data base URL.
        file: String,
        /// The cap, [`MAX_FILE_BYTES`].
        limit: u64,
        /// The size announced by `Content-Length`, when there was one.
        size: Option<u64>,
    },
    /// The JSON has the right shape but breaks a rule of the data model.
    #[error("{file}: at {path}: {reason}")]
    Invalid {
        /// File name relative to the data base URL.
        file: String,
        /// JSON path of the offending value.
        path: String,
        /// Which rule is broken.
        reason: String,
    },
}

impl LoadError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            Self::Network { file, .. }
            | Self::Offline { file }
            | Self::Timeout { file, .. }
            | Self::Http { file, .. }
            | Self::Unavailable { file, .. }
            | Self::Html { file, .. }
            | Self::ContentType { file, .. }
            | Self::Truncated { file, .. }
            | Self::TooLarge { file, .. }
            | Self::Parse { file, .. }
            | Self::Invalid { file, .. } => file,
        }
    }
}

/// Largest data file the app downloads: 2 MiB, 16 × the largest published file (`document.json`,
/// 131 KB). Checked against `Content-Length` before the body is read, and while streaming.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Seconds without a single byte (no response headers, or a stalled body) after which a download
/// is aborted.
pub const FETCH_TIMEOUT_SECS: u32 = 15;

/// Checks the `Content-Type` of a data file before its body is read.
///
/// Accepted: none, JSON (`application/json`, `text/json`, any `+json` such as
/// `application/geo+json`), and the generic types static hosts give to unknown extensions
/// (`application/octet-stream`, `text/plain`). HTML becomes [`LoadError::Html`] (a captive portal
/// or login page), anything else [`LoadError::ContentType`].
pub fn check_content_type(file: &str, content_type: Option<&str>) -> Result<(), LoadError> {
    let Some(raw) = content_type else {
        return Ok(());
    };
    let essence = raw
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let ok = essence.is_empty()
        || matches!(
            essence.as_str(),
            "application/json" | "text/json" | "application/octet-stream" | "text/plain"
        )
        || (essence.starts_with("application/") && essence.ends_with("+json"));
    if ok {
        Ok(())
    } else if essence == "text/html" || essence == "application/xhtml+xml" {
        Err(LoadError::Html {
            file: file.to_owned(),
            content_type: raw.to_owned(),
        })
    } else {
        Err(LoadError::ContentType {
            file: file.to_owned(),
            content_type: raw.to_owned(),
        })
    }
}

/// Whether a body that claims to be data starts like an HTML page (`<!DOCTYPE`, `<html`, any tag
/// after optional whitespace and BOM). JSON never starts with `<`.
pub fn looks_like_html(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    body.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// `Retry-After` as a delay in seconds: either delta-seconds (`120`) or an HTTP date, which the
/// caller converts with `date_ms` (milliseconds since the epoch, `None` when unparseable) and
/// `now_ms`. A date in the past means "now" (0). Capped at one day.
pub fn retry_after_secs(value: &str, now_ms: f64, date_ms: Option<f64>) -> Option<u32> {
    const DAY: u32 = 86_400;
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .map_or(DAY, |s| s.min(u64::from(DAY)) as u32),
        );
    }
    let date = date_ms.filter(|d| d.is_finite())?;
    let secs = ((date - now_ms) / 1000.0).ceil();
    Some(if secs <= 0.0 {
        0
    } else if secs >= f64::from(DAY) {
        DAY
    } else {
        secs as u32
    })
}

/// Turns the downloaded bytes of `file` into text: strips a UTF-8 byte-order mark (as the
/// browser's `Response.text()` does) and refuses invalid UTF-8 with the byte offset.
pub fn decode_body(file: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    let mut bytes = bytes;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| LoadError::Parse {
        file: file.to_owned(),
        path: "$".to_owned(),
        reason: format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })
}

/// Deepest nesting accepted; deeper documents are rejected before serde recurses (the
/// recursion limit of serde_json is 128, which is already safe, this only gives a clearer message).
const MAX_DEPTH: usize = 64;

/// Parses `text` (the content of `file`) into `T`.
///
/// Never panics: every malformed input becomes a [`LoadError::Parse`] with the JSON path
/// (`$.areas[3].name.zh`) where the problem is.
///
/// A leading UTF-8 byte order mark is skipped (RFC 8259 §8.1 allows it; the browser's
/// `Response.text()` drops it too), an empty or whitespace-only file is named as such, and a key
/// that appears twice in an object is refused by the derived types (`duplicate field `slug``).
///
/// serde's derived types also accept a JSON array in place of an object (`"name": ["a", "b"]`
/// would become `{zh: "a", en: "b"}`); such a file is refused too, at the path of the array.
pub fn parse_json<T: DeserializeOwned + HasShape>(file: &str, text: &str) -> Result<T, LoadError> {
    // Only the typed parse is generic; the checks around it are compiled once (issue #15).
    let text = check_before_parse(file, text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let typed = T::deserialize(&mut de).and_then(|value| de.end().map(|()| value));
    match typed {
        Ok(value) => check_after_parse(file, text, T::SHAPE).map(|()| value),
        Err(err) => Err(parse_error(file, text, &err)),
    }
}

/// Skips a BOM; refuses an empty file and nesting deeper than [`MAX_DEPTH`].
fn check_before_parse<'t>(file: &str, text: &'t str) -> Result<&'t str, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let reason = if text.trim().is_empty() {
        "the file is empty (no JSON value)".to_owned()
    } else if nesting_depth(text) > MAX_DEPTH {
        format!("nested deeper than {MAX_DEPTH} levels")
    } else {
        return Ok(text);
    };
    Err(LoadError::Parse {
        file: file.to_owned(),
        path: "$".to_owned(),
        reason,
    })
}

/// serde_json's error with the JSON path where it stopped (see json_path); trailing characters
/// after the document are at `$`.
fn parse_error(file: &str, text: &str, err: &serde_json::Error) -> LoadError {
    LoadError::Parse {
        file: file.to_owned(),
        path: error_path(text, err),
        reason: err.to_string(),
    }
}

/// Refuses an array where `shape` has an object: the text is read once more, by code shared by
/// every type; it parsed as the type, so it parses as JSON.
fn check_after_parse(file: &str, text: &str, shape: Shape) -> Result<(), LoadError> {
    if matches!(shape, Shape::Any) {
        return Ok(());
    }
    match first_array_for_object(text, shape) {
        Some(path) => Err(LoadError::Parse {
            file: file.to_owned(),
            path,
            reason: "invalid type: array, expected an object".to_owned(),
        }),
        None => Ok(()),
    }
}

/// Maximum bracket nesting outside strings; a cheap pre-check, not a parser.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for byte in text.bytes() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::model::AreaIndex;

    #[test]
    fn names_file_path_and_reason_for_a_wrong_type() {
        let text = r#"{"areas":[{"slug":"x","number":"one"}]}"#;
        let err = parse_json::<AreaIndex>("areas.json", text).unwrap_err();
        let LoadError::Parse { file, path, reason } = err else {
            panic!("expected a parse error")
        };
        assert_eq!(file, "areas.json");
        assert_eq!(path, "$.areas[0].number");
        assert!(reason.contains("invalid type"), "{reason}");
    }

    #[test]
    fn names_the_missing_field() {
        let err = parse_json::<AreaIndex>("areas.json", r#"{"areas":[{"slug":"x"}]}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "areas.json: at $.areas[0]: missing field `number` at line 1 column 22"
        );
    }

    #[test]
    fn syntax_error_points_to_the_root_with_line_and_column() {
        let err = parse_json::<AreaIndex>("areas.json", "{\"areas\": [").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("areas.json: at $"), "{text}");
        assert!(text.contains("line 1"), "{text}");
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        let err = parse_json::<AreaIndex>("areas.json", r#"{"areas":[]} x"#).unwrap_err();
        assert!(err.to_string().contains("trailing characters"), "{err}");
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let text = "[".repeat(100_000);
        let err = parse_json::<serde_json::Value>("deep.json", &text).unwrap_err();
        assert!(err.to_string().contains("nested deeper"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let value = parse_json::<serde_json::Value>("bom.json", "\u{feff}{\"a\":1}").unwrap();
        assert_eq!(value["a"], 1);
    }

    #[test]
    fn an_empty_file_is_named_as_such() {
        for text in ["", " \n\t\r\n", "\u{feff}"] {
            let err = parse_json::<AreaIndex>("areas.json", text).unwrap_err();
            assert_eq!(
                err.to_string(),
                "areas.json: at $: the file is empty (no JSON value)"
            );
        }
    }

    #[test]
    fn a_duplicate_key_is_refused_with_its_name_and_place() {
        let text = r#"{"areas":[{"slug":"a","slug":"b"}]}"#;
        let err = parse_json::<AreaIndex>("areas.json", text).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("areas.json: at $.areas[0]: duplicate field `slug`"),
            "{text}"
        );
    }

    #[test]
    fn an_array_in_place_of_an_object_is_refused_at_its_path() {
        let text = r#"{"areas":[{"slug":"a","number":0,"name":["zh","en"],
            "description":{"zh":"","en":""},"file":"a.json",
            "counts":{"targets":0,"milestones":0,"tasks":0,"departments":0,"cities":0}}]}"#;
        let err = parse_json::<AreaIndex>("areas.json", text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "areas.json: at $.areas[0].name: invalid type: array, expected an object"
        );
        let fixed = text.replace(r#"["zh","en"]"#, r#"{"zh":"zh","en":"en"}"#);
        assert!(parse_json::<AreaIndex>("areas.json", &fixed).is_ok());
    }

    #[test]
    fn a_key_cut_off_by_the_end_of_the_file_names_its_object() {
        let err = parse_json::<AreaIndex>("areas.json", r#"{"areas":[{"sl"#).unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("areas.json: at $.areas[0]: EOF while parsing"),
            "{text}"
        );
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        assert_eq!(nesting_depth(r#"{"a":"[[[[\"[[["}"#), 1);
    }

    #[test]
    fn content_type_json_and_generic_types_pass() {
        for ct in [
            None,
            Some(""),
            Some("application/json"),
            Some("application/json; charset=utf-8"),
            Some("Application/JSON"),
            Some("application/geo+json"),
            Some("application/ld+json;charset=UTF-8"),
            Some("text/json"),
            Some("application/octet-stream"),
            Some("text/plain; charset=utf-8"),
        ] {
            assert_eq!(check_content_type("a.json", ct), Ok(()), "{ct:?}");
        }
    }

    #[test]
    fn content_type_html_is_a_captive_portal_and_others_are_wrong() {
        for ct in [
            "text/html",
            "text/html; charset=utf-8",
            "application/xhtml+xml",
        ] {
            assert!(
                matches!(check_content_type("a.json", Some(ct)), Err(LoadError::Html { ref content_type, .. }) if content_type == ct),
                "{ct}"
            );
        }
        for ct in [
            "image/png",
            "text/css",
            "application/xml",
            "text/javascript",
            "application/jsonp",
        ] {
            let err = check_content_type("a.json", Some(ct)).unwrap_err();
            assert_eq!(
                err,
                LoadError::ContentType {
                    file: "a.json".into(),
                    content_type: ct.into()
                }
            );
        }
    }

    #[test]
    fn html_is_recognised_by_its_first_character() {
        assert!(looks_like_html(b"<!DOCTYPE html><title>Login</title>"));
        assert!(looks_like_html(b"\xEF\xBB\xBF \r\n <html>"));
        assert!(!looks_like_html(b"{\"a\":\"<html>\"}"));
        assert!(!looks_like_html(b"  [1]"));
        assert!(!looks_like_html(b""));
    }

    #[test]
    fn retry_after_delta_seconds_and_dates() {
        assert_eq!(retry_after_secs("120", 0.0, None), Some(120));
        assert_eq!(retry_after_secs(" 7 ", 0.0, None), Some(7));
        assert_eq!(
            retry_after_secs("99999999999999999999999", 0.0, None),
            Some(86_400)
        );
        // An HTTP date 90.5 s ahead rounds up; one in the past means now.
        assert_eq!(
            retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT", 1000.0, Some(91_500.0)),
            Some(91)
        );
        assert_eq!(
            retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT", 5000.0, Some(1000.0)),
            Some(0)
        );
        assert_eq!(retry_after_secs("soon", 0.0, None), None);
        assert_eq!(retry_after_secs("-5", 0.0, None), None);
        assert_eq!(retry_after_secs("", 0.0, None), None);
    }

    #[test]
    fn body_bytes_become_text_without_bom_and_refuse_bad_utf8() {
        assert_eq!(
            decode_body("a.json", b"\xEF\xBB\xBF{}".to_vec()),
            Ok("{}".to_owned())
        );
        assert_eq!(
            decode_body("a.json", "\"深圳\"".as_bytes().to_vec()),
            Ok("\"深圳\"".to_owned())
        );
        let err = decode_body("a.json", b"[\"ab\xFF\"]".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "a.json: at $: not valid UTF-8 at byte 4");
    }

    #[test]
    fn every_error_names_its_file() {
        let errors = [
            LoadError::Offline { file: "f".into() },
            LoadError::Timeout {
                file: "f".into(),
                secs: 15,
            },
            LoadError::Unavailable {
                file: "f".into(),
                status: 503,
                retry_after_secs: Some(30),
            },
            LoadError::Html {
                file: "f".into(),
                content_type: "text/html".into(),
            },
            LoadError::ContentType {
                file: "f".into(),
                content_type: "image/png".into(),
            },
            LoadError::Truncated {
                file: "f".into(),
                received: 10,
                expected: Some(20),
            },
            LoadError::TooLarge {
                file: "f".into(),
                limit: MAX_FILE_BYTES,
                size: None,
            },
        ];
        for e in errors {
            assert_eq!(e.file(), "f");
            assert!(e.to_string().starts_with("f: "), "{e}");
        }
        assert_eq!(
            LoadError::Unavailable {
                file: "f".into(),
                status: 503,
                retry_after_secs: Some(30)
            }
            .to_string(),
            "f: HTTP 503, retry after 30 s"
        );
        assert_eq!(
            LoadError::Truncated {
                file: "f".into(),
                received: 10,
                expected: Some(20)
            }
            .to_string(),
            "f: body cut off after 10 bytes of 20"
        );
    }

    #[test]
    fn the_size_cap_leaves_room_above_the_largest_published_file() {
        let largest = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
            .unwrap()
            .chain(std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/areas")).unwrap())
            .chain(std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/geo")).unwrap())
            .map(|e| e.unwrap().metadata().unwrap())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .max()
            .unwrap();
        assert!(
            largest * 8 <= MAX_FILE_BYTES,
            "largest data file {largest} B"
        );
    }
}

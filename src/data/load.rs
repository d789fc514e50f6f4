//! Turning the text of a data file into typed data, with errors that name the file, the JSON path and the reason.

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
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
            | Self::Http { file, .. }
            | Self::Parse { file, .. }
            | Self::Invalid { file, .. } => file,
        }
    }
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
pub fn parse_json<T: DeserializeOwned + Serialize>(file: &str, text: &str) -> Result<T, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Parse {
            file: file.to_owned(),
            path: "$".to_owned(),
            reason: "the file is empty (no JSON value)".to_owned(),
        });
    }
    if nesting_depth(text) > MAX_DEPTH {
        return Err(LoadError::Parse {
            file: file.to_owned(),
            path: "$".to_owned(),
            reason: format!("nested deeper than {MAX_DEPTH} levels"),
        });
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|err| LoadError::Parse {
        file: file.to_owned(),
        path: json_path(&err.path().to_string()),
        reason: err.into_inner().to_string(),
    })?;
    de.end().map_err(|err| LoadError::Parse {
        file: file.to_owned(),
        path: "$".to_owned(),
        reason: err.to_string(),
    })?;
    refuse_arrays_for_objects(file, text, &value)?;
    Ok(value)
}

/// Compares the JSON as written with the typed value written back: wherever the type has an
/// object and the file has an array, serde took the array's items as the fields in order.
fn refuse_arrays_for_objects<T: Serialize>(
    file: &str,
    text: &str,
    typed: &T,
) -> Result<(), LoadError> {
    // Both conversions succeed for anything that parsed above; if they did not, there is
    // nothing to compare and the typed value stands.
    let (Ok(written), Ok(typed)) = (
        serde_json::from_str::<Value>(text),
        serde_json::to_value(typed),
    ) else {
        return Ok(());
    };
    match first_array_for_object(&written, &typed, "$".to_owned()) {
        Some(path) => Err(LoadError::Parse {
            file: file.to_owned(),
            path,
            reason: "invalid type: array, expected an object".to_owned(),
        }),
        None => Ok(()),
    }
}

fn first_array_for_object(written: &Value, typed: &Value, path: String) -> Option<String> {
    match (written, typed) {
        (Value::Array(_), Value::Object(_)) => Some(path),
        (Value::Object(w), Value::Object(t)) => t.iter().find_map(|(key, tv)| {
            w.get(key)
                .and_then(|wv| first_array_for_object(wv, tv, format!("{path}.{key}")))
        }),
        (Value::Array(w), Value::Array(t)) => w
            .iter()
            .zip(t)
            .enumerate()
            .find_map(|(i, (wv, tv))| first_array_for_object(wv, tv, format!("{path}[{i}]"))),
        _ => None,
    }
}

/// Converts serde_path_to_error's `areas[3].name` (or `.` for the root) into `$.areas[3].name`.
/// A `?` segment (a key that was being read when the text ended) is dropped: the path then names
/// the object that holds it.
fn json_path(raw: &str) -> String {
    let raw = raw.trim_end_matches(".?").trim_end_matches('?');
    if raw.is_empty() || raw == "." {
        "$".to_owned()
    } else if raw.starts_with('[') {
        format!("${raw}")
    } else {
        format!("$.{raw}")
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
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
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
}

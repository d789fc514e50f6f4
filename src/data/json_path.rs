//! The JSON path (`$.areas[3].name.zh`) of the place where serde_json stopped with an error.
//!
//! The loader parses with plain serde_json (one typed parse, no path-tracking deserializer: that
//! doubled the size of every type's deserializer in the Wasm). Only when a parse fails is the text
//! scanned again, up to the line and column that serde_json reports, to name the value there. The
//! path is the one serde_path_to_error gave before (tests/loader.rs and tests/hostile.rs hold the
//! expectations): a wrong value names the value, a missing or duplicate field names its object,
//! a broken separator or an early end names the array or object being read.

use serde_json::error::Category;

/// One step into the document.
#[derive(Clone, Debug, PartialEq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// Where the reader is inside one open object or array.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// Object: before a key (after `{` or `,`). Array: before an element (after `[` or `,`).
    BeforeValue,
    /// Object only: after a key, before its `:`.
    AfterKey,
    /// Object only: after `:`, before the value.
    AfterColon,
    /// Inside a value (an unfinished string, number or word, or an open child container).
    InValue,
    /// After a complete value, before `,` or the closing bracket.
    AfterValue,
}

#[derive(Debug)]
struct Frame {
    is_object: bool,
    /// The key or index of the current member (None before the first key of an object).
    segment: Option<Segment>,
    /// How many values the container has begun.
    next_index: usize,
    phase: Phase,
}

/// The JSON path where serde_json stopped with `err` while reading `text`.
pub fn error_path(text: &str, err: &serde_json::Error) -> String {
    let stop = byte_offset(text, err.line(), err.column());
    let data_error = err.classify() == Category::Data;
    let reason = err.to_string();
    let between_values = BETWEEN_VALUES.iter().any(|words| reason.contains(words));
    let in_value = !data_error && !between_values;
    format_path(&segments_at(text.as_bytes(), stop, data_error, in_value))
}

/// serde_json's words for errors between values (a separator, a bracket or a key); every other
/// syntax error is inside the value being read.
const BETWEEN_VALUES: [&str; 8] = [
    "expected `,` or",
    "trailing comma",
    "EOF while parsing an object",
    "EOF while parsing a list",
    "expected `:`",
    "key must be a string",
    "trailing characters",
    "EOF while parsing a value",
];

/// serde_json counts lines from 1 and columns as bytes consumed on that line.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column).min(text.len())
}

/// A token of the text: its kind and where it ends (exclusive); `complete` is false for a string
/// that the text never closes.
struct Token {
    kind: u8,
    end: usize,
    complete: bool,
}

fn next_token(bytes: &[u8], mut at: usize) -> Option<(usize, Token)> {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    let &first = bytes.get(at)?;
    let token = match first {
        b'{' | b'}' | b'[' | b']' | b':' | b',' => Token {
            kind: first,
            end: at + 1,
            complete: true,
        },
        b'"' => {
            let mut i = at + 1;
            let mut complete = false;
            while let Some(&b) = bytes.get(i) {
                i += 1;
                match b {
                    // A bad escape ends the string there: serde_json stops in it.
                    b'\\' => match bytes.get(i) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => i += 1,
                        Some(b'u')
                            if bytes
                                .get(i + 1..i + 5)
                                .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) =>
                        {
                            i += 5
                        }
                        _ => break,
                    },
                    b'"' => {
                        complete = true;
                        break;
                    }
                    _ => {}
                }
            }
            Token {
                kind: b'"',
                end: i.min(bytes.len()),
                complete,
            }
        }
        b'-' | b'0'..=b'9' => number(bytes, at),
        _ => {
            // A literal, or a misspelling of one (or any other byte): where the error is.
            let literal = [&b"true"[..], b"false", b"null"]
                .into_iter()
                .find(|word| bytes.get(at..).is_some_and(|rest| rest.starts_with(word)));
            let mut end = at + 1;
            while literal.is_none() && bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                end += 1;
            }
            Token {
                kind: b'0',
                end: literal.map_or(end, |word| at + word.len()),
                complete: literal.is_some(),
            }
        }
    };
    Some((at, token))
}

/// A number as RFC 8259 spells it (`-? int frac? exp?`); where the spelling breaks off, the token
/// ends there, incomplete (serde_json refuses it: `1.`, `-`, `01`).
fn number(bytes: &[u8], at: usize) -> Token {
    let digits = |mut i: usize| {
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        (i, i > start)
    };
    let broken = |end| Token {
        kind: b'0',
        end,
        complete: false,
    };
    let mut i = at + usize::from(bytes.get(at) == Some(&b'-'));
    if bytes.get(i) == Some(&b'0') {
        i += 1;
        if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            return broken(i + 1);
        }
    } else {
        let (end, any) = digits(i);
        if !any {
            return broken(end);
        }
        i = end;
    }
    if bytes.get(i) == Some(&b'.') {
        let (end, any) = digits(i + 1);
        if !any {
            return broken(end);
        }
        i = end;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let (end, any) = digits(i);
        if !any {
            return broken(end);
        }
        i = end;
    }
    Token {
        kind: b'0',
        end: i,
        complete: true,
    }
}

/// The segments of the path at byte `stop` (see the module comment for which value that names).
///
/// `in_value`: the error is inside a value (a bad escape, number or word), so the last string,
/// number or word that begins before `stop` is that value, even where it looks complete.
fn segments_at(bytes: &[u8], stop: usize, data_error: bool, in_value: bool) -> Vec<Segment> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = 0;
    // Whether the token where reading stopped begins an array element (serde_json peeks at it).
    let mut element_ahead = false;
    while let Some((start, token)) = next_token(bytes, at) {
        // serde_json stops at the first token that does not fit, whatever column it reports.
        if start >= stop || !fits(stack.last(), token.kind) {
            element_ahead = token.kind != b']';
            break;
        }
        at = token.end;
        // serde_json may have read one byte past the value it refuses (`tru}`).
        let last_before_stop = in_value
            && matches!(token.kind, b'"' | b'0')
            && next_token(bytes, token.end).is_none_or(|(next, _)| next + 1 >= stop);
        let unfinished = token.end > stop || !token.complete || last_before_stop;
        match token.kind {
            b'{' | b'[' => {
                if let Some(parent) = stack.last_mut() {
                    enter_value(parent);
                }
                stack.push(Frame {
                    is_object: token.kind == b'{',
                    segment: None,
                    next_index: 0,
                    phase: Phase::BeforeValue,
                });
            }
            b'}' | b']' => {
                stack.pop();
                if let Some(parent) = stack.last_mut() {
                    parent.phase = Phase::AfterValue;
                }
            }
            b':' => {
                if let Some(frame) = stack.last_mut() {
                    frame.phase = Phase::AfterColon;
                }
            }
            b',' => {
                if let Some(frame) = stack.last_mut() {
                    frame.phase = Phase::BeforeValue;
                    frame.segment = None;
                }
            }
            _ => match stack.last_mut() {
                // A key cut off: the object is the path.
                Some(frame)
                    if frame.is_object && frame.phase == Phase::BeforeValue && unfinished => {}
                Some(frame) if frame.is_object && frame.phase == Phase::BeforeValue => {
                    // A key: it names the member only once its value is being read.
                    let raw = bytes.get(start + 1..token.end - 1).unwrap_or(&[]);
                    let key = String::from_utf8_lossy(raw).into_owned();
                    frame.segment = Some(Segment::Key(key));
                    frame.phase = Phase::AfterKey;
                }
                Some(frame) => {
                    enter_value(frame);
                    if !unfinished {
                        frame.phase = Phase::AfterValue;
                    }
                }
                None => {}
            },
        }
        if unfinished {
            break;
        }
    }
    let mut segments = Vec::new();
    let depth = stack.len();
    for (level, frame) in stack.iter().enumerate() {
        let innermost = level + 1 == depth;
        let named = match frame.phase {
            Phase::InValue | Phase::AfterColon => true,
            Phase::AfterValue => !innermost || data_error,
            Phase::AfterKey => false,
            Phase::BeforeValue => innermost && !frame.is_object && element_ahead,
        };
        if !named {
            continue;
        }
        if !frame.is_object && frame.phase == Phase::BeforeValue {
            segments.push(Segment::Index(frame.next_index));
        } else if let Some(segment) = &frame.segment {
            segments.push(segment.clone());
        }
    }
    segments
}

/// Whether a token of this kind may come next in `frame` (the document itself when `None`).
fn fits(frame: Option<&Frame>, kind: u8) -> bool {
    let Some(frame) = frame else {
        return true;
    };
    let value = matches!(kind, b'{' | b'[' | b'"' | b'0');
    match (frame.is_object, frame.phase) {
        // A key, or `}` in an empty object.
        (true, Phase::BeforeValue) => kind == b'"' || (kind == b'}' && frame.next_index == 0),
        (true, Phase::AfterKey) => kind == b':',
        (true, Phase::AfterColon) => value,
        (false, Phase::BeforeValue) => value || (kind == b']' && frame.next_index == 0),
        (_, Phase::AfterValue) => kind == b',' || kind == if frame.is_object { b'}' } else { b']' },
        _ => false,
    }
}

/// A value of `frame` starts: an array moves to its next index.
fn enter_value(frame: &mut Frame) {
    if !frame.is_object {
        frame.segment = Some(Segment::Index(frame.next_index));
    }
    frame.next_index += 1;
    frame.phase = Phase::InValue;
}

fn format_path(segments: &[Segment]) -> String {
    let mut path = String::from("$");
    for segment in segments {
        match segment {
            Segment::Key(key) => {
                path.push('.');
                path.push_str(key);
            }
            Segment::Index(i) => {
                path.push('[');
                path.push_str(&i.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn path_of<T: serde::de::DeserializeOwned>(text: &str) -> String {
        let err = serde_json::from_str::<T>(text).err().expect("an error");
        error_path(text, &err)
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Item {
        a: u8,
        b: Vec<u8>,
    }

    #[test]
    fn a_wrong_value_names_the_value() {
        assert_eq!(
            path_of::<Vec<Item>>(r#"[{"a":1,"b":[]},{"a":"x"}]"#),
            "$[1].a"
        );
        assert_eq!(
            path_of::<Vec<Item>>(r#"[{"a":1,"b":[1, 300]}]"#),
            "$[0].b[1]"
        );
        assert_eq!(
            path_of::<Vec<Item>>("[\n  {\"a\": 1, \"b\": {}}]"),
            "$[0].b"
        );
        assert_eq!(path_of::<Vec<Item>>("[\n  5]"), "$[0]");
    }

    #[test]
    fn a_missing_or_duplicate_field_names_its_object() {
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a":1,"b":[]},{"a":1}]"#), "$[1]");
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a":1,"a":2,"b":[]}]"#), "$[0]");
    }

    #[test]
    fn an_early_end_names_what_was_being_read() {
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a":1,"b":[1,"#), "$[0].b");
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a":1,"b":[1"#), "$[0].b");
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a":1,"b":["#), "$[0].b");
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a":"#), "$[0].a");
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a""#), "$[0]");
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a"#), "$[0]");
        assert_eq!(path_of::<Vec<Item>>(r#"[{"a":1"#), "$[0]");
        assert_eq!(
            path_of::<Vec<Item>>(r#"[{"a":1,"b":[], "c": "x\q"}]"#),
            "$[0].c"
        );
    }
}

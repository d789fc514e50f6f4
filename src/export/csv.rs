//! The one CSV writer of the crate: RFC 4180 records, a BOM, and formula-injection neutralising.
//!
//! - The output starts with a UTF-8 byte order mark: Excel on Windows reads a BOM-less CSV in the
//!   system's ANSI code page (GBK on Chinese Windows, cp1252 elsewhere), which turns every Chinese
//!   name into mojibake; with the BOM it reads UTF-8. Other tools (pandas, R, LibreOffice) accept
//!   or strip the BOM.
//! - Records end with CRLF, as RFC 4180 says, also the last one.
//! - A field containing a comma, a double quote, CR or LF is quoted, and inner quotes are doubled.
//! - Spreadsheet formula injection: a *text* field that starts with `=`, `+`, `-`, `@`, a tab or a
//!   CR would be run as a formula by Excel, LibreOffice or Google Sheets (the OWASP "CSV injection"
//!   list), so it gets a leading apostrophe, which spreadsheets read as "this is text". Numeric
//!   fields ([`Field::Number`], [`Field::Integer`]) never do: `-16` is a number, not a formula,
//!   and an apostrophe would turn it into text that a journalist cannot sum. Numbers are written
//!   by this module only, so they cannot carry a formula.

/// Byte order mark that makes Excel read the file as UTF-8.
pub(super) const BOM: &str = "\u{FEFF}";

/// One field of a record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Field<'a> {
    /// Text: quoted when needed, neutralised when it could start a formula.
    Text(&'a str),
    /// A decimal number, shortest form that reads back exactly; empty when not finite.
    Number(f64),
    /// A whole number.
    Integer(i64),
    /// An absent value.
    Empty,
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Builds a CSV file record by record.
#[derive(Clone, Debug)]
pub(super) struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// A file with the BOM and the header record.
    pub(super) fn new(header: &[&str]) -> CsvWriter {
        let mut w = CsvWriter {
            out: String::from(BOM),
        };
        let fields: Vec<Field> = header.iter().map(|h| Field::Text(h)).collect();
        w.record(&fields);
        w
    }

    /// Appends one record.
    pub(super) fn record(&mut self, fields: &[Field]) {
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            match field {
                Field::Text(s) => push_text(&mut self.out, s),
                Field::Number(v) if v.is_finite() => self.out.push_str(&v.to_string()),
                Field::Number(_) | Field::Empty => {}
                Field::Integer(n) => self.out.push_str(&n.to_string()),
            }
        }
        self.out.push_str("\r\n");
    }

    /// The finished file.
    pub(super) fn finish(self) -> String {
        self.out
    }
}

fn push_text(out: &mut String, s: &str) {
    let guard = s.starts_with(FORMULA_STARTS);
    let quote = s.contains([',', '"', '\r', '\n']);
    if quote {
        out.push('"');
    }
    if guard {
        out.push('\'');
    }
    for ch in s.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if quote {
        out.push('"');
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    fn one(field: Field) -> String {
        let mut w = CsvWriter { out: String::new() };
        w.record(&[field]);
        w.finish().trim_end_matches("\r\n").to_owned()
    }

    #[test]
    fn file_has_a_bom_a_header_and_crlf_records() {
        let mut w = CsvWriter::new(&["a", "b"]);
        w.record(&[Field::Text("深圳"), Field::Integer(3)]);
        assert_eq!(w.finish(), "\u{FEFF}a,b\r\n深圳,3\r\n");
    }

    #[test]
    fn rfc_4180_quoting() {
        assert_eq!(one(Field::Text("plain")), "plain");
        assert_eq!(one(Field::Text("a,b")), "\"a,b\"");
        assert_eq!(one(Field::Text("say \"hi\"")), "\"say \"\"hi\"\"\"");
        assert_eq!(one(Field::Text("two\nlines")), "\"two\nlines\"");
        assert_eq!(one(Field::Text("cr\rhere")), "\"cr\rhere\"");
        assert_eq!(one(Field::Text("，全角逗号不算")), "，全角逗号不算");
        assert_eq!(one(Field::Text("")), "");
    }

    #[test]
    fn formula_starts_get_an_apostrophe() {
        assert_eq!(one(Field::Text("=1+1")), "'=1+1");
        assert_eq!(one(Field::Text("+86")), "'+86");
        assert_eq!(one(Field::Text("-16%")), "'-16%");
        assert_eq!(one(Field::Text("@SUM(A1)")), "'@SUM(A1)");
        assert_eq!(one(Field::Text("\tx")), "'\tx");
        assert_eq!(one(Field::Text("\rx")), "\"'\rx\"");
        assert_eq!(
            one(Field::Text("=HYPERLINK(\"http://x\",\"y\")")),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        // Not at the start, or a look-alike: left alone.
        assert_eq!(one(Field::Text("a=b")), "a=b");
        assert_eq!(one(Field::Text("−16% vs 2014")), "−16% vs 2014");
        assert_eq!(one(Field::Text("≥ 73%")), "≥ 73%");
    }

    #[test]
    fn numbers_are_never_neutralised() {
        assert_eq!(one(Field::Number(-16.0)), "-16");
        assert_eq!(one(Field::Number(5.6)), "5.6");
        assert_eq!(one(Field::Number(4300.0)), "4300");
        assert_eq!(one(Field::Number(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(one(Field::Integer(-3)), "-3");
        assert_eq!(one(Field::Number(f64::NAN)), "");
        assert_eq!(one(Field::Number(f64::INFINITY)), "");
        assert_eq!(one(Field::Empty), "");
    }
}

//! Rules the typed data must follow beyond its shape: ids resolve, values match their quotes, counts add up.

use std::collections::HashSet;

use super::load::LoadError;
use super::model::{AreaCounts, AreaFile, AreaIndex, CityIndex, DepartmentIndex};

/// Longest id accepted in a URL (`route`), and so in the data for ids that views are reached by.
pub const MAX_ID_LEN: usize = 80;

/// The years the plan sets targets for.
pub const TARGET_YEARS: [u16; 2] = [2017, 2020];

/// Collects rule violations for one file.
struct Problems<'a> {
    file: &'a str,
    found: Vec<LoadError>,
}

impl Problems<'_> {
    fn check(&mut self, ok: bool, path: impl Into<String>, reason: impl Into<String>) {
        if !ok {
            self.found.push(LoadError::Invalid {
                file: self.file.to_owned(),
                path: path.into(),
                reason: reason.into(),
            });
        }
    }
}

/// First decimal number in `text` (`5.6万亿元` → 5.6, `0.6 亿平方米` → 0.6); `None` when there is
/// none, or when the digits are not a plain decimal (`05`, `1.2.3`).
///
/// Read as a JSON number, not with `str::parse::<f64>`: the values it is compared with were read
/// by serde_json too, and `str::parse` would add the standard library's float parser to the Wasm
/// (its 10 KB table of powers of five does not compress; issue #15).
pub fn first_number(text: &str) -> Option<f64> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let rest = text.get(start..)?;
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    serde_json::from_str(rest.get(..end)?.trim_end_matches('.')).ok()
}

/// Checks the area index: 14 areas numbered 0–13 in order, unique slugs.
pub fn validate_index(file: &str, index: &AreaIndex) -> Vec<LoadError> {
    let mut p = Problems {
        file,
        found: Vec::new(),
    };
    let mut slugs = HashSet::new();
    for (i, area) in index.areas.iter().enumerate() {
        let path = format!("$.areas[{i}]");
        p.check(
            usize::from(area.number) == i,
            format!("{path}.number"),
            format!("expected {i}, areas must be in plan order"),
        );
        p.check(
            slugs.insert(area.slug.as_str()),
            format!("{path}.slug"),
            format!("duplicate slug `{}`", area.slug),
        );
        p.check(
            is_slug(&area.slug),
            format!("{path}.slug"),
            "a slug has only a-z, 0-9 and -",
        );
    }
    p.check(
        index.areas.len() == 14,
        "$.areas",
        format!(
            "expected 14 areas (overall goals + 13), found {}",
            index.areas.len()
        ),
    );
    p.found
}

/// Checks one area file against the shared dimensions and its index entry.
pub fn validate_area(
    file: &str,
    area: &AreaFile,
    expected_counts: Option<AreaCounts>,
    departments: &DepartmentIndex,
    cities: &CityIndex,
) -> Vec<LoadError> {
    let mut p = Problems {
        file,
        found: Vec::new(),
    };
    let mut ids = HashSet::new();
    for (i, ind) in area.indicators.iter().enumerate() {
        let path = format!("$.indicators[{i}]");
        p.check(
            ids.insert(ind.id.clone()),
            format!("{path}.id"),
            "duplicate id",
        );
        p.check(
            crate::route::is_id(&ind.id) && ind.id.len() <= MAX_ID_LEN,
            format!("{path}.id"),
            format!("an indicator id has only A-Z, a-z, 0-9, -, . and _ (at most {MAX_ID_LEN}): its page is reached by it"),
        );
        p.check(
            ind.unit.scale.is_finite() && ind.unit.scale > 0.0,
            format!("{path}.unit.scale"),
            "scale must be a positive number",
        );
        for (j, t) in ind.targets.iter().enumerate() {
            let tp = format!("{path}.targets[{j}]");
            p.check(
                TARGET_YEARS.contains(&t.year),
                format!("{tp}.year"),
                format!("{} is not a target year (2017 or 2020)", t.year),
            );
            p.check(
                t.id == format!("{}.{}", ind.id, t.year),
                format!("{tp}.id"),
                "a target id is `<indicator id>.<year>`",
            );
            p.check(ids.insert(t.id.clone()), format!("{tp}.id"), "duplicate id");
            p.check(
                t.value.is_finite() && t.value >= 0.0,
                format!("{tp}.value"),
                "value must be a finite, non-negative number",
            );
            p.check(
                t.quote.contains(&t.value_text),
                format!("{tp}.value_text"),
                "value_text must be part of the quote",
            );
            p.check(
                first_number(&t.value_text) == Some(t.value),
                format!("{tp}.value"),
                format!(
                    "value {} differs from the number in `{}`",
                    t.value, t.value_text
                ),
            );
        }
    }
    for (i, m) in area.milestones.iter().enumerate() {
        let path = format!("$.milestones[{i}]");
        p.check(
            ids.insert(m.id.clone()),
            format!("{path}.id"),
            "duplicate id",
        );
        p.check(
            TARGET_YEARS.contains(&m.year),
            format!("{path}.year"),
            format!("{} is not a target year (2017 or 2020)", m.year),
        );
    }
    let known_departments: HashSet<&str> = departments
        .departments
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    let known_cities: HashSet<&str> = cities.cities.iter().map(|c| c.adcode.as_str()).collect();
    let (mut area_departments, mut area_cities) = (HashSet::new(), HashSet::new());
    for (i, task) in area.tasks.iter().enumerate() {
        let path = format!("$.tasks[{i}]");
        p.check(
            ids.insert(task.id.clone()),
            format!("{path}.id"),
            "duplicate id",
        );
        for (j, d) in task.departments.iter().enumerate() {
            p.check(
                known_departments.contains(d.as_str()),
                format!("{path}.departments[{j}]"),
                format!("unknown department id `{d}`"),
            );
            area_departments.insert(d.as_str());
        }
        for (j, c) in task.cities.iter().enumerate() {
            p.check(
                known_cities.contains(c.adcode.as_str()),
                format!("{path}.cities[{j}].adcode"),
                format!("unknown city adcode `{}`", c.adcode),
            );
            area_cities.insert(c.adcode.as_str());
        }
    }
    if let Some(expected) = expected_counts {
        let actual = AreaCounts {
            targets: area.indicators.iter().map(|i| i.targets.len()).sum(),
            milestones: area.milestones.len(),
            tasks: area.tasks.len(),
            departments: area_departments.len(),
            cities: area_cities.len(),
        };
        p.check(
            actual == expected,
            "$",
            format!("counts {actual:?} differ from the area index {expected:?}"),
        );
    }
    p.found
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn first_number_reads_decimals_and_skips_units() {
        assert_eq!(first_number("5.6万亿元"), Some(5.6));
        assert_eq!(first_number("0.6 亿平方米"), Some(0.6));
        assert_eq!(first_number("95% 以上"), Some(95.0));
        assert_eq!(first_number("无"), None);
        assert_eq!(first_number("达1万亿元"), Some(1.0));
        assert_eq!(first_number("2020年"), Some(2020.0));
        assert_eq!(first_number("05"), None);
        assert_eq!(first_number("1.2.3"), None);
    }
}

//! The plan at a glance (the home page's header): how many action areas, targets, tasks,
//! departments and cities the published files hold. Computed from the files, never written down.

use super::model::{AreaIndex, CityIndex, DepartmentIndex};

/// The totals shown at the top of the home page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Glance {
    /// Action areas (the index without the overall goals, number 0).
    pub areas: usize,
    /// Numeric targets over every area, the overall goals included.
    pub targets: usize,
    /// Key tasks over every area.
    pub tasks: usize,
    /// Responsible bodies in `departments.json`.
    pub departments: usize,
    /// Prefecture-level cities in `cities.json`.
    pub cities: usize,
}

/// The totals of the three shared files (no area file is needed: the index carries the counts).
pub fn glance(index: &AreaIndex, departments: &DepartmentIndex, cities: &CityIndex) -> Glance {
    Glance {
        areas: index.areas.iter().filter(|a| a.number > 0).count(),
        targets: index.areas.iter().map(|a| a.counts.targets).sum(),
        tasks: index.areas.iter().map(|a| a.counts.tasks).sum(),
        departments: departments.departments.len(),
        cities: cities.cities.len(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::{parse_json, AreaFile};

    fn read<T: serde::de::DeserializeOwned + crate::data::HasShape>(file: &str) -> T {
        let path = format!("{}/data/{file}", env!("CARGO_MANIFEST_DIR"));
        parse_json(file, &std::fs::read_to_string(path).unwrap()).unwrap()
    }

    /// The totals equal what the area files themselves hold, counted one by one.
    #[test]
    fn the_totals_are_those_of_the_published_files() {
        let index: AreaIndex = read("areas.json");
        let departments: DepartmentIndex = read("departments.json");
        let cities: CityIndex = read("cities.json");
        let g = glance(&index, &departments, &cities);
        let (mut targets, mut tasks) = (0, 0);
        for summary in &index.areas {
            let area: AreaFile = read(&summary.file);
            targets += area
                .indicators
                .iter()
                .map(|i| i.targets.len())
                .sum::<usize>();
            tasks += area.tasks.len();
        }
        assert_eq!(g.targets, targets);
        assert_eq!(g.tasks, tasks);
        assert_eq!(g.areas, index.areas.len() - 1, "all but the overall goals");
        assert_eq!(g.departments, departments.departments.len());
        assert_eq!(g.cities, 21, "Guangdong has 21 prefecture-level cities");
        assert!(g.targets > 0 && g.tasks > 0);
    }
}

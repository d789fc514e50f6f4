//! One module per view. Each page loads what it needs (bottom-up), so a failing file only affects its page.

pub mod about;
pub mod area;
pub mod city;
pub mod departments;
pub mod embed;
pub mod home;
pub mod indicator;
pub mod map;
pub mod plan;
pub mod search;

use leptos::prelude::*;

use crate::data::validate::{validate_area, validate_index};
use crate::data::{AreaFile, AreaIndex, AreaSummary, CityIndex, DepartmentIndex, LoadError};
use crate::view::components::{LoadErrorView, Loading};
use crate::view::fetch::fetch_json;

/// Renders a resource: loading state, the error with a retry button, or `content` with the data.
pub fn render_loaded<T, V>(
    resource: LocalResource<Result<T, LoadError>>,
    content: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(data)) => content(data).into_any(),
        Some(Err(error)) => {
            let retry = Callback::new(move |_| resource.refetch());
            view! { <LoadErrorView error on_retry=retry /> }.into_any()
        }
    }
}

/// The files every page with areas needs.
#[derive(Clone, Debug)]
pub struct Shared {
    /// The area index.
    pub index: AreaIndex,
    /// All departments.
    pub departments: DepartmentIndex,
    /// All cities and regions.
    pub cities: CityIndex,
}

/// Loads and validates the shared files.
pub async fn load_shared() -> Result<Shared, LoadError> {
    let (index, departments, cities) = futures::try_join!(
        fetch_json::<AreaIndex>("areas.json"),
        fetch_json::<DepartmentIndex>("departments.json"),
        fetch_json::<CityIndex>("cities.json"),
    )?;
    if let Some(first) = validate_index("areas.json", &index).into_iter().next() {
        return Err(first);
    }
    Ok(Shared {
        index,
        departments,
        cities,
    })
}

/// Loads and validates one area's file.
pub async fn load_area(shared: &Shared, slug: &str) -> Result<Option<AreaFile>, LoadError> {
    let Some(summary) = shared.index.areas.iter().find(|a| a.slug == slug) else {
        return Ok(None);
    };
    let area: AreaFile = fetch_json(&summary.file).await?;
    let problems = validate_area(
        &summary.file,
        &area,
        Some(summary.counts),
        &shared.departments,
        &shared.cities,
    );
    match problems.into_iter().next() {
        Some(first) => Err(first),
        None => Ok(Some(area)),
    }
}

/// The shared files and one area's file (`None` when there is no such area), as a resource.
///
/// The area page, the indicator page and both chart embeds all load through this one function:
/// every `LocalResource::new` call site with its own future is its own copy of the resource's
/// machinery in the Wasm (about 1 KB brotli each; issue #15).
pub fn area_resource(slug: String) -> LocalResource<Result<(Shared, Option<AreaFile>), LoadError>> {
    LocalResource::new(move || {
        let slug = slug.clone();
        async move {
            let shared = load_shared().await?;
            let area = load_area(&shared, &slug).await?;
            Ok((shared, area))
        }
    })
}

/// The area an indicator belongs to: its id starts with the area slug (`<area>.<name>`).
pub fn indicator_area_slug(indicator_id: &str) -> String {
    indicator_id
        .split('.')
        .next()
        .unwrap_or_default()
        .to_owned()
}

impl Shared {
    /// The index entry of the area `slug`.
    pub fn summary(&self, slug: &str) -> Option<AreaSummary> {
        self.index.areas.iter().find(|a| a.slug == slug).cloned()
    }
}

/// Loads every area file (for views across areas: departments, search).
pub async fn load_all_areas(shared: &Shared) -> Result<Vec<AreaFile>, LoadError> {
    let loads = shared
        .index
        .areas
        .iter()
        .map(|a| load_area(shared, &a.slug));
    let areas = futures::future::try_join_all(loads).await?;
    Ok(areas.into_iter().flatten().collect())
}

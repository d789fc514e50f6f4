//! Departments: who is responsible for what, across all areas; and one page per department.

use leptos::prelude::*;

use crate::chart::heatmap::HeatmapData;
use crate::data::{AreaFile, Department};
use crate::i18n::{Lang, Msg};
use crate::route::Route;
use crate::view::components::Link;
use crate::view::heatmap::HeatmapView;
use crate::view::nav::use_nav;
use crate::view::pages::area::{NotFound, TaskView};
use crate::view::pages::{load_all_areas, load_shared, render_loaded};

/// The display name of a department in `lang`.
fn dept_name(d: &Department, lang: Lang) -> String {
    match lang {
        Lang::Zh => d.zh.clone(),
        Lang::En => d.en.clone(),
    }
}

/// Number of tasks naming `id`, per area file.
fn tasks_per_area(areas: &[AreaFile], id: &str) -> Vec<usize> {
    areas
        .iter()
        .map(|a| {
            a.tasks
                .iter()
                .filter(|t| t.departments.iter().any(|d| d == id))
                .count()
        })
        .collect()
}

/// All departments with the number of tasks each is named on.
#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| async {
        let shared = load_shared().await?;
        let areas = load_all_areas(&shared).await?;
        Ok((shared, areas))
    });
    view! {
        <h1>{move || Msg::NavDepartments.text(nav.lang.get())}</h1>
        {render_loaded(data, move |(shared, areas)| {
            let mut rows: Vec<(Department, usize)> = shared
                .departments
                .departments
                .iter()
                .map(|d| (d.clone(), tasks_per_area(&areas, &d.id).iter().sum()))
                .collect();
            crate::sort::sort_by(&mut rows, |a, b| b.1.cmp(&a.1).then_with(|| a.0.id.cmp(&b.0.id)));
            let heat_index = shared.index.clone();
            let heat_areas = areas.clone();
            let heat_departments = shared.departments.clone();
            view! {
                {move || {
                    let data = HeatmapData::from(&heat_index, &heat_areas, &heat_departments, nav.lang.get());
                    view! { <HeatmapView data /> }
                }}
                <table class="data-table" data-testid="departments">
                    <thead><tr>
                        <th scope="col">{move || Msg::Departments.text(nav.lang.get())}</th>
                        <th scope="col">{move || Msg::Tasks.text(nav.lang.get())}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(d, n)| {
                            let dd = d.clone();
                            view! {
                                <tr>
                                    <th scope="row"><Link to=Route::Department(d.id.clone())>{move || dept_name(&dd, nav.lang.get())}</Link></th>
                                    <td class="num">{n}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })}
    }
}

/// One department: every task it is responsible for, grouped by area.
#[component]
pub fn DepartmentPage(
    /// The department id from the URL.
    id: String,
) -> impl IntoView {
    let nav = use_nav();
    let data = LocalResource::new(|| async {
        let shared = load_shared().await?;
        let areas = load_all_areas(&shared).await?;
        Ok((shared, areas))
    });
    render_loaded(data, move |(shared, areas)| {
        let Some(dept) = shared
            .departments
            .departments
            .iter()
            .find(|d| d.id == id)
            .cloned()
        else {
            return view! { <NotFound /> }.into_any();
        };
        let full = dept.zh_full.clone();
        let d2 = dept.clone();
        let groups: Vec<_> = areas
            .into_iter()
            .filter_map(|a| {
                let tasks: Vec<_> = a
                    .tasks
                    .iter()
                    .filter(|t| t.departments.contains(&dept.id))
                    .cloned()
                    .collect();
                let summary = shared
                    .index
                    .areas
                    .iter()
                    .find(|s| s.slug == a.slug)
                    .cloned()?;
                (!tasks.is_empty()).then_some((summary, tasks))
            })
            .collect();
        let departments = shared.departments.clone();
        let cities = shared.cities.clone();
        view! {
            <article class="department" data-department=dept.id.clone()>
                <h1>{move || dept_name(&d2, nav.lang.get())}</h1>
                {full.map(|f| view! { <p class="lead" lang="zh-CN">{f}</p> })}
                {groups.into_iter().map(|(summary, tasks)| {
                    let name = summary.name.clone();
                    view! {
                        <section>
                            <h2><Link to=Route::Area(summary.slug.clone())>{move || name.get(nav.lang.get()).to_owned()}</Link></h2>
                            {tasks.into_iter().map(|t| view! { <TaskView task=t departments=departments.clone() cities=cities.clone() /> }).collect_view()}
                        </section>
                    }
                }).collect_view()}
            </article>
        }
        .into_any()
    })
}

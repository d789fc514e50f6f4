//! Bench-only page (not part of the product bundle): draws the series in `window.__benchData`
//! (a `Float64Array` made by `bench/pages/gen.js`) as one line with `gd_plus::chart::line`
//! (min/max per pixel column decimation, plotters SVG) into `#chart`, then marks it
//! `data-chart-ready`. Built by `bench/run.mjs` from `bench/line/index.html` into its own dist dir.

use gd_plus::chart::line::to_svg;
use gd_plus::chart::Theme;
use wasm_bindgen::{JsCast, JsValue};

fn main() {
    if let Err(e) = run() {
        // Shows up as a page error in the benchmark, which then fails loudly.
        wasm_bindgen::throw_val(e);
    }
}

fn run() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let chart = document.get_element_by_id("chart").ok_or("no #chart")?;
    let data = js_sys::Reflect::get(&window, &"__benchData".into())?
        .dyn_into::<js_sys::Float64Array>()
        .map_err(|_| "window.__benchData is not a Float64Array")?;
    // The clock starts here, as in the reference pages: the Wasm is loaded and the data exists.
    let performance = js_sys::Reflect::get(&window, &"performance".into())?;
    let now = js_sys::Reflect::get(&performance, &"now".into())?
        .dyn_into::<js_sys::Function>()?
        .call0(&performance)?;
    js_sys::Reflect::set(&window, &"__drawStart".into(), &now)?;
    let values = data.to_vec();
    let width = u32::try_from(chart.client_width()).unwrap_or(0).max(320);
    let (svg, drawn) = to_svg(&values, width, 400, Theme::LIGHT);
    // plotters escapes every text it writes; the SVG holds only numbers we formatted.
    chart.set_inner_html(&svg);
    chart.set_attribute("data-points-drawn", &drawn.to_string())?;
    chart.set_attribute("data-chart-ready", "true")?;
    Ok(())
}

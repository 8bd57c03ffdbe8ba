//! Tests of whole corpora: determinism, sizes, the truth file's shape, encodings,
//! truncation, the layout mix, and that every text the truth states is in its letter once
//! the artefacts are undone (by an undoing written here, not the parser's).

use super::*;
use crate::truth::collapse;
use serde_json::Value;
use std::collections::BTreeMap;

const SEED: u64 = 42;

/// Builds files 0..count of the corpus of `SEED`.
fn built(count: u64, junk_fraction: f64) -> Vec<Built> {
    (0..count)
        .into_par_iter()
        .map(|index| build(SEED, index, junk_fraction, 0.0).expect("builds"))
        .collect()
}

/// Files 0..3000 of the corpus of `SEED`, built once for the tests that only read them.
fn shared() -> &'static [Built] {
    static FILES: std::sync::OnceLock<Vec<Built>> = std::sync::OnceLock::new();
    FILES.get_or_init(|| built(3000, 0.0))
}

fn truth_of(file: &Built) -> Value {
    serde_json::from_slice(&file.truth_line).expect("truth lines are JSON")
}

fn files_under(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("readable folder") {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = fs::read(&path).expect("readable file");
                files.insert(
                    path.strip_prefix(root).expect("under root").to_path_buf(),
                    bytes,
                );
            }
        }
    }
    files
}

#[test]
fn same_seed_gives_identical_bytes() {
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    let summary = generate(&GenerateOptions::new(250, 9, first.path())).expect("generated");
    generate(&GenerateOptions::new(250, 9, second.path())).expect("generated");
    assert_eq!(summary.files, 250);
    assert_eq!(files_under(first.path()), files_under(second.path()));

    let other = tempfile::tempdir().expect("temp dir");
    generate(&GenerateOptions::new(250, 10, other.path())).expect("generated");
    let truth = |dir: &Path| fs::read(dir.join("truth.ndjson")).expect("truth file");
    assert_ne!(truth(first.path()), truth(other.path()));
}

#[test]
fn a_corpus_is_part_of_a_larger_one_with_the_same_seed() {
    let small = tempfile::tempdir().expect("temp dir");
    let large = tempfile::tempdir().expect("temp dir");
    generate(&GenerateOptions::new(60, 5, small.path())).expect("generated");
    generate(&GenerateOptions::new(120, 5, large.path())).expect("generated");
    let large_files = files_under(large.path());
    for (path, bytes) in files_under(small.path()) {
        if path == Path::new("truth.ndjson") {
            continue;
        }
        assert_eq!(large_files.get(&path), Some(&bytes), "{}", path.display());
    }
    let lines = |dir: &Path| -> Vec<String> {
        let truth = fs::read_to_string(dir.join("truth.ndjson")).expect("truth file");
        truth.lines().map(str::to_string).collect()
    };
    let large_lines = lines(large.path());
    for line in lines(small.path()) {
        assert!(large_lines.contains(&line), "{line}");
    }
}

#[test]
fn the_number_of_threads_does_not_change_a_corpus() {
    let parallel = tempfile::tempdir().expect("temp dir");
    let serial = tempfile::tempdir().expect("temp dir");
    generate(&GenerateOptions::new(200, 3, parallel.path())).expect("generated");
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool")
        .install(|| generate(&GenerateOptions::new(200, 3, serial.path())))
        .expect("generated");
    assert_eq!(files_under(parallel.path()), files_under(serial.path()));
}

#[test]
fn generate_refuses_a_folder_that_already_holds_letters() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(&GenerateOptions::new(5, 1, dir.path())).expect("generated");
    let error = generate(&GenerateOptions::new(5, 1, dir.path())).expect_err("refused");
    assert!(error.to_string().contains("already holds files"), "{error}");
}

#[test]
fn every_letter_is_two_to_eight_kilobytes() {
    for file in built(2000, 0.0) {
        let size = file.bytes.len();
        if file.truncated {
            assert!(size <= 8192, "{} is {size} bytes", file.relative_path);
        } else {
            assert!(
                (2048..=8192).contains(&size),
                "{} is {size} bytes",
                file.relative_path
            );
        }
    }
}

#[test]
fn truth_lines_parse_as_json_with_the_expected_keys_in_order() {
    const LETTER_KEYS: &[&str] = &[
        "path",
        "kind",
        "reason",
        "layout",
        "case_number",
        "date_assigned",
        "decision_date",
        "date_of_injury",
        "ur_denial_date",
        "application_received",
        "priority",
        "age",
        "sex",
        "reviewer_specialties",
        "body_parts",
        "diagnoses",
        "summary",
        "truncated",
        "decisions",
    ];
    const DECISION_KEYS: &[&str] = &[
        "item",
        "category",
        "decision",
        "claims_guideline",
        "reviewer_guideline",
        "reviewer_guideline_chapter",
        "rationale",
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let options = GenerateOptions {
        count: 400,
        seed: 3,
        out: dir.path().to_path_buf(),
        junk_percent: 5.0,
        pdf_percent: 0.0,
    };
    let summary = generate(&options).expect("generated");
    let text = fs::read_to_string(dir.path().join("truth.ndjson")).expect("truth file");
    let mut paths = Vec::new();
    let mut junk = 0;
    for line in text.lines() {
        let record: serde_json::Map<String, Value> =
            serde_json::from_str(line).expect("a JSON object");
        let keys: Vec<&str> = record.keys().map(String::as_str).collect();
        let path = record["path"].as_str().expect("a path");
        assert!(
            dir.path().join("letters").join(path).is_file(),
            "{path} was written"
        );
        paths.push(path.to_string());
        match record["kind"].as_str() {
            Some("letter") => {
                assert_eq!(keys, LETTER_KEYS);
                for decision in record["decisions"].as_array().expect("decisions") {
                    let decision = decision.as_object().expect("an object");
                    assert_eq!(
                        decision.keys().map(String::as_str).collect::<Vec<_>>(),
                        DECISION_KEYS
                    );
                }
            }
            Some("not_a_letter") => {
                junk += 1;
                assert_eq!(keys, ["path", "kind", "reason"]);
            }
            other => panic!("unexpected kind {other:?}"),
        }
    }
    assert_eq!(paths.len() as u64, summary.files);
    assert_eq!(junk, summary.junk);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "truth lines are sorted by path");
}

#[test]
fn windows_1252_letters_are_not_valid_utf8() {
    let files = built(2000, 0.0);
    let mut windows = 0;
    for file in &files {
        if file.windows_1252 {
            windows += 1;
            assert!(
                std::str::from_utf8(&file.bytes).is_err(),
                "{} decodes as UTF-8",
                file.relative_path
            );
            let (text, _, had_errors) = encoding_rs::WINDOWS_1252.decode(&file.bytes);
            assert!(!had_errors && !text.is_ascii());
        } else {
            assert!(
                std::str::from_utf8(&file.bytes).is_ok(),
                "{} is not UTF-8",
                file.relative_path
            );
        }
    }
    assert!(windows > 40, "only {windows} Windows-1252 letters in 2000");
}

#[test]
fn truncated_letters_are_marked_truncated_and_complete_ones_end_with_a_sentence() {
    let files = built(3000, 0.0);
    let mut truncated = 0;
    for file in &files {
        let truth = truth_of(file);
        assert_eq!(
            truth["truncated"],
            Value::Bool(file.truncated),
            "{}",
            file.relative_path
        );
        let text = decode(&file.bytes);
        let end = text.trim_end();
        if file.truncated {
            truncated += 1;
            assert!(
                !end.ends_with('.') || truth["layout"] == "L3",
                "{}: {end:?}",
                file.relative_path
            );
        } else if truth["layout"] == "L3" {
            assert!(
                end.ends_with("State(s) of Licensure: California"),
                "{}",
                file.relative_path
            );
        } else {
            assert!(end.ends_with('.'), "{}", file.relative_path);
        }
    }
    assert!(
        (40..=150).contains(&truncated),
        "{truncated} of 3000 letters truncated"
    );
}

#[test]
fn layout_shares_are_as_configured() {
    let files = built(2000, 0.015);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for file in &files {
        let key = match file.kind {
            FileKind::Letter(layout) => layout.name(),
            FileKind::Junk(_) => "junk",
        };
        *counts.entry(key).or_default() += 1;
    }
    let letters = (files.len() - counts.get("junk").copied().unwrap_or(0)) as f64;
    let share = |key: &str| counts.get(key).copied().unwrap_or(0) as f64 / letters;
    assert!((share("L1") - 0.78).abs() < 0.04, "{counts:?}");
    assert!((share("L2") - 0.14).abs() < 0.03, "{counts:?}");
    assert!((share("L3") - 0.08).abs() < 0.025, "{counts:?}");
    let junk = counts.get("junk").copied().unwrap_or(0);
    assert!((10..=55).contains(&junk), "{counts:?}");
}

/// The letter's text with every artefact this generator adds undone: decoded, quotes made
/// straight, non-breaking spaces made spaces, page furniture dropped, hyphenated words
/// joined, whitespace collapsed.
fn undo_artefacts(bytes: &[u8], case_number: Option<&str>) -> String {
    let text = decode(bytes)
        .replace('\u{2019}', "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .replace('\u{a0}', " ")
        .replace('\r', "");
    let labelled_case = case_number.map(|case| format!("Case Number: {case}"));
    let mut joined = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.replace('\u{c}', "");
        let trimmed = line.trim();
        // A running header holds the case number beside "Page N of M", or alone.
        let without_case = match case_number {
            Some(case) => trimmed.replace(case, ""),
            None => trimmed.to_string(),
        };
        let rest = without_case.trim();
        let page_line = rest.starts_with("Page ") && rest.contains(" of ") && rest.len() < 16;
        let case_only = rest.is_empty() && !trimmed.is_empty();
        if page_line || case_only || labelled_case.as_deref() == Some(trimmed) {
            continue;
        }
        let hyphen_end = joined.ends_with('-')
            && joined[..joined.len() - 1].ends_with(|c: char| c.is_ascii_lowercase());
        if hyphen_end && trimmed.starts_with(|c: char| c.is_ascii_lowercase()) {
            joined.pop();
            joined.push_str(trimmed);
        } else if !trimmed.is_empty() {
            joined.push('\n');
            joined.push_str(trimmed);
        }
    }
    collapse(&joined)
}

fn decode(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

fn clean(text: &str) -> bool {
    text == collapse(text)
        && !text.contains([
            '\u{2019}', '\u{201C}', '\u{201D}', '\u{a0}', '\u{c}', '{', '}',
        ])
}

#[test]
fn every_text_the_truth_states_is_in_its_letter() {
    for file in built(1500, 0.0) {
        let truth = truth_of(&file);
        let path = &file.relative_path;
        let text = undo_artefacts(&file.bytes, truth["case_number"].as_str());
        assert!(!text.contains(['{', '}']), "{path}: a placeholder was left");
        let summary = truth["summary"].as_str().expect("a summary");
        assert!(
            clean(summary) && text.contains(summary),
            "{path}: summary {summary:?} not in\n{text}"
        );
        for diagnosis in truth["diagnoses"].as_array().expect("diagnoses") {
            let diagnosis = diagnosis.as_str().expect("text");
            assert!(
                clean(diagnosis) && summary.contains(diagnosis),
                "{path}: {diagnosis}"
            );
        }
        for decision in truth["decisions"].as_array().expect("decisions") {
            let item = decision["item"].as_str().expect("an item");
            assert!(clean(item) && text.contains(item), "{path}: item {item:?}");
            if let Some(rationale) = decision["rationale"].as_str() {
                assert!(
                    clean(rationale) && text.contains(rationale),
                    "{path}: rationale {rationale:?} not in\n{text}"
                );
            }
        }
    }
}

#[test]
fn an_unstated_sex_or_age_leaves_no_trace_in_the_summary() {
    const SEX_WORDS: &[&str] = &[
        "he",
        "she",
        "his",
        "her",
        "him",
        "male",
        "female",
        "man",
        "woman",
        "gentleman",
        "lady",
    ];
    let mut unstated = (0, 0);
    for file in built(2500, 0.0) {
        let truth = truth_of(&file);
        let summary = truth["summary"].as_str().expect("a summary").to_lowercase();
        let words: Vec<&str> = summary.split(|c: char| !c.is_ascii_alphabetic()).collect();
        if truth["sex"].is_null() {
            unstated.0 += 1;
            assert!(
                !words.iter().any(|w| SEX_WORDS.contains(w)),
                "{}: {summary}",
                file.relative_path
            );
        }
        if truth["age"].is_null() {
            unstated.1 += 1;
            assert!(
                !summary.contains("year old")
                    && !summary.contains("year-old")
                    && !summary.contains("y/o")
            );
        }
    }
    assert!(unstated.0 > 50 && unstated.1 > 50, "{unstated:?}");
}

#[test]
fn the_wider_wordings_all_occur() {
    const MARKERS: &[&str] = &[
        // reviewer qualifications
        "holds board certification in",
        "board-certified",
        "a specialty that evaluates and treats the condition in dispute",
        "PM&R",
        // age and sex
        "years of age",
        "(age ",
        ", aged ",
        " y/o F ",
        " y/o M ",
        "Mr. [redacted]",
        "Ms. [redacted]",
        "gentleman",
        // decision wordings
        ": Up held",
        ": Over turned",
        ": OVERTURN",
        "notmedically",
        // the early L2 form
        "MAXIMUS FEDERAL SERVICES, INC. Notice of Independent Medical Review Determination Dated:",
        "has determined the request for",
        "Disclaimer: The following case summary",
        // items
        "arthrodesis",
        "Cymbalta",
    ];
    let texts: Vec<String> = shared()
        .iter()
        .map(|file| {
            let truth = truth_of(file);
            undo_artefacts(&file.bytes, truth["case_number"].as_str())
        })
        .collect();
    for marker in MARKERS {
        let count = texts.iter().filter(|text| text.contains(marker)).count();
        assert!(count >= 3, "{marker:?} occurs in {count} letters of 3000");
    }
}

/// The wordings `imr parse` once misread (and the generator then left out) are back, each
/// often enough to occur several times in 3000 files.
#[test]
fn the_wordings_the_parser_once_misread_all_occur() {
    const ITEMS: &[&str] = &[
        "Aqua therapy x 8 sessions",
        "P.T. 2x4 for the neck",
        "Bone growth stimulator",
        "Knee immobilizer",
        "Lumbosacral orthosis (LSO)",
        "Raised toilet seat",
        "Right shoulder distal clavicle excision",
        "Right wrist ganglion cyst excision",
        "Urinalysis",
        "Chronic pain management program",
        "Weight Watchers program 12 weeks",
        "Referral to a psychiatrist",
    ];
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for file in shared() {
        let truth = truth_of(file);
        let case = truth["case_number"].as_str();
        let raw = decode(&file.bytes).replace('\r', "");
        let lines: Vec<&str> = raw.lines().map(str::trim).collect();
        let text = undo_artefacts(&file.bytes, case);
        let mut seen = |name: &'static str, found: bool| {
            *counts.entry(name).or_default() += usize::from(found);
        };
        // "Physical Medicine & Rehab" before a subspecialty.
        seen(
            "Rehab, then a subspecialty",
            text.match_indices("Physical Medicine & Rehab")
                .any(|(at, found)| {
                    let rest = &text[at + found.len()..];
                    !rest.starts_with("ilitation")
                        && rest
                            .chars()
                            .take(40)
                            .collect::<String>()
                            .contains("Pain Medicine")
                }),
        );
        // The case number below its label, and repeated as page furniture.
        let below_label = case.is_some_and(|case| {
            lines.windows(2).any(|pair| pair == ["Case Number:", case])
                && lines.contains(&format!("Case Number: {case}").as_str())
        });
        seen("case number below its label, repeated", below_label);
        // Early notices: a label wrapped over two lines, item blocks with no heading.
        seen(
            "wrapped guideline label",
            lines.windows(2).any(|pair| {
                pair[0].ends_with("Relied Upon by the Claims") && pair[1] == "Administrator:"
            }),
        );
        let early = text.contains("has determined the request for");
        seen(
            "item blocks right after the summary",
            early
                && text.contains("Regarding the request for")
                && !text.contains(crate::vocab::boilerplate::EARLY_ITEMS_HEADING),
        );
        for decision in truth["decisions"].as_array().expect("decisions") {
            let item = decision["item"].as_str().expect("an item").to_lowercase();
            for wording in ITEMS {
                if item.starts_with(&wording.to_lowercase()) {
                    *counts.entry(wording).or_default() += 1;
                }
            }
        }
    }
    for name in ITEMS.iter().copied().chain([
        "Rehab, then a subspecialty",
        "case number below its label, repeated",
        "wrapped guideline label",
        "item blocks right after the summary",
    ]) {
        let count = counts.get(name).copied().unwrap_or(0);
        assert!(count >= 3, "{name:?} occurs {count} times in 3000 files");
    }
}

#[test]
fn header_values_come_below_their_labels_in_some_l1_letters() {
    let mut below = 0;
    for file in shared() {
        let text = decode(&file.bytes);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        if let Some(at) = lines.iter().position(|line| *line == "Date Assigned:") {
            below += 1;
            let truth = truth_of(file);
            let assigned = truth["date_assigned"].as_str().expect("an L1 header date");
            let value = lines[at + 1..]
                .iter()
                .find(|line| !line.is_empty())
                .expect("a value below its label");
            let (year, rest) = assigned.split_at(4);
            assert_eq!(
                format!("{}/{}/{year}", &rest[1..3], &rest[4..6]),
                *value,
                "{}",
                file.relative_path
            );
        }
    }
    assert!(
        below > 20,
        "only {below} headers with values below their labels"
    );
}

#[test]
fn l3_reports_without_a_case_number_label_state_it_in_every_page_header() {
    let mut running = 0;
    for file in shared() {
        let truth = truth_of(file);
        let text = decode(&file.bytes);
        if truth["layout"] != "L3" || text.contains("Case Number:") {
            continue;
        }
        running += 1;
        let case = truth["case_number"]
            .as_str()
            .expect("L3 states its case number");
        let first = text
            .lines()
            .find(|line| !line.trim().is_empty())
            .expect("a first line");
        assert!(first.contains(case), "{}: {first:?}", file.relative_path);
        let rest = first.replace(case, "");
        let rest = rest.trim();
        assert!(
            rest.is_empty() || (rest.starts_with("Page 1 of ") && rest.len() < 16),
            "{}: {first:?}",
            file.relative_path
        );
    }
    assert!(
        running > 10,
        "only {running} L3 reports with a running header"
    );
}

#[test]
fn early_l2_notices_state_their_dates_in_the_procedural_paragraph_and_no_priority() {
    let mut early = 0;
    for file in shared() {
        let truth = truth_of(file);
        let text = undo_artefacts(&file.bytes, truth["case_number"].as_str());
        if !text.contains("has determined the request for") {
            continue;
        }
        early += 1;
        let path = &file.relative_path;
        assert_eq!(truth["layout"], "L2", "{path}");
        assert!(
            truth["priority"].is_null() && !text.contains("Priority:"),
            "{path}"
        );
        assert!(!truth["date_assigned"].is_null(), "{path}");
        assert!(
            text.contains("A Notice of Assignment and Request for Information was provided"),
            "{path}"
        );
        if truth["truncated"] == Value::Bool(false) {
            // Every decision is stated twice before the summary.
            for decision in truth["decisions"].as_array().expect("decisions") {
                let item = decision["item"].as_str().expect("an item");
                let sentence = format!("has determined the request for {item} is");
                assert_eq!(text.matches(&sentence).count(), 2, "{path}: {item}");
            }
        }
    }
    assert!(early > 20, "only {early} early notices in 3000 files");
}

//! PDF letters: each PDF fixture parses to the same fields as the text letter it was made
//! from; scans, encrypted and corrupt PDFs are reported with their status; a folder mixing
//! text and PDF letters indexes both, incrementally; the fixtures are what the documented
//! tool (`tests/fixtures/pdf/make.sh`) makes.

use crate::testenv::{listed_file, read_json, repo_root, TestEnv};
use imr_corpus::pdf::{letter_pdf, PdfKind};
use imr_search::ingest::read::decode;
use serde_json::Value;
use std::path::{Path, PathBuf};

const PDF_FIXTURES: &str = "tests/fixtures/pdf";
const UNREADABLE_SUFFIXES: [(&str, PdfKind); 3] = [
    ("-scan", PdfKind::Scan),
    ("-encrypted", PdfKind::Encrypted),
    ("-truncated", PdfKind::Truncated),
];

/// Typeset by hand in groff: PDFs from a producer that owes nothing to imr.
const GROFF_FIXTURES: &str = "tests/fixtures/pdf/groff";

/// Every PDF fixture with the text letter it was made from and how it was made (`None`:
/// by groff, not by imr-corpus).
fn pdf_fixtures() -> Vec<(PathBuf, PathBuf, Option<PdfKind>)> {
    let root = repo_root();
    let mut fixtures = Vec::new();
    for (folder, by_corpus) in [(PDF_FIXTURES, true), (GROFF_FIXTURES, false)] {
        for entry in std::fs::read_dir(root.join(folder)).expect("a PDF fixtures folder") {
            let pdf = entry.expect("an entry").path();
            if pdf.extension().is_none_or(|ext| ext != "pdf") {
                continue;
            }
            let stem = pdf
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let (twin_stem, kind) = UNREADABLE_SUFFIXES
                .iter()
                .find_map(|(suffix, kind)| stem.strip_suffix(suffix).map(|twin| (twin, *kind)))
                .unwrap_or((stem.as_str(), PdfKind::Text));
            let twin = ["tests/fixtures/letters", "sample-data"]
                .iter()
                .map(|folder| root.join(folder).join(format!("{twin_stem}.txt")))
                .find(|twin| twin.exists())
                .unwrap_or_else(|| panic!("{} has no text twin", pdf.display()));
            fixtures.push((pdf, twin, by_corpus.then_some(kind)));
        }
    }
    fixtures.sort();
    fixtures
}

fn parse_one(env: &TestEnv, path: &Path) -> Value {
    let lines = env.imr(["parse".as_ref(), path.as_os_str()]).json_lines();
    assert_eq!(lines.len(), 1, "{}", path.display());
    lines.into_iter().next().expect("one line")
}

#[test]
fn each_pdf_fixture_parses_as_its_text_twin() {
    let env = TestEnv::new();
    let text_layers: Vec<_> = pdf_fixtures()
        .into_iter()
        .filter(|(_, _, kind)| kind.is_none_or(|kind| kind == PdfKind::Text))
        .collect();
    assert!(
        text_layers.len() >= 9,
        "the layouts' PDF fixtures, and groff's, are there"
    );
    let mut layouts = std::collections::BTreeSet::new();
    for (pdf, twin, _) in text_layers {
        let (Value::Object(from_pdf), Value::Object(from_text)) =
            (parse_one(&env, &pdf), parse_one(&env, &twin))
        else {
            panic!("parse prints objects");
        };
        assert_eq!(
            from_pdf["kind"],
            "letter",
            "{}: {from_pdf:?}",
            pdf.display()
        );
        layouts.insert(from_text["layout"].to_string());
        let fields: std::collections::BTreeSet<&String> =
            from_pdf.keys().chain(from_text.keys()).collect();
        for field in fields.into_iter().filter(|field| *field != "path") {
            assert_eq!(
                from_pdf.get(field),
                from_text.get(field),
                "{} and {} differ in {field}",
                pdf.display(),
                twin.display()
            );
        }
    }
    assert_eq!(
        layouts.len(),
        3,
        "PDF fixtures of every layout: {layouts:?}"
    );
}

#[test]
fn scans_encrypted_and_corrupt_pdfs_say_what_they_are() {
    let env = TestEnv::new();
    for (pdf, _, kind) in pdf_fixtures() {
        let parsed = parse_one(&env, &pdf);
        let reason = parsed["reason"].as_str().unwrap_or_default();
        match kind.unwrap_or(PdfKind::Text) {
            PdfKind::Text => continue,
            PdfKind::Scan => {
                assert_eq!(parsed["kind"], "needs_ocr", "{parsed}");
                assert!(
                    reason.contains("no text layer") && reason.contains("--ocr"),
                    "{reason}"
                );
            }
            PdfKind::Encrypted => {
                assert_eq!(parsed["kind"], "encrypted", "{parsed}");
                assert!(reason.contains("password"), "{reason}");
            }
            PdfKind::Truncated => {
                assert_eq!(parsed["kind"], "error", "{parsed}");
                assert!(reason.starts_with("corrupt PDF: "), "{reason}");
            }
        }
    }
}

#[test]
fn ocr_without_tesseract_lists_scans_and_says_how_to_install_it() {
    let env = TestEnv::new();
    let scan = repo_root()
        .join(PDF_FIXTURES)
        .join("l3-report-knee-arthroscopy-scan.pdf");
    let output = env
        .command(["parse".as_ref(), "--ocr".as_ref(), scan.as_os_str()])
        .env("PATH", env.path())
        .output()
        .expect("imr runs");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("tesseract is not on the PATH") && stderr.contains("apt-get install"),
        "{stderr}"
    );
    let line: Value = serde_json::from_slice(&output.stdout).expect("one JSON line");
    assert_eq!(line["kind"], "needs_ocr");
}

#[test]
fn ocr_reads_a_scan_when_tesseract_is_installed() {
    let installed = std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !installed {
        eprintln!("skipped: tesseract is not on the PATH (apt-get install tesseract-ocr)");
        return;
    }
    let env = TestEnv::new();
    let scan = repo_root()
        .join(PDF_FIXTURES)
        .join("l3-report-knee-arthroscopy-scan.pdf");
    let parsed = parse_one_with(&env, &scan, "--ocr");
    assert_eq!(parsed["kind"], "letter", "{parsed}");
    assert_eq!(parsed["layout"], "L3", "{parsed}");
    // The scan's blocky 8x8 font reads with errors; its sentences come through.
    let summary = parsed["summary"].as_str().unwrap_or_default();
    assert!(summary.contains("medial meniscus tear"), "{summary}");
}

fn parse_one_with(env: &TestEnv, path: &Path, flag: &str) -> Value {
    let lines = env
        .imr(["parse".as_ref(), flag.as_ref(), path.as_os_str()])
        .expect_code(0)
        .json_lines();
    lines.into_iter().next().expect("one line")
}

#[test]
fn a_folder_of_text_and_pdf_letters_indexes_both_and_reports_the_rest() {
    let env = TestEnv::new();
    let letters = env.path().join("letters");
    let mut text_letters = 0;
    for entry in std::fs::read_dir(repo_root().join("sample-data")).expect("sample-data") {
        let path = entry.expect("an entry").path();
        std::fs::create_dir_all(&letters).expect("letters folder");
        std::fs::copy(&path, letters.join(path.file_name().expect("a name"))).expect("copy");
        text_letters += u64::from(path.file_name() != Some("fax-cover.txt".as_ref()));
    }
    let mut pdf_letters = 0;
    for (pdf, twin, kind) in pdf_fixtures() {
        std::fs::copy(&pdf, letters.join(pdf.file_name().expect("a name"))).expect("copy");
        pdf_letters += u64::from(kind.is_none_or(|kind| kind == PdfKind::Text));
        let twin_copy = letters.join(twin.file_name().expect("a name"));
        if !twin_copy.exists() {
            std::fs::copy(&twin, twin_copy).expect("copy");
            text_letters += 1;
        }
    }
    let report = env.path().join("report.json");
    let run = env.imr([
        "index".as_ref(),
        letters.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
    ]);
    // The truncated PDF failed: the run is partial, the rest is indexed.
    let run = run.expect_code(3);
    let json = read_json(&report);
    let counts = &json["counts"];
    assert_eq!(counts["added"], text_letters + pdf_letters, "{counts}");
    assert_eq!(counts["needs_ocr"], 1, "{counts}");
    assert_eq!(counts["encrypted"], 1, "{counts}");
    assert_eq!(counts["failed"], 1, "{counts}");
    let status_of = |name: &str| listed_file(&json, name).map(|file| file["status"].clone());
    assert_eq!(status_of("-scan.pdf"), Some(Value::from("needs_ocr")));
    assert_eq!(status_of("-encrypted.pdf"), Some(Value::from("encrypted")));
    assert_eq!(status_of("-truncated.pdf"), Some(Value::from("failed")));
    assert!(
        run.stderr.contains("-scan.pdf (needs_ocr)"),
        "{}",
        run.stderr
    );
    // A PDF and the text it was made from are two files stating one case number.
    let shared = json["shared_case_numbers"]
        .as_array()
        .expect("shared case numbers");
    let twins_listed = shared.iter().any(|shared| {
        let paths: Vec<&str> = shared["paths"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        paths.iter().any(|path| {
            path.strip_suffix(".pdf")
                .is_some_and(|stem| paths.contains(&format!("{stem}.txt").as_str()))
        })
    });
    assert!(twins_listed, "{shared:?}");

    // Nothing changed: nothing is read again but the unreadable PDFs, listed again.
    let again = env.imr([
        "index".as_ref(),
        letters.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
    ]);
    again.expect_code(3);
    let json = read_json(&report);
    assert_eq!(json["counts"]["added"], 0, "{}", json["counts"]);
    assert_eq!(json["counts"]["updated"], 0, "{}", json["counts"]);
    assert_eq!(json["counts"]["needs_ocr"], 1, "{}", json["counts"]);

    // A changed PDF is read again; without the corrupt one the run succeeds.
    std::fs::remove_file(letters.join("l1-lumbar-norco-pt-truncated.pdf")).expect("remove");
    let other_letter =
        std::fs::read_to_string(repo_root().join("sample-data/l1-head-acupuncture.txt"))
            .expect("a sample letter");
    let changed = letter_pdf(&other_letter, PdfKind::Text).expect("a PDF");
    std::fs::write(letters.join("l1-cervical-esi.pdf"), changed).expect("rewrite");
    env.imr([
        "index".as_ref(),
        letters.as_os_str(),
        "--report".as_ref(),
        report.as_os_str(),
    ])
    .expect_code(0);
    let json = read_json(&report);
    let counts = &json["counts"];
    assert_eq!(counts["updated"], 1, "{counts}");
    assert_eq!(counts["added"], 0, "{counts}");
    assert_eq!(
        counts["letters_total"],
        text_letters + pdf_letters,
        "{counts}"
    );
}

#[test]
fn the_fixtures_are_what_the_documented_tool_makes() {
    for (pdf, twin, kind) in pdf_fixtures() {
        let Some(kind) = kind else {
            continue;
        };
        let text = decode(&std::fs::read(&twin).expect("the twin"));
        let made = letter_pdf(&text, kind).expect("writes");
        let checked_in = std::fs::read(&pdf).expect("the fixture");
        assert!(
            made == checked_in,
            "{} differs from what make.sh writes; run sh {PDF_FIXTURES}/make.sh",
            pdf.display()
        );
    }
}

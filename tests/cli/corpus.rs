//! The parser against generated corpora: `imr-corpus` writes letters of every layout with
//! their extraction artefacts, truncations and junk files, together with the ground truth of
//! every field; `imr parse` over the folder must agree with that truth on every field.

use crate::testenv::TestEnv;
use imr_corpus::agreement::{compare, write_table};
use imr_corpus::{generate, GenerateOptions};
use std::path::Path;

/// Files per generated corpus: enough for every layout, artefact and truncation kind to
/// occur several times, few enough for a debug build to parse in seconds.
const CORPUS_FILES: u64 = 600;

fn parse_agrees_with_truth(seed: u64, pdf_percent: f64) {
    let env = TestEnv::new();
    let out = env.path().join("corpus");
    let summary = generate(&GenerateOptions {
        count: CORPUS_FILES,
        seed,
        out: out.clone(),
        junk_percent: 3.0,
        pdf_percent,
    })
    .expect("the corpus is written");
    for layout in ["L1", "L2", "L3"] {
        assert!(
            summary.by_layout.get(layout).is_some_and(|&n| n >= 10),
            "seed {seed}: too few {layout} letters to test: {:?}",
            summary.by_layout
        );
    }
    assert!(summary.junk >= 5, "seed {seed}: too few junk files");
    let pdfs = walkdir::WalkDir::new(out.join("letters"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "pdf"))
        .count() as f64;
    assert!(
        pdfs >= CORPUS_FILES as f64 * pdf_percent / 200.0,
        "seed {seed}: {pdfs} PDF files for a share of {pdf_percent}%"
    );

    let run = env.imr([Path::new("parse"), &out.join("letters")]);
    let truth = std::fs::read(out.join("truth.ndjson")).expect("the truth file");
    let agreement = compare(truth.as_slice(), run.stdout.as_bytes()).expect("valid NDJSON");
    let mut table = Vec::new();
    write_table(&mut table, &agreement).expect("writing to memory");
    let table = String::from_utf8_lossy(&table);
    assert_eq!(
        agreement.files, CORPUS_FILES,
        "seed {seed}: the truth lists every file"
    );
    assert!(
        agreement.fields["truncated"].compared > 0
            && agreement.fields["decisions.item"].compared > 0,
        "seed {seed}: nothing was compared:\n{table}"
    );
    assert!(
        agreement.is_complete(),
        "seed {seed}: imr parse disagrees with the ground truth:\n{table}\nstderr:\n{}",
        run.stderr
    );
}

#[test]
fn parse_agrees_with_the_ground_truth_of_a_generated_corpus() {
    parse_agrees_with_truth(1, 0.0);
}

#[test]
fn parse_agrees_with_the_ground_truth_of_another_seed_with_a_third_of_its_letters_as_pdf() {
    parse_agrees_with_truth(20_261_125, 33.0);
}

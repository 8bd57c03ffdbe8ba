//! Any bytes, read as a letter file is: decoded, recognised, parsed. It must never panic,
//! and whatever it parses must serialise (as `imr parse` prints it).
#![no_main]

use imr_search::ingest::{parse_bytes, FileOutcome, Ocr};
use imr_search::letter::Vocabulary;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let FileOutcome::Letter(letter) = parse_bytes(data, Vocabulary::built_in(), 2026, Ocr::Off) {
        serde_json::to_string(&letter).expect("a parsed letter serialises");
    }
});

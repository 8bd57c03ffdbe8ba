//! What file number `index` of a corpus is (a letter of some layout or a junk file), where it
//! goes, and the random stream it is built from. A plan depends only on the seed and the
//! index, so files can be built in any order and a corpus of N files is a prefix of one of
//! 2N.

use crate::junk::JunkKind;
use crate::model::Layout;
use crate::pick::{self, CorpusRng};
use rand::{Rng, SeedableRng};

/// The share of each layout among letters, in percent.
pub const LAYOUT_WEIGHTS: &[(Layout, u32)] = &[(Layout::L1, 78), (Layout::L2, 14), (Layout::L3, 8)];

/// Case numbers are CMyy-0nnnnnn: this many distinct serials per year.
const SERIALS: u64 = 1_000_000;

/// What a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An IMR letter.
    Letter(Layout),
    /// Not a letter.
    Junk(JunkKind),
}

/// The plan of one file.
#[derive(Clone, Debug)]
pub struct FilePlan {
    /// The file's number in the corpus.
    pub index: u64,
    /// What it is.
    pub kind: FileKind,
    /// The letter's year (its decision year; for junk, the folder's year).
    pub year: i32,
    /// The letter's decision month (for junk, the folder's month).
    pub month: u32,
    /// The case number (letters only).
    pub case_number: Option<String>,
    /// Path relative to `OUT/letters`, '/'-separated.
    pub relative_path: String,
}

/// The random stream of file `index`: the seed's ChaCha8 key, stream number `index`.
pub fn file_rng(seed: u64, index: u64) -> CorpusRng {
    let mut rng = CorpusRng::seed_from_u64(seed);
    rng.set_stream(index);
    rng
}

impl FilePlan {
    /// Draws the plan of file `index` from the start of its stream.
    pub fn draw(seed: u64, index: u64, junk_fraction: f64, rng: &mut CorpusRng) -> FilePlan {
        let kind = if pick::chance(rng, junk_fraction) {
            FileKind::Junk(JunkKind::draw(rng))
        } else {
            FileKind::Letter(pick::weighted(rng, LAYOUT_WEIGHTS))
        };
        let (year, month) = match kind {
            FileKind::Letter(Layout::L1) => {
                (rng.random_range(2014..=2019), rng.random_range(4..=12))
            }
            FileKind::Letter(Layout::L2) => (2013, rng.random_range(7..=12)),
            FileKind::Letter(Layout::L3) => {
                (rng.random_range(2013..=2016), rng.random_range(4..=12))
            }
            FileKind::Junk(_) => (rng.random_range(2013..=2019), rng.random_range(1..=12)),
        };
        let folder = format!("{year}/{month:02}");
        let (case_number, relative_path) = match kind {
            FileKind::Letter(_) => {
                let case_number = case_number(seed, index, year);
                // Serials repeat every million files; a suffix keeps later paths unique.
                let suffix = match index / SERIALS {
                    0 => String::new(),
                    round => format!("-{round}"),
                };
                let path = format!("{folder}/{case_number}{suffix}.txt");
                (Some(case_number), path)
            }
            FileKind::Junk(junk) => (
                None,
                format!("{folder}/{}-{index:04}.{}", junk.stem(), junk.extension()),
            ),
        };
        FilePlan {
            index,
            kind,
            year,
            month,
            case_number,
            relative_path,
        }
    }
}

/// CMyy-0nnnnnn: the serial is a bijection of the index (mod a million), offset by the seed.
fn case_number(seed: u64, index: u64, year: i32) -> String {
    let offset = splitmix64(seed) % SERIALS;
    let serial = (index % SERIALS * 618_033 + offset) % SERIALS;
    format!("CM{:02}-0{serial:06}", year.rem_euclid(100))
}

pub(crate) fn splitmix64(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn paths_are_unique_and_name_no_layout() {
        let mut seen = HashSet::new();
        for index in 0..20_000 {
            let mut rng = file_rng(3, index);
            let plan = FilePlan::draw(3, index, 0.015, &mut rng);
            assert!(!plan.relative_path.contains("L1") && !plan.relative_path.contains("L2"));
            assert!(
                seen.insert(plan.relative_path.clone()),
                "duplicate {}",
                plan.relative_path
            );
        }
    }

    #[test]
    fn case_numbers_have_the_letter_year() {
        let mut rng = file_rng(9, 12);
        let plan = FilePlan::draw(9, 12, 0.0, &mut rng);
        let case = plan.case_number.expect("letters have case numbers");
        assert_eq!(&case[2..4], &format!("{:02}", plan.year % 100));
        assert_eq!(case.len(), "CM14-0104321".len());
    }
}

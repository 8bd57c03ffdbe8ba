//! Random choices over the vocabulary tables, and the one RNG type every file is built from,
//! so that all randomness of the corpus flows through a seeded ChaCha stream.

use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The generator's random number generator: one independent stream per file.
pub type CorpusRng = ChaCha8Rng;

/// A uniformly chosen row of a table.
pub fn one<'a, T>(rng: &mut CorpusRng, rows: &'a [T]) -> &'a T {
    rows.choose(rng).expect("vocabulary tables are never empty")
}

/// A uniformly chosen wording of a table of wordings.
pub fn text(rng: &mut CorpusRng, rows: &[&'static str]) -> &'static str {
    let row: &&'static str = one(rng, rows);
    row
}

/// A row chosen with probability proportional to its weight.
pub fn weighted<T: Copy>(rng: &mut CorpusRng, rows: &[(T, u32)]) -> T {
    let total: u32 = rows.iter().map(|(_, weight)| weight).sum();
    assert!(total > 0, "a weighted table has a positive total weight");
    let mut target = rng.random_range(0..total);
    for &(value, weight) in rows {
        if target < weight {
            return value;
        }
        target -= weight;
    }
    unreachable!("target is below the total weight")
}

/// True with probability `p`.
pub fn chance(rng: &mut CorpusRng, p: f64) -> bool {
    rng.random_bool(p.clamp(0.0, 1.0))
}

/// Fills `{name}` placeholders in `template` from `vars`; unknown names are kept as written.
pub fn fill(template: impl AsRef<str>, vars: &[(&str, &str)]) -> String {
    let template = template.as_ref();
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        debug_assert!(false, "template placeholder {{{name}}} has no value");
                        out.push_str(&rest[open..open + close + 2]);
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn fill_replaces_every_placeholder() {
        let text = fill(
            "{He} injured {his} {part}.",
            &[("He", "She"), ("his", "her"), ("part", "right knee")],
        );
        assert_eq!(text, "She injured her right knee.");
    }

    #[test]
    fn weighted_never_picks_a_zero_weight_row() {
        let mut rng = CorpusRng::seed_from_u64(7);
        for _ in 0..1000 {
            assert_ne!(weighted(&mut rng, &[("a", 3), ("b", 0), ("c", 1)]), "b");
        }
    }
}

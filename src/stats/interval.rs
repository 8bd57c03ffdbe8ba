//! The uncertainty of a rate: the Wilson score interval, which stays inside 0..1 and
//! behaves for small counts and rates near 0 or 1, where the textbook normal interval
//! does not (Wilson 1927; Brown, Cai and DasGupta 2001 recommend it).

use serde::Serialize;

/// The standard normal quantile of a two-sided 95% interval.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// A rate with its 95% confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    /// successes / trials.
    pub rate: f64,
    /// The interval's lower end.
    pub low: f64,
    /// The interval's upper end.
    pub high: f64,
}

/// The rate of `successes` in `trials` with its Wilson score interval at `z`; `None`
/// when there are no trials.
pub fn wilson(successes: u64, trials: u64, z: f64) -> Option<Rate> {
    if trials == 0 {
        return None;
    }
    let n = trials as f64;
    let p = successes.min(trials) as f64 / n;
    let z2 = z * z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half_width = z / (1.0 + z2 / n) * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some(Rate {
        rate: p,
        low: (centre - half_width).max(0.0),
        high: (centre + half_width).min(1.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-5
    }

    #[test]
    fn matches_hand_computed_intervals() {
        // (successes, trials, low, high), worked by hand from the formula and checked
        // against published tables (Newcombe 1998, table I: 81/263 gives 0.2553-0.3662).
        let rows = [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (20, 20, 0.8389, 1.0),
            (1, 29, 0.0061, 0.1718),
        ];
        for (successes, trials, low, high) in rows {
            let rate = wilson(successes, trials, Z_95).expect("trials");
            assert!(
                close(rate.low, low),
                "{successes}/{trials}: low {}",
                rate.low
            );
            assert!(
                close(rate.high, high),
                "{successes}/{trials}: high {}",
                rate.high
            );
            assert!(close(rate.rate, successes as f64 / trials as f64));
        }
    }

    #[test]
    fn no_trials_has_no_rate() {
        assert_eq!(wilson(0, 0, Z_95), None);
    }

    #[test]
    fn the_interval_narrows_as_trials_grow() {
        let small = wilson(3, 10, Z_95).expect("trials");
        let large = wilson(300, 1000, Z_95).expect("trials");
        assert!(large.high - large.low < small.high - small.low);
        assert!(small.low <= small.rate && small.rate <= small.high);
    }
}

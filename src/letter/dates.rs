//! Every date form the letters use (10/2/13, 10/02/2013, 2013-10-02, October 2, 2013,
//! Oct. 2, 2013), found in text and turned into a [`NaiveDate`].

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// A regex fragment that matches one date in any of the supported forms.
pub const DATE_PATTERN: &str = r"(?:\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}-\d{1,2}-\d{2,4}|\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})";

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){DATE_PATTERN}")).expect("DATE_PATTERN is valid"));

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$").expect("numeric date regex is valid")
});

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").expect("ISO date regex is valid"));

static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
        .expect("written date regex is valid")
});

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Parses one date. A two-digit year `yy` is 20yy when that is not after `pivot_year`,
/// else 19yy; pass the letter's own year for injury dates.
pub fn parse_date(text: &str, pivot_year: i32) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(caps) = ISO.captures(text) {
        return NaiveDate::from_ymd_opt(
            caps[1].parse().ok()?,
            caps[2].parse().ok()?,
            caps[3].parse().ok()?,
        );
    }
    if let Some(caps) = NUMERIC.captures(text) {
        let year = expand_year(&caps[3], pivot_year)?;
        return NaiveDate::from_ymd_opt(year, caps[1].parse().ok()?, caps[2].parse().ok()?);
    }
    let caps = WRITTEN.captures(text)?;
    let name = caps[1].to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| name.starts_with(m))? + 1;
    NaiveDate::from_ymd_opt(
        caps[3].parse().ok()?,
        u32::try_from(month).ok()?,
        caps[2].parse().ok()?,
    )
}

/// The first valid date in `text`.
pub fn first_date(text: &str, pivot_year: i32) -> Option<NaiveDate> {
    DATE.find_iter(text)
        .find_map(|found| parse_date(found.as_str(), pivot_year))
}

fn expand_year(digits: &str, pivot_year: i32) -> Option<i32> {
    let year: i32 = digits.parse().ok()?;
    if digits.len() == 4 {
        return Some(year);
    }
    let pivot_two_digits = pivot_year.rem_euclid(100);
    let century = pivot_year - pivot_two_digits;
    Some(if year <= pivot_two_digits {
        century + year
    } else {
        century - 100 + year
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn parses_every_form() {
        let rows = [
            ("10/2/13", day(2013, 10, 2)),
            ("10/02/2013", day(2013, 10, 2)),
            ("10-02-2013", day(2013, 10, 2)),
            ("2013-10-02", day(2013, 10, 2)),
            ("October 2, 2013", day(2013, 10, 2)),
            ("Oct. 2, 2013", day(2013, 10, 2)),
            ("Sept 21 2012", day(2012, 9, 21)),
            ("March 3rd, 2012", day(2012, 3, 3)),
            ("13/45/2013", None),
            ("Smarch 3, 2012", None),
        ];
        for (text, expected) in rows {
            assert_eq!(parse_date(text, 2014), expected, "{text}");
        }
    }

    #[test]
    fn two_digit_years_pivot_on_the_letters_year() {
        assert_eq!(parse_date("4/5/98", 2014), day(1998, 4, 5));
        assert_eq!(parse_date("4/5/14", 2014), day(2014, 4, 5));
        assert_eq!(parse_date("4/5/15", 2014), day(1915, 4, 5));
        assert_eq!(parse_date("4/5/98", 2026), day(1998, 4, 5));
    }

    #[test]
    fn finds_the_first_valid_date_in_text() {
        let text = "injured on 99/99/2013, then again on 7/23/14 at work";
        assert_eq!(first_date(text, 2014), day(2014, 7, 23));
        assert_eq!(first_date("no date here", 2014), None);
    }
}

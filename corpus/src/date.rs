//! A calendar date small enough for the generator's needs: day arithmetic, the ISO form the
//! truth carries, and the forms letters write ("10/2/13", "10/02/2013", "October 2, 2013",
//! "Oct. 2, 2013").

use serde::{Serialize, Serializer};

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

/// How a letter writes a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// 10/2/2013
    Slash,
    /// 10/02/2013
    SlashPadded,
    /// 10/2/13 (two-digit year)
    SlashShortYear,
    /// 10/02/13 (two-digit year)
    SlashPaddedShortYear,
    /// October 2, 2013
    Long,
    /// Oct. 2, 2013
    Abbreviated,
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

impl Date {
    /// The date `year-month-day`; the day is clamped to the month's length.
    pub fn new(year: i32, month: u32, day: u32) -> Date {
        let month = month.clamp(1, 12);
        let day = day.clamp(1, days_in_month(year, month));
        Date { year, month, day }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// This date moved by `days` (negative: earlier).
    pub fn plus_days(self, days: i64) -> Date {
        from_days(to_days(self) + days)
    }

    /// Days from `earlier` to this date.
    pub fn days_after(self, earlier: Date) -> i64 {
        to_days(self) - to_days(earlier)
    }

    /// The ISO form, YYYY-MM-DD.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The month and year as "08/2013".
    pub fn month_year(self) -> String {
        format!("{:02}/{}", self.month, self.year)
    }

    /// The date written in `style`.
    pub fn write(self, style: DateStyle) -> String {
        let (y, m, d) = (self.year, self.month, self.day);
        let short_year = y.rem_euclid(100);
        let month_index = (m - 1) as usize;
        match style {
            DateStyle::Slash => format!("{m}/{d}/{y}"),
            DateStyle::SlashPadded => format!("{m:02}/{d:02}/{y}"),
            DateStyle::SlashShortYear => format!("{m}/{d}/{short_year:02}"),
            DateStyle::SlashPaddedShortYear => format!("{m:02}/{d:02}/{short_year:02}"),
            DateStyle::Long => format!("{} {d}, {y}", MONTH_NAMES[month_index]),
            DateStyle::Abbreviated => format!("{} {d}, {y}", MONTH_ABBREVIATIONS[month_index]),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
fn to_days(date: Date) -> i64 {
    let month = i64::from(date.month);
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + i64::from(date.day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`to_days`] (civil_from_days).
fn from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).expect("generated dates stay within i32 years"),
        month: u32::try_from(month).expect("month is 1-12"),
        day: u32::try_from(day).expect("day is 1-31"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic_round_trips_across_leap_years_and_month_ends() {
        let start = Date::new(1995, 1, 1);
        let mut date = start;
        for step in 1..=10_000 {
            let next = date.plus_days(1);
            assert_eq!(next.days_after(date), 1);
            assert_eq!(next.days_after(start), step);
            date = next;
        }
        assert_eq!(Date::new(2012, 2, 28).plus_days(1).iso(), "2012-02-29");
        assert_eq!(Date::new(2013, 12, 31).plus_days(1).iso(), "2014-01-01");
    }

    #[test]
    fn written_forms() {
        let date = Date::new(2013, 10, 2);
        let rows = [
            (DateStyle::Slash, "10/2/2013"),
            (DateStyle::SlashPadded, "10/02/2013"),
            (DateStyle::SlashShortYear, "10/2/13"),
            (DateStyle::SlashPaddedShortYear, "10/02/13"),
            (DateStyle::Long, "October 2, 2013"),
            (DateStyle::Abbreviated, "Oct. 2, 2013"),
        ];
        for (style, expected) in rows {
            assert_eq!(date.write(style), expected);
        }
        assert_eq!(
            Date::new(1998, 4, 5).write(DateStyle::SlashShortYear),
            "4/5/98"
        );
        assert_eq!(
            Date::new(2005, 4, 5).write(DateStyle::SlashShortYear),
            "4/5/05"
        );
    }
}

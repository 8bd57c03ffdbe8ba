//! What decisions can be grouped by, for `--facet` and `imr stats --by`: a keyword, bool
//! or integer field as it is (`category`, `age`), an integer field in bands of a width
//! (`age:10`), or a date field by period (`decision_date:year`, `:quarter`, `:month`), and
//! the value a group shows (`40-49`, `2014-Q2`).

use crate::error::SearchError;
use crate::schema::{FieldType, IndexSchema};
use chrono::{DateTime, Datelike};
use serde::Serialize;
use std::fmt;

/// One way of grouping decisions: a field, and how its values are bucketed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grouping {
    /// The schema field.
    pub field: String,
    /// How values become groups.
    pub bucket: Bucket,
}

/// How a field's values become groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Each keyword value is a group.
    Keyword,
    /// true and false.
    Bool,
    /// Integers in bands of this width (1: each value is a group).
    Band(u64),
    /// Days by calendar period.
    Period(Period),
}

/// A calendar period that groups days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Period {
    /// Calendar years.
    Year,
    /// Calendar quarters.
    Quarter,
    /// Calendar months.
    Month,
}

/// The group a decision falls in along one grouping.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GroupValue {
    /// A keyword value.
    Text(String),
    /// An integer band `low..=high` (one value when the band's width is 1).
    Band {
        /// The band's first value.
        low: u64,
        /// The band's last value.
        high: u64,
    },
    /// A calendar period, counted from year 0: years, quarters (year * 4 + quarter - 1)
    /// or months (year * 12 + month - 1).
    Period(Period, i64),
    /// A bool value.
    Bool(bool),
    /// The decision has no value for the field.
    Missing,
}

impl Grouping {
    /// Reads `FIELD` or `FIELD:BUCKET` as given to `flag` (`--facet`, `--by`).
    pub fn parse(
        schema: &IndexSchema,
        spec: &str,
        flag: &'static str,
    ) -> Result<Grouping, SearchError> {
        let (name, bucket) = match spec.split_once(':') {
            Some((name, bucket)) => (name.trim(), Some(bucket.trim())),
            None => (spec.trim(), None),
        };
        let groupable = |field: &crate::schema::FieldDefinition| {
            field.facet || (field.field_type == FieldType::Date && field.fast)
        };
        let field = schema.field_where(name, flag, groupable)?;
        let problem = |problem: String| SearchError::Grouping {
            argument: spec.to_string(),
            flag,
            problem,
        };
        let bucket = match (field.definition.field_type, bucket) {
            (FieldType::Keyword, None) => Bucket::Keyword,
            (FieldType::Bool, None) => Bucket::Bool,
            (FieldType::Integer, None) => Bucket::Band(1),
            (FieldType::Integer, Some(width)) => match width.parse::<u64>() {
                Ok(width) if width > 0 => Bucket::Band(width),
                _ => {
                    return Err(problem(format!(
                    "'{width}' is not a band width; give a whole number above 0, as in {name}:10"
                )))
                }
            },
            (FieldType::Date, Some(period)) => Bucket::Period(match period {
                "year" => Period::Year,
                "quarter" => Period::Quarter,
                "month" => Period::Month,
                other => {
                    return Err(problem(format!(
                        "'{other}' is not a period; use {name}:year, {name}:quarter or {name}:month"
                    )))
                }
            }),
            (FieldType::Date, None) => {
                return Err(problem(format!(
                "{name} is a date; group it by period: {name}:year, {name}:quarter or {name}:month"
            )))
            }
            (_, Some(_)) => {
                return Err(problem(format!(
                    "{name} takes no ':' suffix; only integer fields (age:10) and dates \
                     (decision_date:year) are bucketed"
                )))
            }
            (other, None) => {
                return Err(problem(format!("{other:?} fields cannot be grouped")));
            }
        };
        Ok(Grouping {
            field: field.definition.name.clone(),
            bucket,
        })
    }

    /// Whether groups read best in the order of their values (a trend, an age profile)
    /// rather than by count.
    pub fn is_ordered(&self) -> bool {
        matches!(self.bucket, Bucket::Period(_))
            || matches!(self.bucket, Bucket::Band(width) if width > 1)
    }

    /// The group of a timestamp (seconds since 1970, midnight UTC of a day), for a
    /// `Period` grouping.
    pub fn period_of(period: Period, timestamp_secs: i64) -> i64 {
        let Some(day) = DateTime::from_timestamp(timestamp_secs, 0) else {
            return 0;
        };
        let year = i64::from(day.year());
        match period {
            Period::Year => year,
            Period::Quarter => year * 4 + i64::from(day.month0() / 3),
            Period::Month => year * 12 + i64::from(day.month0()),
        }
    }
}

impl fmt::Display for Grouping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.bucket {
            Bucket::Keyword | Bucket::Bool | Bucket::Band(1) => write!(f, "{}", self.field),
            Bucket::Band(width) => write!(f, "{}:{width}", self.field),
            Bucket::Period(Period::Year) => write!(f, "{}:year", self.field),
            Bucket::Period(Period::Quarter) => write!(f, "{}:quarter", self.field),
            Bucket::Period(Period::Month) => write!(f, "{}:month", self.field),
        }
    }
}

impl fmt::Display for GroupValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupValue::Text(text) => f.write_str(text),
            GroupValue::Band { low, high } if low == high => write!(f, "{low}"),
            GroupValue::Band { low, high } => write!(f, "{low}-{high}"),
            GroupValue::Period(Period::Year, year) => write!(f, "{year}"),
            GroupValue::Period(Period::Quarter, quarter) => {
                write!(
                    f,
                    "{}-Q{}",
                    quarter.div_euclid(4),
                    quarter.rem_euclid(4) + 1
                )
            }
            GroupValue::Period(Period::Month, month) => {
                write!(
                    f,
                    "{}-{:02}",
                    month.div_euclid(12),
                    month.rem_euclid(12) + 1
                )
            }
            GroupValue::Bool(value) => write!(f, "{value}"),
            GroupValue::Missing => f.write_str("(none)"),
        }
    }
}

impl Serialize for GroupValue {
    /// A single integer as a number, a missing value as null, every other group as its
    /// label.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            GroupValue::Band { low, high } if low == high => serializer.serialize_u64(*low),
            GroupValue::Bool(value) => serializer.serialize_bool(*value),
            GroupValue::Missing => serializer.serialize_none(),
            other => serializer.collect_str(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(spec: &str) -> Result<Grouping, SearchError> {
        let schema = IndexSchema::embedded().expect("schema");
        Grouping::parse(&schema, spec, "--by")
    }

    #[test]
    fn reads_each_kind_of_grouping() {
        let rows = [
            ("category", Bucket::Keyword),
            ("truncated", Bucket::Bool),
            ("age", Bucket::Band(1)),
            ("age:10", Bucket::Band(10)),
            ("decision_date:year", Bucket::Period(Period::Year)),
            ("date_of_injury:quarter", Bucket::Period(Period::Quarter)),
            ("decision_date:month", Bucket::Period(Period::Month)),
        ];
        for (spec, bucket) in rows {
            let grouping = parse(spec).unwrap_or_else(|error| panic!("{spec}: {error}"));
            assert_eq!(grouping.bucket, bucket, "{spec}");
            assert_eq!(grouping.to_string(), spec, "{spec} prints as given");
        }
    }

    #[test]
    fn refuses_what_cannot_be_grouped_and_says_what_would_work() {
        let rows = [
            ("decision_date", "decision_date:year"),
            ("decision_date:week", "decision_date:quarter"),
            ("age:0", "age:10"),
            ("age:ten", "age:10"),
            ("category:10", "only integer fields"),
            ("rationale", "category"),
            ("nonsense", "decision"),
        ];
        for (spec, hint) in rows {
            let error = parse(spec).expect_err(spec).to_string();
            assert!(error.contains(hint), "{spec}: {error}");
        }
    }

    #[test]
    fn labels_groups_as_people_write_them() {
        let rows = [
            (GroupValue::Band { low: 40, high: 49 }, "40-49"),
            (GroupValue::Band { low: 7, high: 7 }, "7"),
            (GroupValue::Period(Period::Year, 2014), "2014"),
            (GroupValue::Period(Period::Quarter, 2014 * 4 + 1), "2014-Q2"),
            (GroupValue::Period(Period::Month, 2014 * 12 + 11), "2014-12"),
            (GroupValue::Missing, "(none)"),
        ];
        for (value, label) in rows {
            assert_eq!(value.to_string(), label);
        }
    }

    #[test]
    fn periods_of_days() {
        // 2014-05-31 and 2013-01-01, midnight UTC.
        let may_31 = 1_401_494_400;
        let new_year = 1_356_998_400;
        assert_eq!(Grouping::period_of(Period::Year, may_31), 2014);
        assert_eq!(Grouping::period_of(Period::Quarter, may_31), 2014 * 4 + 1);
        assert_eq!(Grouping::period_of(Period::Month, may_31), 2014 * 12 + 4);
        assert_eq!(Grouping::period_of(Period::Month, new_year), 2013 * 12);
    }
}

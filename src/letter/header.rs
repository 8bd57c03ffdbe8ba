//! Labelled header fields (`Case Number: CM14-0104321`, `Date Assigned: 07/30/2014`,
//! `Priority: Standard` ...), in one or two columns, as the L1 and L2 headers write them.

use super::dates::{parse_date, DATE_PATTERN};
use super::Priority;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// The header fields a letter may state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderFields {
    /// `Case Number:` or `IMR Case Number:`.
    pub case_number: Option<String>,
    /// `Date Assigned:`.
    pub date_assigned: Option<NaiveDate>,
    /// `Date of Injury:`.
    pub date_of_injury: Option<NaiveDate>,
    /// `Decision Date:`, or L2's `Dated:`.
    pub decision_date: Option<NaiveDate>,
    /// `UR Denial Date:`.
    pub ur_denial_date: Option<NaiveDate>,
    /// `Application Received:`.
    pub application_received: Option<NaiveDate>,
    /// `Priority:`.
    pub priority: Option<Priority>,
}

static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b((?:IMR\s+)?Case\s+(?:Number|No\.?)|Date\s+Assigned|Date\s+of\s+Injury|Decision\s+Date|Dated|UR\s+Denial\s+Date|Date\s+of\s+UR\s+(?:Denial|Decision)|Application\s+Received|Priority)\s*:\s*(CM\d{{2}}-\d{{4,8}}|{DATE_PATTERN}|Standard|Expedited)"
    ))
    .expect("header field regex is valid")
});

/// A line of labels without values ("Case Number:     Date Assigned:").
static LABELS_ONLY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[A-Za-z][A-Za-z/().' -]{1,40}:\s*)+$").expect("labels-only regex is valid")
});

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z][A-Za-z/().' -]{1,40}:").expect("label regex is valid"));

static COLUMN_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s{2,}").expect("column gap regex is valid"));

/// The header with each line of labels whose values stand on the next line, in the same
/// columns, rewritten as `label: value` lines (one label takes the whole next line).
fn values_beside_labels(header: &str) -> String {
    let lines: Vec<&str> = header.lines().collect();
    let mut rewritten = String::with_capacity(header.len() + 64);
    for (index, line) in lines.iter().enumerate() {
        match values_below(line, &lines[index + 1..]) {
            Some(values) => rewritten.push_str(&values),
            None => rewritten.push_str(line),
        }
        rewritten.push('\n');
    }
    rewritten
}

/// `line` as `label: value` lines, when it holds only labels and the next non-blank line
/// holds as many values.
fn values_below(line: &str, rest: &[&str]) -> Option<String> {
    if !line.contains(':') || !LABELS_ONLY_LINE.is_match(line) {
        return None;
    }
    let values = rest.iter().find(|line| !line.trim().is_empty())?;
    if LABEL.is_match(values) {
        return None;
    }
    let labels: Vec<&str> = LABEL.find_iter(line).map(|label| label.as_str()).collect();
    let values: Vec<&str> = if labels.len() == 1 {
        vec![values.trim()]
    } else {
        COLUMN_GAP.split(values.trim()).collect()
    };
    (labels.len() == values.len()).then(|| {
        labels
            .iter()
            .zip(values)
            .map(|(label, value)| format!("{label} {value}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Reads the labelled fields of a header block; the first value of each label wins.
/// A value may stand beside its label or, in the same column, on the next line.
pub fn header_fields(header: &str, current_year: i32) -> HeaderFields {
    read_fields(header, current_year, false)
}

/// The case number [`header_fields`] reads from `text`, read without the other fields: the
/// reading stops at the first case number label, so a long text is not read to its end.
pub fn case_number_field(text: &str) -> Option<String> {
    // No date is read, so no year is needed.
    read_fields(text, 0, true).case_number
}

fn read_fields(header: &str, current_year: i32, case_number_only: bool) -> HeaderFields {
    let mut fields = HeaderFields::default();
    let header = values_beside_labels(header);
    for field in HEADER_FIELD.find_iter(&header) {
        let Some((label, value)) = label_and_value(field.as_str()) else {
            continue;
        };
        let label = label.to_ascii_lowercase();
        if case_number_only {
            if label.contains("case") {
                return HeaderFields {
                    case_number: Some(value.to_ascii_uppercase()),
                    ..HeaderFields::default()
                };
            }
            continue;
        }
        let date = || parse_date(value, current_year);
        if label.contains("case") {
            set_once(&mut fields.case_number, Some(value.to_ascii_uppercase()));
        } else if label.starts_with("priority") {
            set_once(&mut fields.priority, priority_of(value));
        } else if label.contains("assigned") {
            set_once(&mut fields.date_assigned, date());
        } else if label.contains("injury") {
            set_once(&mut fields.date_of_injury, date());
        } else if label.contains("denial") || label.contains("ur decision") {
            set_once(&mut fields.ur_denial_date, date());
        } else if label.contains("received") {
            set_once(&mut fields.application_received, date());
        } else {
            set_once(&mut fields.decision_date, date());
        }
    }
    fields
}

/// The label and the value of a [`HEADER_FIELD`] match, as its two groups would give them:
/// neither a label nor a value holds a colon, so the first colon parts them, with the
/// whitespace around it. Reading the groups from the match this way spares the regex's
/// capture search, which cost more than finding the fields.
fn label_and_value(field: &str) -> Option<(&str, &str)> {
    let (label, value) = field.split_once(':')?;
    Some((label.trim_end(), value.trim_start()))
}

fn set_once<T>(slot: &mut Option<T>, value: Option<T>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn priority_of(value: &str) -> Option<Priority> {
    match value.to_ascii_lowercase().as_str() {
        "standard" => Some(Priority::Standard),
        "expedited" => Some(Priority::Expedited),
        _ => None,
    }
}

impl HeaderFields {
    /// The letter's own year, which two-digit injury years pivot on: from its header
    /// dates, else its case number (CM14 -> 2014), else `current_year`.
    pub fn letter_year(&self, current_year: i32) -> i32 {
        use chrono::Datelike;
        [
            self.decision_date,
            self.date_assigned,
            self.application_received,
            self.ur_denial_date,
        ]
        .iter()
        .flatten()
        .map(|date| date.year())
        .next()
        .or_else(|| {
            let digits = self.case_number.as_deref()?.get(2..4)?;
            digits.parse::<i32>().ok().map(|year| 2000 + year)
        })
        .unwrap_or(current_year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn reads_a_two_column_header() {
        let header = "Case Number:  CM14-0104321    Date Assigned:  07/30/2014\n\
                      Date of Injury:  03/11/2012    Decision Date:  September 4, 2014\n\
                      UR Denial Date: 07/15/2014     Priority:  Expedited\n\
                      Application Received:  07/21/2014\n";
        let fields = header_fields(header, 2026);
        assert_eq!(fields.case_number.as_deref(), Some("CM14-0104321"));
        assert_eq!(fields.date_assigned, day(2014, 7, 30));
        assert_eq!(fields.date_of_injury, day(2012, 3, 11));
        assert_eq!(fields.decision_date, day(2014, 9, 4));
        assert_eq!(fields.ur_denial_date, day(2014, 7, 15));
        assert_eq!(fields.application_received, day(2014, 7, 21));
        assert_eq!(fields.priority, Some(Priority::Expedited));
    }

    #[test]
    fn reads_values_on_the_line_below_their_labels() {
        let header = "Case Number:\nCM14-0123456\nDate Assigned:\n07/30/2014\n\
                      Date of Injury:        Decision Date:\n\
                      03/11/2012             September 4, 2014\n\
                      Priority:\nExpedited\n";
        let fields = header_fields(header, 2026);
        assert_eq!(fields.case_number.as_deref(), Some("CM14-0123456"));
        assert_eq!(fields.date_assigned, day(2014, 7, 30));
        assert_eq!(fields.date_of_injury, day(2012, 3, 11));
        assert_eq!(fields.decision_date, day(2014, 9, 4));
        assert_eq!(fields.priority, Some(Priority::Expedited));
    }

    #[test]
    fn label_and_value_are_the_groups_of_the_match() {
        let texts = [
            "Case Number:  CM14-0104321    Date Assigned:  07/30/2014",
            "IMR Case No.:CM13-0012345 Dated :\n October 30, 2013",
            "Date of UR Decision:\u{a0}1/2/14 Priority:\tEXPEDITED",
            "Application   Received : Sept. 3rd, 2014",
        ];
        for text in texts {
            for caps in HEADER_FIELD.captures_iter(text) {
                let whole = caps.get(0).expect("group 0 is the match").as_str();
                assert_eq!(
                    label_and_value(whole),
                    Some((&caps[1], &caps[2])),
                    "{whole:?}"
                );
            }
            assert!(HEADER_FIELD.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn the_case_number_alone_is_the_one_all_fields_give() {
        let texts = [
            "Date of Injury: 1/5/2011\nIMR Case Number:  CM13-0012345\nCase No.: CM13-0099999\n",
            "Priority: Standard\ncase  no:\ncm14-0123456\n",
            "Case Number:     Date Assigned:\nCM14-0104321     07/30/2014\n",
            "no labels here\n",
        ];
        for text in texts {
            assert_eq!(
                case_number_field(text),
                header_fields(text, 2026).case_number,
                "{text:?}"
            );
        }
    }

    #[test]
    fn reads_an_l2_header() {
        let header = "Dated: October 30, 2013\n\nIMR Case Number:  CM13-0012345\n\
                      Date of Injury:  1/5/2011\nPriority:  standard\n";
        let fields = header_fields(header, 2026);
        assert_eq!(fields.case_number.as_deref(), Some("CM13-0012345"));
        assert_eq!(fields.decision_date, day(2013, 10, 30));
        assert_eq!(fields.date_of_injury, day(2011, 1, 5));
        assert_eq!(fields.priority, Some(Priority::Standard));
    }

    #[test]
    fn the_letters_year_comes_from_its_dates_or_case_number() {
        let mut fields = HeaderFields::default();
        assert_eq!(fields.letter_year(2026), 2026);
        fields.case_number = Some("CM13-0012345".to_string());
        assert_eq!(fields.letter_year(2026), 2013);
        fields.ur_denial_date = day(2014, 1, 2);
        assert_eq!(fields.letter_year(2026), 2014);
    }
}

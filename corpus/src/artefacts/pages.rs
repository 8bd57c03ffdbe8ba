//! Page breaks: a form feed and/or "Page 2 of 4" lines, the case number repeated at the top
//! of the next page, or a run of blank lines, falling anywhere after the header block, even
//! mid-paragraph, but never after the last line and never inside a hyphenated word.

use super::PhysLine;
use crate::pick::{self, CorpusRng};
use rand::Rng;

/// How a letter's page breaks look (the same on every page of a letter).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Furniture {
    /// A form feed line, "Page n of m", the case number alone.
    FeedPageCase,
    /// "Page n-1 of m" at the foot, then a form feed line.
    FooterFeed,
    /// A form feed alone.
    Feed,
    /// "Page n of m" and "Case Number: CM..." at the top, no form feed.
    PageCaseLabel,
    /// A form feed at the start of the next page's first line.
    InlineFeed,
    /// A run of empty and space-only lines.
    BlankRun,
}

pub(super) fn insert_page_breaks(
    lines: &mut Vec<PhysLine>,
    case_number: Option<&str>,
    rng: &mut CorpusRng,
) {
    let Some(first_body) = lines
        .iter()
        .position(|line| !line.header && !line.is_blank())
    else {
        return;
    };
    let Some(last_content) = lines.iter().rposition(|line| !line.is_blank()) else {
        return;
    };
    let start = first_body + 6;
    if start >= last_content {
        return;
    }
    let bytes: usize = lines.iter().map(|line| line.text.len() + 1).sum();
    let breaks = (bytes / 2600).clamp(1, 3);
    let eligible = |at: usize, lines: &[PhysLine]| {
        at >= start && at <= last_content && !lines[at - 1].hyphen_end
    };
    let mut positions: Vec<usize> = Vec::with_capacity(breaks);
    let span = last_content - start + 1;
    for b in 0..breaks {
        let centre = start + span * (2 * b + 1) / (2 * breaks);
        let jitter = rng.random_range(0..=span / (2 * breaks));
        let mut at = (centre + jitter)
            .saturating_sub(span / (4 * breaks))
            .clamp(start, last_content);
        while at <= last_content && !eligible(at, lines) {
            at += 1;
        }
        if at <= last_content && positions.last().is_none_or(|&p| p < at) {
            positions.push(at);
        }
    }
    let furniture = pick::weighted(
        rng,
        &[
            (Furniture::FeedPageCase, 30),
            (Furniture::FooterFeed, 15),
            (Furniture::Feed, 15),
            (Furniture::PageCaseLabel, 15),
            (Furniture::InlineFeed, 10),
            (Furniture::BlankRun, 15),
        ],
    );
    let pages = positions.len() + 1;
    // Insert from the end so earlier positions stay valid.
    for (b, &at) in positions.iter().enumerate().rev() {
        let page = b + 2;
        let mut inserted: Vec<String> = Vec::new();
        match furniture {
            Furniture::FeedPageCase => {
                inserted.push("\u{c}".to_string());
                inserted.push(format!("Page {page} of {pages}"));
                if let Some(case) = case_number {
                    inserted.push(case.to_string());
                }
            }
            Furniture::FooterFeed => {
                inserted.push(String::new());
                inserted.push(format!("Page {} of {pages}", page - 1));
                inserted.push("\u{c}".to_string());
            }
            Furniture::Feed => inserted.push("\u{c}".to_string()),
            Furniture::PageCaseLabel => {
                inserted.push(format!("Page {page} of {pages}"));
                if let Some(case) = case_number {
                    inserted.push(format!("Case Number: {case}"));
                }
            }
            Furniture::InlineFeed => {
                lines[at].text.insert(0, '\u{c}');
                continue;
            }
            Furniture::BlankRun => {
                for _ in 0..rng.random_range(3..=6) {
                    inserted.push(if pick::chance(rng, 0.5) {
                        String::new()
                    } else {
                        " ".to_string()
                    });
                }
            }
        }
        lines.splice(at..at, inserted.into_iter().map(PhysLine::plain));
    }
}

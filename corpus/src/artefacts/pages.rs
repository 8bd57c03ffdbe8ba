//! Page breaks: a form feed and/or "Page 2 of 4" lines, the case number repeated at the top
//! of the next page, or a run of blank lines, falling anywhere after the header block, even
//! mid-paragraph, but never after the last line and never inside a hyphenated word; or, for
//! letters that state their case number only there, a running header on every page.

use super::PhysLine;
use crate::doc::RunningHeader;
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

/// Where page breaks fall: one to three lines (a break goes before each), spread over the
/// body, none in the header block or its first lines, none after a hyphenated half-word or
/// the first half of a wrapped label.
fn break_positions(lines: &[PhysLine], rng: &mut CorpusRng) -> Vec<usize> {
    let Some(first_body) = lines
        .iter()
        .position(|line| !line.header && !line.is_blank())
    else {
        return Vec::new();
    };
    let Some(last_content) = lines.iter().rposition(|line| !line.is_blank()) else {
        return Vec::new();
    };
    let start = first_body + 6;
    if start >= last_content {
        return Vec::new();
    }
    let bytes: usize = lines.iter().map(|line| line.text.len() + 1).sum();
    let breaks = (bytes / 2600).clamp(1, 3);
    let eligible = |at: usize, lines: &[PhysLine]| {
        at >= start && at <= last_content && !lines[at - 1].kept_with_next
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
    positions
}

pub(super) fn insert_page_breaks(
    lines: &mut Vec<PhysLine>,
    case_number: Option<&str>,
    rng: &mut CorpusRng,
) {
    let positions = break_positions(lines, rng);
    if positions.is_empty() {
        return;
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

/// A running page header at the top of every page ("CM13-0012345   Page 1 of 3"), the
/// first above the letter's first line and the others after each page break.
pub(super) fn insert_running_headers(
    lines: &mut Vec<PhysLine>,
    header: &RunningHeader,
    rng: &mut CorpusRng,
) {
    let positions = break_positions(lines, rng);
    let pages = positions.len() + 1;
    let feed = pick::chance(rng, 0.7);
    let gap = " ".repeat(rng.random_range(4..=40));
    for (b, &at) in positions.iter().enumerate().rev() {
        let mut inserted = Vec::with_capacity(3);
        if feed {
            inserted.push("\u{c}".to_string());
        } else {
            inserted.push(String::new());
        }
        inserted.push(header.line(b + 2, pages, &gap));
        lines.splice(at..at, inserted.into_iter().map(PhysLine::plain));
    }
    let top = [header.line(1, pages, &gap), String::new()];
    lines.splice(0..0, top.into_iter().map(PhysLine::plain));
}

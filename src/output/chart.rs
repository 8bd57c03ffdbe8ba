//! The SVG chart of an overturn-rate table (`imr stats --chart FILE.svg`): one bar per row
//! with its 95% Wilson interval as a whisker, or, when the only grouping is a date period,
//! a line through the rates over time with the interval as a shaded band.
//!
//! Bars and the line are drawn in [`SERIES_COLOUR`], which no axis or label uses: each bar
//! is one `<rect fill="#4C72B0">` and the line one `<polyline stroke="#4C72B0">` (its band
//! is a `<polygon>`, its points `<circle>`s), so a test or a script can count them. Text is
//! written as SVG `<text>`; its width is only estimated, since no font is read.

use crate::search::grouping::{Bucket, Period};
use crate::search::{CountMode, GroupValue};
use crate::stats::{StatsRow, StatsTable};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::{Path, PathBuf};

/// The colour of the bars and of the line, its band and its points; no axis, grid or
/// label is drawn in it.
pub const SERIES_COLOUR: &str = "#4C72B0";
const SERIES: RGBColor = RGBColor(0x4C, 0x72, 0xB0);
const INTERVAL: RGBColor = RGBColor(0x33, 0x33, 0x33);

/// The most rows one chart draws; more would not be legible.
pub const MAX_CHART_ROWS: usize = 60;

/// Labels longer than this many characters are cut, with an ellipsis.
const MAX_LABEL_CHARS: usize = 32;
/// A rough width of one character of 12 px sans-serif text, for laying out labels.
const CHAR_WIDTH_PX: u32 = 7;
const FONT: &str = "sans-serif";

/// A chart that could not be made, with the file it was meant for.
#[derive(Debug, thiserror::Error)]
#[error("chart {}: {problem}", path.display())]
pub struct ChartError {
    /// The file the chart was to be written to.
    pub path: PathBuf,
    /// What went wrong.
    pub problem: ChartProblem,
}

/// What went wrong drawing or writing a chart.
#[derive(Debug, thiserror::Error)]
pub enum ChartProblem {
    /// The table has more rows than a chart can show legibly.
    #[error(
        "{rows} rows are too many for one chart (at most {MAX_CHART_ROWS}); \
         raise --min-count or group by fewer --by fields"
    )]
    TooManyRows {
        /// The table's rows.
        rows: usize,
    },
    /// plotters failed to lay out or draw the chart.
    #[error("could not draw the chart: {0}")]
    Draw(String),
    /// The file could not be written.
    #[error("could not write the file: {0}")]
    Write(#[from] std::io::Error),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartProblem {
    fn from(error: DrawingAreaErrorKind<E>) -> ChartProblem {
        ChartProblem::Draw(error.to_string())
    }
}

/// Draws `table` under `title` and writes it to `path` as SVG.
pub fn write_chart(path: &Path, table: &StatsTable, title: &str) -> Result<(), ChartError> {
    let error = |problem| ChartError {
        path: path.to_path_buf(),
        problem,
    };
    let svg = render_svg(table, title).map_err(error)?;
    std::fs::write(path, svg).map_err(|source| error(ChartProblem::Write(source)))
}

/// Draws `table` under `title` as the text of an SVG file: a line when its only grouping
/// is a date period, bars otherwise.
pub fn render_svg(table: &StatsTable, title: &str) -> Result<String, ChartProblem> {
    if table.rows.len() > MAX_CHART_ROWS {
        return Err(ChartProblem::TooManyRows {
            rows: table.rows.len(),
        });
    }
    let period = match table.by.as_slice() {
        [only] => match only.bucket {
            Bucket::Period(period) => Some(period),
            _ => None,
        },
        _ => None,
    };
    let width = (140 + 30 * table.rows.len() as u32).max(900);
    let labels = BarLabels::of(&table.rows, width);
    let label_area_px = if period.is_some() { 40 } else { labels.area_px };

    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (width, 420 + label_area_px)).into_drawing_area();
        root.fill(&WHITE)?;
        let titled = root.titled(&cut(title, (width / 9) as usize), (FONT, 20))?;
        let area = titled.titled(
            &subtitle(table, period.is_some()),
            (FONT, 15).into_font().color(&INTERVAL),
        )?;
        match period {
            Some(period) => draw_line(&area, table, period)?,
            None => draw_bars(&root, &area, table, &labels)?,
        }
        root.present()?;
    }
    Ok(svg)
}

/// What was counted, by what, how the intervals were made, and what a `line` over dates
/// leaves out.
fn subtitle(table: &StatsTable, line: bool) -> String {
    let counted = match table.count {
        CountMode::Decisions => "decisions",
        CountMode::Letters => "letters",
    };
    let by: Vec<String> = table.by.iter().map(ToString::to_string).collect();
    let mut text = format!("Overturned % of {} {counted}", table.total.count);
    if !by.is_empty() {
        text.push_str(&format!(" by {}", by.join(" / ")));
    }
    text.push_str(", with 95% Wilson intervals");
    if table.hidden_rows > 0 {
        text.push_str(&format!(
            "; {} groups under --min-count not shown",
            table.hidden_rows
        ));
    }
    if line {
        let undated: u64 = table
            .rows
            .iter()
            .filter(|row| matches!(row.values.first(), Some(GroupValue::Missing)))
            .map(|row| row.outcome.count)
            .sum();
        if undated > 0 {
            text.push_str(&format!("; {undated} without a date not drawn"));
        }
    }
    text
}

/// The x labels of a bar chart, and whether they must be turned to fit.
struct BarLabels {
    texts: Vec<String>,
    rotated: bool,
    /// Height of the area under the axis that holds them.
    area_px: u32,
}

impl BarLabels {
    /// The labels of `rows` on a chart `width_px` wide.
    fn of(rows: &[StatsRow], width_px: u32) -> BarLabels {
        let names: Vec<String> = rows
            .iter()
            .map(|row| {
                let values: Vec<String> = row.values.iter().map(ToString::to_string).collect();
                cut(&values.join(" / "), MAX_LABEL_CHARS)
            })
            .collect();
        let counts: Vec<String> = rows
            .iter()
            .map(|row| format!("n={}", row.outcome.count))
            .collect();
        let longest = |texts: &[String]| texts.iter().map(|t| t.chars().count()).max();
        let widest = longest(&names).max(longest(&counts)).unwrap_or(0) as u32;
        // The width each bar gets, less the axis area and margins, and a little air.
        let slot_px = width_px.saturating_sub(100) / rows.len().max(1) as u32;
        let rotated = widest * CHAR_WIDTH_PX + 6 > slot_px;
        if rotated {
            let texts: Vec<String> = names
                .iter()
                .zip(&counts)
                .map(|(name, count)| format!("{name}  {count}"))
                .collect();
            let area_px = longest(&texts).unwrap_or(0) as u32 * CHAR_WIDTH_PX + 20;
            BarLabels {
                texts,
                rotated,
                area_px,
            }
        } else {
            BarLabels {
                texts: names
                    .into_iter()
                    .zip(counts)
                    .map(|(n, c)| format!("{n}\n{c}"))
                    .collect(),
                rotated,
                area_px: 50,
            }
        }
    }
}

/// One bar per row with its interval; rows with nothing counted get a label but no bar.
fn draw_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    table: &StatsTable,
    labels: &BarLabels,
) -> Result<(), ChartProblem>
where
    DB::ErrorType: 'static,
{
    // An empty table still gets an axis, over one empty slot.
    let slots = table.rows.len().max(1) as u32;
    let mut chart = ChartBuilder::on(area)
        .margin(10)
        .x_label_area_size(labels.area_px)
        .y_label_area_size(60)
        .build_cartesian_2d((0..slots).into_segmented(), 0.0..100.0)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        // The labels are drawn below, one per bar; the axis keeps its ticks only.
        .x_labels(slots as usize)
        .x_label_formatter(&|_| String::new())
        .y_desc("overturned %")
        .y_label_formatter(&|y| format!("{y:.0}"))
        .axis_desc_style((FONT, 15))
        .label_style((FONT, 14))
        .draw()?;

    let rated = table
        .rows
        .iter()
        .enumerate()
        .filter_map(|(slot, row)| row.outcome.overturn_rate.map(|rate| (slot as u32, rate)));
    chart.draw_series(rated.clone().map(|(slot, rate)| {
        let mut bar = Rectangle::new(
            [
                (SegmentValue::Exact(slot), 0.0),
                (SegmentValue::Exact(slot + 1), rate.rate * 100.0),
            ],
            SERIES.filled(),
        );
        bar.set_margin(0, 0, 4, 4);
        bar
    }))?;
    chart.draw_series(rated.map(|(slot, rate)| {
        ErrorBar::new_vertical(
            SegmentValue::CenterOf(slot),
            rate.low * 100.0,
            rate.rate * 100.0,
            rate.high * 100.0,
            INTERVAL.stroke_width(1),
            8,
        )
    }))?;

    if table.rows.is_empty() {
        let (x, y) = chart.backend_coord(&(SegmentValue::CenterOf(0), 50.0));
        root.draw(&Text::new(
            "nothing was counted",
            (x, y),
            (FONT, 18)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Center, VPos::Center)),
        ))?;
    }
    for (slot, text) in labels.texts.iter().enumerate() {
        let (x, y) = chart.backend_coord(&(SegmentValue::CenterOf(slot as u32), 0.0));
        if labels.rotated {
            let style = (FONT, 14)
                .into_font()
                .transform(FontTransform::Rotate270)
                .color(&BLACK)
                .pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(text.as_str(), (x, y + 8), style))?;
        } else {
            let style = (FONT, 14)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Center, VPos::Top));
            for (line, part) in text.lines().enumerate() {
                root.draw(&Text::new(
                    part,
                    (x, y + 8 + 16 * line as i32),
                    style.clone(),
                ))?;
            }
        }
    }
    Ok(())
}

/// A line through the rates of the periods, the intervals as a band around it; rows with
/// no date or nothing counted are left out.
fn draw_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    table: &StatsTable,
    period: Period,
) -> Result<(), ChartProblem>
where
    DB::ErrorType: 'static,
{
    let points: Vec<(i64, f64, f64, f64, u64)> = table
        .rows
        .iter()
        .filter_map(
            |row| match (row.values.first(), row.outcome.overturn_rate) {
                (Some(GroupValue::Period(_, at)), Some(rate)) => Some((
                    *at,
                    rate.rate * 100.0,
                    rate.low * 100.0,
                    rate.high * 100.0,
                    row.outcome.count,
                )),
                _ => None,
            },
        )
        .collect();
    let first = points.first().map_or(0, |point| point.0);
    let last = points.last().map_or(0, |point| point.0);
    let mut chart = ChartBuilder::on(area)
        .margin(20)
        .x_label_area_size(40)
        .y_label_area_size(60)
        .build_cartesian_2d((first - 1)..(last + 1), 0.0..100.0)?;
    let in_range = |x: i64| (first..=last).contains(&x) && !points.is_empty();
    chart
        .configure_mesh()
        .x_labels(((last - first + 3) as usize).min(12))
        .x_label_formatter(&|x| {
            if in_range(*x) {
                GroupValue::Period(period, *x).to_string()
            } else {
                String::new()
            }
        })
        .y_desc("overturned %")
        .y_label_formatter(&|y| format!("{y:.0}"))
        .axis_desc_style((FONT, 15))
        .label_style((FONT, 14))
        .draw()?;

    let band: Vec<(i64, f64)> = points
        .iter()
        .map(|point| (point.0, point.3))
        .chain(points.iter().rev().map(|point| (point.0, point.2)))
        .collect();
    chart.draw_series(std::iter::once(Polygon::new(
        band,
        SERIES.mix(0.2).filled(),
    )))?;
    chart.draw_series(LineSeries::new(
        points.iter().map(|point| (point.0, point.1)),
        SERIES.stroke_width(2),
    ))?;
    chart.draw_series(
        points
            .iter()
            .map(|point| Circle::new((point.0, point.1), 3, SERIES.filled())),
    )?;
    // A count over each point while there is room for it.
    if points.len() <= 12 {
        chart.draw_series(points.iter().map(|point| {
            EmptyElement::at((point.0, point.3))
                + Text::new(
                    format!("n={}", point.4),
                    (0, -4),
                    (FONT, 12)
                        .into_font()
                        .color(&INTERVAL)
                        .pos(Pos::new(HPos::Center, VPos::Bottom)),
                )
        }))?;
    }
    Ok(())
}

/// `text` cut to at most `limit` characters, an ellipsis marking the cut.
fn cut(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let kept: String = text.chars().take(limit.saturating_sub(1)).collect();
    format!("{kept}…")
}

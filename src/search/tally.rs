//! Counting the decisions a search matches by group: the engine under `--facet`, `--count`
//! and `imr stats`. A tantivy collector reads fast columns while the search runs and
//! counts, for each requested table of groupings, how many decisions (or letters) fall in
//! each group, and how many of them were upheld and overturned.
//!
//! Within a segment every value of a grouping is a small number (a keyword's term
//! ordinal, a band or a period counted from the column's lowest), so a table's groups are
//! slots of one array and counting costs a few additions per decision; the numbers become
//! labels once per segment. A letter's documents are added in one batch and so sit side by
//! side in one segment, numbered by `decision_index` from 0: `doc - decision_index` names
//! the letter, which is how letters are counted once.

use super::grouping::{Bucket, GroupValue, Grouping, Period};
use crate::ingest::document::{DECISION_FIELD, DECISION_INDEX_FIELD};
use serde::Serialize;
use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{BytesColumn, Cardinality, Column, StrColumn};
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};

/// What a count counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountMode {
    /// Each matching decision once.
    #[default]
    Decisions,
    /// Each letter with a matching decision once, whatever its number of items.
    Letters,
}

/// The counts of one group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Decisions (or letters) in the group.
    pub all: u64,
    /// Of them, upheld: the denial stands. A letter counts as upheld when every matching
    /// decision of it in the group was upheld.
    pub upheld: u64,
    /// Of them, overturned. A letter counts as overturned when at least one matching
    /// decision of it in the group was overturned.
    pub overturned: u64,
}

impl Counts {
    fn add(&mut self, outcome: u8) {
        self.all += 1;
        if outcome & OVERTURNED != 0 {
            self.overturned += 1;
        } else if outcome & UPHELD != 0 {
            self.upheld += 1;
        }
    }

    /// Adds another group's counts to these.
    pub fn merge(&mut self, other: &Counts) {
        self.all += other.all;
        self.upheld += other.upheld;
        self.overturned += other.overturned;
    }
}

const UPHELD: u8 = 1;
const OVERTURNED: u8 = 2;

/// The counts of one table: each group (one value per grouping of the table) with its
/// counts. A table of no groupings has one group, the total.
pub type Table = HashMap<Vec<GroupValue>, Counts>;

/// Counts the matching decisions of a search into tables of groups.
pub struct TallyCollector {
    tables: Vec<Vec<Grouping>>,
    mode: CountMode,
    with_outcomes: bool,
}

impl TallyCollector {
    /// A collector of one table per entry of `tables`, each grouped by its groupings in
    /// order, counting every matching document (facet counts: outcomes are not read).
    pub fn counts(tables: Vec<Vec<Grouping>>, mode: CountMode) -> Self {
        TallyCollector {
            tables,
            mode,
            with_outcomes: false,
        }
    }

    /// Like [`TallyCollector::counts`], but counting decided decisions only, split into
    /// upheld and overturned; a document without a decision (a letter whose items were
    /// all lost) is not counted.
    pub fn outcomes(tables: Vec<Vec<Grouping>>, mode: CountMode) -> Self {
        TallyCollector {
            tables,
            mode,
            with_outcomes: true,
        }
    }
}

/// A table's groups with more slots than this are counted in a hash map instead of an
/// array.
const DENSE_SLOTS: u64 = 1 << 16;

/// One grouping's column in one segment, and how its values map to slots `0..radix`. The
/// last slot is "no value".
enum GroupColumn {
    Keyword(StrColumn),
    Bool(Column<bool>),
    Integer {
        column: Column<u64>,
        width: u64,
        lowest: u64,
        radix: u64,
    },
    Date {
        column: Column<DateTime>,
        period: Period,
        lowest: i64,
        radix: u64,
    },
    /// No document of the segment has the field.
    Absent,
}

impl GroupColumn {
    fn open(reader: &SegmentReader, grouping: &Grouping) -> tantivy::Result<GroupColumn> {
        let fast_fields = reader.fast_fields();
        let name = grouping.field.as_str();
        Ok(match grouping.bucket {
            Bucket::Keyword => fast_fields
                .str(name)?
                .map_or(GroupColumn::Absent, GroupColumn::Keyword),
            Bucket::Bool => fast_fields
                .column_opt::<bool>(name)?
                .map_or(GroupColumn::Absent, GroupColumn::Bool),
            Bucket::Band(width) => match fast_fields.column_opt::<u64>(name)? {
                Some(column) => {
                    let lowest = column.min_value() / width;
                    let radix = column.max_value() / width - lowest + 2;
                    GroupColumn::Integer {
                        column,
                        width,
                        lowest,
                        radix,
                    }
                }
                None => GroupColumn::Absent,
            },
            Bucket::Period(period) => match fast_fields.column_opt::<DateTime>(name)? {
                Some(column) => {
                    let lowest = period_of(period, column.min_value());
                    let highest = period_of(period, column.max_value());
                    let radix = u64::try_from(highest - lowest).unwrap_or(0) + 2;
                    GroupColumn::Date {
                        column,
                        period,
                        lowest,
                        radix,
                    }
                }
                None => GroupColumn::Absent,
            },
        })
    }

    /// Slots `0..radix`; the last is "no value".
    fn radix(&self) -> u64 {
        match self {
            GroupColumn::Keyword(column) => column.num_terms() as u64 + 1,
            GroupColumn::Bool(_) => 3,
            GroupColumn::Integer { radix, .. } | GroupColumn::Date { radix, .. } => *radix,
            GroupColumn::Absent => 1,
        }
    }

    /// Whether each document has at most one value, so that a block's values can be read
    /// at once.
    fn is_single_valued(&self) -> bool {
        let single = |cardinality: Cardinality| !matches!(cardinality, Cardinality::Multivalued);
        match self {
            GroupColumn::Keyword(column) => single(column.ords().get_cardinality()),
            GroupColumn::Bool(column) => single(column.get_cardinality()),
            GroupColumn::Integer { column, .. } => single(column.get_cardinality()),
            GroupColumn::Date { column, .. } => single(column.get_cardinality()),
            GroupColumn::Absent => true,
        }
    }

    /// Puts the slot of each of `docs` in `slots`, in order: for single-valued columns.
    fn block_slots(&self, docs: &[DocId], slots: &mut Vec<u64>) {
        let missing = self.radix() - 1;
        slots.clear();
        match self {
            GroupColumn::Keyword(column) => {
                first_slots(column.ords(), docs, slots, missing, |ord| ord)
            }
            GroupColumn::Bool(column) => first_slots(column, docs, slots, missing, u64::from),
            GroupColumn::Integer {
                column,
                width,
                lowest,
                ..
            } => first_slots(column, docs, slots, missing, |value| value / width - lowest),
            GroupColumn::Date {
                column,
                period,
                lowest,
                ..
            } => first_slots(column, docs, slots, missing, |day| {
                u64::try_from(period_of(*period, day) - lowest).unwrap_or(0)
            }),
            GroupColumn::Absent => slots.resize(docs.len(), missing),
        }
    }

    /// Puts the slots of `doc`'s values in `slots`, each once; "no value" when it has none.
    fn slots(&self, doc: DocId, slots: &mut Vec<u64>) {
        slots.clear();
        match self {
            GroupColumn::Keyword(column) => slots.extend(column.term_ords(doc)),
            GroupColumn::Bool(column) => slots.extend(column.values_for_doc(doc).map(u64::from)),
            GroupColumn::Integer {
                column,
                width,
                lowest,
                ..
            } => slots.extend(
                column
                    .values_for_doc(doc)
                    .map(|value| value / width - lowest),
            ),
            GroupColumn::Date {
                column,
                period,
                lowest,
                ..
            } => slots.extend(
                column
                    .values_for_doc(doc)
                    .map(|day| u64::try_from(period_of(*period, day) - lowest).unwrap_or(0)),
            ),
            GroupColumn::Absent => {}
        }
        if slots.len() > 1 {
            slots.sort_unstable();
            slots.dedup();
        }
        if slots.is_empty() {
            slots.push(self.radix() - 1);
        }
    }

    /// The group of a slot.
    fn value(&self, slot: u64) -> tantivy::Result<GroupValue> {
        if slot + 1 == self.radix() {
            return Ok(GroupValue::Missing);
        }
        Ok(match self {
            GroupColumn::Keyword(column) => {
                let mut text = String::new();
                column.ord_to_str(slot, &mut text)?;
                GroupValue::Text(text)
            }
            GroupColumn::Bool(_) => GroupValue::Bool(slot == 1),
            GroupColumn::Integer { width, lowest, .. } => {
                let low = (slot + lowest) * width;
                GroupValue::Band {
                    low,
                    high: low + (width - 1),
                }
            }
            GroupColumn::Date { period, lowest, .. } => {
                GroupValue::Period(*period, lowest + slot as i64)
            }
            GroupColumn::Absent => GroupValue::Missing,
        })
    }
}

/// The slots of the first values of `docs` in a column: `slot_of` a value, `missing` for
/// none.
fn first_slots<T>(
    column: &Column<T>,
    docs: &[DocId],
    slots: &mut Vec<u64>,
    missing: u64,
    slot_of: impl Fn(T) -> u64,
) where
    T: PartialOrd + Copy + std::fmt::Debug + Send + Sync + 'static,
{
    let mut values = vec![None; docs.len()];
    column.first_vals(docs, &mut values);
    slots.extend(
        values
            .into_iter()
            .map(|value| value.map_or(missing, &slot_of)),
    );
}

fn period_of(period: Period, day: DateTime) -> i64 {
    Grouping::period_of(period, day.into_timestamp_secs())
}

/// A table's counts in one segment, by slot: one slot per combination of its groupings'
/// slots, numbered in mixed radix.
enum Slots {
    Dense(Vec<Counts>),
    Sparse(HashMap<u64, Counts>),
}

impl Slots {
    fn get_mut(&mut self, slot: u64) -> &mut Counts {
        match self {
            Slots::Dense(counts) => &mut counts[slot as usize],
            Slots::Sparse(counts) => counts.entry(slot).or_default(),
        }
    }

    fn into_counted(self) -> Vec<(u64, Counts)> {
        match self {
            Slots::Dense(counts) => counts
                .into_iter()
                .enumerate()
                .filter(|(_, counts)| counts.all > 0)
                .map(|(slot, counts)| (slot as u64, counts))
                .collect(),
            Slots::Sparse(counts) => counts.into_iter().collect(),
        }
    }
}

/// One table in one segment.
struct SegmentTable {
    columns: Vec<GroupColumn>,
    /// Every column has at most one value per document.
    single_valued: bool,
    counts: Slots,
    /// In letters mode: the letter being read, and the slots its decisions touched with
    /// their outcomes, counted when the next letter starts.
    letter: Option<DocId>,
    touched: Vec<(u64, u8)>,
    /// Room for one grouping's slots, and for the combined slots.
    grouping_slots: Vec<u64>,
    combined: Vec<u64>,
    next: Vec<u64>,
}

impl SegmentTable {
    fn open(reader: &SegmentReader, groupings: &[Grouping]) -> tantivy::Result<SegmentTable> {
        let columns = groupings
            .iter()
            .map(|grouping| GroupColumn::open(reader, grouping))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let slots = columns
            .iter()
            .try_fold(1u64, |product, column| product.checked_mul(column.radix()))
            .ok_or_else(|| {
                tantivy::TantivyError::InvalidArgument(
                    "too many groups to count; group by fewer or coarser fields".to_string(),
                )
            })?;
        let counts = if slots <= DENSE_SLOTS {
            Slots::Dense(vec![Counts::default(); slots as usize])
        } else {
            Slots::Sparse(HashMap::new())
        };
        Ok(SegmentTable {
            single_valued: columns.iter().all(GroupColumn::is_single_valued),
            columns,
            counts,
            letter: None,
            touched: Vec::new(),
            grouping_slots: Vec::new(),
            combined: Vec::new(),
            next: Vec::new(),
        })
    }

    /// Fills `combined` with the slots of every group `doc` falls in.
    fn combined_slots(&mut self, doc: DocId) {
        if let [column] = self.columns.as_slice() {
            column.slots(doc, &mut self.combined);
            return;
        }
        self.combined.clear();
        self.combined.push(0);
        let mut stride = 1u64;
        for column in &self.columns {
            column.slots(doc, &mut self.grouping_slots);
            self.next.clear();
            for &base in &self.combined {
                for &slot in &self.grouping_slots {
                    self.next.push(base + slot * stride);
                }
            }
            std::mem::swap(&mut self.combined, &mut self.next);
            stride *= column.radix();
        }
    }

    /// Counts a block of documents with their outcomes and, in letters mode, their letters.
    fn count_block(&mut self, docs: &[DocId], outcomes: &[u8], letters: Option<&[DocId]>) {
        if !self.single_valued {
            for (position, &doc) in docs.iter().enumerate() {
                self.combined_slots(doc);
                let letter = letters.map(|letters| letters[position]);
                for index in 0..self.combined.len() {
                    self.count_slot(self.combined[index], outcomes[position], letter);
                }
            }
            return;
        }
        self.combined.clear();
        self.combined.resize(docs.len(), 0);
        let mut stride = 1u64;
        for column in &self.columns {
            column.block_slots(docs, &mut self.grouping_slots);
            for (combined, slot) in self.combined.iter_mut().zip(&self.grouping_slots) {
                *combined += slot * stride;
            }
            stride *= column.radix();
        }
        for position in 0..docs.len() {
            let letter = letters.map(|letters| letters[position]);
            self.count_slot(self.combined[position], outcomes[position], letter);
        }
    }

    /// Counts one document in one group: at once, or in letters mode when its letter ends.
    fn count_slot(&mut self, slot: u64, outcome: u8, letter: Option<DocId>) {
        let Some(letter) = letter else {
            self.counts.get_mut(slot).add(outcome);
            return;
        };
        if self.letter != Some(letter) {
            self.count_letter();
            self.letter = Some(letter);
        }
        match self
            .touched
            .iter_mut()
            .find(|(touched, _)| *touched == slot)
        {
            Some((_, seen)) => *seen |= outcome,
            None => self.touched.push((slot, outcome)),
        }
    }

    /// Counts the letter read so far once in each group its decisions touched.
    fn count_letter(&mut self) {
        for (slot, outcome) in self.touched.drain(..) {
            self.counts.get_mut(slot).add(outcome);
        }
    }

    fn harvest(mut self) -> tantivy::Result<Table> {
        self.count_letter();
        let mut table = Table::new();
        for (mut slot, counts) in self.counts.into_counted() {
            let mut values = Vec::with_capacity(self.columns.len());
            for column in &self.columns {
                values.push(column.value(slot % column.radix())?);
                slot /= column.radix();
            }
            table.entry(values).or_default().merge(&counts);
        }
        Ok(table)
    }
}

/// The counting of one segment.
pub struct SegmentTally {
    tables: Vec<SegmentTable>,
    /// The decision column, with the ordinals of "upheld" and "overturned", when outcomes
    /// are counted.
    decision: Option<(StrColumn, Option<u64>, Option<u64>)>,
    /// In letters mode, each document's position in its letter.
    decision_index: Option<Column<u64>>,
    /// Documents collected one at a time (as a scoring search hands them over), counted
    /// a block at a time.
    pending: Vec<DocId>,
    /// Room for a block's outcomes, letters and kept documents.
    outcomes: Vec<u8>,
    letters: Vec<DocId>,
    kept: Vec<DocId>,
}

/// How many documents collected one at a time are held before they are counted.
const PENDING_BLOCK: usize = 64;

impl SegmentTally {
    /// Counts a block of documents, in order, in every table.
    fn count(&mut self, docs: &[DocId]) {
        if docs.is_empty() {
            return;
        }
        self.read_outcomes(docs);
        let letters = self.read_letters().then_some(self.letters.as_slice());
        for table in &mut self.tables {
            table.count_block(&self.kept, &self.outcomes, letters);
        }
    }

    /// Counts the documents held from `collect`.
    fn count_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        self.count(&pending);
        self.pending = pending;
        self.pending.clear();
    }

    /// Fills `outcomes` for `docs`, and with outcomes counted keeps in `kept` only the
    /// decided documents (with their outcomes).
    fn read_outcomes(&mut self, docs: &[DocId]) {
        self.outcomes.clear();
        self.kept.clear();
        let Some((column, upheld, overturned)) = &self.decision else {
            self.outcomes.resize(docs.len(), 0);
            self.kept.extend_from_slice(docs);
            return;
        };
        let mut ords = vec![None; docs.len()];
        column.ords().first_vals(docs, &mut ords);
        for (&doc, ord) in docs.iter().zip(ords) {
            let outcome = match ord {
                Some(ord) if Some(ord) == *overturned => OVERTURNED,
                Some(ord) if Some(ord) == *upheld => UPHELD,
                _ => continue,
            };
            self.outcomes.push(outcome);
            self.kept.push(doc);
        }
    }

    /// Fills `letters` with the letter of each kept document: its first document.
    fn read_letters(&mut self) -> bool {
        let Some(column) = &self.decision_index else {
            return false;
        };
        let mut positions = vec![None; self.kept.len()];
        column.first_vals(&self.kept, &mut positions);
        self.letters.clear();
        self.letters
            .extend(self.kept.iter().zip(positions).map(|(&doc, position)| {
                let position = position.and_then(|p| u32::try_from(p).ok()).unwrap_or(0);
                doc.saturating_sub(position)
            }));
        true
    }
}

impl Collector for TallyCollector {
    type Fruit = Vec<Table>;
    type Child = SegmentTally;

    fn for_segment(
        &self,
        _segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTally> {
        let tables = self
            .tables
            .iter()
            .map(|groupings| SegmentTable::open(reader, groupings))
            .collect::<tantivy::Result<_>>()?;
        let decision = match (
            self.with_outcomes,
            reader.fast_fields().str(DECISION_FIELD)?,
        ) {
            (true, Some(column)) => {
                let upheld = column.dictionary().term_ord("upheld")?;
                let overturned = column.dictionary().term_ord("overturned")?;
                Some((column, upheld, overturned))
            }
            // With outcomes counted but no decision in the segment, nothing is decided.
            (true, None) => Some((
                StrColumn::wrap(BytesColumn::empty(reader.max_doc())),
                None,
                None,
            )),
            (false, _) => None,
        };
        let decision_index = match self.mode {
            CountMode::Decisions => None,
            CountMode::Letters => reader
                .fast_fields()
                .column_opt::<u64>(DECISION_INDEX_FIELD)?,
        };
        Ok(SegmentTally {
            tables,
            decision,
            decision_index,
            pending: Vec::with_capacity(PENDING_BLOCK),
            outcomes: Vec::new(),
            letters: Vec::new(),
            kept: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        segments: Vec<tantivy::Result<Vec<Table>>>,
    ) -> tantivy::Result<Vec<Table>> {
        let mut merged = vec![Table::new(); self.tables.len()];
        for segment in segments {
            for (total, table) in merged.iter_mut().zip(segment?) {
                for (values, counts) in table {
                    total.entry(values).or_default().merge(&counts);
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentTally {
    type Fruit = tantivy::Result<Vec<Table>>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.pending.push(doc);
        if self.pending.len() == PENDING_BLOCK {
            self.count_pending();
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        // Documents come in order; those held from `collect` go first.
        self.count_pending();
        self.count(docs);
    }

    fn harvest(mut self) -> Self::Fruit {
        self.count_pending();
        self.tables.into_iter().map(SegmentTable::harvest).collect()
    }
}

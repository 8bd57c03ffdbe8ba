//! The change policy of an index run, as pure functions of what is on disk and what the
//! manifest recorded: whether a file is kept, read or forgotten; whether a file read again
//! only needs its record refreshed; and whether a parsed letter is indexed or is a
//! duplicate of another. No I/O here, so every rule is one row of a table test.

use crate::manifest::{FileKind, FileRecord};

/// What a file's metadata says now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub modified_ns: i128,
}

/// What to do with a file before reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Its record still holds: nothing to do.
    Keep,
    /// Read (and parse) it.
    Read,
    /// It is gone: remove its documents (if it had any) and its record.
    Forget {
        /// The index holds documents of it.
        had_documents: bool,
    },
}

/// Whether a file must be read. `stat` is `None` for a recorded file the walk no longer
/// finds. `original_live` says, for a file recorded as a duplicate, whether the letter it
/// duplicates is still indexed and on disk: once it is not, the duplicate is read again
/// and takes its place (a promoted duplicate).
pub fn decide(stat: Option<Stat>, record: Option<&FileRecord>, original_live: bool) -> Action {
    let Some(record) = record else {
        return Action::Read;
    };
    let Some(stat) = stat else {
        return Action::Forget {
            had_documents: has_documents(record.kind),
        };
    };
    let same_stat = record.size == stat.size && record.modified_ns == stat.modified_ns;
    let still_valid = match record.kind {
        FileKind::Letter | FileKind::NotALetter => true,
        FileKind::Duplicate => original_live,
        FileKind::Unknown => false,
    };
    if same_stat && still_valid {
        Action::Keep
    } else {
        Action::Read
    }
}

/// Whether the index holds documents of a file recorded as `kind`.
pub fn has_documents(kind: FileKind) -> bool {
    matches!(kind, FileKind::Letter | FileKind::Unknown)
}

/// Whether a file that was read has the content its record describes: a file touched
/// but not changed keeps its documents and only has its record refreshed, so it is
/// neither parsed nor indexed again. Returns the kind to record it as again.
pub fn same_content(hash: u128, record: Option<&FileRecord>) -> Option<FileKind> {
    record
        .filter(|record| {
            record.hash == hash && matches!(record.kind, FileKind::Letter | FileKind::NotALetter)
        })
        .map(|record| record.kind)
}

/// Where a parsed letter goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Indexed under its own key.
    Index,
    /// Not indexed: this other file holds the same content and is indexed.
    DuplicateOf(String),
}

/// Places the letter of `key` whose content another file may already hold: `holder` is
/// the file the run (or an earlier run) indexed with the same content, if any, and still
/// on disk. A file is never a duplicate of itself.
pub fn place(key: &str, holder: Option<&str>) -> Placement {
    match holder {
        Some(holder) if holder != key => Placement::DuplicateOf(holder.to_string()),
        _ => Placement::Index,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAT: Stat = Stat {
        size: 100,
        modified_ns: 5,
    };

    fn record(kind: FileKind) -> FileRecord {
        FileRecord {
            size: STAT.size,
            modified_ns: STAT.modified_ns,
            hash: 42,
            kind,
            duplicate_of: None,
        }
    }

    fn touched(kind: FileKind) -> FileRecord {
        FileRecord {
            modified_ns: 4,
            ..record(kind)
        }
    }

    /// A case: its name, the stat now, the record, whether a duplicate's original is live,
    /// and the action expected.
    type Row = (&'static str, Option<Stat>, Option<FileRecord>, bool, Action);

    #[test]
    fn decides_each_case_by_stat_and_record() {
        use FileKind::*;
        let read = Action::Read;
        let keep = Action::Keep;
        #[rustfmt::skip]
        let rows: [Row; 12] = [
            ("new file",                      Some(STAT), None,                    false, read),
            ("unchanged letter",              Some(STAT), Some(record(Letter)),    false, keep),
            ("unchanged not-a-letter",        Some(STAT), Some(record(NotALetter)), false, keep),
            ("touched letter",                Some(STAT), Some(touched(Letter)),   false, read),
            ("changed size",                  Some(Stat { size: 7, ..STAT }), Some(record(Letter)), false, read),
            ("vanished letter",               None,       Some(record(Letter)),    false, Action::Forget { had_documents: true }),
            ("vanished not-a-letter",         None,       Some(record(NotALetter)), false, Action::Forget { had_documents: false }),
            ("vanished duplicate",            None,       Some(record(Duplicate)), true,  Action::Forget { had_documents: false }),
            ("duplicate, original live",      Some(STAT), Some(record(Duplicate)), true,  keep),
            ("duplicate, original gone: promoted", Some(STAT), Some(record(Duplicate)), false, read),
            ("touched duplicate",             Some(STAT), Some(touched(Duplicate)), true, read),
            ("repaired record, never kept",   Some(STAT), Some(record(Unknown)),   false, read),
        ];
        for (case, stat, record, original_live, expected) in rows {
            assert_eq!(
                decide(stat, record.as_ref(), original_live),
                expected,
                "{case}"
            );
        }
    }

    #[test]
    fn touched_but_same_content_is_only_recorded_again() {
        use FileKind::*;
        #[rustfmt::skip]
        let rows: [(&str, u128, Option<FileRecord>, Option<FileKind>); 6] = [
            ("touched letter, same bytes",    42, Some(touched(Letter)),     Some(Letter)),
            ("touched not-a-letter",          42, Some(touched(NotALetter)), Some(NotALetter)),
            ("changed letter",                43, Some(touched(Letter)),     None),
            ("new file",                      42, None,                      None),
            ("promoted duplicate is parsed",  42, Some(record(Duplicate)),   None),
            ("repaired record is parsed",     42, Some(record(Unknown)),     None),
        ];
        for (case, hash, record, expected) in rows {
            assert_eq!(same_content(hash, record.as_ref()), expected, "{case}");
        }
    }

    #[test]
    fn a_letter_is_a_duplicate_only_of_another_file() {
        assert_eq!(place("/a", None), Placement::Index);
        assert_eq!(place("/a", Some("/a")), Placement::Index);
        assert_eq!(
            place("/b", Some("/a")),
            Placement::DuplicateOf("/a".to_string())
        );
    }

    #[test]
    fn documents_are_held_for_letters_and_repaired_records() {
        assert!(has_documents(FileKind::Letter));
        assert!(has_documents(FileKind::Unknown));
        assert!(!has_documents(FileKind::NotALetter));
        assert!(!has_documents(FileKind::Duplicate));
    }
}

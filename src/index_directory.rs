//! The folder an index lives in, as tantivy sees it: its memory-mapped directory, except
//! that on a read-only file system a reader does without the meta lock. That lock keeps a
//! writer's clean-up from deleting files a reader is opening; where nothing can write, no
//! writer exists, and the lock file cannot be created anyway. Everything else, the writer's
//! lock included, is tantivy's own.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle,
    WritePtr, META_LOCK,
};

/// An index folder.
#[derive(Debug, Clone)]
pub struct IndexDirectory {
    inner: MmapDirectory,
}

impl IndexDirectory {
    /// Opens the folder at `path`.
    pub fn open(path: &Path) -> Result<IndexDirectory, tantivy::TantivyError> {
        Ok(IndexDirectory {
            inner: MmapDirectory::open(path)?,
        })
    }
}

impl Directory for IndexDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(error))
                if error.kind() == io::ErrorKind::ReadOnlyFilesystem
                    && lock.filepath == meta_lock_path() =>
            {
                Ok(DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

fn meta_lock_path() -> PathBuf {
    META_LOCK.filepath.clone()
}

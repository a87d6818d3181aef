//! The emulator's state store: the current world as an immutable snapshot, one writer at a time,
//! and (with a state file) durable, multi-process-safe persistence.
//!
//! Readers take the current `Arc<World>` under a brief read lock and never wait for the disk.
//! A writer holds the writer mutex (and, with a file, an exclusive lock on `<state>.lock`),
//! picks up changes another process made, clones the world (a handful of reference counts: its
//! maps are persistent and share everything a mutation does not touch), applies the mutation,
//! writes the result atomically (temp file, fsync, rename, fsync of the directory) and only then
//! swaps the new snapshot in. So every acknowledged mutation is on disk before its response, and a
//! kill -9 at any moment leaves either the old or the new file, both complete.
//!
//! Several processes may share one file (the embedded default): writers serialise on the lock
//! file; every reader checks the file's identity (inode, size, mtime) and reloads when another
//! process replaced it.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use serde::{Deserialize, Serialize};

use super::world::World;

/// The state file's format marker and version (the envelope around the world).
const FORMAT_NAME: &str = "bgpeer-emulator-state";
const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    world: &'a World,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    format: String,
    version: u32,
    world: World,
}

/// A state file problem: cannot be read, parsed or written.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct StoreError {
    pub message: String,
    pub hint: Option<String>,
}

impl StoreError {
    fn io(what: &str, path: &Path, e: std::io::Error) -> StoreError {
        StoreError {
            message: format!(
                "cannot {what} the emulator state file {}: {e}",
                path.display()
            ),
            hint: None,
        }
    }

    fn corrupt(path: &Path, detail: &str) -> StoreError {
        StoreError {
            message: format!(
                "the emulator state file {} is not a valid bgpeer emulator state: {detail}",
                path.display()
            ),
            hint: Some(format!(
                "move the file aside to keep it, or run `bgpeer emulator reset --state {}` to replace it with the seeded state",
                path.display()
            )),
        }
    }
}

/// What identifies one version of the state file on disk (a rename makes a new one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileIdentity {
    ino: u64,
    len: u64,
    mtime_ns: i128,
}

impl FileIdentity {
    fn of(meta: &fs::Metadata) -> FileIdentity {
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_nanos() as i128)
            .unwrap_or(-1);
        FileIdentity {
            ino,
            len: meta.len(),
            mtime_ns,
        }
    }
}

struct Snapshot {
    world: Arc<World>,
    /// The file version `world` was read from or written as (None in memory).
    identity: Option<FileIdentity>,
}

struct StateFile {
    path: PathBuf,
    lock_path: PathBuf,
}

pub struct Store {
    current: RwLock<Snapshot>,
    writer: Mutex<()>,
    file: Option<StateFile>,
}

/// The outcome of a mutation: the handler's result, and whether it was committed.
pub enum WriteOutcome<T, E> {
    Committed(T),
    Rejected(E),
}

impl Store {
    /// A store that lives in memory only, starting from `world`.
    pub fn in_memory(world: World) -> Store {
        Store {
            current: RwLock::new(Snapshot {
                world: Arc::new(world),
                identity: None,
            }),
            writer: Mutex::new(()),
            file: None,
        }
    }

    /// Opens (or creates with the seeded world) the state file at `path`.
    /// A file that exists but can't be read or parsed is an error, never a silent reset.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let file = StateFile::new(path);
        file.ensure_dir()?;
        let lock = file.lock_exclusive()?;
        let (world, identity) = match fs::metadata(&file.path) {
            Ok(_) => file.read()?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let world = World::seeded();
                let identity = file.write_atomic(&world)?;
                (world, identity)
            }
            Err(e) => return Err(StoreError::io("read", &file.path, e)),
        };
        drop(lock);
        Ok(Store {
            current: RwLock::new(Snapshot {
                world: Arc::new(world),
                identity: Some(identity),
            }),
            writer: Mutex::new(()),
            file: Some(file),
        })
    }

    /// Replaces whatever is at `path` with the seeded world, under the writers' lock.
    pub fn reset_file(path: &Path) -> Result<(), StoreError> {
        let file = StateFile::new(path);
        file.ensure_dir()?;
        let _lock = file.lock_exclusive()?;
        file.write_atomic(&World::seeded())?;
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|f| f.path.as_path())
    }

    /// The current world. With a file, picks up a version another process wrote.
    pub fn snapshot(&self) -> Result<Arc<World>, StoreError> {
        let (world, identity) = {
            let cur = self.current.read().unwrap_or_else(|e| e.into_inner());
            (cur.world.clone(), cur.identity)
        };
        let Some(file) = &self.file else {
            return Ok(world);
        };
        match fs::metadata(&file.path) {
            Ok(meta) if Some(FileIdentity::of(&meta)) == identity => Ok(world),
            // Another process replaced the file. If its version can't be read, keep serving the
            // last good snapshot: a reader never fails because of someone else's file.
            Ok(_) => Ok(self.reload(file, identity).unwrap_or(world)),
            // The file vanished or is unreadable right now: serve what we have.
            Err(_) => Ok(world),
        }
    }

    /// Reads the file again and installs it unless someone installed a newer snapshot meanwhile.
    fn reload(
        &self,
        file: &StateFile,
        seen: Option<FileIdentity>,
    ) -> Result<Arc<World>, StoreError> {
        let (world, identity) = file.read()?;
        let world = Arc::new(world);
        let mut cur = self.current.write().unwrap_or_else(|e| e.into_inner());
        if cur.identity == seen {
            cur.world = world.clone();
            cur.identity = Some(identity);
            Ok(world)
        } else {
            Ok(cur.world.clone())
        }
    }

    /// Applies `mutate` to a copy of the current world; on `Ok` persists it, then makes it current.
    /// Blocking (disk I/O and locks): call from a blocking thread.
    pub fn write<T, E>(
        &self,
        mutate: impl FnOnce(&mut World) -> Result<T, E>,
    ) -> Result<WriteOutcome<T, E>, StoreError> {
        let _writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let _flock = match &self.file {
            Some(f) => Some(f.lock_exclusive()?),
            None => None,
        };
        let base = match &self.file {
            Some(f) => {
                let seen = self
                    .current
                    .read()
                    .unwrap_or_else(|e| e.into_inner())
                    .identity;
                match fs::metadata(&f.path) {
                    Ok(meta) if Some(FileIdentity::of(&meta)) == seen => self.current_world(),
                    Ok(_) => self.reload(f, seen)?,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => self.current_world(),
                    Err(e) => return Err(StoreError::io("read", &f.path, e)),
                }
            }
            None => self.current_world(),
        };
        let mut next = (*base).clone();
        let value = match mutate(&mut next) {
            Ok(v) => v,
            Err(e) => return Ok(WriteOutcome::Rejected(e)),
        };
        let identity = match &self.file {
            Some(f) => Some(f.write_atomic(&next)?),
            None => None,
        };
        let mut cur = self.current.write().unwrap_or_else(|e| e.into_inner());
        cur.world = Arc::new(next);
        cur.identity = identity;
        Ok(WriteOutcome::Committed(value))
    }

    /// Restores the seeded world (persisted first when there is a file).
    pub fn reset(&self) -> Result<(), StoreError> {
        match self.write(|w| {
            *w = World::seeded();
            Ok::<(), ()>(())
        })? {
            WriteOutcome::Committed(()) | WriteOutcome::Rejected(()) => Ok(()),
        }
    }

    fn current_world(&self) -> Arc<World> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .world
            .clone()
    }
}

impl StateFile {
    fn new(path: &Path) -> StateFile {
        let mut lock = path.as_os_str().to_owned();
        lock.push(".lock");
        StateFile {
            path: path.to_path_buf(),
            lock_path: PathBuf::from(lock),
        }
    }

    fn dir(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    fn ensure_dir(&self) -> Result<(), StoreError> {
        fs::create_dir_all(self.dir()).map_err(|e| StoreError {
            message: format!(
                "cannot create the directory of the emulator state file {}: {e}",
                self.path.display()
            ),
            hint: None,
        })
    }

    /// An exclusive advisory lock on `<state>.lock`, released when the returned file is dropped.
    // std's File::lock (stable since 1.89) sets the crate's rust-version.
    fn lock_exclusive(&self) -> Result<File, StoreError> {
        let f = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&self.lock_path)
            .map_err(|e| StoreError::io("lock", &self.lock_path, e))?;
        f.lock()
            .map_err(|e| StoreError::io("lock", &self.lock_path, e))?;
        Ok(f)
    }

    /// Reads and parses the file; the identity comes from the open handle, so it matches the bytes.
    fn read(&self) -> Result<(World, FileIdentity), StoreError> {
        let mut f = File::open(&self.path).map_err(|e| StoreError::io("read", &self.path, e))?;
        let meta = f
            .metadata()
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        let mut bytes = Vec::with_capacity(meta.len() as usize);
        std::io::Read::read_to_end(&mut f, &mut bytes)
            .map_err(|e| StoreError::io("read", &self.path, e))?;
        let header = |detail: String| -> StoreError {
            // Say "wrong format/version" rather than a field error when that is the cause.
            #[derive(Deserialize)]
            struct Header {
                format: String,
                version: u32,
            }
            let detail = match serde_json::from_slice::<Header>(&bytes) {
                Ok(h) if h.format != FORMAT_NAME => {
                    format!("format is {:?}, expected {FORMAT_NAME:?}", h.format)
                }
                Ok(h) if h.version != FORMAT_VERSION => format!(
                    "format version {} is not supported (this bgpeer reads version {FORMAT_VERSION})",
                    h.version
                ),
                _ => detail,
            };
            StoreError::corrupt(&self.path, &detail)
        };
        let env: EnvelopeIn = serde_json::from_slice(&bytes).map_err(|e| header(e.to_string()))?;
        if env.format != FORMAT_NAME || env.version != FORMAT_VERSION {
            return Err(header(String::new()));
        }
        Ok((env.world, FileIdentity::of(&meta)))
    }

    /// Temp file, fsync, rename over the state file, fsync the directory.
    fn write_atomic(&self, world: &World) -> Result<FileIdentity, StoreError> {
        let bytes = serde_json::to_vec(&EnvelopeOut {
            format: FORMAT_NAME,
            version: FORMAT_VERSION,
            world,
        })
        .map_err(|e| StoreError {
            message: format!("cannot serialise the emulator state: {e}"),
            hint: None,
        })?;
        let mut tmp_name = self.path.as_os_str().to_owned();
        tmp_name.push(format!(".tmp.{}", std::process::id()));
        let tmp = PathBuf::from(tmp_name);
        let result = (|| {
            // The state holds BGP AuthKeys in clear: owner-only, like a credentials file.
            let mut options = OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut f = options.open(&tmp)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
            drop(f);
            fs::rename(&tmp, &self.path)?;
            // The rename is durable only once the directory entry is.
            #[cfg(unix)]
            File::open(self.dir())?.sync_all()?;
            fs::metadata(&self.path)
        })();
        match result {
            Ok(meta) => Ok(FileIdentity::of(&meta)),
            Err(e) => {
                let _ = fs::remove_file(&tmp);
                Err(StoreError::io("write", &self.path, e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_created_and_reopened() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("state.json");
        let _store = Store::open(&path).unwrap();
        assert!(path.exists());
        Store::open(&path).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_state_file_is_private_to_its_owner() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        Store::open(&path).unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn corrupt_file_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, b"{not json").unwrap();
        let err = Store::open(&path).err().expect("corrupt file must fail");
        assert!(err.message.contains("state.json"), "{}", err.message);
        assert!(err.hint.unwrap().contains("bgpeer emulator reset"));
        // Never silently reset: the bytes are untouched.
        assert_eq!(fs::read(&path).unwrap(), b"{not json");
    }

    #[test]
    fn wrong_format_marker_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, br#"{"format":"other","version":1,"world":{}}"#).unwrap();
        let err = Store::open(&path).err().expect("must fail");
        assert!(err.message.contains("\"other\""), "{}", err.message);
    }

    #[test]
    fn rejected_mutation_is_not_persisted_and_committed_one_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let store = Store::open(&path).unwrap();
        let before = fs::metadata(&path).unwrap();
        match store.write(|_| Err::<(), _>("no")).unwrap() {
            WriteOutcome::Rejected("no") => {}
            _ => panic!("expected a rejection"),
        }
        assert_eq!(
            FileIdentity::of(&before),
            FileIdentity::of(&fs::metadata(&path).unwrap())
        );
        match store.write(|_| Ok::<u8, ()>(7)).unwrap() {
            WriteOutcome::Committed(7) => {}
            _ => panic!("expected a commit"),
        }
        assert_ne!(
            FileIdentity::of(&before).ino,
            FileIdentity::of(&fs::metadata(&path).unwrap()).ino
        );
    }

    #[test]
    fn a_second_store_on_the_same_file_sees_the_first_ones_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let a = Store::open(&path).unwrap();
        let b = Store::open(&path).unwrap();
        let before = b.snapshot().unwrap();
        a.write(|_| Ok::<(), ()>(())).unwrap();
        let after = b.snapshot().unwrap();
        assert!(!Arc::ptr_eq(&before, &after), "b must reload a's write");
        let again = b.snapshot().unwrap();
        assert!(Arc::ptr_eq(&after, &again), "no reload without a change");
    }
}

//! The standard streams a command reads and writes (the `IOStreams` of GitHub's `gh`): the
//! process's own, or in-memory buffers so a test can run a command in process and read what it
//! printed. Commands never touch `std::io::stdout()` and friends themselves.

use std::io::{BufRead, Write};
use std::sync::{Arc, Mutex, MutexGuard};

type Writer = Box<dyn Write + Send>;
type Reader = Box<dyn BufRead + Send>;

pub struct Streams {
    stdout: Mutex<Writer>,
    stderr: Arc<Mutex<Writer>>,
    stdin: Mutex<Reader>,
    /// The process's own streams (a terminal prompt can hide what is typed).
    process: bool,
}

/// What a command wrote to in-memory streams (see [`Streams::captured`]).
#[derive(Clone, Default)]
pub struct Captured {
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Captured {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&lock(&self.stdout)).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&lock(&self.stderr)).into_owned()
    }
}

/// A writer that appends to a shared buffer.
struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        lock(&self.0).extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A poisoned lock only means another thread panicked mid-write; the bytes are still good.
fn lock<T: ?Sized>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Streams {
    /// The process's stdin, stdout and stderr.
    pub fn process() -> Streams {
        Streams {
            stdout: Mutex::new(Box::new(std::io::stdout())),
            stderr: Arc::new(Mutex::new(Box::new(std::io::stderr()))),
            stdin: Mutex::new(Box::new(std::io::BufReader::new(std::io::stdin()))),
            process: true,
        }
    }

    /// In-memory streams: `stdin` is what the command reads; the returned [`Captured`] holds what
    /// it writes.
    pub fn captured(stdin: impl Into<Vec<u8>>) -> (Streams, Captured) {
        let captured = Captured::default();
        let streams = Streams {
            stdout: Mutex::new(Box::new(SharedBuffer(captured.stdout.clone()))),
            stderr: Arc::new(Mutex::new(Box::new(SharedBuffer(captured.stderr.clone())))),
            stdin: Mutex::new(Box::new(std::io::Cursor::new(stdin.into()))),
            process: false,
        };
        (streams, captured)
    }

    pub fn is_process(&self) -> bool {
        self.process
    }

    /// Standard output, locked for as long as the guard lives (a list streams through it).
    pub fn stdout(&self) -> MutexGuard<'_, Writer> {
        lock(&self.stdout)
    }

    pub fn stderr(&self) -> MutexGuard<'_, Writer> {
        lock(&self.stderr)
    }

    /// A line writer to standard error that outlives the borrow (the client's `--debug` lines).
    pub fn stderr_lines(&self) -> impl Fn(&str) + Send + Sync + 'static {
        let stderr = self.stderr.clone();
        move |line| {
            let mut err = lock(&stderr);
            let _ = writeln!(err, "{line}");
            let _ = err.flush();
        }
    }

    pub fn stdin(&self) -> MutexGuard<'_, Reader> {
        lock(&self.stdin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captured_streams_keep_what_was_written_and_serve_stdin() {
        let (streams, captured) = Streams::captured("first line\nsecond\n");
        writeln!(streams.stdout(), "data").unwrap();
        writeln!(streams.stderr(), "note").unwrap();
        let mut line = String::new();
        streams.stdin().read_line(&mut line).unwrap();
        assert_eq!(line, "first line\n");
        assert_eq!(captured.stdout(), "data\n");
        assert_eq!(captured.stderr(), "note\n");
    }
}

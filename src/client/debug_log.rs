//! Where `--debug` lines go. The client never prints: the command that builds it hands it a
//! `DebugLog` that writes to the command's stderr (or none, and nothing is logged).

use std::sync::Arc;

/// A sink for `--debug` lines (one line each, without its newline), or nothing.
#[derive(Clone, Default)]
pub struct DebugLog(Option<Arc<Sink>>);

type Sink = dyn Fn(&str) + Send + Sync;

impl DebugLog {
    /// Logs nothing.
    pub fn off() -> DebugLog {
        DebugLog(None)
    }

    /// Hands every line to `sink`.
    pub fn to(sink: impl Fn(&str) + Send + Sync + 'static) -> DebugLog {
        DebugLog(Some(Arc::new(sink)))
    }

    pub fn is_on(&self) -> bool {
        self.0.is_some()
    }

    /// Writes `debug: <line>`, when on.
    pub fn line(&self, line: &str) {
        if let Some(sink) = &self.0 {
            sink(&format!("debug: {line}"));
        }
    }
}

impl std::fmt::Debug for DebugLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.is_on() {
            "DebugLog(on)"
        } else {
            "DebugLog(off)"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn lines_go_to_the_sink_with_their_prefix_and_nowhere_when_off() {
        let seen = Arc::new(Mutex::new(Vec::<String>::new()));
        let log = {
            let seen = seen.clone();
            DebugLog::to(move |l| seen.lock().unwrap().push(l.to_string()))
        };
        assert!(log.is_on());
        log.line("attempt 1/3");
        DebugLog::off().line("lost");
        assert_eq!(
            *seen.lock().unwrap(),
            vec!["debug: attempt 1/3".to_string()]
        );
    }
}

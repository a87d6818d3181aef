//! Progress on stderr for people: the spinner of a wait.

use std::sync::Mutex;
use std::time::Duration;

use crate::api::wait::WaitProgress;

/// A spinner with the wait's current state; drawn from the first update, cleared when it ends.
#[derive(Default)]
pub struct Spinner {
    bar: Mutex<Option<indicatif::ProgressBar>>,
}

impl WaitProgress for Spinner {
    fn update(&self, message: &str) {
        let mut bar = self.bar.lock().unwrap_or_else(|e| e.into_inner());
        bar.get_or_insert_with(|| {
            let pb = indicatif::ProgressBar::new_spinner();
            pb.enable_steady_tick(Duration::from_millis(120));
            pb
        })
        .set_message(message.to_string());
    }

    fn finish(&self) {
        if let Some(pb) = self.bar.lock().unwrap_or_else(|e| e.into_inner()).take() {
            pb.finish_and_clear();
        }
    }
}

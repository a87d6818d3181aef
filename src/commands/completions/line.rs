//! What is typed before the cursor that changes which candidates are offered: the settings that
//! pick the account and API (`--profile`, `--region`, `--endpoint`, `--ca-bundle`,
//! `--allow-insecure-endpoint`) and the IDs that narrow a list (`--router-id`, `--bgp-group-id`).
//!
//! A plain scan of the words, not a parse: the line is unfinished, and a completer must answer
//! whatever it holds. The word under the cursor is not part of it: `--region cn-h<TAB>` has not
//! chosen a region yet.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::cli::GlobalArgs;
use crate::seconds::Seconds;

/// How long one completion may wait for an answer, everything included (the shell waits too).
pub(super) const DEADLINE: Seconds = Seconds::default_of(1.0);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Line {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub ca_bundle: Option<PathBuf>,
    pub allow_insecure_endpoint: bool,
    /// `--router-id` or its alias `--vbr-id`.
    pub router_id: Option<String>,
    pub bgp_group_id: Option<String>,
}

impl Line {
    /// Reads the words before the cursor (the program's name left out). The last of repeated
    /// options wins; scanning stops at `--`.
    pub fn scan(words: &[OsString]) -> Line {
        let mut line = Line::default();
        let words: Vec<&str> = words.iter().map(|w| w.to_str().unwrap_or("")).collect();
        let mut i = 0;
        while i < words.len() {
            let word = words[i];
            i += 1;
            if word == "--" {
                break;
            }
            let (name, attached) = if let Some(long) = word.strip_prefix("--") {
                match long.split_once('=') {
                    Some((name, value)) => (name, Some(value)),
                    None => (long, None),
                }
            } else if let Some(shorts) = word.strip_prefix('-') {
                match short_with_value(shorts) {
                    Some((name, value)) => (name, value),
                    None => continue,
                }
            } else {
                continue;
            };
            if name == "allow-insecure-endpoint" {
                line.allow_insecure_endpoint = true;
                continue;
            }
            let slot = match name {
                "profile" => &mut line.profile,
                "region" => &mut line.region,
                "endpoint" => &mut line.endpoint,
                "router-id" | "vbr-id" => &mut line.router_id,
                "bgp-group-id" => &mut line.bgp_group_id,
                "ca-bundle" => {
                    let mut path = None;
                    take_value(attached, &words, &mut i, &mut path);
                    if let Some(p) = path {
                        line.ca_bundle = Some(PathBuf::from(p));
                    }
                    continue;
                }
                _ => continue,
            };
            take_value(attached, &words, &mut i, slot);
        }
        line
    }

    /// The global flags of the calls that fetch candidates: the typed settings, quiet, and the
    /// completion's own short timeouts with a single attempt.
    pub fn globals(&self) -> GlobalArgs {
        GlobalArgs {
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint: self.endpoint.clone(),
            allow_insecure_endpoint: self.allow_insecure_endpoint,
            ca_bundle: self.ca_bundle.clone(),
            quiet: true,
            connect_timeout: Some(DEADLINE),
            read_timeout: Some(DEADLINE),
            deadline: Some(DEADLINE),
            max_attempts: Some(1),
            ..GlobalArgs::default()
        }
    }
}

/// The option of a short cluster that takes a value we read (`-p`, `-r`), with the value when it
/// is attached (`-pprod`, `-p=prod`, `-qp prod` has none); `None` when the cluster has neither.
fn short_with_value(shorts: &str) -> Option<(&'static str, Option<&str>)> {
    for (at, c) in shorts.char_indices() {
        let name = match c {
            'p' => "profile",
            'r' => "region",
            // `-o FORMAT`: the rest is its value, not more flags.
            'o' => return None,
            _ => continue,
        };
        let rest = &shorts[at + c.len_utf8()..];
        let rest = rest.strip_prefix('=').unwrap_or(rest);
        return Some((name, Some(rest).filter(|r| !r.is_empty())));
    }
    None
}

/// Sets `slot` to the attached value, or to the next word (consumed) when there is one.
fn take_value(attached: Option<&str>, words: &[&str], i: &mut usize, slot: &mut Option<String>) {
    let value = match attached {
        Some(v) => v,
        None if *i < words.len() => {
            *i += 1;
            words[*i - 1]
        }
        None => return,
    };
    *slot = Some(value.to_string()).filter(|v| !v.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(line: &str) -> Line {
        let words: Vec<OsString> = line.split_whitespace().map(OsString::from).collect();
        Line::scan(&words)
    }

    #[test]
    fn settings_are_read_in_every_spelling() {
        let want = Line {
            profile: Some("prod".into()),
            region: Some("cn-hangzhou".into()),
            ..Line::default()
        };
        for line in [
            "--profile prod --region cn-hangzhou peer show",
            "--profile=prod peer --region=cn-hangzhou show",
            "-p prod -r cn-hangzhou peer show",
            "-pprod -rcn-hangzhou peer show",
            "-qp prod -r=cn-hangzhou peer show",
            "-p other peer show -p prod -r cn-hangzhou",
        ] {
            assert_eq!(scan(line), want, "{line}");
        }
        let l = scan(
            "--endpoint http://127.0.0.1:1 --ca-bundle ca.pem --allow-insecure-endpoint vbr show",
        );
        assert_eq!(l.endpoint.as_deref(), Some("http://127.0.0.1:1"));
        assert_eq!(l.ca_bundle, Some(PathBuf::from("ca.pem")));
        assert!(l.allow_insecure_endpoint);
    }

    #[test]
    fn ids_that_narrow_a_list_are_read() {
        let l = scan("peer list --vbr-id vbr-1 --bgp-group-id bgpg-1 --bgp-peer-id");
        assert_eq!(l.router_id.as_deref(), Some("vbr-1"));
        assert_eq!(l.bgp_group_id.as_deref(), Some("bgpg-1"));
        assert_eq!(
            scan("group list --router-id=vbr-2").router_id.as_deref(),
            Some("vbr-2")
        );
    }

    #[test]
    fn an_option_still_waiting_for_its_value_sets_nothing() {
        // The words before the cursor of `bgpeer -r <TAB>` and `bgpeer --profile <TAB>`.
        assert_eq!(scan("-r"), Line::default());
        assert_eq!(scan("peer show --profile"), Line::default());
        // A value is never read as an option, nor an option of `-o` as ours.
        assert_eq!(scan("-o json peer list"), Line::default());
        assert_eq!(scan("-oprofile list"), Line::default());
        // After `--` every word is a value.
        assert_eq!(scan("api X -- --region cn-beijing"), Line::default());
    }
}

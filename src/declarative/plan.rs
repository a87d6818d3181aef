//! The plan: what `apply` would do, as data (the documented `-o json` form, and the body of a
//! saved plan) and as text for people.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// What a change does to one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    /// Delete, then create: the API cannot change one of the fields in place.
    Replace,
    Delete,
}

impl Action {
    pub fn symbol(self) -> &'static str {
        match self {
            Action::Create => "+",
            Action::Update => "~",
            Action::Replace => "-/+",
            Action::Delete => "-",
        }
    }
}

/// What kind of object a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Group,
    Peer,
    Network,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Group => "group",
            Kind::Peer => "peer",
            Kind::Network => "network",
        }
    }
}

/// One field of a change. A sensitive field (the AuthKey) carries no value, only what happens
/// to it: `set`, `changed` or `cleared`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
    /// For a sensitive field: `set`, `changed` or `cleared`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<String>,
    /// The API cannot change this field in place: it forces a replace.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub forces_replace: bool,
}

impl FieldChange {
    pub fn value(field: &str, old: Option<Value>, new: Option<Value>) -> FieldChange {
        FieldChange {
            field: field.into(),
            old,
            new,
            sensitive: false,
            change: None,
            forces_replace: false,
        }
    }

    pub fn sensitive(field: &str, change: &str) -> FieldChange {
        FieldChange {
            field: field.into(),
            old: None,
            new: None,
            sensitive: true,
            change: Some(change.into()),
            forces_replace: false,
        }
    }
}

/// One change to one object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub action: Action,
    pub kind: Kind,
    pub region: String,
    pub vbr_id: String,
    /// Peers: the key (name or pinned ID) of the group in the file, or the live group's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Peers: the live group's ID when the group exists and stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The natural key: a group's name (or pinned ID), a peer's IP, a network's CIDR.
    pub key: String,
    /// The live object's ID (updates, replaces, deletes; a network's is its CIDR).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The fields that change (create: every field the file sets).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Why: what forces a replace, or why something is deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Deleting or replacing it drops BGP sessions.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub drops_session: bool,
}

impl Change {
    /// `group core`, `peer 10.0.0.2 in group core`, `network 10.1.0.0/24`.
    pub fn label(&self) -> String {
        match (self.kind, &self.group) {
            (Kind::Peer, Some(g)) => format!("peer {} in group {g}", self.key),
            (kind, _) => format!("{} {}", kind.noun(), self.key),
        }
    }

    pub fn field(&self, name: &str) -> Option<&FieldChange> {
        self.fields.iter().find(|f| f.field == name)
    }

    /// The new value of a field, if the change sets it.
    pub fn new_value(&self, name: &str) -> Option<&Value> {
        self.field(name).and_then(|f| f.new.as_ref())
    }
}

/// A live object the file does not mention: kept, unless `--prune` deletes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unmanaged {
    pub kind: Kind,
    pub region: String,
    pub vbr_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub create: usize,
    pub update: usize,
    pub replace: usize,
    pub delete: usize,
    pub unmanaged: usize,
}

/// What `apply` would do to the VBRs a file names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// The digest of the live state the plan was computed from (see `live::fingerprint`).
    pub fingerprint: String,
    /// The VBRs the file names, as `region/vbr_id`: the only ones the plan may touch.
    pub vbrs: Vec<String>,
    pub prune: bool,
    pub changes: Vec<Change>,
    pub unmanaged: Vec<Unmanaged>,
    pub summary: Summary,
}

impl Plan {
    pub fn new(
        fingerprint: String,
        vbrs: Vec<String>,
        prune: bool,
        changes: Vec<Change>,
        unmanaged: Vec<Unmanaged>,
    ) -> Plan {
        let mut summary = Summary {
            unmanaged: unmanaged.len(),
            ..Default::default()
        };
        for c in &changes {
            match c.action {
                Action::Create => summary.create += 1,
                Action::Update => summary.update += 1,
                Action::Replace => summary.replace += 1,
                Action::Delete => summary.delete += 1,
            }
        }
        Plan {
            fingerprint,
            vbrs,
            prune,
            changes,
            unmanaged,
            summary,
        }
    }

    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    /// The changes that drop BGP sessions by replacing an object.
    pub fn replacements(&self) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(|c| c.action == Action::Replace)
    }

    /// A digest of the plan (its live fingerprint and its changes): the seed of every ClientToken
    /// an apply of it sends, so running the same plan again reuses the same tokens.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        h.update(self.fingerprint.as_bytes());
        h.update(serde_json::to_vec(&self.changes).unwrap_or_default());
        hex::encode(h.finalize())
    }

    /// The ClientToken of one step (`step`: create, update, delete) of the change at `index`:
    /// at most 64 ASCII characters, the same for the same plan.
    pub fn client_token(&self, index: usize, step: &str) -> String {
        let mut h = Sha256::new();
        h.update(self.digest().as_bytes());
        h.update(format!("|{index}|{step}").as_bytes());
        format!("bgpeer-{}", &hex::encode(h.finalize())[..40])
    }

    /// The summary line: `Plan: 2 to create, 1 to update, 0 to replace, 0 to delete.`
    pub fn summary_line(&self) -> String {
        let s = &self.summary;
        let mut line = format!(
            "Plan: {} to create, {} to update, {} to replace, {} to delete.",
            s.create, s.update, s.replace, s.delete
        );
        if s.unmanaged > 0 {
            let _ = write!(
                line,
                " {} unmanaged object{} kept.",
                s.unmanaged,
                if s.unmanaged == 1 { "" } else { "s" }
            );
        }
        line
    }

    /// The plan for people: per VBR, each change with its fields (old → new), then the
    /// unmanaged objects and the summary line.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut vbrs: Vec<(&str, &str)> = Vec::new();
        for c in &self.changes {
            if !vbrs.contains(&(&c.region, &c.vbr_id)) {
                vbrs.push((&c.region, &c.vbr_id));
            }
        }
        for u in &self.unmanaged {
            if !vbrs.contains(&(&u.region, &u.vbr_id)) {
                vbrs.push((&u.region, &u.vbr_id));
            }
        }
        if !self.has_changes() {
            let _ = writeln!(
                out,
                "No changes. The live BGP set-up of {} VBR{} matches the file.",
                self.vbrs.len(),
                if self.vbrs.len() == 1 { "" } else { "s" }
            );
        }
        for (region, vbr) in vbrs {
            let changes: Vec<&Change> = self
                .changes
                .iter()
                .filter(|c| c.region == region && c.vbr_id == vbr)
                .collect();
            let unmanaged: Vec<&Unmanaged> = self
                .unmanaged
                .iter()
                .filter(|u| u.region == region && u.vbr_id == vbr)
                .collect();
            let _ = writeln!(out, "\n{vbr} ({region})");
            for c in changes {
                let mut head = format!("  {} {}", c.action.symbol(), c.label());
                if let Some(id) = &c.id {
                    if id != &c.key {
                        let _ = write!(head, " ({id})");
                    }
                }
                match c.action {
                    Action::Replace => head.push_str(" must be replaced"),
                    Action::Delete => head.push_str(" will be deleted"),
                    Action::Create => head.push_str(" will be created"),
                    Action::Update => head.push_str(" will be updated in place"),
                }
                let _ = writeln!(out, "{head}");
                if let Some(reason) = &c.reason {
                    let _ = writeln!(out, "      # {reason}");
                }
                if c.drops_session {
                    let _ = writeln!(out, "      # drops the BGP session");
                }
                for f in &c.fields {
                    let _ = writeln!(out, "      {}", render_field(c.action, f));
                }
            }
            for u in unmanaged {
                let mut line = format!("  ? {} {}", u.kind.noun(), u.key);
                if let Some(g) = &u.group {
                    let _ = write!(line, " in group {g}");
                }
                if let Some(id) = &u.id {
                    if id != &u.key {
                        let _ = write!(line, " ({id})");
                    }
                }
                line.push_str(" is not in the file: unmanaged, kept (--prune deletes it)");
                let _ = writeln!(out, "{line}");
            }
        }
        let _ = writeln!(out, "\n{}", self.summary_line());
        out
    }
}

fn show(v: &Option<Value>) -> String {
    match v {
        None | Some(Value::Null) => "(none)".into(),
        Some(Value::String(s)) => format!("{s:?}"),
        Some(other) => other.to_string(),
    }
}

fn render_field(action: Action, f: &FieldChange) -> String {
    let tail = if f.forces_replace {
        "  # forces replacement"
    } else {
        ""
    };
    if f.sensitive {
        return format!(
            "{}: (sensitive) {}{tail}",
            f.field,
            f.change.as_deref().unwrap_or("changed")
        );
    }
    match action {
        Action::Create | Action::Replace if f.old.is_none() => {
            format!("{}: {}{tail}", f.field, show(&f.new))
        }
        _ => format!("{}: {} → {}{tail}", f.field, show(&f.old), show(&f.new)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn change(action: Action) -> Change {
        Change {
            action,
            kind: Kind::Group,
            region: "cn-hangzhou".into(),
            vbr_id: "vbr-1".into(),
            group: None,
            group_id: None,
            key: "core".into(),
            id: Some("bgpg-1".into()),
            fields: vec![
                FieldChange::value("peer_asn", Some(json!(65001)), Some(json!(65002))),
                FieldChange::sensitive("auth_key", "changed"),
            ],
            reason: None,
            drops_session: false,
        }
    }

    #[test]
    fn a_sensitive_field_shows_no_value() {
        let plan = Plan::new(
            "f".into(),
            vec![],
            false,
            vec![change(Action::Update)],
            vec![],
        );
        let text = plan.render();
        assert!(text.contains("peer_asn: 65001 → 65002"), "{text}");
        assert!(text.contains("auth_key: (sensitive) changed"), "{text}");
        let json = serde_json::to_string(&plan).unwrap();
        assert!(json.contains(r#""change":"changed""#), "{json}");
        assert!(text.contains("Plan: 0 to create, 1 to update"), "{text}");
    }

    #[test]
    fn tokens_are_stable_per_plan_and_step_and_fit_the_api() {
        let plan = Plan::new(
            "f".into(),
            vec![],
            false,
            vec![change(Action::Update)],
            vec![],
        );
        let t = plan.client_token(0, "update");
        assert_eq!(t, plan.clone().client_token(0, "update"));
        assert_ne!(t, plan.client_token(0, "create"));
        assert!(t.len() <= 64 && t.is_ascii());
        let other = Plan::new(
            "g".into(),
            vec![],
            false,
            vec![change(Action::Update)],
            vec![],
        );
        assert_ne!(t, other.client_token(0, "update"));
    }
}

//! Which states are healthy, in transition or broken: the colours of tables and of `vbr show`.

/// How a state looks to a network engineer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Established, Available, active: green.
    Good,
    /// Connect/Active, Pending/Modifying/Deleting: yellow.
    Changing,
    /// Idle/Down, Deleted, terminated: red.
    Bad,
}

/// The health a state field's value means, for the fields that carry one.
pub fn of_field(field: &str, value: &str) -> Option<Health> {
    match field {
        "BgpStatus" => of_bgp_status(value),
        "Status" => of_status(value),
        "Severity" => of_severity(value),
        _ => None,
    }
}

/// A BGP session state (`BgpStatus`).
pub fn of_bgp_status(value: &str) -> Option<Health> {
    match value.to_ascii_lowercase().as_str() {
        "established" => Some(Health::Good),
        "connect" | "active" | "opensent" | "openconfirm" => Some(Health::Changing),
        "idle" | "down" => Some(Health::Bad),
        _ => None,
    }
}

/// A `vbr check` finding's severity: errors red, warnings yellow, notices plain.
pub fn of_severity(value: &str) -> Option<Health> {
    match value {
        "error" => Some(Health::Bad),
        "warning" => Some(Health::Changing),
        _ => None,
    }
}

/// A resource state (`Status` of groups, peers, networks, VBRs).
pub fn of_status(value: &str) -> Option<Health> {
    match value.to_ascii_lowercase().as_str() {
        "available" | "active" | "enabled" => Some(Health::Good),
        "pending" | "modifying" | "deleting" | "unconfirmed" | "recovering" | "terminating" => {
            Some(Health::Changing)
        }
        "deleted" | "terminated" | "failed" | "disabled" => Some(Health::Bad),
        _ => None,
    }
}

impl Health {
    pub fn table_color(self) -> comfy_table::Color {
        match self {
            Health::Good => comfy_table::Color::Green,
            Health::Changing => comfy_table::Color::Yellow,
            Health::Bad => comfy_table::Color::Red,
        }
    }

    fn ansi(self) -> &'static str {
        match self {
            Health::Good => "\x1b[32m",
            Health::Changing => "\x1b[33m",
            Health::Bad => "\x1b[31m",
        }
    }
}

/// `text` in the colour of `health` when `color` is on; plain otherwise.
pub fn paint(text: &str, health: Option<Health>, color: bool) -> String {
    match (health, color) {
        (Some(h), true) => format!("{}{text}\x1b[0m", h.ansi()),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bgp_states_map_to_the_documented_colours() {
        assert_eq!(of_bgp_status("Established"), Some(Health::Good));
        assert_eq!(of_bgp_status("Connect"), Some(Health::Changing));
        assert_eq!(of_bgp_status("Active"), Some(Health::Changing));
        assert_eq!(of_bgp_status("Idle"), Some(Health::Bad));
        assert_eq!(of_bgp_status("Down"), Some(Health::Bad));
        assert_eq!(of_bgp_status(""), None);
    }

    #[test]
    fn paint_is_plain_without_colour() {
        assert_eq!(paint("Idle", Some(Health::Bad), false), "Idle");
        assert_eq!(
            paint("Idle", Some(Health::Bad), true),
            "\x1b[31mIdle\x1b[0m"
        );
        assert_eq!(paint("x", None, true), "x");
    }
}

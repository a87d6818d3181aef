//! How the domain's enums appear on the command line: their names and help for clap's parser,
//! `--help` and completions. The domain types in `api` know nothing of clap.

use clap::builder::PossibleValue;
use clap::ValueEnum;

use crate::api::validate::{IpVersion, Rule};
use crate::api::wait::Target;
use crate::health::rules::Severity;

impl ValueEnum for Rule {
    fn value_variants<'a>() -> &'a [Self] {
        Rule::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.describe()))
    }
}

impl ValueEnum for IpVersion {
    fn value_variants<'a>() -> &'a [Self] {
        IpVersion::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

impl ValueEnum for Target {
    fn value_variants<'a>() -> &'a [Self] {
        Target::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()).help(self.help()))
    }
}

impl ValueEnum for Severity {
    fn value_variants<'a>() -> &'a [Self] {
        &[Severity::Error, Severity::Warning, Severity::Info]
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.as_str()))
    }
}

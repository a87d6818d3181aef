//! The output and error formats a user can choose (`-o`, `--error-format`, `output` in a profile).

use clap::ValueEnum;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// Aligned table for people
    Table,
    /// One JSON document (lists are one array)
    Json,
    /// One JSON object per line
    Ndjson,
    /// Tab-separated values with a header line
    Tsv,
    /// Bare values, one per line, for shell variables and loops
    Value,
    /// Nothing on stdout
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ErrorFormat {
    Text,
    Json,
}

impl OutputFormat {
    /// Parses a format name as a profile or `BGPEER_OUTPUT` spells it (any case).
    pub fn parse(raw: &str) -> Option<OutputFormat> {
        <OutputFormat as ValueEnum>::from_str(raw.trim(), true).ok()
    }

    /// Its name, as `-o`, profiles and `BGPEER_OUTPUT` spell it.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
            OutputFormat::Ndjson => "ndjson",
            OutputFormat::Tsv => "tsv",
            OutputFormat::Value => "value",
            OutputFormat::None => "none",
        }
    }
}

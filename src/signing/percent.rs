//! RFC 3986 percent-encoding as both signature schemes use it: `A-Z a-z 0-9 - _ . ~` stay literal,
//! every other UTF-8 byte becomes `%XY` with upper-case hex (space is `%20`, never `+`).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

pub fn percent_encode(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space) into ordered pairs,
/// keeping duplicates and empty values, as a gateway must before re-canonicalising.
pub fn decode_form(s: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(s.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// Encodes pairs for a query string or form body using the signing encoding.
pub fn encode_pairs(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&percent_encode(k));
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    out
}

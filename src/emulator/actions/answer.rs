//! What a handler answers: a `Value`, or a JSON object already serialised (the Describe pages,
//! written straight from the world into text).

use serde::Serialize;
use serde_json::Value;

use super::errors::{internal_error, EmuError};
use super::params::Paging;
use crate::api::model::{self, Listed, Wire};

/// What a handler answers, without `RequestId` (the server adds it).
#[derive(Debug, Clone)]
pub enum Answer {
    Value(Value),
    /// A JSON object already serialised: the Describe pages are written straight from the world
    /// into bytes, without building a `Value` of every field first.
    Object(JsonObject),
}

impl Answer {
    /// The answer as a `Value` (for XML, and for callers that inspect answers).
    pub fn into_value(self) -> Value {
        match self {
            Answer::Value(v) => v,
            Answer::Object(o) => o.to_value(),
        }
    }
}

/// The text of one serialised JSON object (`{...}`), fields in their wire order.
#[derive(Debug, Clone)]
pub struct JsonObject(String);

impl JsonObject {
    /// Serialises `body`, which must serialise as an object (a struct or a map).
    pub(crate) fn of(body: &impl serde::Serialize) -> Result<JsonObject, EmuError> {
        let text = serde_json::to_string(body).map_err(|_| internal_error())?;
        if !text.starts_with('{') {
            return Err(internal_error());
        }
        Ok(JsonObject(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn to_value(&self) -> Value {
        serde_json::from_str(&self.0).unwrap_or(Value::Null)
    }
}

/// A Describe page serialised: `items` are the page's items in the API's model, written in the
/// SDK's wire form; `total` counts all matches.
pub(super) fn page_body<T: Listed>(
    paging: Paging,
    total: usize,
    items: Vec<T>,
) -> Result<JsonObject, EmuError>
where
    for<'a> Wire<'a, T>: Serialize,
{
    let count = |n: i64| u64::try_from(n).ok();
    JsonObject::of(&Wire(&model::Page {
        total_count: Some(total as u64),
        page_number: count(paging.number),
        page_size: count(paging.size),
        items,
    }))
}

/// An answer that lists `items` without paging them (DescribeRegions): `{<set>: {<item>: [..]}}`.
pub(super) fn unpaged_body<T: Listed>(items: Vec<T>) -> Result<JsonObject, EmuError>
where
    for<'a> Wire<'a, T>: Serialize,
{
    JsonObject::of(&Wire(&model::Page {
        items,
        ..Default::default()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_the_totals_then_the_set_and_an_unpaged_answer_the_set_alone() {
        let paging = Paging { number: 3, size: 7 };
        let object = page_body::<model::BgpNetwork<&str>>(paging, 0, vec![]).unwrap();
        assert_eq!(
            object.as_str(),
            r#"{"TotalCount":0,"PageNumber":3,"PageSize":7,"BgpNetworks":{"BgpNetwork":[]}}"#
        );
        let object = unpaged_body::<model::Region<&str>>(vec![]).unwrap();
        assert_eq!(object.as_str(), r#"{"Regions":{"Region":[]}}"#);
    }
}

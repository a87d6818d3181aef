//! What a handler answers: a `Value`, or a JSON object already serialised (the Describe pages,
//! written straight from the world into text).

use serde::ser::{SerializeMap, Serializer};
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

/// One page of a Describe answer:
/// `{"TotalCount", "PageNumber", "PageSize", <set>: {<item>: [rows]}}`.
struct Page<'r, T> {
    paging: Paging,
    total: usize,
    set: &'static str,
    item: &'static str,
    rows: &'r [T],
}

impl<T: Serialize> Serialize for Page<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Set<'r, T> {
            item: &'static str,
            rows: &'r [T],
        }
        impl<T: Serialize> Serialize for Set<'_, T> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry(self.item, self.rows)?;
                m.end()
            }
        }
        let mut m = serializer.serialize_map(Some(4))?;
        m.serialize_entry("TotalCount", &self.total)?;
        m.serialize_entry("PageNumber", &self.paging.number)?;
        m.serialize_entry("PageSize", &self.paging.size)?;
        m.serialize_entry(
            self.set,
            &Set {
                item: self.item,
                rows: self.rows,
            },
        )?;
        m.end()
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

/// A Describe page of rows the world stores in their wire form already (the VBRs):
/// `{"TotalCount", "PageNumber", "PageSize", <set>: {<item>: [rows]}}`.
pub(super) fn rows_page<T: Serialize>(
    paging: Paging,
    total: usize,
    set: &'static str,
    item: &'static str,
    rows: &[T],
) -> Result<JsonObject, EmuError> {
    JsonObject::of(&Page {
        paging,
        total,
        set,
        item,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_the_totals_then_the_set() {
        let paging = Paging { number: 3, size: 7 };
        let empty: [Value; 0] = [];
        let object = rows_page(paging, 0, "Set", "Item", &empty).unwrap();
        assert_eq!(
            object.as_str(),
            r#"{"TotalCount":0,"PageNumber":3,"PageSize":7,"Set":{"Item":[]}}"#
        );
    }
}

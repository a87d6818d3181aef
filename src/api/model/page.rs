//! The answer of a Describe action: `{"TotalCount", "PageNumber", "PageSize", <set>: {<item>: [..]}}`
//! (DescribeRegions has the set alone).

use std::marker::PhantomData;

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::Wire;

/// A model type that Describe answers list, and where they keep it (`BgpPeers.BgpPeer`).
pub trait Listed {
    const SET: &'static str;
    const ITEM: &'static str;
}

/// One page of a Describe answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// How many items match in all; `None` when the action is not paged (DescribeRegions).
    pub total_count: Option<u64>,
    pub page_number: Option<u64>,
    pub page_size: Option<u64>,
    pub items: Vec<T>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Page {
            total_count: None,
            page_number: None,
            page_size: None,
            items: Vec::new(),
        }
    }
}

/// `{<item>: [..]}`; anything else in it is ignored.
struct ItemSet<T>(Vec<T>);

impl<'de, T: Listed + Deserialize<'de>> Deserialize<'de> for ItemSet<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Listed + Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = ItemSet<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "an object with {}", T::ITEM)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ItemSet<T>, A::Error> {
                let mut items = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if key == T::ITEM {
                        items = map.next_value::<Option<Vec<T>>>()?.unwrap_or_default();
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(ItemSet(items))
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

impl<'de, T: Listed + Deserialize<'de>> Deserialize<'de> for Page<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Listed + Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Page<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a page of {}", T::SET)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
                let mut page = Page::default();
                // A count that is not an unsigned number counts as absent, as it always has.
                let count = |v: Value| v.as_u64();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "TotalCount" => page.total_count = count(map.next_value()?),
                        "PageNumber" => page.page_number = count(map.next_value()?),
                        "PageSize" => page.page_size = count(map.next_value()?),
                        k if k == T::SET => {
                            page.items = map
                                .next_value::<Option<ItemSet<T>>>()?
                                .map(|s| s.0)
                                .unwrap_or_default();
                        }
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(page)
            }
        }
        d.deserialize_map(V(PhantomData))
    }
}

/// The page in the SDK's wire form, as the emulator answers it.
impl<T: Listed> Serialize for Wire<'_, Page<T>>
where
    for<'a> Wire<'a, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Items<'r, T>(&'r [T]);
        impl<T: Listed> Serialize for Items<'_, T>
        where
            for<'a> Wire<'a, T>: Serialize,
        {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry(T::ITEM, &WireSeq(self.0))?;
                m.end()
            }
        }
        struct WireSeq<'r, T>(&'r [T]);
        impl<T> Serialize for WireSeq<'_, T>
        where
            for<'a> Wire<'a, T>: Serialize,
        {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.iter().map(Wire))
            }
        }
        let page = self.0;
        let mut m = serializer.serialize_map(None)?;
        if let Some(n) = page.total_count {
            m.serialize_entry("TotalCount", &n)?;
        }
        if let Some(n) = page.page_number {
            m.serialize_entry("PageNumber", &n)?;
        }
        if let Some(n) = page.page_size {
            m.serialize_entry("PageSize", &n)?;
        }
        m.serialize_entry(T::SET, &Items(&page.items))?;
        m.end()
    }
}

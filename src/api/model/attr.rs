//! One field of a model value, decoded leniently: the SDK types many fields as strings
//! (`"PeerAsn":"65001"`, `"IsFake":"true"`), and our JSON has one type per field. A value that
//! does not fit the field's type is kept as it came, so nothing the API says is lost.

use serde::{Serialize, Serializer};
use serde_json::{Number, Value};

/// A field as the API gave it: not there, `null`, a value of the model's type, or anything else.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Attr<T> {
    /// The answer does not have the field (it is left out of our JSON too).
    #[default]
    Absent,
    /// `null`, or an empty string where a number or flag was expected.
    Null,
    /// A value of the field's type.
    Set(T),
    /// A value of another type, kept as it came (e.g. `"RouteLimit":"n/a"`). Boxed: it is rare,
    /// and a `Value` would make every field of every item as large as itself.
    Other(Box<Value>),
}

impl<T> Attr<T> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Attr::Absent)
    }

    /// The value, when it has the field's type.
    pub fn get(&self) -> Option<&T> {
        match self {
            Attr::Set(v) => Some(v),
            _ => None,
        }
    }
}

impl Attr<String> {
    pub fn as_str(&self) -> Option<&str> {
        self.get().map(String::as_str)
    }
}

impl Attr<Number> {
    pub fn as_u64(&self) -> Option<u64> {
        self.get().and_then(Number::as_u64)
    }
}

impl Attr<bool> {
    pub fn as_bool(&self) -> Option<bool> {
        self.get().copied()
    }
}

impl<T> From<T> for Attr<T> {
    fn from(v: T) -> Self {
        Attr::Set(v)
    }
}

impl From<&str> for Attr<String> {
    fn from(v: &str) -> Self {
        Attr::Set(v.to_string())
    }
}

impl<T> From<Option<T>> for Attr<T> {
    /// `None` is `null` (present in the JSON), as `json!` prints an `Option`.
    fn from(v: Option<T>) -> Self {
        v.map_or(Attr::Null, Attr::Set)
    }
}

impl From<u64> for Attr<Number> {
    fn from(v: u64) -> Self {
        Attr::Set(v.into())
    }
}

impl From<i64> for Attr<Number> {
    fn from(v: i64) -> Self {
        Attr::Set(v.into())
    }
}

/// A type a field can have, with the lenient decoding from whatever JSON came.
pub trait Lenient: Sized {
    fn decode(value: Value) -> Attr<Self>;

    /// Masks secrets nested inside the value (only raw JSON can hold any).
    fn mask_nested(&mut self) {}

    /// An empty string (a secret that is empty stays empty when masked).
    fn is_empty_text(&self) -> bool {
        false
    }
}

impl Lenient for String {
    fn decode(value: Value) -> Attr<Self> {
        match value {
            Value::Null => Attr::Null,
            Value::String(s) => Attr::Set(s),
            other => Attr::Other(Box::new(other)),
        }
    }

    fn is_empty_text(&self) -> bool {
        self.is_empty()
    }
}

impl Lenient for Number {
    /// A string of digits becomes a number (unsigned, then signed, then a float); an empty string
    /// becomes null; anything else stays as it is.
    fn decode(value: Value) -> Attr<Self> {
        match value {
            Value::Null => Attr::Null,
            Value::Number(n) => Attr::Set(n),
            Value::String(raw) => {
                let s = raw.trim();
                if s.is_empty() {
                    Attr::Null
                } else if let Ok(n) = s.parse::<u64>() {
                    Attr::Set(n.into())
                } else if let Ok(n) = s.parse::<i64>() {
                    Attr::Set(n.into())
                } else if let Some(n) = s.parse::<f64>().ok().and_then(Number::from_f64) {
                    Attr::Set(n)
                } else {
                    Attr::Other(Box::new(Value::String(raw)))
                }
            }
            other => Attr::Other(Box::new(other)),
        }
    }
}

impl Lenient for bool {
    /// `"true"`/`"false"` in any case become booleans; an empty string becomes null.
    fn decode(value: Value) -> Attr<Self> {
        match value {
            Value::Null => Attr::Null,
            Value::Bool(b) => Attr::Set(b),
            Value::String(raw) => {
                let s = raw.trim();
                if s.eq_ignore_ascii_case("true") {
                    Attr::Set(true)
                } else if s.eq_ignore_ascii_case("false") {
                    Attr::Set(false)
                } else if s.is_empty() {
                    Attr::Null
                } else {
                    Attr::Other(Box::new(Value::String(raw)))
                }
            }
            other => Attr::Other(Box::new(other)),
        }
    }
}

impl Lenient for Value {
    /// Nested JSON the model does not type (tags, associated connections).
    fn decode(value: Value) -> Attr<Self> {
        match value {
            Value::Null => Attr::Null,
            other => Attr::Set(other),
        }
    }

    fn mask_nested(&mut self) {
        crate::secret::mask_secrets(self);
    }

    fn is_empty_text(&self) -> bool {
        self.as_str() == Some("")
    }
}

impl<T: Lenient> Attr<T> {
    /// Masks the field: a secret becomes `****` (empty and null stay as they are, so "no key" and
    /// "a key" remain distinguishable without the key); other fields mask what they nest.
    pub(crate) fn mask(&mut self, secret: bool) {
        if secret {
            let empty = match self {
                Attr::Absent | Attr::Null => return,
                Attr::Set(v) => v.is_empty_text(),
                Attr::Other(v) => v.as_str() == Some(""),
            };
            *self = Attr::Other(Box::new(Value::String(if empty {
                String::new()
            } else {
                crate::secret::MASK.to_string()
            })));
            return;
        }
        match self {
            Attr::Set(v) => v.mask_nested(),
            Attr::Other(v) => crate::secret::mask_secrets(v),
            _ => {}
        }
    }
}

impl<T: Serialize> Serialize for Attr<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Attr::Absent | Attr::Null => serializer.serialize_unit(),
            Attr::Set(v) => v.serialize(serializer),
            Attr::Other(v) => v.serialize(serializer),
        }
    }
}

/// A field in the SDK's wire form, where the SDK types it as a string (`"PeerAsn":"65001"`,
/// `"IsFake":"false"`): the value's text, not its JSON.
pub(crate) struct AsText<'a, T>(pub &'a Attr<T>);

impl<T: Serialize + std::fmt::Display> Serialize for AsText<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Attr::Set(v) => serializer.collect_str(v),
            other => other.serialize(serializer),
        }
    }
}

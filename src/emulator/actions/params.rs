//! Reading request parameters the way the gateway and the VPC backend do: required flags, wire types
//! (Long, Integer, Boolean), paging, and the error each failure gives.

use std::str::FromStr;

use super::errors::EmuError;
use super::request::ActionRequest;
use crate::emulator::world::IpVersion;

/// `Missing<Name>`: a required parameter is absent (gateway check).
pub fn missing(name: &str) -> EmuError {
    EmuError::new(
        400,
        &format!("Missing{name}"),
        &format!("{name} is mandatory for this action."),
    )
}

/// `InvalidParameter`: a value of the wrong wire type or outside what the gateway accepts.
pub fn invalid(name: &str) -> EmuError {
    EmuError::new(
        400,
        "InvalidParameter",
        &format!("The specified parameter \"{name}\" is not valid."),
    )
}

/// Request parameters of one call, with the gateway's typing rules.
pub struct Args<'r, 'a> {
    req: &'r ActionRequest<'a>,
}

impl<'r, 'a> Args<'r, 'a> {
    pub fn new(req: &'r ActionRequest<'a>) -> Self {
        Args { req }
    }

    /// The raw first value, empty included.
    pub fn raw(&self, name: &str) -> Option<&'r str> {
        self.req.params.get(name)
    }

    /// Every (name, value) pair in arrival order.
    pub fn pairs(&self) -> impl Iterator<Item = (&'r str, &'r str)> {
        self.req
            .params
            .pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// How many times `name` appears.
    pub fn count(&self, name: &str) -> usize {
        self.req
            .params
            .pairs
            .iter()
            .filter(|(k, _)| k == name)
            .count()
    }

    /// An optional string; an empty value counts as absent.
    pub fn opt(&self, name: &str) -> Option<&'r str> {
        self.raw(name).filter(|v| !v.is_empty())
    }

    /// A required parameter: absent -> `Missing<Name>`. Blank values are returned as they are (the
    /// backend decides what a blank value means).
    pub fn required(&self, name: &str) -> Result<&'r str, EmuError> {
        self.raw(name).ok_or_else(|| missing(name))
    }

    /// An optional Boolean, case-insensitive (`True` from the Python SDKs).
    pub fn bool(&self, name: &str) -> Result<Option<bool>, EmuError> {
        match self.opt(name) {
            None => Ok(None),
            Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(_) => Err(invalid(name)),
        }
    }

    /// An optional Long (i64).
    pub fn long(&self, name: &str) -> Result<Option<i64>, EmuError> {
        self.number::<i64>(name)
    }

    /// An optional Integer (i32).
    pub fn int(&self, name: &str) -> Result<Option<i32>, EmuError> {
        self.number::<i32>(name)
    }

    fn number<T: FromStr>(&self, name: &str) -> Result<Option<T>, EmuError> {
        match self.opt(name) {
            None => Ok(None),
            Some(v) => v.parse::<T>().map(Some).map_err(|_| invalid(name)),
        }
    }

    /// `ClientToken`: at most 64 printable ASCII characters.
    pub fn client_token(&self) -> Result<Option<&'r str>, EmuError> {
        match self.opt("ClientToken") {
            None => Ok(None),
            Some(t) if t.len() <= 64 && t.bytes().all(|b| (0x21..=0x7e).contains(&b)) => {
                Ok(Some(t))
            }
            Some(_) => Err(invalid("ClientToken")),
        }
    }

    /// `PageNumber` (default 1, at least 1) and `PageSize` (default 10, 1 to 50).
    pub fn paging(&self) -> Result<Paging, EmuError> {
        let number = match self.long("PageNumber")? {
            None => 1,
            Some(n) if n >= 1 => n,
            Some(_) => return Err(invalid("PageNumber")),
        };
        let size = match self.long("PageSize")? {
            None => 10,
            Some(n) if (1..=50).contains(&n) => n,
            Some(_) => return Err(invalid("PageSize")),
        };
        Ok(Paging { number, size })
    }
}

/// Parses an `IpVersion` value case-insensitively.
pub fn ip_version(v: &str) -> Option<IpVersion> {
    if v.eq_ignore_ascii_case("ipv4") {
        Some(IpVersion::IPv4)
    } else if v.eq_ignore_ascii_case("ipv6") {
        Some(IpVersion::IPv6)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Paging {
    pub number: i64,
    pub size: i64,
}

impl Paging {
    /// The items of this page out of `all`.
    pub fn slice<'x, T>(&self, all: &'x [T]) -> &'x [T] {
        let start = (self.number - 1).saturating_mul(self.size);
        let start = usize::try_from(start).unwrap_or(usize::MAX).min(all.len());
        let end = start.saturating_add(self.size as usize).min(all.len());
        &all[start..end]
    }
}

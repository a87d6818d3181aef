//! What every handler needs: the parameters read with the gateway's typing rules, the action,
//! the clock and the settle time, and the checks every action shares (region, non-blank values).

use super::errors::{region_not_found, EmuError};
use super::params::Args;
use super::request::ActionRequest;
use crate::emulator::faults::SessionRule;
use crate::emulator::world::{Region, World};

/// What every handler needs: the parameters, the action, the clock and the settle time.
pub(crate) struct Ctx<'r, 'a> {
    pub args: Args<'r, 'a>,
    pub action: &'a str,
    pub now_ms: i64,
    pub settle_ms: i64,
    /// The session faults in force.
    pub sessions: &'a [SessionRule],
}

impl<'r, 'a> Ctx<'r, 'a> {
    pub(super) fn new(req: &'r ActionRequest<'a>) -> Self {
        Ctx {
            args: Args::new(req),
            action: req.action,
            now_ms: req.now.timestamp_millis(),
            settle_ms: i64::try_from(req.settle.as_millis()).unwrap_or(i64::MAX),
            sessions: req.sessions,
        }
    }

    /// The region named by the required `RegionId`.
    pub(super) fn region<'w>(&self, world: &'w World) -> Result<&'w Region, EmuError> {
        let id = self.args.required("RegionId")?;
        world
            .region(id)
            .ok_or_else(|| region_not_found(self.action))
    }

    /// A required parameter that must also be non-blank (`InvalidParams.NotNull` otherwise).
    pub(super) fn required(&self, name: &str) -> Result<&'r str, EmuError> {
        let v = self.args.required(name)?;
        if v.trim().is_empty() {
            return Err(self.not_null());
        }
        Ok(v)
    }

    pub(super) fn not_null(&self) -> EmuError {
        let message = match self.action {
            "CreateBgpPeer" => "invalid peer asn cannot equals aliyun asn:45104",
            "AddBgpNetwork" | "DeleteBgpNetwork" => "parameter must not null.",
            _ => "params must not null.",
        };
        EmuError::new(400, "InvalidParams.NotNull", message)
    }
}

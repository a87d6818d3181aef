//! The error answer of a handler, and the errors several families of actions share.

use crate::emulator::world::Vbr;

/// An error answer: HTTP status, `Code`, `Message` (the server adds RequestId, HostId, Recommend).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmuError {
    pub status: u16,
    pub code: String,
    pub message: String,
}

impl EmuError {
    pub fn new(status: u16, code: &str, message: &str) -> Self {
        EmuError {
            status,
            code: code.to_string(),
            message: message.to_string(),
        }
    }
}

pub(super) fn unknown_action() -> EmuError {
    EmuError::new(
        404,
        "InvalidAction.NotFound",
        "Specified api is not found, please check your url and method.",
    )
}

/// 500 `InternalError`: a handler panicked or its answer could not be serialised.
pub(crate) fn internal_error() -> EmuError {
    EmuError::new(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error, exception or failure.",
    )
}

pub(super) fn region_not_found(action: &str) -> EmuError {
    let message = match action {
        "CreateBgpGroup" => "The specified RegionId is not found.",
        "ModifyBgpGroupAttribute"
        | "DeleteBgpGroup"
        | "CreateBgpPeer"
        | "DeleteBgpPeer"
        | "DeleteBgpNetwork" => "Specified value of \"regionId\" is not supported.",
        _ => "The specified RegionId does not exist in our records.",
    };
    EmuError::new(404, "InvalidRegionId.NotFound", message)
}

pub(super) fn cannot_operate() -> EmuError {
    EmuError::new(
        400,
        "InvalidStatus.CannotOperate",
        "invalid status cannot operate",
    )
}

pub(super) fn invalid_vbr() -> EmuError {
    EmuError::new(400, "InvalidVbrNetwork", "vbr netowrk not exists")
}

pub(super) fn invalid_group() -> EmuError {
    EmuError::new(400, "InvalidBgpGroup", "bgp group not exists")
}

pub(super) fn instance_not_found() -> EmuError {
    EmuError::new(400, "InvalidParams.NotFound", "instance not found")
}

pub(super) fn pconn_traffic_not_enabled() -> EmuError {
    EmuError::new(
        400,
        "OperationFailed.PconnTrafficNotEnable",
        "The operation is failed because of PconnTrafficNotEnable.",
    )
}

pub(super) fn ipv6_unsupported_region() -> EmuError {
    EmuError::new(
        400,
        "OperationUnsupported.IPV6ForThisRegion",
        "This Region is unsupported IPV6.",
    )
}

pub(super) fn illegal_ip_version() -> EmuError {
    EmuError::new(
        400,
        "IllegalParam.IpVersion",
        "The param of IPV6 is illegal.",
    )
}

/// Every write on a VBR needs it `active` and not busy with another operation.
pub(super) fn check_vbr_writable(vbr: &Vbr) -> Result<(), EmuError> {
    if vbr.attrs.status != "active" {
        return Err(cannot_operate());
    }
    if vbr.traits.busy {
        return Err(EmuError::new(
            400,
            "OperationConflict",
            "The operation conflicts with another operation in progress on the vbr, please try again later.",
        ));
    }
    Ok(())
}

//! The per-action handlers of the emulated VPC BGP API. Pure over the world: no I/O, no clock
//! (the time comes in the request), so the same request against the same world gives the same answer.
//!
//! [`read`] serves the five Describe actions against a shared `&World` (nothing is cloned; only the
//! requested page is rendered); [`write`] serves the eight mutating actions (and, for convenience, the
//! reads too). The seeded world and its special VBRs are described in [`super::world`].
//!
//! # Status and lifecycle
//!
//! Status is computed at read time from timestamps and `req.settle` (no background task): a new group,
//! peer or network is `Pending` for `settle`, then `Available`; a modified one `Modifying` for `settle`;
//! a deleted one `Deleting` for `settle`, then it is gone (invisible at once, purged from the world on
//! the next write). Peers' `BgpStatus` is `Idle` while the peer is not Available, `Connect` during the
//! first `settle` after it became Available (or was last modified), then `Established`. An Established
//! peer reports `AdvertisedRouteCount` = the VBR's Available networks of its address family and a
//! `ReceivedRouteCount` derived from its ID (1 to 24, never above the group's RouteLimit); otherwise both
//! are 0. With `settle` = 0 everything is Available and Established at once, and deletions are
//! immediate.
//!
//! Operations on an object that is not `Available` (and every write on a VBR whose Status is not
//! `active`) answer `InvalidStatus.CannotOperate`. Describe calls list objects in VBR ID order, then in
//! creation order within a VBR.
//!
//! # Parameters
//!
//! * Required parameter absent -> 400 `Missing<Name>` / `<Name> is mandatory for this action.`
//! * Required parameter present but blank -> 400 `InvalidParams.NotNull` with the operation's documented
//!   message; a blank `RegionId` is an unknown region (404 `InvalidRegionId.NotFound`).
//! * Optional parameters with an empty value are treated as absent (so `Name=` on a Modify changes
//!   nothing). Duplicated keys: the first value wins, except `PeerIpAddress` on the peer operations
//!   (see `DuplicatedParam.PeerIpAddress` below).
//! * Wire types: a Long/Integer that does not parse, a Boolean other than `true`/`false` (any case), a
//!   `ClientToken` longer than 64 characters or not printable ASCII -> 400 `InvalidParameter` /
//!   `The specified parameter "<Name>" is not valid.` Unknown parameters are ignored.
//! * Paging: `PageNumber` default 1, must be >= 1; `PageSize` default 10, must be 1..=50; anything else
//!   (0, negative, 51, not a number) -> 400 `InvalidParameter` naming the parameter. A page past the end
//!   is an empty list with the true `TotalCount`. Responses echo the PageNumber/PageSize used.
//! * `IpVersion` is case-insensitive and echoed as `IPv4`/`IPv6`.
//!
//! # ClientToken
//!
//! A successful mutating call with a `ClientToken` is remembered (per action, for 24 hours, at most the
//! newest 10,000 answers). The same
//! token on the same action returns the first answer (same resource ID, a new RequestId) and changes
//! nothing, even when the other parameters differ. Failed calls are not remembered, so a retry after an
//! error (quota, status) is evaluated afresh.
//!
//! # Quotas
//!
//! 8 BGP peers per VBR (`QuotaExceeded.Bgp`, peer message), 8 BGP groups per VBR (`QuotaExceeded.Bgp`,
//! group message), 50 advertised networks per VBR (`QuotaExceeded.BgpNetwork`). Objects still
//! `Deleting` count until they are gone. `RouteQuota` may be 1..=110 (the account's default route-entry
//! quota, `IllegalParam.RouteLimit` above it).
//!
//! # Validation
//!
//! * `Name`: 2-128 characters, starts with a letter (Chinese included), then letters, digits, `.`,
//!   `_`, `-` -> else `InvalidBgpName.Malformed`.
//! * `Description`: 2-256 characters, starts with a letter, no control characters, not starting with
//!   `http://` or `https://` -> else `InvalidBgpDescription.Malformed` (CreateBgpGroup) or
//!   `InvalidBgpDiscription.Malformed` (ModifyBgpGroupAttribute), as each is documented.
//! * `AuthKey`: 1-64 printable ASCII characters without spaces -> else `InvalidBgpAuthkey.Malformed`.
//! * `PeerAsn`: 45104 -> `InvalidPeerAsn.Malformed`; outside 1..=4294967295, or the reserved 23456
//!   (AS_TRANS), 65535, 4294967295 -> `IllegalParam.PeerAsn`.
//! * `LocalAsn`: outside 1..=4294967295 -> `IllegalParam.LocalAsn`; otherwise 45104, 64512-65534 or
//!   4200000000-4294967294 except 65025, else `InvalidBgpGroup.LocalAsnInvalid`; a value other than
//!   45104 on a VBR not on the allow-list -> `OperationUnsupport`.
//! * `BfdMultiHop`: 1..=255 -> else `IllegalParam.BfdMultiHop`; given without `EnableBfd` while the peer
//!   has no BFD -> `MissingParam.EnableBfd`. `EnableBfd=true` without a hop count uses 255.
//! * `PeerIpAddress`: not an IP -> `InvalidIP.Malformed` (create) / `IllegalParam.IpAddress` (modify);
//!   an IP of the other family, unspecified, loopback, multicast or broadcast ->
//!   `IllegalParam.PeerIpAddress` (create) / `IllegalParam.IpAddress` (modify).
//! * `DstCidrBlock`: not `address/prefix` -> `IllegalParamFormat.DstCidrBlock`; host bits set, prefix 0,
//!   loopback, IPv6 multicast -> `InvalidDestCidrBlock.Malformed`; inside 224.0.0.0/4 ->
//!   `IllegalParam.ConflictWithDClass`.
//!
//! # How each documented error is reached
//!
//! | Code | Operation(s) | Trigger |
//! |---|---|---|
//! | `InvalidRegionId.NotFound` (404) | all but DescribeRegions | RegionId not in DescribeRegions; message as documented per operation |
//! | `InvalidVbrNetwork` | CreateBgpGroup, AddBgpNetwork, DeleteBgpNetwork | RouterId not a VBR of the region |
//! | `InvalidBgpGroup` | CreateBgpPeer, Modify/DeleteBgpGroup, ModifyBgpPeerAttribute | BgpGroupId unknown in the region |
//! | `InvalidParams.NotFound` `instance not found` | Modify/DeleteBgpPeer, DeleteBgpNetwork | BgpPeerId unknown / network not advertised |
//! | `InvalidParams.NotFound` `vpc instance not found` | AddBgpNetwork | VpcId unknown in the region |
//! | `InvalidResource.NotFound` (404) | DescribeBgpNetworks | RouterId not a VBR of the region |
//! | `QuotaExceeded.Bgp` | CreateBgpGroup / CreateBgpPeer | 9th group / 9th peer on a VBR |
//! | `QuotaExceeded.Nqa` | CreateBgpPeer | `vbr-bp1nqafull00000000000` |
//! | `QuotaExceeded.BgpNetwork` | AddBgpNetwork | 51st network on a VBR |
//! | `QuotaExceeded.BfdSession` (yours) | Create/ModifyBgpPeer with BFD | `vbr-bp1bfdquota0000000000` |
//! | `QuotaExceeded.BfdSession` (device) | Create/ModifyBgpPeer with BFD | `vbr-bp1bfddevicefull00000` |
//! | `InvalidAccessDeviceId.NotFound` | CreateBgpPeer | `vbr-bp1nodevice0000000000` |
//! | `UnsupportedFeature.Vpconn` | Create/ModifyBgpPeer with BFD | `vbr-bp1vpconn000000000000` |
//! | `OperationFailed.PconnTrafficNotEnable` | CreateBgpGroup, CreateBgpPeer, AddBgpNetwork | `vbr-bp1nobilling000000000` |
//! | `OperationFailed.NoActiveRouterInterface` | AddBgpNetwork | `vbr-bp1norouterif00000000` |
//! | `OperationUnsupport` | Create/ModifyBgpGroup | custom LocalAsn on `vbr-bp1fixedasn0000000000` |
//! | `OperationConflict` | every write on the VBR | `vbr-bp1busy00000000000000` |
//! | `InvalidPeerIpAddress` | CreateBgpPeer | PeerIpAddress omitted on `vbr-bp1multipconn00000000` |
//! | `InvalidParams.PeerIpAddressMustPointOut` | CreateBgpPeer | PeerIpAddress omitted on `vbr-bp1multisubif00000000` or `vbr-bp1nosubif00000000000` |
//! | `BgpPeer.Already.Exists` | CreateBgpPeer | IPv4 peer IP already in the same group |
//! | `InvalidParams.PeerIpAddressInUse` | Create/ModifyBgpPeer | IPv4 peer IP used by a peer of another group on the VBR |
//! | `DuplicatedParam.PeerIpAddress` | Create/ModifyBgpPeer | `PeerIpAddress` given more than once in the request |
//! | `DuplicatedParam.LocalIpAddress` | Create/ModifyBgpPeer | IPv4 peer IP = the VBR's LocalGatewayIp |
//! | `DuplicatedParam.PeerIpv6Address` | Create/ModifyBgpPeer | IPv6 peer IP used by another peer on the VBR |
//! | `DuplicatedParam.LocalIpv6Address` | Create/ModifyBgpPeer | IPv6 peer IP = the VBR's LocalIpv6GatewayIp |
//! | `IllegalParam.LocalGatewayIpAndMask` | CreateBgpPeer (IPv4) | `vbr-bp1badgateway00000000` |
//! | `IllegalParam.PeeringIpv6SubnetMask` | CreateBgpPeer (IPv6) | `vbr-bp1badipv6mask0000000` |
//! | `OperationUnsupported.IPV6ForThisRegion` | CreateBgpGroup, CreateBgpPeer | IPv6 in cn-nanjing, cn-fuzhou, cn-wuhan-lr, me-east-1 |
//! | `IllegalParam.IpVersion` `The param of IPV6 is illegal.` | CreateBgpGroup, CreateBgpPeer | IpVersion not IPv4/IPv6; IPv6 on a VBR without IPv6; peer family differs from its group's |
//! | `IllegalParam.IpVersion` `The parameter of IpVersion is illegal.` | AddBgpNetwork | IPv6 CIDR on a VBR without IPv6 |
//! | `InvalidParams.AlreadyExists` | AddBgpNetwork | same (RouterId, DstCidrBlock) again |
//! | `Duplicated.CidrBlock` | AddBgpNetwork | CIDR overlapping (not equal to) one already advertised on the VBR |
//! | `InvalidIP.IpInSnatPool` | AddBgpNetwork | CIDR overlapping a SNAT pool of a VPC of the region (`47.98.10.0/28`) |
//! | `InvalidStatus.CannotOperate` | every write | VBR not `active`; group/peer/network not `Available` |
//! | `DependencyViolation.BgpPeer` | DeleteBgpGroup | the group still has peers (Deleting ones included) |
//! | `InvalidParams.NotNull` | every write | a required parameter given blank |
//!
//! # Choices where the reference is uncertain
//!
//! 1. Value types follow SDK7 exactly (§9.1): every DescribeBgpGroups field is a string (`IsFake`
//!    `"true"`/`"false"`, ASNs, Hold, Keepalive, RouteLimit); on peers `IsFake` and `EnableBfd` are
//!    booleans, `BfdMultiHop` and the route counts integers, the ASNs, Hold, Keepalive, RouteLimit strings.
//! 2. BGP network Status uses `Pending`/`Available`/`Deleting` (Terraform's vocabulary), not `Enabled`.
//! 3. BGP groups pass through `Modifying` after ModifyBgpGroupAttribute, like peers.
//! 4. Hold is always 30 and Keepalive 10 (not settable by the API).
//! 5. `IsDefault`: only the seeded demo group is a "default" group; created groups are not.
//!    `IsDefault=true` lists default groups (and their peers), `false` the others, absent all.
//! 6. Peers show the group's Name and Description (the peer has none of its own), and its PeerAsn,
//!    LocalAsn, AuthKey (in clear, as the real API returns it), IsFake and RouteLimit.
//! 7. `InvalidRegionId.NotFound` is 404 for every operation (the old ModifyBgpPeerAttribute table's 400
//!    is taken as a documentation slip); the message is the one each operation's table gives.
//! 8. `InvalidParams.NotNull` on CreateBgpPeer carries the message its page documents verbatim
//!    (`invalid peer asn cannot equals aliyun asn:45104`); other operations say `params must not null.`
//!    and the network operations `parameter must not null.`.
//! 9. Unknown or deleted IDs used as Describe filters (`BgpGroupId`, `BgpPeerId`, `RouterId` of
//!    groups/peers) give an empty list; DescribeBgpNetworks with an unknown `RouterId` gives 404
//!    `InvalidResource.NotFound` / `The specified resource is not found.` (Terraform handles that code
//!    there).
//! 10. Unpublished messages: `DependencyViolation.BgpPeer` `bgp group has bgp peers, cannot delete bgp
//!     group.`; `OperationConflict` `The operation conflicts with another operation in progress on the
//!     vbr, please try again later.`.
//! 11. CreateBgpPeer without `IpVersion` uses the group's IpVersion (the documented default IPv4 would
//!     make every IPv6 group need the parameter); an explicit value must match the group's.
//! 12. CreateBgpPeer without `PeerIpAddress` on a VBR with exactly one sub-interface uses the VBR's
//!     PeerGatewayIp (PeerIpv6GatewayIp for IPv6).
//! 13. ModifyBgpPeerAttribute: an omitted `EnableBfd` leaves BFD as it is; a `BgpGroupId` other than the
//!     peer's own group is 400 `InvalidParameter` (moving peers is not supported); unknown ones
//!     `InvalidBgpGroup`.
//! 14. ModifyBgpGroupAttribute uses the create rules for Name/Description (2-128/2-256, letter first);
//!     `ClearAuthKey=true` wins over an `AuthKey` in the same call.
//! 15. NQA: each peer needs an NQA probe on its VBR, so the NQA quota is checked by CreateBgpPeer.
//!     BFD on a hosted (Vpconn) VBR is the unsupported Vpconn feature; groups and BFD-less peers work.
//! 16. `DescribeRegions`: `AcceptLanguage` starting with `en` gives English LocalNames, anything else
//!     Chinese; `ProductType` is accepted and ignored. RegionEndpoint is `vpc.aliyuncs.com` for the
//!     regions of the legacy central list, `vpc.<region>.aliyuncs.com` for the others.
//! 17. DescribeVirtualBorderRouters filters: keys are matched case-insensitively (`eccId`, `type` as
//!     documented), values exactly; more than 5 filters or an unknown key -> `InvalidParameter`; a bare
//!     `Filter.N.Value` (no `.M`) is accepted as one value.
//!     `IncludeCrossAccountVbr` is accepted (all VBRs belong to the account).
//! 18. Writes to a Pending/Modifying/Deleting group, peer or network answer `InvalidStatus.CannotOperate`
//!     (CreateBgpPeer needs its group Available too; a client should wait as Terraform does).

#[cfg(test)]
mod fixtures;
mod groups;
mod networks;
mod params;
mod peers;
mod regions;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::Value;

use super::world::{Region, RememberedAnswer, Vbr, World};
use params::Args;

/// The merged query + form parameters of one request, in arrival order (duplicates kept).
#[derive(Debug, Clone, Default)]
pub struct Params {
    pub pairs: Vec<(String, String)>,
}

impl Params {
    /// Parameters from `(name, value)` pairs, in order (for tests and tools).
    pub fn from_pairs(pairs: &[(&str, &str)]) -> Params {
        Params {
            pairs: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// The first value of `name` (names are case-sensitive, as the real gateway's are).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// One API call as a handler sees it, after the gateway checked its signature.
#[derive(Debug, Clone)]
pub struct ActionRequest<'a> {
    pub action: &'a str,
    pub params: &'a Params,
    pub now: DateTime<Utc>,
    /// How long new or changed objects stay Pending/Modifying/Deleting.
    pub settle: std::time::Duration,
    pub request_id: &'a str,
}

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

/// The actions of Vpc 2016-04-28 the emulator serves: the ones bgpeer models.
pub use crate::api::ACTIONS;

pub fn is_known(action: &str) -> bool {
    ACTIONS.contains(&action)
}

/// Read-only actions run against a shared snapshot and never wait for disk writes.
pub fn is_read_only(action: &str) -> bool {
    action.starts_with("Describe")
}

fn unknown_action() -> EmuError {
    EmuError::new(
        404,
        "InvalidAction.NotFound",
        "Specified api is not found, please check your url and method.",
    )
}

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

/// 500 `InternalError`: a handler panicked or its answer could not be serialised.
pub(crate) fn internal_error() -> EmuError {
    EmuError::new(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error, exception or failure.",
    )
}

/// Serves a read-only action. The returned object has no `RequestId`; the server adds it.
/// Anything else answers 404 `InvalidAction.NotFound`.
pub fn read(world: &World, req: &ActionRequest<'_>) -> Result<Value, EmuError> {
    read_answer(world, req).map(Answer::into_value)
}

/// [`read`], with the Describe pages as serialised JSON (what the server sends).
pub fn read_answer(world: &World, req: &ActionRequest<'_>) -> Result<Answer, EmuError> {
    let cx = Ctx::new(req);
    if is_known(req.action) && is_read_only(req.action) && req.action != "DescribeRegions" {
        cx.args.required("RegionId")?;
    }
    match req.action {
        "DescribeRegions" => regions::describe_regions(world, &cx).map(Answer::Value),
        "DescribeVirtualBorderRouters" => regions::describe_vbrs(world, &cx).map(Answer::Object),
        "DescribeBgpGroups" => groups::describe(world, &cx).map(Answer::Object),
        "DescribeBgpPeers" => peers::describe(world, &cx).map(Answer::Object),
        "DescribeBgpNetworks" => networks::describe(world, &cx).map(Answer::Object),
        _ => Err(unknown_action()),
    }
}

/// Serves a mutating action (ClientToken idempotency included). Read-only actions are served too.
pub fn write(world: &mut World, req: &ActionRequest<'_>) -> Result<Value, EmuError> {
    if is_read_only(req.action) {
        return read(world, req);
    }
    if !is_known(req.action) {
        return Err(unknown_action());
    }
    let cx = Ctx::new(req);
    cx.args.required("RegionId")?;
    world.purge(cx.now_ms, cx.settle_ms);
    let key = cx
        .args
        .client_token()?
        .map(|t| format!("{}\n{}", req.action, t));
    if let Some(remembered) = key.as_ref().and_then(|k| world.client_tokens.get(k)) {
        return Ok((*remembered.body).clone());
    }
    let body = match req.action {
        "CreateBgpGroup" => groups::create(world, &cx),
        "ModifyBgpGroupAttribute" => groups::modify(world, &cx),
        "DeleteBgpGroup" => groups::delete(world, &cx),
        "CreateBgpPeer" => peers::create(world, &cx),
        "ModifyBgpPeerAttribute" => peers::modify(world, &cx),
        "DeleteBgpPeer" => peers::delete(world, &cx),
        "AddBgpNetwork" => networks::add(world, &cx),
        "DeleteBgpNetwork" => networks::delete(world, &cx),
        _ => Err(unknown_action()),
    }?;
    if let Some(k) = key {
        world.client_tokens.insert(
            k,
            RememberedAnswer {
                body: Arc::new(body.clone()),
                at_ms: cx.now_ms,
            },
        );
    }
    Ok(body)
}

/// What every handler needs: the parameters, the action, the clock and the settle time.
pub(crate) struct Ctx<'r, 'a> {
    pub args: Args<'r, 'a>,
    pub action: &'a str,
    pub now_ms: i64,
    pub settle_ms: i64,
}

impl<'r, 'a> Ctx<'r, 'a> {
    fn new(req: &'r ActionRequest<'a>) -> Self {
        Ctx {
            args: Args::new(req),
            action: req.action,
            now_ms: req.now.timestamp_millis(),
            settle_ms: i64::try_from(req.settle.as_millis()).unwrap_or(i64::MAX),
        }
    }

    /// The region named by the required `RegionId`.
    fn region<'w>(&self, world: &'w World) -> Result<&'w Region, EmuError> {
        let id = self.args.required("RegionId")?;
        world
            .region(id)
            .ok_or_else(|| region_not_found(self.action))
    }

    /// A required parameter that must also be non-blank (`InvalidParams.NotNull` otherwise).
    fn required(&self, name: &str) -> Result<&'r str, EmuError> {
        let v = self.args.required(name)?;
        if v.trim().is_empty() {
            return Err(self.not_null());
        }
        Ok(v)
    }

    fn not_null(&self) -> EmuError {
        let message = match self.action {
            "CreateBgpPeer" => "invalid peer asn cannot equals aliyun asn:45104",
            "AddBgpNetwork" | "DeleteBgpNetwork" => "parameter must not null.",
            _ => "params must not null.",
        };
        EmuError::new(400, "InvalidParams.NotNull", message)
    }
}

fn region_not_found(action: &str) -> EmuError {
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

fn cannot_operate() -> EmuError {
    EmuError::new(
        400,
        "InvalidStatus.CannotOperate",
        "invalid status cannot operate",
    )
}

fn invalid_vbr() -> EmuError {
    EmuError::new(400, "InvalidVbrNetwork", "vbr netowrk not exists")
}

fn invalid_group() -> EmuError {
    EmuError::new(400, "InvalidBgpGroup", "bgp group not exists")
}

fn instance_not_found() -> EmuError {
    EmuError::new(400, "InvalidParams.NotFound", "instance not found")
}

fn pconn_traffic_not_enabled() -> EmuError {
    EmuError::new(
        400,
        "OperationFailed.PconnTrafficNotEnable",
        "The operation is failed because of PconnTrafficNotEnable.",
    )
}

fn ipv6_unsupported_region() -> EmuError {
    EmuError::new(
        400,
        "OperationUnsupported.IPV6ForThisRegion",
        "This Region is unsupported IPV6.",
    )
}

fn illegal_ip_version() -> EmuError {
    EmuError::new(
        400,
        "IllegalParam.IpVersion",
        "The param of IPV6 is illegal.",
    )
}

/// Every write on a VBR needs it `active` and not busy with another operation.
fn check_vbr_writable(vbr: &Vbr) -> Result<(), EmuError> {
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

/// One page of a Describe answer:
/// `{"TotalCount", "PageNumber", "PageSize", <set>: {<item>: [rows]}}`.
struct Page<'r, T> {
    paging: params::Paging,
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

/// A Describe page serialised: `rows` are the page's items, `total` counts all matches.
fn page_body<T: Serialize>(
    paging: params::Paging,
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

/// Serialises a number as a JSON string (the SDK's type for ASNs, Hold, Keepalive, RouteLimit)
/// without an intermediate `String`.
fn as_text<T: std::fmt::Display, S: Serializer>(v: &T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(v)
}

#[cfg(test)]
mod tests {
    use super::fixtures::{world_in_every_phase, NOW_MS, SETTLE};
    use super::*;

    #[test]
    fn a_page_is_the_totals_then_the_set() {
        let paging = params::Paging { number: 3, size: 7 };
        let empty: [Value; 0] = [];
        let object = page_body(paging, 0, "Set", "Item", &empty).unwrap();
        assert_eq!(
            object.as_str(),
            r#"{"TotalCount":0,"PageNumber":3,"PageSize":7,"Set":{"Item":[]}}"#
        );
    }

    #[test]
    fn the_world_of_every_phase_has_every_phase() {
        let w = world_in_every_phase();
        let params = Params {
            pairs: vec![
                ("RegionId".to_string(), "cn-shanghai".to_string()),
                ("PageSize".to_string(), "50".to_string()),
            ],
        };
        let req = ActionRequest {
            action: "DescribeBgpPeers",
            params: &params,
            now: DateTime::from_timestamp_millis(NOW_MS).unwrap(),
            settle: SETTLE,
            request_id: "R",
        };
        let peers = read(&w, &req).unwrap();
        let seen = |field: &str| -> std::collections::BTreeSet<String> {
            peers["BgpPeers"]["BgpPeer"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p[field].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(
            seen("Status"),
            ["Available", "Deleting", "Modifying", "Pending"]
                .map(String::from)
                .into()
        );
        assert_eq!(
            seen("BgpStatus"),
            ["Connect", "Established", "Idle"].map(String::from).into()
        );
        assert_eq!(seen("IpVersion"), ["IPv4", "IPv6"].map(String::from).into());
    }
}

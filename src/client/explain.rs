//! Plain-words explanations of API error codes: what each code of the reference's tables means,
//! and what to do about it. `ClientError::hint` prints them after the code and message.

/// What an error code means and what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    pub meaning: &'static str,
    pub action: &'static str,
}

const fn ex(meaning: &'static str, action: &'static str) -> Option<Explanation> {
    Some(Explanation { meaning, action })
}

/// The explanation of an API error code, when we know it.
pub fn explain(code: &str) -> Option<Explanation> {
    match code {
        // Gateway: credentials and signatures.
        "SignatureDoesNotMatch" | "IncompleteSignature" | "InvalidAccessKeySecret" => ex(
            "the API computed a different signature: the AccessKey secret is wrong, or the request was altered on the way",
            "check the profile's credentials with `bgpeer whoami`",
        ),
        "InvalidAccessKeyId.NotFound" => ex(
            "the AccessKey ID is unknown to the API",
            "check the profile's credentials with `bgpeer whoami`",
        ),
        "InvalidAccessKeyId.Inactive" => ex(
            "the AccessKey is disabled",
            "enable it in the RAM console, or use another key",
        ),
        "SignatureNonceUsed" => ex(
            "the request's nonce was already used (a replayed request)",
            "retry; if it persists, check that nothing in between replays requests",
        ),
        "InvalidTimeStamp.Format" => ex(
            "the request's timestamp is not well formatted",
            "this is a client bug; report it with the command you ran",
        ),
        "InvalidTimeStamp.Expired" => ex(
            "this machine's clock is more than 15 minutes off the API's",
            "fix the clock (NTP) and retry",
        ),
        "Forbidden" | "Forbidden.RAM" | "NoPermission" => ex(
            "the RAM user or role is not allowed to perform this action on this resource",
            "grant the RAM permission for this action (vpc: followed by the action name, e.g. vpc:CreateBgpPeer; or the AliyunVPCFullAccess policy) or use another profile",
        ),
        "InvalidSecurityToken.Expired" | "InvalidSecurityToken.Malformed" | "InvalidSecurityToken.MismatchWithAccessKey" | "MissingSecurityToken" => ex(
            "the STS security token is expired, malformed or missing",
            "refresh the temporary credentials (`bgpeer whoami` shows where they come from)",
        ),
        // Gateway: request shape.
        "MissingParameter" => ex(
            "a required parameter is missing",
            "add the parameter the message names",
        ),
        "InvalidParameter" => ex(
            "a parameter value is not valid for this action",
            "check the value the message names (`--help` lists valid values)",
        ),
        "InvalidAction.NotFound" => ex(
            "the API does not know this action (or this version of it)",
            "check the action name's spelling; `bgpeer api` takes VPC 2016-04-28 actions",
        ),
        // Gateway: load.
        "Throttling" | "Throttling.User" | "Throttling.Api" | "Rejected.Throttling" => ex(
            "the API is rate-limiting requests from this account or AccessKey",
            "wait a little and retry; for bulk runs lower --concurrency",
        ),
        "InternalError" => ex(
            "the API failed with an unknown server-side error",
            "retry later; if it persists, open a ticket with the request id",
        ),
        "ServiceUnavailable" => ex(
            "the API is temporarily unavailable",
            "retry later",
        ),
        // Quotas.
        "QuotaExceeded.Bgp" => ex(
            "the VBR already has the most BGP peers (8) or BGP groups it can have",
            "delete a peer or group on this VBR first (`bgpeer vbr show VBR_ID`)",
        ),
        "QuotaExceeded.Nqa" => ex(
            "the VBR already has the most network quality analyzers (NQA) it can have",
            "remove an NQA from the VBR first",
        ),
        "QuotaExceeded.BgpNetwork" => ex(
            "the VBR already advertises the most BGP networks it can",
            "withdraw a network first (`bgpeer network delete`)",
        ),
        "QuotaExceeded.BfdSession" => ex(
            "no more BFD sessions are available (for your account or on the access device)",
            "create the peer without --enable-bfd, or disable BFD on another peer",
        ),
        // Missing or unknown resources.
        "InvalidVbrNetwork" => ex(
            "the VBR does not exist in this region",
            "check --router-id and --region; list VBRs with `bgpeer vbr list`",
        ),
        "InvalidBgpGroup" => ex(
            "the BGP group does not exist",
            "check the group ID and --region; list groups with `bgpeer group list`",
        ),
        "InvalidParams.NotFound" => ex(
            "an object the request names (a VBR, group, peer, or the VPC of --vpc-id) does not exist",
            "check the IDs and --region",
        ),
        "InvalidResource.NotFound" => ex(
            "the resource the request refers to does not exist",
            "check the IDs and --region",
        ),
        "InvalidAccessDeviceId.NotFound" => ex(
            "the access device behind the VBR's circuit is not on record",
            "check the VBR's physical connection in the console, or open a ticket",
        ),
        "InvalidRegionId.NotFound" => ex(
            "the region ID is not known to the API",
            "check --region; list regions with `bgpeer region list`",
        ),
        // Malformed values.
        "InvalidBgpName.Malformed" => ex(
            "the group name is not valid",
            "use 2-128 characters starting with a letter: letters, digits, '.', '_', '-'",
        ),
        "InvalidBgpDescription.Malformed" | "InvalidBgpDiscription.Malformed" => ex(
            "the group description is not valid",
            "use 2-256 characters starting with a letter, not starting with http:// or https://",
        ),
        "InvalidBgpAuthkey.Malformed" => ex(
            "the BGP authentication key is not valid",
            "choose another key (printable characters, no spaces)",
        ),
        "InvalidIP.Malformed" | "IllegalParam.IpAddress" | "IllegalParam.PeerIpAddress" => ex(
            "an IP address is not valid",
            "give a plain IPv4 or IPv6 address of the right family in --peer-ip-address",
        ),
        "InvalidPeerAsn.Malformed" => ex(
            "the peer ASN cannot be Alibaba Cloud's own ASN 45104",
            "use your device's ASN in --peer-asn",
        ),
        "InvalidParams.NotNull" => ex(
            "a required value is empty (the API also uses this code for a peer ASN of 45104)",
            "fill in the value the message names; use your device's ASN in --peer-asn",
        ),
        "InvalidBgpGroup.LocalAsnInvalid" | "IllegalParam.LocalAsn" => ex(
            "the local ASN is not allowed",
            "use 64512-65534 or 4200000000-4294967294 (not 65025) in --local-asn, or leave it out for 45104",
        ),
        "IllegalParam.PeerAsn" => ex(
            "the peer ASN is not valid",
            "use your device's ASN, 1-4294967295 and not 45104, in --peer-asn",
        ),
        "IllegalParam.RouteLimit" => ex(
            "the route quota is above the largest allowed per peer",
            "lower --route-quota (the default is 110)",
        ),
        "IllegalParam.BfdMultiHop" => ex(
            "the BFD hop count is not valid",
            "use 1-255 in --bfd-multi-hop, together with --enable-bfd",
        ),
        "MissingParam.EnableBfd" => ex(
            "a BFD setting was given without EnableBfd",
            "add --enable-bfd (or --enable-bfd=false and no --bfd-multi-hop)",
        ),
        "IllegalParam.IpVersion" | "OperationUnsupported.IPV6ForThisRegion" => ex(
            "IPv6 BGP is not available here: the region or the VBR does not support IPv6",
            "use --ip-version IPv4, or a VBR with IPv6 enabled (`bgpeer vbr list` shows EnableIpv6)",
        ),
        "IllegalParam.LocalGatewayIpAndMask" => ex(
            "the VBR's local gateway IP and subnet mask are not valid for BGP",
            "fix the VBR's IPv4 addressing in the console, then retry",
        ),
        "IllegalParam.PeeringIpv6SubnetMask" => ex(
            "the VBR's IPv6 peering subnet mask is not valid",
            "fix the VBR's IPv6 addressing in the console, then retry",
        ),
        "InvalidDestCidrBlock.Malformed" | "IllegalParamFormat.DstCidrBlock" => ex(
            "the destination CIDR block is not valid",
            "give a CIDR block with its host bits zero in --dst-cidr-block, e.g. 192.168.0.0/24",
        ),
        "IllegalParam.ConflictWithDClass" => ex(
            "class D (multicast, 224.0.0.0/4) addresses cannot be advertised",
            "advertise a unicast CIDR block instead",
        ),
        // Conflicts and duplicates.
        "InvalidParams.AlreadyExists" | "Duplicated.CidrBlock" => ex(
            "this network is already advertised on the VBR",
            "nothing to do, or withdraw it first (`bgpeer network delete`)",
        ),
        "InvalidPeerIpAddress" => ex(
            "the VBR sits on several circuits, so the peer IP address cannot be empty",
            "add --peer-ip-address",
        ),
        "InvalidParams.PeerIpAddressMustPointOut" => ex(
            "the VBR has no or several sub-interfaces, so the API cannot pick the peer address itself",
            "add --peer-ip-address",
        ),
        "InvalidParams.PeerIpAddressInUse" | "BgpPeer.Already.Exists" | "DuplicatedParam.PeerIpAddress" | "DuplicatedParam.PeerIpv6Address" => ex(
            "another BGP peer already uses this peer address",
            "pick another --peer-ip-address, or reuse the existing peer (`bgpeer peer list`)",
        ),
        "DuplicatedParam.LocalIpAddress" | "DuplicatedParam.LocalIpv6Address" => ex(
            "the local IP address is already used on this VBR",
            "change the VBR's local address in the console, then retry",
        ),
        "InvalidIP.IpInSnatPool" => ex(
            "an IP address of the request is in use by a SNAT pool",
            "free the address from the SNAT entry first",
        ),
        // State.
        "InvalidStatus.CannotOperate" => ex(
            "the resource is busy (not Available): it is being created, changed or deleted",
            "wait for it (`--wait`, or `bgpeer peer wait ID`) and retry",
        ),
        "OperationConflict" => ex(
            "another operation on the same resource is in progress",
            "wait a few seconds and retry",
        ),
        "DependencyViolation.BgpPeer" => ex(
            "the group still has BGP peers",
            "delete them first, or use `bgpeer group delete --cascade`",
        ),
        "OperationFailed.PconnTrafficNotEnable" => ex(
            "outbound data transfer billing is not enabled on the VBR's circuit",
            "enable it in the Express Connect console first",
        ),
        "OperationFailed.NoActiveRouterInterface" => ex(
            "the VBR has no active router interface, so it cannot advertise networks",
            "activate the router interface between the VBR and the VPC first",
        ),
        "OperationUnsupport" => ex(
            "custom local ASNs are only available to allow-listed VBRs",
            "leave out --local-asn (45104 is used), or ask Alibaba Cloud to allow-list the VBR",
        ),
        "UnsupportedFeature.Vpconn" => ex(
            "BGP peers are not supported on this VBR's (hosted, Vpconn) connection type",
            "use a VBR on a dedicated circuit",
        ),
        _ => None,
    }
}

/// `meaning; what to do`, for the `hint:` line of an API error.
pub fn hint_for(code: &str) -> Option<String> {
    if let Some(e) = explain(code) {
        return Some(format!("{}; {}", e.meaning, e.action));
    }
    // `Missing<ParamName>` (e.g. MissingRegionId): the gateway's required-parameter check.
    if let Some(param) = code
        .strip_prefix("Missing")
        .filter(|p| !p.is_empty() && !p.contains('.'))
    {
        return Some(format!(
            "the required parameter {param} is missing; add it (for bgpeer commands, the flag named after it)"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code of the reference's tables (vpc-bgp-api.md §1.3, §3-5; CreateBgpPeer doc).
    const REFERENCE_CODES: &[&str] = &[
        "MissingRegionId",
        "MissingParameter",
        "InvalidParameter",
        "InvalidAction.NotFound",
        "InvalidAccessKeyId.NotFound",
        "InvalidAccessKeyId.Inactive",
        "SignatureDoesNotMatch",
        "SignatureNonceUsed",
        "InvalidTimeStamp.Format",
        "InvalidTimeStamp.Expired",
        "Throttling.User",
        "Throttling.Api",
        "Throttling",
        "Forbidden",
        "InternalError",
        "ServiceUnavailable",
        "Rejected.Throttling",
        "QuotaExceeded.Bgp",
        "QuotaExceeded.Nqa",
        "QuotaExceeded.BgpNetwork",
        "InvalidPeerIpAddress",
        "InvalidVbrNetwork",
        "InvalidBgpGroup",
        "InvalidBgpName.Malformed",
        "InvalidBgpDescription.Malformed",
        "InvalidBgpDiscription.Malformed",
        "InvalidBgpAuthkey.Malformed",
        "InvalidIP.Malformed",
        "InvalidPeerAsn.Malformed",
        "InvalidParams.NotNull",
        "InvalidBgpGroup.LocalAsnInvalid",
        "InvalidParams.NotFound",
        "InvalidParams.AlreadyExists",
        "InvalidStatus.CannotOperate",
        "InvalidParams.PeerIpAddressMustPointOut",
        "InvalidParams.PeerIpAddressInUse",
        "IllegalParam.PeerAsn",
        "IllegalParam.LocalAsn",
        "OperationFailed.PconnTrafficNotEnable",
        "OperationUnsupport",
        "IllegalParam.RouteLimit",
        "InvalidRegionId.NotFound",
        "OperationConflict",
        "InvalidAccessDeviceId.NotFound",
        "QuotaExceeded.BfdSession",
        "BgpPeer.Already.Exists",
        "MissingParam.EnableBfd",
        "OperationUnsupported.IPV6ForThisRegion",
        "IllegalParam.BfdMultiHop",
        "UnsupportedFeature.Vpconn",
        "DuplicatedParam.PeerIpAddress",
        "DuplicatedParam.LocalIpAddress",
        "DuplicatedParam.PeerIpv6Address",
        "DuplicatedParam.LocalIpv6Address",
        "IllegalParam.LocalGatewayIpAndMask",
        "IllegalParam.PeeringIpv6SubnetMask",
        "IllegalParam.IpVersion",
        "IllegalParam.PeerIpAddress",
        "IllegalParam.IpAddress",
        "DependencyViolation.BgpPeer",
        "Duplicated.CidrBlock",
        "InvalidIP.IpInSnatPool",
        "InvalidDestCidrBlock.Malformed",
        "IllegalParam.ConflictWithDClass",
        "OperationFailed.NoActiveRouterInterface",
        "IllegalParamFormat.DstCidrBlock",
        "InvalidResource.NotFound",
    ];

    #[test]
    fn every_reference_code_is_explained() {
        for code in REFERENCE_CODES {
            let hint = hint_for(code).unwrap_or_else(|| panic!("no explanation for {code}"));
            assert!(hint.contains("; "), "{code}: {hint}");
            assert!(!hint.ends_with('.'), "{code}: trailing period");
            assert_eq!(hint, hint.trim());
        }
    }

    #[test]
    fn unknown_codes_have_no_hint() {
        assert_eq!(hint_for("Something.New"), None);
        assert_eq!(hint_for("Missing"), None);
    }
}

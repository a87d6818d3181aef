//! Plain-words explanations of API error codes (from the reference's per-operation tables).

/// What an error code means and what to do, when we know.
pub fn hint_for(code: &str) -> Option<String> {
    let text = match code {
        "SignatureDoesNotMatch" | "IncompleteSignature" | "InvalidAccessKeySecret" => {
            "the AccessKey secret is wrong (or the request was altered on the way); check the profile's credentials with `bgpeer whoami`"
        }
        "InvalidAccessKeyId.NotFound" => {
            "the AccessKey ID is unknown to the API; check the profile's credentials with `bgpeer whoami`"
        }
        "InvalidTimeStamp.Expired" => "this machine's clock is more than 15 minutes off; fix the clock (NTP) and retry",
        "QuotaExceeded.Bgp" => {
            "the VBR already has the maximum number of BGP peers (8) or groups; delete one first"
        }
        "InvalidBgpGroup" => "the BGP group does not exist; list groups with `bgpeer group list`",
        "InvalidVbrNetwork" => "the VBR does not exist in this region; list VBRs with `bgpeer vbr list`",
        "InvalidPeerAsn.Malformed" => "the peer ASN may not be Alibaba Cloud's own ASN 45104; use your device's ASN",
        "IllegalParam.BfdMultiHop" => "--bfd-multi-hop must be 1-255, and is only allowed with --enable-bfd",
        "InvalidStatus.CannotOperate" => {
            "the resource is busy (not Available); wait for it (`--wait`, or `bgpeer peer wait`) and retry"
        }
        "DependencyViolation.BgpPeer" => {
            "the group still has peers; delete them first, or use `bgpeer group delete --cascade`"
        }
        "InvalidParams.PeerIpAddressMustPointOut" => {
            "the VBR has several (or no) sub-interfaces, so --peer-ip-address must be given"
        }
        "InvalidParams.PeerIpAddressInUse" | "BgpPeer.Already.Exists" | "DuplicatedParam.PeerIpAddress" => {
            "another peer already uses this address; pick another --peer-ip-address"
        }
        "InvalidRegionId.NotFound" => "the region ID is not known; list regions with `bgpeer region list`",
        "OperationUnsupported.IPV6ForThisRegion" | "IllegalParam.IpVersion" => {
            "IPv6 needs a VBR with IPv6 enabled (see `bgpeer vbr list`); use --ip-version IPv4 otherwise"
        }
        "OperationFailed.PconnTrafficNotEnable" => {
            "outbound data transfer billing is not enabled on the VBR's circuit; enable it in the console first"
        }
        "UnsupportedFeature.Vpconn" => "BGP is not supported on this VBR's (hosted) connection type",
        _ => return None,
    };
    Some(text.to_string())
}

//! `bgpeer api ACTION --param Key=Value ...`

use clap::Args;

pub const API_LONG_ABOUT: &str = "\
Call any action of the VPC API (version 2016-04-28) with a signed request and print the raw JSON \
answer: for what bgpeer does not model yet. The answer keeps every field the API sent, RequestId \
included; AuthKey values are masked unless --show-secrets is given.

Parameters:
  * --param KEY=VALUE sets one API parameter; the value is sent as is (it may contain '=').
  * A key given more than once is a list: --param Tag=a --param Tag=b sends Tag.1=a and Tag.2=b.
  * RegionId is added from --region (or the profile or ALIBABA_CLOUD_REGION_ID) unless you pass it
    or the action needs none (DescribeRegions).
  * Mutating actions (Create*, Modify*, Delete*, Add*) carry a ClientToken: --client-token, or a
    fresh one reused on every retry of this call.
  * Action, Version, AccessKeyId, Signature* and the other signing parameters are set by bgpeer.

Output is JSON (pretty) by default, whatever the terminal; -o ndjson prints it on one line, -o none \
prints nothing, and -o value/tsv/table with --fields pick fields of the answer.";

pub const API_EXAMPLES: &str = "\
Examples:
  # The peers of one group, raw
  $ bgpeer api DescribeBgpPeers --param BgpGroupId=bgpg-bp1demo00000000000000

  # A filter with two values (sent as Filter.1.Value.1 and Filter.1.Value.2)
  $ bgpeer api DescribeVirtualBorderRouters --param Filter.1.Key=Status \\
      --param Filter.1.Value=active --param Filter.1.Value=unconfirmed

  # A create, with an idempotency token you can safely retry with
  $ bgpeer api CreateBgpPeer --client-token peer-2026-11-28-a \\
      --param BgpGroupId=bgpg-bp1demo00000000000000 --param PeerIpAddress=10.0.0.2";

#[derive(Debug, Args)]
#[command(long_about = API_LONG_ABOUT, after_long_help = API_EXAMPLES)]
pub struct ApiArgs {
    /// The VPC action, in the API's CamelCase, e.g. DescribeBgpPeers
    #[arg(value_name = "ACTION")]
    pub action: String,

    /// An API parameter as KEY=VALUE; repeatable, a repeated KEY becomes KEY.1, KEY.2, ... [default: none]
    #[arg(long = "param", value_name = "KEY=VALUE")]
    pub params: Vec<String>,

    /// Idempotency token (API parameter ClientToken, 1-64 ASCII characters) for mutating actions
    /// [default: a fresh UUID, reused on every retry of this call]
    #[arg(long, value_name = "TOKEN")]
    pub client_token: Option<String>,
}

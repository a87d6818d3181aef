//! Deterministic resource IDs: the same world gives the same IDs on every machine and every run.

/// A deterministic 64-bit mix (splitmix64), for IDs and plausible route counts.
pub(crate) fn mix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub(crate) fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

const ID_ALPHABET: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";

pub(super) fn random_chars(seed: u64, len: usize) -> String {
    let mut out = String::with_capacity(len);
    let mut state = seed;
    while out.len() < len {
        state = mix64(state);
        let mut v = state;
        for _ in 0..8 {
            if out.len() == len {
                break;
            }
            out.push(ID_ALPHABET[(v % 36) as usize] as char);
            v /= 36;
        }
    }
    out
}

/// The three-character zone prefix Alibaba puts at the start of resource IDs in a region.
pub fn region_code(region_id: &str) -> String {
    let known = match region_id {
        "cn-qingdao" => "m5e",
        "cn-beijing" => "2ze",
        "cn-zhangjiakou" => "8vb",
        "cn-huhehaote" => "hp3",
        "cn-wulanchabu" => "0jl",
        "cn-hangzhou" => "bp1",
        "cn-shanghai" => "uf6",
        "cn-nanjing" => "nj1",
        "cn-shenzhen" => "wz9",
        "cn-heyuan" => "f8z",
        "cn-guangzhou" => "7xv",
        "cn-chengdu" => "2vc",
        "cn-hongkong" => "j6c",
        "ap-northeast-1" => "6we",
        "ap-southeast-1" => "t4n",
        "ap-southeast-3" => "8ps",
        "ap-southeast-5" => "k1a",
        "eu-central-1" => "gw8",
        "eu-west-1" => "d7o",
        "us-east-1" => "0xi",
        "us-west-1" => "rj9",
        "me-east-1" => "eb3",
        _ => "",
    };
    if known.is_empty() {
        random_chars(fnv1a(region_id), 3)
    } else {
        known.to_string()
    }
}

/// `<prefix>-<region code><word>` padded with `0` to 21 characters after the dash.
pub(super) fn memorable_id(prefix: &str, code: &str, word: &str) -> String {
    let mut body = format!("{code}{word}");
    while body.len() < 21 {
        body.push('0');
    }
    body.truncate(21);
    format!("{prefix}-{body}")
}

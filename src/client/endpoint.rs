//! Endpoint resolution as the official SDKs do it.

use super::ClientError;

/// Regions the SDKs send to the central `vpc.aliyuncs.com`.
const CENTRAL_REGIONS: &[&str] = &[
    "cn-hangzhou",
    "cn-shanghai-finance-1",
    "cn-shenzhen-finance-1",
    "cn-north-2-gov-1",
    "ap-northeast-2-pop",
    "cn-hangzhou-finance",
    "rus-west-1-pop",
];

/// Where requests go: `scheme://host[:port]`, and the `host` header value (with port).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub scheme: String,
    pub host: String,
}

impl Endpoint {
    pub fn url(&self) -> String {
        format!("{}://{}/", self.scheme, self.host)
    }

    /// A loopback IP literal (127.0.0.0/8, ::1), where the embedded emulator and local servers
    /// live; such endpoints never go through a proxy. Names, `localhost` included, follow NO_PROXY.
    pub fn is_loopback_ip(&self) -> bool {
        strip_port(&self.host)
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
    }
}

/// `host`, `host:port`, `[v6]`, `[v6]:port` -> the bare host (brackets removed).
fn strip_port(host: &str) -> &str {
    let bare = host
        .rsplit_once(':')
        .filter(|(h, port)| port.chars().all(|c| c.is_ascii_digit()) && !h.ends_with(':'))
        .map(|(h, _)| h)
        .unwrap_or(host);
    bare.trim_start_matches('[').trim_end_matches(']')
}

/// The default VPC endpoint host of a region.
pub fn vpc_host(region_id: &str) -> String {
    if CENTRAL_REGIONS.contains(&region_id) {
        "vpc.aliyuncs.com".to_string()
    } else if region_id == "cn-zhangjiakou-na62-a01" {
        "vpc.cn-zhangjiakou.aliyuncs.com".to_string()
    } else {
        format!("vpc.{region_id}.aliyuncs.com")
    }
}

fn is_loopback_host(host: &str) -> bool {
    let bare = strip_port(host);
    bare == "localhost"
        || bare
            .parse::<std::net::IpAddr>()
            .map(|ip| ip.is_loopback())
            .unwrap_or(false)
}

/// Resolves `--endpoint` (a host or a full URL) or the region's default endpoint.
pub fn resolve(
    region_id: Option<&str>,
    endpoint_override: Option<&str>,
    allow_insecure: bool,
) -> Result<Endpoint, ClientError> {
    let Some(raw) = endpoint_override else {
        let region = region_id.ok_or_else(|| ClientError::Config {
            message: "no region given".into(),
            hint: Some("pass --region (e.g. --region cn-shanghai), set ALIBABA_CLOUD_REGION_ID, or set region in the profile".into()),
        })?;
        return Ok(Endpoint {
            scheme: "https".into(),
            host: vpc_host(region),
        });
    };
    let (scheme, rest) = match raw.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r),
        None => ("https".to_string(), raw),
    };
    let host = rest.split('/').next().unwrap_or("").to_string();
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(ClientError::Config {
            message: format!("invalid endpoint {raw:?}: no host"),
            hint: Some(
                "give a host (vpc.cn-shanghai.aliyuncs.com) or a URL (https://host:port)".into(),
            ),
        });
    }
    match scheme.as_str() {
        "https" => {}
        "http" if allow_insecure || is_loopback_host(&host) => {}
        "http" => {
            return Err(ClientError::Config {
                message: format!("refusing plain-http endpoint {raw:?}: it is not on loopback"),
                hint: Some(
                    "use https://, or pass --allow-insecure-endpoint if you really mean it".into(),
                ),
            })
        }
        other => {
            return Err(ClientError::Config {
                message: format!("invalid endpoint {raw:?}: unsupported scheme {other:?}"),
                hint: Some("use https:// (or http:// for a local emulator)".into()),
            })
        }
    }
    Ok(Endpoint { scheme, host })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangzhou_and_special_regions_use_the_central_endpoint() {
        assert_eq!(vpc_host("cn-hangzhou"), "vpc.aliyuncs.com");
        assert_eq!(vpc_host("cn-shanghai-finance-1"), "vpc.aliyuncs.com");
        assert_eq!(vpc_host("cn-shanghai"), "vpc.cn-shanghai.aliyuncs.com");
        assert_eq!(vpc_host("eu-central-1"), "vpc.eu-central-1.aliyuncs.com");
    }

    #[test]
    fn overrides_accept_hosts_and_urls() {
        let e = resolve(None, Some("vpc.example.com"), false).unwrap();
        assert_eq!(e.url(), "https://vpc.example.com/");
        let e = resolve(None, Some("http://127.0.0.1:8765"), false).unwrap();
        assert_eq!(e.host, "127.0.0.1:8765");
        assert!(resolve(None, Some("http://10.0.0.1:80"), false).is_err());
        assert!(resolve(None, Some("http://10.0.0.1:80"), true).is_ok());
        assert!(resolve(None, Some("http://[::1]:9"), false).is_ok());
        assert!(resolve(None, Some("ftp://x"), true).is_err());
        assert!(resolve(None, None, false).is_err());
    }

    #[test]
    fn only_loopback_ip_literals_bypass_proxies() {
        let ep = |raw: &str| resolve(None, Some(raw), true).unwrap();
        assert!(ep("http://127.0.0.1:8765").is_loopback_ip());
        assert!(ep("http://127.0.0.2").is_loopback_ip());
        assert!(ep("http://[::1]:9").is_loopback_ip());
        assert!(!ep("http://localhost:9").is_loopback_ip());
        assert!(!ep("http://10.0.0.1:80").is_loopback_ip());
        assert!(!ep("vpc.cn-shanghai.aliyuncs.com").is_loopback_ip());
    }

    #[test]
    fn special_regions_and_host_validation() {
        for r in [
            "cn-shenzhen-finance-1",
            "cn-north-2-gov-1",
            "ap-northeast-2-pop",
            "cn-hangzhou-finance",
            "rus-west-1-pop",
        ] {
            assert_eq!(vpc_host(r), "vpc.aliyuncs.com", "{r}");
        }
        assert_eq!(
            vpc_host("cn-zhangjiakou-na62-a01"),
            "vpc.cn-zhangjiakou.aliyuncs.com"
        );
        let e = resolve(Some("cn-beijing"), None, false).unwrap();
        assert_eq!(e.url(), "https://vpc.cn-beijing.aliyuncs.com/");
        // An override wins over the region; a path after the host is ignored.
        let e = resolve(Some("cn-beijing"), Some("https://h.example:8443/x"), false).unwrap();
        assert_eq!(e.host, "h.example:8443");
        assert!(resolve(None, Some("https://"), false).is_err());
        assert!(resolve(None, Some("http://localhost:1"), false).is_ok());
    }
}

//! The one HTTP client builder, for every call bgpeer makes: the API, STS, the ECS instance
//! metadata service and a credentials URI. Same TLS (rustls with the webpki roots; certificate
//! verification is always on and has no switch), same user agent, same proxy rules; each caller
//! chooses its timeouts and whether a proxy may be used.

use std::time::Duration;

/// The `User-Agent` of every request.
pub const USER_AGENT: &str = concat!("bgpeer/", env!("CARGO_PKG_VERSION"));

/// Whether requests may go through a proxy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proxy {
    /// `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY`, minus `NO_PROXY` (reqwest reads them itself).
    FromEnvironment,
    /// Never: loopback servers (the embedded emulator, local test servers) and the link-local
    /// metadata service.
    Never,
}

/// Which server certificates are trusted besides the built-in roots: the same for the API, STS,
/// the sign-in services and a credentials URI (see `Settings::trust`).
#[derive(Debug, Clone, Default)]
pub struct Trust {
    /// Extra CA certificates, already parsed.
    pub extra_roots: Vec<reqwest::Certificate>,
}

/// What differs between the callers of [`build`].
#[derive(Debug, Clone)]
pub struct HttpOptions {
    /// Establishing the connection.
    pub connect_timeout: Duration,
    /// One request, from sending to the end of the answer.
    pub timeout: Duration,
    /// Refuse plain `http://` URLs.
    pub https_only: bool,
    pub proxy: Proxy,
    pub trust: Trust,
}

/// Builds an HTTP client with `options`.
pub fn build(options: &HttpOptions) -> Result<reqwest::Client, reqwest::Error> {
    let mut builder = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .https_only(options.https_only);
    if options.proxy == Proxy::Never {
        builder = builder.no_proxy();
    }
    for root in &options.trust.extra_roots {
        builder = builder.add_root_certificate(root.clone());
    }
    builder.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_client_builds() {
        for proxy in [Proxy::FromEnvironment, Proxy::Never] {
            for https_only in [true, false] {
                build(&HttpOptions {
                    connect_timeout: Duration::from_secs(1),
                    timeout: Duration::from_secs(2),
                    https_only,
                    proxy,
                    trust: Trust::default(),
                })
                .unwrap();
            }
        }
        assert!(USER_AGENT.starts_with("bgpeer/"));
    }
}

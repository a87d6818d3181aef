//! The one HTTP client builder, for every call bgpeer makes: the API, STS, the sign-in services,
//! the ECS instance metadata service and a credentials URI. Same TLS, same user agent, same proxy
//! rules; each caller chooses its timeouts and whether a proxy may be used.
//!
//! Server certificates are always verified (there is no switch to turn that off) against the
//! built-in Mozilla roots, the system's CA store and the extra CAs of [`Trust`]. The system store
//! is read on the first TLS handshake of the process, not when a client is built: a command that
//! only talks plain HTTP (the embedded emulator on loopback) never reads it.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, RootCertStore, SignatureScheme};

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

/// Which server certificates are trusted besides the built-in roots and the system's store: the
/// same for the API, STS, the sign-in services and a credentials URI (see `Settings::trust`).
#[derive(Debug, Clone, Default)]
pub struct Trust {
    /// Extra CA certificates, already read and checked (`--ca-bundle` and its friends).
    pub extra_roots: Vec<CertificateDer<'static>>,
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

/// The HTTP client could not be built (its message says why).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct BuildError(String);

/// Builds an HTTP client with `options`.
pub fn build(options: &HttpOptions) -> Result<reqwest::Client, BuildError> {
    let tls = tls_config(&options.trust).map_err(|e| BuildError(format!("TLS: {e}")))?;
    let mut builder = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(options.connect_timeout)
        .timeout(options.timeout)
        .https_only(options.https_only)
        .use_preconfigured_tls(tls);
    if options.proxy == Proxy::Never {
        builder = builder.no_proxy();
    }
    builder.build().map_err(|e| BuildError(e.to_string()))
}

/// An answer's body could not be read whole.
#[derive(Debug)]
pub enum BodyError {
    /// More than the limit: `start` holds the first bytes, the rest was not read.
    TooLarge { limit: usize, start: Vec<u8> },
    /// The transfer broke off (or timed out).
    Broke(reqwest::Error),
}

/// Reads an answer's body, at most `limit` bytes: a server that sends a huge or endless body (a
/// wrong endpoint serving a download, a broken proxy) costs that much memory and no more.
pub async fn read_body(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<Vec<u8>, BodyError> {
    // An announced length over the limit is refused after the first chunk (kept for messages).
    let announced = response.content_length();
    let too_large = announced.is_some_and(|n| n > limit as u64);
    let capacity = match announced {
        Some(n) if !too_large => n as usize,
        _ => 0,
    };
    let mut body = Vec::with_capacity(capacity);
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Broke)? {
        let room = limit - body.len();
        if too_large || chunk.len() > room {
            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            return Err(BodyError::TooLarge { limit, start: body });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// `16 MiB`, `512 KiB`: a byte limit for messages.
pub fn size_text(bytes: usize) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The TLS configuration of a client: HTTP/1.1, certificates verified by a [`LazyVerifier`].
fn tls_config(trust: &Trust) -> Result<rustls::ClientConfig, rustls::Error> {
    let provider = provider();
    let mut config = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()?
        .dangerous()
        // Not danger: the verifier is rustls's own WebPKI verifier, built on first use.
        .with_custom_certificate_verifier(Arc::new(LazyVerifier {
            extra_roots: trust.extra_roots.clone(),
            provider,
            verifier: OnceLock::new(),
        }))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(config)
}

/// The certificates of the system's CA store, read once per process. rustls-native-certs reads
/// `SSL_CERT_FILE` / `SSL_CERT_DIR` itself (either one replaces the platform's store, as with
/// OpenSSL), like reqwest reads the proxy variables. Certificates rustls cannot use are skipped,
/// as is a store that cannot be read: the built-in roots and the extra CAs still apply.
fn system_roots() -> &'static [CertificateDer<'static>] {
    static SYSTEM: OnceLock<Vec<CertificateDer<'static>>> = OnceLock::new();
    SYSTEM.get_or_init(|| rustls_native_certs::load_native_certs().certs)
}

/// rustls's WebPKI verifier over the built-in roots, the system's store and the extra CAs, built
/// when the first certificate is to be verified.
#[derive(Debug)]
struct LazyVerifier {
    extra_roots: Vec<CertificateDer<'static>>,
    provider: Arc<CryptoProvider>,
    verifier: OnceLock<Result<Arc<WebPkiServerVerifier>, rustls::Error>>,
}

impl LazyVerifier {
    fn verifier(&self) -> Result<&Arc<WebPkiServerVerifier>, rustls::Error> {
        self.verifier
            .get_or_init(|| {
                let mut roots = RootCertStore {
                    roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
                };
                roots.add_parsable_certificates(system_roots().iter().cloned());
                // Checked when they were read (`crate::tls`), so none is skipped here.
                roots.add_parsable_certificates(self.extra_roots.iter().cloned());
                WebPkiServerVerifier::builder_with_provider(Arc::new(roots), self.provider.clone())
                    .build()
                    .map_err(|e| rustls::Error::General(e.to_string()))
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl ServerCertVerifier for LazyVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.verifier()?.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )
    }

    // The handshake signatures need no roots: the same functions WebPkiServerVerifier calls.
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
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

    fn lazy(extra_roots: Vec<CertificateDer<'static>>) -> LazyVerifier {
        LazyVerifier {
            extra_roots,
            provider: provider(),
            verifier: OnceLock::new(),
        }
    }

    /// A CA and a certificate it signed for `localhost`.
    fn ca_and_server() -> (CertificateDer<'static>, CertificateDer<'static>) {
        let ca_key = rcgen::KeyPair::generate().unwrap();
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let ca = rcgen::CertifiedIssuer::self_signed(ca_params, ca_key).unwrap();
        let key = rcgen::KeyPair::generate().unwrap();
        let server = rcgen::CertificateParams::new(vec!["localhost".to_string()])
            .unwrap()
            .signed_by(&key, &ca)
            .unwrap();
        (ca.der().clone(), server.der().clone())
    }

    fn verify(v: &LazyVerifier, server: &CertificateDer<'_>) -> Result<(), rustls::Error> {
        v.verify_server_cert(
            server,
            &[],
            &ServerName::try_from("localhost").unwrap(),
            &[],
            UnixTime::now(),
        )
        .map(|_| ())
    }

    #[test]
    fn a_certificate_is_trusted_with_its_ca_among_the_extra_roots_and_only_then() {
        let (ca, server) = ca_and_server();
        let e = verify(&lazy(Vec::new()), &server).unwrap_err();
        assert_eq!(
            e,
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)
        );
        verify(&lazy(vec![ca]), &server).unwrap();
        let (other_ca, _) = ca_and_server();
        assert!(verify(&lazy(vec![other_ca]), &server).is_err());
    }

    #[test]
    fn the_roots_are_gathered_on_the_first_verification_not_when_a_client_is_built() {
        let v = lazy(Vec::new());
        assert!(v.verifier.get().is_none());
        let (_, server) = ca_and_server();
        let _ = verify(&v, &server);
        assert!(v.verifier.get().is_some());
    }
}

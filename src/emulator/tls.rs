//! HTTPS for `bgpeer emulator`: a rustls server configuration from a certificate and key given as
//! PEM files, or from a throw-away CA made at start-up (`--tls-self-signed`) whose certificate
//! clients are told to trust.

use std::path::Path;
use std::sync::Arc;

use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use super::StartError;
use crate::tls::{self, PemError};

/// The names a self-signed server certificate is valid for: every way to say "this machine".
pub const SELF_SIGNED_NAMES: [&str; 3] = ["localhost", "127.0.0.1", "::1"];

/// What the server needs to speak TLS.
#[derive(Clone)]
pub struct TlsIdentity {
    pub config: Arc<rustls::ServerConfig>,
    /// The PEM of the throw-away CA that signed the server certificate (`--tls-self-signed`).
    pub ca_pem: Option<String>,
}

impl std::fmt::Debug for TlsIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The configuration holds the private key: never printed.
        f.debug_struct("TlsIdentity")
            .field("self_signed", &self.ca_pem.is_some())
            .finish_non_exhaustive()
    }
}

fn file_error(what: &str, flag: &str, path: &Path, e: PemError) -> StartError {
    StartError::new(
        format!(
            "the {what} {} (from {flag}) is unusable: {e}",
            path.display()
        ),
        Some(e.remedy().to_string()),
    )
}

/// Serves the certificate chain in `cert` (PEM, server certificate first) with the key in `key`.
pub fn from_files(cert: &Path, key: &Path) -> Result<TlsIdentity, StartError> {
    let chain = tls::read_certificates(cert)
        .map_err(|e| file_error("certificate", "--tls-cert", cert, e))?;
    let private_key =
        tls::read_private_key(key).map_err(|e| file_error("private key", "--tls-key", key, e))?;
    let config = server_config(chain, private_key).map_err(|e| {
        StartError::new(
            format!(
                "cannot serve HTTPS with the certificate {} and the key {}: {e}",
                cert.display(),
                key.display()
            ),
            Some("--tls-key must be the private key of the first certificate in --tls-cert".into()),
        )
    })?;
    Ok(TlsIdentity {
        config,
        ca_pem: None,
    })
}

/// A new CA and a server certificate it signs for [`SELF_SIGNED_NAMES`], both made now and kept
/// in memory only; the CA's certificate is returned for clients to trust.
pub fn self_signed() -> Result<TlsIdentity, StartError> {
    let failed = |e: rcgen::Error| {
        StartError::new(
            format!("cannot make the self-signed certificate: {e}"),
            None,
        )
    };
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).map_err(failed)?;
    ca_params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "bgpeer emulator throw-away CA");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Constrained(0));
    validity(&mut ca_params);
    ca_params.key_usages = vec![
        rcgen::KeyUsagePurpose::KeyCertSign,
        rcgen::KeyUsagePurpose::CrlSign,
        rcgen::KeyUsagePurpose::DigitalSignature,
    ];
    let ca =
        rcgen::CertifiedIssuer::self_signed(ca_params, rcgen::KeyPair::generate().map_err(failed)?)
            .map_err(failed)?;

    let mut params = rcgen::CertificateParams::new(
        SELF_SIGNED_NAMES
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>(),
    )
    .map_err(failed)?;
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "localhost");
    params.key_usages = vec![rcgen::KeyUsagePurpose::DigitalSignature];
    validity(&mut params);
    params.extended_key_usages = vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth];
    // Strict verifiers (Python 3.13's default X509_STRICT) want the authority key identifier.
    params.use_authority_key_identifier_extension = true;
    let key = rcgen::KeyPair::generate().map_err(failed)?;
    let server_cert = params.signed_by(&key, &ca).map_err(failed)?;

    let config = server_config(
        vec![server_cert.der().clone(), ca.der().clone()],
        PrivateKeyDer::Pkcs8(key.serialize_der().into()),
    )
    .map_err(|e| StartError::new(format!("cannot serve HTTPS: {e}"), None))?;
    Ok(TlsIdentity {
        config,
        ca_pem: Some(ca.pem()),
    })
}

/// From yesterday (a client whose clock is a little behind still accepts it) for a year: the
/// certificates live as long as the process, their key is never written anywhere.
fn validity(params: &mut rcgen::CertificateParams) {
    use chrono::Datelike;
    let date =
        |d: chrono::NaiveDate| rcgen::date_time_ymd(d.year(), d.month() as u8, d.day() as u8);
    let today = chrono::Utc::now().date_naive();
    params.not_before = date(today - chrono::Days::new(1));
    params.not_after = date(today + chrono::Days::new(365));
}

fn server_config(
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
) -> Result<Arc<rustls::ServerConfig>, rustls::Error> {
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()?
    .with_no_client_auth()
    .with_single_cert(chain, key)?;
    // The server speaks HTTP/1.1 only: say so, so that clients offering h2 do not try it.
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_self_signed_ca_is_a_valid_pem_certificate_and_the_key_is_never_printed() {
        let identity = self_signed().unwrap();
        let ca = identity.ca_pem.as_deref().unwrap();
        assert_eq!(tls::parse_certificates(ca.as_bytes()).unwrap().len(), 1);
        let shown = format!("{identity:?}");
        assert_eq!(shown, "TlsIdentity { self_signed: true, .. }");
    }

    #[test]
    fn files_that_do_not_fit_name_the_flag_and_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let cert = dir.path().join("cert.pem");
        let key = dir.path().join("key.pem");
        let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
        std::fs::write(&cert, made.cert.pem()).unwrap();
        std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
        assert!(from_files(&cert, &key).unwrap().ca_pem.is_none());

        let e = from_files(&key, &key).unwrap_err();
        assert!(e.message.contains("(from --tls-cert)"), "{}", e.message);
        let e = from_files(&cert, &cert).unwrap_err();
        assert!(e.message.contains("private key"), "{}", e.message);
        assert!(e.message.contains("(from --tls-key)"), "{}", e.message);

        let other_key = dir.path().join("other.pem");
        std::fs::write(
            &other_key,
            rcgen::KeyPair::generate().unwrap().serialize_pem(),
        )
        .unwrap();
        let e = from_files(&cert, &other_key).unwrap_err();
        assert!(
            e.message
                .starts_with("cannot serve HTTPS with the certificate"),
            "{}",
            e.message
        );
    }
}

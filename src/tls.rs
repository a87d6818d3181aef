//! PEM files, read and checked: the CA bundles an HTTPS client may trust (`--ca-bundle`) and the
//! certificate and key the emulator serves HTTPS with. A leaf: the callers say which setting a
//! file came from; this says what is wrong with it.

use std::path::Path;

use rustls_pki_types::pem::{self, PemObject};
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

/// What is wrong with a PEM file (the caller names the file and the setting it came from).
#[derive(Debug, thiserror::Error)]
pub enum PemError {
    #[error("cannot read it: {0}")]
    Unreadable(#[source] std::io::Error),
    #[error("it holds no PEM certificate (no `-----BEGIN CERTIFICATE-----` block){}", der_note(*.looks_like_der))]
    NoCertificate { looks_like_der: bool },
    #[error("it holds no PEM private key (no `-----BEGIN PRIVATE KEY-----`, `RSA PRIVATE KEY` or `EC PRIVATE KEY` block)")]
    NoPrivateKey,
    #[error("it is not valid PEM: {0}")]
    Malformed(String),
    #[error("certificate {index} of {count} is not a valid X.509 certificate: {reason}")]
    BadCertificate {
        index: usize,
        count: usize,
        reason: String,
    },
}

fn der_note(looks_like_der: bool) -> &'static str {
    if looks_like_der {
        "; it looks like a binary DER certificate"
    } else {
        ""
    }
}

impl PemError {
    /// How to fix the file, for an error's hint.
    pub fn remedy(&self) -> &'static str {
        match self {
            PemError::Unreadable(_) => "check the path and that the file is readable",
            PemError::NoCertificate {
                looks_like_der: true,
            } => "convert it to PEM: openssl x509 -inform der -in FILE -out FILE.pem",
            PemError::NoCertificate { .. } | PemError::Malformed(_) | PemError::BadCertificate { .. } => {
                "give a PEM file of one or more CA certificates (`-----BEGIN CERTIFICATE-----` blocks)"
            }
            PemError::NoPrivateKey => "give the PEM file of the certificate's private key",
        }
    }
}

fn malformed(e: pem::Error) -> PemError {
    PemError::Malformed(match e {
        pem::Error::MissingSectionEnd { end_marker } => format!(
            "a block has no `-----END {}-----` line",
            String::from_utf8_lossy(&end_marker)
        ),
        pem::Error::IllegalSectionStart { line } => format!(
            "malformed BEGIN line `{}`",
            String::from_utf8_lossy(&line).trim()
        ),
        pem::Error::Base64Decode(reason) => format!("a block is not valid base64 ({reason})"),
        other => other.to_string(),
    })
}

fn read(path: &Path) -> Result<Vec<u8>, PemError> {
    std::fs::read(path).map_err(PemError::Unreadable)
}

/// The certificates of a PEM file: at least one, each a well-formed X.509 certificate (blocks of
/// other kinds, such as a private key, are skipped).
pub fn read_certificates(path: &Path) -> Result<Vec<CertificateDer<'static>>, PemError> {
    parse_certificates(&read(path)?)
}

/// [`read_certificates`] of bytes already read.
pub fn parse_certificates(bytes: &[u8]) -> Result<Vec<CertificateDer<'static>>, PemError> {
    let certificates = CertificateDer::pem_slice_iter(bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(malformed)?;
    if certificates.is_empty() {
        // A DER certificate starts with a SEQUENCE tag.
        return Err(PemError::NoCertificate {
            looks_like_der: bytes.first() == Some(&0x30),
        });
    }
    let count = certificates.len();
    for (i, certificate) in certificates.iter().enumerate() {
        // The parse rustls does when the certificate is used as a trust anchor, done now so that
        // a broken bundle is refused before anything is sent.
        rustls::RootCertStore::empty()
            .add(certificate.clone())
            .map_err(|e| PemError::BadCertificate {
                index: i + 1,
                count,
                reason: e.to_string(),
            })?;
    }
    Ok(certificates)
}

/// The (first) private key of a PEM file: PKCS#8, PKCS#1 (RSA) or SEC1 (EC).
pub fn read_private_key(path: &Path) -> Result<PrivateKeyDer<'static>, PemError> {
    PrivateKeyDer::from_pem_slice(&read(path)?).map_err(|e| match e {
        pem::Error::NoItemsFound => PemError::NoPrivateKey,
        other => malformed(other),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ca_pem() -> String {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params.self_signed(&key).unwrap().pem()
    }

    #[test]
    fn a_bundle_of_certificates_is_read_whole_and_other_blocks_are_skipped() {
        let key = rcgen::KeyPair::generate().unwrap().serialize_pem();
        let bundle = format!("# corporate roots\n{}{key}\n{}", ca_pem(), ca_pem());
        let certificates = parse_certificates(bundle.as_bytes()).unwrap();
        assert_eq!(certificates.len(), 2);
    }

    #[test]
    fn a_file_without_a_certificate_is_refused_and_der_is_recognised() {
        let e = parse_certificates(b"just some text\n").unwrap_err();
        assert!(matches!(
            e,
            PemError::NoCertificate {
                looks_like_der: false
            }
        ));
        assert_eq!(
            e.to_string(),
            "it holds no PEM certificate (no `-----BEGIN CERTIFICATE-----` block)"
        );
        let key_only = rcgen::KeyPair::generate().unwrap().serialize_pem();
        assert!(matches!(
            parse_certificates(key_only.as_bytes()),
            Err(PemError::NoCertificate { .. })
        ));
        let der = rcgen::CertificateParams::new(vec!["localhost".to_string()])
            .unwrap()
            .self_signed(&rcgen::KeyPair::generate().unwrap())
            .unwrap()
            .der()
            .to_vec();
        let e = parse_certificates(&der).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("it looks like a binary DER certificate"),
            "{e}"
        );
        assert!(e.remedy().contains("openssl x509 -inform der"));
        assert!(parse_certificates(b"").is_err());
    }

    #[test]
    fn broken_pem_and_a_block_that_is_no_certificate_are_refused_with_the_reason() {
        let e = parse_certificates(
            b"-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n",
        )
        .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("it is not valid PEM: a block is not valid base64"),
            "{e}"
        );
        let e = parse_certificates(b"-----BEGIN CERTIFICATE-----\nMIIB\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "it is not valid PEM: a block has no `-----END CERTIFICATE-----` line"
        );
        // Valid base64, valid PEM, but the DER inside is no certificate.
        let bundle = format!(
            "{}-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n",
            ca_pem()
        );
        let e = parse_certificates(bundle.as_bytes()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("certificate 2 of 2 is not a valid X.509 certificate"),
            "{e}"
        );
    }

    #[test]
    fn a_missing_file_is_unreadable_and_a_key_file_gives_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_certificates(&dir.path().join("nope.pem")).unwrap_err();
        assert!(matches!(e, PemError::Unreadable(_)), "{e}");
        assert!(e.to_string().starts_with("cannot read it: "), "{e}");
        let e = read_certificates(dir.path()).unwrap_err();
        assert!(matches!(e, PemError::Unreadable(_)), "a directory: {e}");

        let key = dir.path().join("key.pem");
        std::fs::write(&key, rcgen::KeyPair::generate().unwrap().serialize_pem()).unwrap();
        assert!(read_private_key(&key).is_ok());
        let cert = dir.path().join("cert.pem");
        std::fs::write(&cert, ca_pem()).unwrap();
        assert!(matches!(
            read_private_key(&cert),
            Err(PemError::NoPrivateKey)
        ));
    }
}

//! Two small servers for tests of HTTPS through proxies: a recording `CONNECT` proxy
//! ([`ConnectProxy`]), and an HTTPS server that answers every request with one JSON body
//! ([`HttpsJsonServer`], e.g. a credentials URI or a sign-in service).
//!
//! Both listen on 127.0.0.1 and only ever connect to loopback: the proxy refuses to tunnel
//! anywhere else. Their threads live as long as the test process.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream, ToSocketAddrs};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// An HTTP proxy on 127.0.0.1 that tunnels `CONNECT host:port` to loopback and records each
/// target; any other request (plain-HTTP proxying) is recorded and answered 502, so a test sees
/// a client that used the proxy for plain HTTP.
///
/// ```ignore
/// let proxy = ConnectProxy::start();
/// cmd.env("HTTPS_PROXY", proxy.url());
/// assert_eq!(proxy.targets(), vec![format!("localhost:{port}")]);
/// ```
pub struct ConnectProxy {
    addr: SocketAddr,
    targets: Arc<Mutex<Vec<String>>>,
    refused: Arc<Mutex<Vec<String>>>,
}

impl ConnectProxy {
    pub fn start() -> ConnectProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let addr = listener.local_addr().unwrap();
        let targets = Arc::new(Mutex::new(Vec::new()));
        let refused = Arc::new(Mutex::new(Vec::new()));
        let (t, r) = (targets.clone(), refused.clone());
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let (t, r) = (t.clone(), r.clone());
                std::thread::spawn(move || serve(client, &t, &r));
            }
        });
        ConnectProxy {
            addr,
            targets,
            refused,
        }
    }

    /// `http://127.0.0.1:PORT`, for `HTTPS_PROXY` and friends.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many `CONNECT` tunnels were asked for.
    pub fn tunnels(&self) -> usize {
        self.targets.lock().unwrap().len()
    }

    /// The `host:port` of every `CONNECT`, in order.
    pub fn targets(&self) -> Vec<String> {
        self.targets.lock().unwrap().clone()
    }

    /// The request lines of requests that were not `CONNECT` (answered 502).
    pub fn refused(&self) -> Vec<String> {
        self.refused.lock().unwrap().clone()
    }
}

/// The request head (up to the blank line), or None when the client went away first.
fn read_head(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    // Byte by byte: nothing after the head may be consumed (it belongs to the tunnel).
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&head).into_owned())
}

fn serve(mut client: TcpStream, targets: &Mutex<Vec<String>>, refused: &Mutex<Vec<String>>) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(60)));
    let Some(head) = read_head(&mut client) else {
        return;
    };
    let line = head.lines().next().unwrap_or("").to_string();
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    if method != "CONNECT" {
        refused.lock().unwrap().push(line.clone());
        let _ = client.write_all(
            b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
        );
        return;
    }
    targets.lock().unwrap().push(target.to_string());
    // Loopback only: a test proxy never opens a connection off this machine.
    let upstream = target
        .to_socket_addrs()
        .ok()
        .into_iter()
        .flatten()
        .filter(|a| a.ip().is_loopback())
        .find_map(|a| TcpStream::connect_timeout(&a, Duration::from_secs(5)).ok());
    let Some(upstream) = upstream else {
        let _ = client.write_all(
            b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
        );
        return;
    };
    if client
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .is_err()
    {
        return;
    }
    let _ = client.set_read_timeout(None);
    let (mut client_in, mut upstream_out) =
        (client.try_clone().unwrap(), upstream.try_clone().unwrap());
    let (mut upstream_in, mut client_out) = (upstream, client);
    let up = std::thread::spawn(move || {
        let _ = std::io::copy(&mut client_in, &mut upstream_out);
        let _ = upstream_out.shutdown(Shutdown::Write);
    });
    let _ = std::io::copy(&mut upstream_in, &mut client_out);
    let _ = client_out.shutdown(Shutdown::Write);
    let _ = up.join();
}

/// An HTTPS server on 127.0.0.1 that answers every request with `200` and one JSON body; its
/// certificate (for localhost, 127.0.0.1 and ::1) is signed by a throw-away CA ([`Self::ca_pem`]).
pub struct HttpsJsonServer {
    addr: SocketAddr,
    ca_pem: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl HttpsJsonServer {
    pub fn start(body: String) -> HttpsJsonServer {
        let identity = bgpeer::emulator::tls::self_signed().expect("a self-signed identity");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        let config = identity.config.clone();
        std::thread::spawn(move || {
            for mut tcp in listener.incoming().flatten() {
                let _ = tcp.set_read_timeout(Some(Duration::from_secs(30)));
                let Ok(mut tls) = rustls::ServerConnection::new(config.clone()) else {
                    continue;
                };
                let mut stream = rustls::Stream::new(&mut tls, &mut tcp);
                let mut head = Vec::new();
                let mut chunk = [0u8; 4096];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut chunk) {
                        Ok(n) if n > 0 => head.extend_from_slice(&chunk[..n]),
                        _ => break,
                    }
                }
                let head = String::from_utf8_lossy(&head).into_owned();
                let Some(line) = head.lines().next().filter(|l| !l.is_empty()) else {
                    continue;
                };
                seen.lock().unwrap().push(line.to_string());
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                stream.conn.send_close_notify();
                let _ = stream.flush();
            }
        });
        HttpsJsonServer {
            addr,
            ca_pem: identity.ca_pem.expect("the CA of a self-signed identity"),
            requests,
        }
    }

    /// `https://HOST:PORT` with the host named `host` (`localhost` follows the proxy settings).
    pub fn url_at(&self, host: &str) -> String {
        format!("https://{host}:{}", self.addr.port())
    }

    /// The CA certificate (PEM) a client must trust.
    pub fn ca_pem(&self) -> &str {
        &self.ca_pem
    }

    /// The request lines received, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

//! A scripted HTTP/1.1 server on 127.0.0.1 for client tests: it answers each request with the
//! next canned [`Reply`] of its script (then the fallback), and records every request (method,
//! target, headers, body) so that tests can count attempts and compare what each one carried.
//!
//! It speaks raw HTTP over a tokio `TcpListener` because the tests need exact control: HTML
//! bodies, truncated transfers, dropped connections, answers held back until released. It can
//! also act as a recording proxy (it sees absolute-form targets and `CONNECT`), and forward to a
//! real emulator while dropping the answer on the floor (a "lost response").
//!
//! Use from a test module with `use crate::support::fault_server::{FaultServer, Reply};`.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// A complete answer.
    Http {
        status: u16,
        content_type: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Read the request, then close the connection without answering.
    Drop,
    /// Announce `declared_len` bytes of body, send `body` (shorter), then close.
    Truncated {
        status: u16,
        declared_len: usize,
        body: Vec<u8>,
    },
    /// Never answer (until the test ends).
    Hang,
    /// Answer with the inner reply once the test calls [`FaultServer::release`].
    Gated(Box<Reply>),
    /// Write these bytes as they are (a head and body of any shape, or garbage), then close.
    Raw(Vec<u8>),
    /// A body without end: `status`, `content_type`, `declared_len` as `content-length` when
    /// given (else none, the body running until the close), then `filler` repeated until the
    /// client goes away or `declared_len` bytes are sent.
    Endless {
        status: u16,
        content_type: String,
        declared_len: Option<u64>,
        filler: Vec<u8>,
    },
    /// Send the request on to `upstream` (`host:port`, e.g. an emulator) with its headers,
    /// `host` included, so the signature still verifies; relay the answer unless `lose_answer`,
    /// in which case the connection is closed after the upstream committed the call.
    Forward { upstream: String, lose_answer: bool },
}

impl Reply {
    /// A JSON answer with `application/json;charset=utf-8`.
    pub fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply::Http {
            status,
            content_type: "application/json;charset=utf-8".into(),
            headers: Vec::new(),
            body: body.to_string().into_bytes(),
        }
    }

    /// An Alibaba-style error body.
    pub fn api_error(status: u16, code: &str, message: &str, request_id: &str) -> Reply {
        Reply::json(
            status,
            serde_json::json!({
                "RequestId": request_id,
                "HostId": "vpc.cn-shanghai.aliyuncs.com",
                "Code": code,
                "Message": message,
                "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}&product=Vpc&requestId={request_id}"),
            }),
        )
    }

    pub fn ok(body: serde_json::Value) -> Reply {
        Reply::json(200, body)
    }

    pub fn raw(status: u16, content_type: &str, body: &str) -> Reply {
        Reply::Http {
            status,
            content_type: content_type.into(),
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    /// Adds a response header to an `Http` reply.
    pub fn with_header(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Http { headers, .. } = &mut self {
            headers.push((name.into(), value.into()));
        }
        self
    }
}

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// The request target: `/?...`, an absolute URL (proxy form) or `host:port` (CONNECT).
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    /// A header's value (names compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The decoded query parameters of the target.
    pub fn query(&self) -> Vec<(String, String)> {
        match self.target.split_once('?') {
            Some((_, q)) => form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The first value of a query parameter.
    pub fn param(&self, name: &str) -> Option<String> {
        self.query()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

struct Shared {
    script: Mutex<VecDeque<Reply>>,
    fallback: Mutex<Reply>,
    recorded: Mutex<Vec<Recorded>>,
    gate: tokio::sync::Semaphore,
}

/// The running server; stops (and drops hanging connections) when dropped.
pub struct FaultServer {
    /// `127.0.0.1:PORT`
    pub addr: String,
    /// `http://127.0.0.1:PORT`
    pub endpoint: String,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FaultServer {
    /// Starts with a script; when it runs out every request gets `fallback`.
    pub fn start(script: Vec<Reply>, fallback: Reply) -> FaultServer {
        let shared = Arc::new(Shared {
            script: Mutex::new(script.into()),
            fallback: Mutex::new(fallback),
            recorded: Mutex::new(Vec::new()),
            gate: tokio::sync::Semaphore::new(0),
        });
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        std_listener.set_nonblocking(true).expect("nonblocking");
        let addr = std_listener.local_addr().expect("local addr").to_string();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let inner = shared.clone();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                let listener = TcpListener::from_std(std_listener).expect("listener");
                let accept = async {
                    loop {
                        let Ok((stream, _)) = listener.accept().await else {
                            continue;
                        };
                        let shared = inner.clone();
                        tokio::spawn(async move {
                            let _ = serve(stream, shared).await;
                        });
                    }
                };
                tokio::select! {
                    _ = accept => {}
                    _ = stop_rx => {}
                }
            });
            rt.shutdown_background();
        });
        FaultServer {
            endpoint: format!("http://{addr}"),
            addr,
            shared,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.recorded.lock().unwrap().clone()
    }

    /// Waits (up to 60 s, a bound for a stuck test, not a timing assertion) for `n` requests.
    pub fn wait_for_requests(&self, n: usize) -> Vec<Recorded> {
        let until = Instant::now() + Duration::from_secs(60);
        loop {
            let got = self.requests();
            if got.len() >= n {
                return got;
            }
            assert!(
                Instant::now() < until,
                "the server saw {} request(s), expected {n}",
                got.len()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Replaces what is left of the script (a property test's next case).
    pub fn set_script(&self, script: Vec<Reply>) {
        *self.shared.script.lock().unwrap() = script.into();
    }

    /// Lets one `Gated` reply go.
    pub fn release(&self) {
        self.shared.gate.add_permits(1);
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Reads one request head and body; `None` when the peer closed first.
async fn read_request(stream: &mut TcpStream) -> std::io::Result<Option<(Recorded, Vec<u8>)>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(pos) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos + 4;
        }
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    let headers: Vec<(String, String)> = lines
        .filter(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let content_length = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = buf[head_end..].to_vec();
    while body.len() < content_length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(content_length);
    let mut raw = buf[..head_end].to_vec();
    raw.extend_from_slice(&body);
    Ok(Some((
        Recorded {
            method,
            target,
            headers,
            body,
        },
        raw,
    )))
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

async fn serve(mut stream: TcpStream, shared: Arc<Shared>) -> std::io::Result<()> {
    // One request per connection: every answer says `connection: close`.
    let Some((recorded, _raw)) = read_request(&mut stream).await? else {
        return Ok(());
    };
    shared.recorded.lock().unwrap().push(recorded.clone());
    let reply = shared
        .script
        .lock()
        .unwrap()
        .pop_front()
        .unwrap_or_else(|| shared.fallback.lock().unwrap().clone());
    act(&mut stream, &shared, &recorded, reply).await
}

async fn act(
    stream: &mut TcpStream,
    shared: &Shared,
    recorded: &Recorded,
    reply: Reply,
) -> std::io::Result<()> {
    let mut reply = reply;
    loop {
        match reply {
            Reply::Gated(inner) => {
                shared.gate.acquire().await.expect("gate").forget();
                reply = *inner;
            }
            Reply::Http {
                status,
                content_type,
                headers,
                body,
            } => {
                let mut head = format!(
                    "HTTP/1.1 {status} {}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n",
                    reason(status),
                    body.len()
                );
                for (n, v) in headers {
                    head.push_str(&format!("{n}: {v}\r\n"));
                }
                head.push_str("\r\n");
                stream.write_all(head.as_bytes()).await?;
                stream.write_all(&body).await?;
                stream.flush().await?;
                let _ = stream.shutdown().await;
                return Ok(());
            }
            Reply::Truncated {
                status,
                declared_len,
                body,
            } => {
                let head = format!(
                    "HTTP/1.1 {status} {}\r\ncontent-type: application/json\r\ncontent-length: {declared_len}\r\nconnection: close\r\n\r\n",
                    reason(status)
                );
                stream.write_all(head.as_bytes()).await?;
                stream.write_all(&body).await?;
                stream.flush().await?;
                let _ = stream.shutdown().await;
                return Ok(());
            }
            Reply::Drop => {
                let _ = stream.shutdown().await;
                return Ok(());
            }
            Reply::Raw(bytes) => {
                stream.write_all(&bytes).await?;
                stream.flush().await?;
                let _ = stream.shutdown().await;
                return Ok(());
            }
            Reply::Endless {
                status,
                content_type,
                declared_len,
                filler,
            } => {
                let mut head = format!(
                    "HTTP/1.1 {status} {}\r\ncontent-type: {content_type}\r\nconnection: close\r\n",
                    reason(status)
                );
                if let Some(n) = declared_len {
                    head.push_str(&format!("content-length: {n}\r\n"));
                }
                head.push_str("\r\n");
                stream.write_all(head.as_bytes()).await?;
                assert!(!filler.is_empty(), "an endless body needs a filler");
                let chunk = filler.repeat((64 * 1024 / filler.len()).max(1));
                let mut left = declared_len.unwrap_or(u64::MAX);
                while left > 0 {
                    let n = chunk.len().min(usize::try_from(left).unwrap_or(usize::MAX));
                    // The client closing the connection ends the answer.
                    if stream.write_all(&chunk[..n]).await.is_err() {
                        return Ok(());
                    }
                    left -= n as u64;
                }
                let _ = stream.shutdown().await;
                return Ok(());
            }
            Reply::Hang => {
                std::future::pending::<()>().await;
            }
            Reply::Forward {
                upstream,
                lose_answer,
            } => {
                let answer = forward(&upstream, recorded).await?;
                if !lose_answer {
                    stream.write_all(&answer).await?;
                    stream.flush().await?;
                }
                let _ = stream.shutdown().await;
                return Ok(());
            }
        }
    }
}

/// Sends the recorded request to `upstream` with `connection: close` and reads the whole answer.
async fn forward(upstream: &str, r: &Recorded) -> std::io::Result<Vec<u8>> {
    let mut up = TcpStream::connect(upstream).await?;
    let mut head = format!("{} {} HTTP/1.1\r\n", r.method, r.target);
    for (n, v) in &r.headers {
        if !n.eq_ignore_ascii_case("connection") {
            head.push_str(&format!("{n}: {v}\r\n"));
        }
    }
    head.push_str("connection: close\r\n\r\n");
    up.write_all(head.as_bytes()).await?;
    up.write_all(&r.body).await?;
    up.flush().await?;
    let mut answer = Vec::new();
    up.read_to_end(&mut answer).await?;
    Ok(answer)
}

//! The HTTP server: an axum router (the API at `/`, the admin API under `/_emulator/`, the
//! CloudSSO and OAuth sign-in services at their paths, see `sign_in.rs`) served
//! connection by connection with hyper, so that a "drop" fault can close a connection without
//! answering, and so that shutdown can let in-flight requests finish. With TLS, HTTPS and plain
//! HTTP share the port: the first byte of a connection tells a TLS handshake (0x16) from a
//! request.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;
use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tower::ServiceExt;

use super::actions::{self, internal_error, ActionRequest, Answer, EmuError, Params};
use super::admin;
use super::app::App;
use super::faults::{Fault, Faults, SessionRule};
use super::gateway::{self, Authenticated, Gateway, Parsed, Product, RawRequest};
use super::request_log::{masked_parameters, LoggedRequest, RequestLog};
use super::sign_in;
use super::store::{Store, WriteOutcome};
use super::tls::TlsIdentity;
use super::tokens::{Accepted, Tokens};

/// Requests with a larger body are refused (413) before any parsing.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// How to start a server.
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// Accepted permanent keys (id, secret).
    pub keys: Vec<(String, String)>,
    pub settle: Duration,
    pub faults: Vec<Fault>,
    pub store: Store,
    /// Identity tokens accepted from the start (`--accept-token`).
    pub tokens: Vec<Accepted>,
    /// Serve HTTPS (`None`: plain HTTP only).
    pub tls: Option<Tls>,
}

/// How a server speaks HTTPS.
#[derive(Debug, Clone)]
pub struct Tls {
    pub identity: TlsIdentity,
    /// Plain HTTP is answered on the same port too; when false it gets `InvalidProtocol.NeedSsl`,
    /// as the real API answers plain HTTP where it requires HTTPS.
    pub plain_http: bool,
}

/// The first byte of a TLS connection: a handshake record.
const TLS_HANDSHAKE: u8 = 0x16;

/// Marks a response whose connection must be closed without sending it (a drop fault).
#[derive(Clone, Copy)]
struct DropConnection;

#[derive(Debug)]
struct DroppedByFault;

impl std::fmt::Display for DroppedByFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by an emulator fault")
    }
}

impl std::error::Error for DroppedByFault {}

/// A server accepting connections in a background task.
pub struct RunningServer {
    pub addr: SocketAddr,
    /// `http://IP:PORT` or, with TLS, `https://IP:PORT`.
    pub url: String,
    pub app: Arc<App>,
    shutdown: watch::Sender<bool>,
    done: mpsc::Receiver<()>,
}

impl RunningServer {
    /// Stops accepting, lets in-flight requests finish (at most `grace`), then returns.
    pub async fn shutdown(mut self, grace: Duration) {
        let _ = self.shutdown.send(true);
        let _ = tokio::time::timeout(grace, self.done.recv()).await;
    }
}

pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/_emulator/health", get(admin::health))
        .route(
            "/_emulator/faults",
            get(admin::get_faults)
                .put(admin::put_faults)
                .post(admin::add_fault)
                .delete(admin::clear_faults),
        )
        .route(
            "/_emulator/requests",
            get(admin::requests).delete(admin::clear_requests),
        )
        .route("/_emulator/reset", post(admin::reset))
        .route(
            "/_emulator/tokens",
            get(admin::get_tokens)
                .post(admin::add_token)
                .delete(admin::clear_tokens),
        )
        .route_layer(axum::middleware::from_fn(admin::loopback_only))
        // The CloudSSO and OAuth sign-in services: public, like the API (after the layer above).
        .route("/cloud-credentials", post(sign_in::cloud_credentials))
        .route("/v1/token", post(sign_in::oauth_token))
        .route("/v1/exchange", post(sign_in::oauth_exchange))
        .fallback(api)
        .with_state(app)
}

/// Binds `config.listen` and serves until [`RunningServer::shutdown`].
pub async fn start(config: ServerConfig) -> std::io::Result<RunningServer> {
    let listener = TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    let tokens = Tokens::default();
    for token in config.tokens {
        tokens.accept(token);
    }
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let url = format!("{scheme}://{addr}");
    let app = Arc::new(App {
        url: url.clone(),
        gateway: Gateway::new(config.keys.into_iter().collect::<HashMap<_, _>>()),
        store: config.store,
        faults: Faults::new(config.faults),
        log: RequestLog::default(),
        settle: config.settle,
        tokens,
    });
    let router = router(app.clone());
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let (done_tx, done_rx) = mpsc::channel::<()>(1);
    let connections = Connections {
        router,
        refusal: need_ssl_router(),
        tls: config.tls.map(|t| {
            Arc::new(TlsServing {
                acceptor: tokio_rustls::TlsAcceptor::from(t.identity.config),
                plain_http: t.plain_http,
            })
        }),
    };
    tokio::spawn(accept_loop(listener, connections, shutdown_rx, done_tx));
    Ok(RunningServer {
        addr,
        url,
        app,
        shutdown: shutdown_tx,
        done: done_rx,
    })
}

/// What every connection is served with.
#[derive(Clone)]
struct Connections {
    router: Router,
    /// Answers plain HTTP when only HTTPS is served.
    refusal: Router,
    tls: Option<Arc<TlsServing>>,
}

struct TlsServing {
    acceptor: tokio_rustls::TlsAcceptor,
    plain_http: bool,
}

async fn accept_loop(
    listener: TcpListener,
    connections: Connections,
    shutdown: watch::Receiver<bool>,
    done: mpsc::Sender<()>,
) {
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                // Out of file descriptors and the like: back off briefly, keep serving.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = stopped(shutdown.clone()) => break,
        };
        let _ = stream.set_nodelay(true);
        let connections = connections.clone();
        let conn_shutdown = shutdown.clone();
        // Each connection holds a sender; `done` completes when all are gone.
        let conn_done = done.clone();
        tokio::spawn(async move {
            serve_connection(stream, remote, connections, conn_shutdown).await;
            drop(conn_done);
        });
    }
    drop(done);
}

/// A connection ready for HTTP: plain, or after its TLS handshake.
enum Ready {
    Plain(TcpStream, Router),
    Tls(Box<tokio_rustls::server::TlsStream<TcpStream>>, Router),
}

/// Sniffs and handshakes (with TLS on), then serves HTTP on one connection. Shutdown while still
/// sniffing or handshaking drops the connection: it has no request in flight.
async fn serve_connection(
    stream: TcpStream,
    remote: SocketAddr,
    connections: Connections,
    shutdown: watch::Receiver<bool>,
) {
    let ready = tokio::select! {
        ready = ready_for_http(stream, connections) => ready,
        _ = stopped(shutdown.clone()) => None,
    };
    match ready {
        Some(Ready::Plain(stream, router)) => serve_http(stream, remote, router, shutdown).await,
        Some(Ready::Tls(stream, router)) => serve_http(stream, remote, router, shutdown).await,
        None => {}
    }
}

async fn ready_for_http(stream: TcpStream, connections: Connections) -> Option<Ready> {
    let Some(tls) = connections.tls else {
        return Some(Ready::Plain(stream, connections.router));
    };
    let mut first = [0u8; 1];
    match stream.peek(&mut first).await {
        Ok(1) => {}
        // Closed before a byte, or broken.
        _ => return None,
    }
    if first[0] == TLS_HANDSHAKE {
        // A failed handshake (a client that does not trust the certificate, garbage) ends the
        // connection; rustls has sent the alert.
        let stream = tls.acceptor.accept(stream).await.ok()?;
        Some(Ready::Tls(Box::new(stream), connections.router))
    } else if tls.plain_http {
        Some(Ready::Plain(stream, connections.router))
    } else {
        Some(Ready::Plain(stream, connections.refusal))
    }
}

/// Serves HTTP/1.1 on one connection until it closes or shutdown lets its requests finish.
async fn serve_http<I>(io: I, remote: SocketAddr, router: Router, shutdown: watch::Receiver<bool>)
where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let service =
        hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
            let router = router.clone();
            req.extensions_mut().insert(ConnectInfo(remote));
            async move {
                let response = match router.oneshot(req.map(Body::new)).await {
                    Ok(r) => r,
                    Err(never) => match never {},
                };
                if response.extensions().get::<DropConnection>().is_some() {
                    Err(DroppedByFault)
                } else {
                    Ok(response)
                }
            }
        });
    let conn = hyper::server::conn::http1::Builder::new()
        .max_buf_size(256 * 1024)
        .serve_connection(hyper_util::rt::TokioIo::new(io), service);
    let mut conn = std::pin::pin!(conn);
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = stopped(shutdown) => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.as_mut().await;
        }
    }
}

/// The answer to every plain HTTP request when only HTTPS is served: the real API's.
fn need_ssl_router() -> Router {
    Router::new().fallback(|req: Request| async move {
        let request_id = gateway::new_request_id();
        let err = EmuError::new(
            404,
            "InvalidProtocol.NeedSsl",
            "Your request is denied as lack of ssl protect.",
        );
        let body = gateway::error_body(&err, &request_id, &host_id(req.headers()), None);
        render(err.status, &body, None, &request_id)
    })
}

/// Completes when shutdown is asked for; never when the sender is gone without asking.
async fn stopped(mut rx: watch::Receiver<bool>) {
    if rx.wait_for(|stop| *stop).await.is_err() {
        std::future::pending::<()>().await;
    }
}

fn host_id(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.split(':').next().unwrap_or(h).to_string())
        .unwrap_or_else(|| "127.0.0.1".to_string())
}

fn render(status: u16, body: &Value, xml_root: Option<&str>, request_id: &str) -> Response {
    let (bytes, content_type) = match xml_root {
        Some(root) => (
            gateway::to_xml(root, body).into_bytes(),
            "text/xml;charset=utf-8",
        ),
        None => (
            serde_json::to_vec(body).unwrap_or_default(),
            "application/json;charset=utf-8",
        ),
    };
    respond(status, bytes, content_type, request_id)
}

/// A 200 answer: `RequestId` first, then the handler's fields.
fn render_success(answer: Answer, xml_root: Option<&str>, request_id: &str) -> Response {
    match (answer, xml_root) {
        // JSON of a serialised answer: splice RequestId in front, no re-serialisation.
        (Answer::Object(object), None) => respond(
            200,
            gateway::success_json(request_id, &object),
            "application/json;charset=utf-8",
            request_id,
        ),
        (answer, xml_root) => render(
            200,
            &gateway::success_body(request_id, answer.into_value()),
            xml_root,
            request_id,
        ),
    }
}

fn respond(status: u16, bytes: Vec<u8>, content_type: &'static str, request_id: &str) -> Response {
    let mut response = Response::new(Body::from(bytes));
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(request_id) {
        h.insert("x-acs-request-id", v);
    }
    response
}

/// The API endpoint: every request that is not for the admin API.
async fn api(
    State(app): State<Arc<App>>,
    ConnectInfo(_peer): ConnectInfo<SocketAddr>,
    req: Request,
) -> Response {
    let now = Utc::now();
    let request_id = gateway::new_request_id();
    let (parts, body) = req.into_parts();
    let host = host_id(&parts.headers);
    let mut parsed = Parsed::default();
    let log = |parsed: &Parsed, status: u16, code: Option<&str>, dropped: bool| {
        app.log.push(LoggedRequest {
            time: crate::signing::format_timestamp(now),
            request_id: request_id.clone(),
            method: parts.method.to_string(),
            action: parsed.action.clone(),
            version: parsed.version.clone(),
            access_key_id: parsed.access_key_id.clone(),
            signature_version: parsed.scheme.map(|s| s.to_string()),
            parameters: masked_parameters(&parsed.params.pairs),
            status,
            code: code.map(str::to_string),
            dropped,
        });
    };
    let fail = |parsed: &Parsed, err: &EmuError| {
        let body = gateway::error_body(err, &request_id, &host, parsed.product);
        render(
            err.status,
            &body,
            parsed.xml.then_some("Error"),
            &request_id,
        )
    };

    if parts.method != Method::GET && parts.method != Method::POST {
        let err = EmuError::new(
            405,
            "UnsupportedHTTPMethod",
            &format!(
                "The HTTP method {} is not supported. (use GET or POST)",
                parts.method
            ),
        );
        log(&parsed, err.status, Some(&err.code), false);
        return fail(&parsed, &err);
    }
    if parts.uri.path() != "/" {
        let err = EmuError::new(
            404,
            "InvalidApi.NotFound",
            "Specified api is not found, please check your url and method. (RPC calls go to the path /)",
        );
        log(&parsed, err.status, Some(&err.code), false);
        return fail(&parsed, &err);
    }
    let body = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => {
            let err = EmuError::new(
                413,
                "RequestEntityTooLarge",
                &format!(
                    "The request body is larger than {MAX_BODY_BYTES} bytes or was cut short."
                ),
            );
            log(&parsed, err.status, Some(&err.code), false);
            return fail(&parsed, &err);
        }
    };
    let raw = RawRequest {
        method: &parts.method,
        path: parts.uri.path(),
        query: parts.uri.query(),
        headers: &parts.headers,
        body: &body,
    };
    let authenticated = match app.gateway.authenticate(&raw, now, &mut parsed) {
        Ok(a) => a,
        Err(err) => {
            log(&parsed, err.status, Some(&err.code), false);
            return fail(&parsed, &err);
        }
    };
    let Authenticated {
        product,
        action,
        access_key_id,
    } = authenticated;

    let verdict = app.faults.decide(&action, &access_key_id);
    if !verdict.delay.is_zero() {
        tokio::time::sleep(verdict.delay).await;
    }
    if let Some((status, code, message, retry_after)) = verdict.error {
        let err = EmuError::new(status, code, message);
        log(&parsed, err.status, Some(code), false);
        let mut response = fail(&parsed, &err);
        if let Some(ms) = retry_after {
            if let Ok(v) = HeaderValue::from_str(&ms.to_string()) {
                response.headers_mut().insert("x-acs-retry-after", v);
            }
        }
        return response;
    }

    let result = run_action(
        &app,
        product,
        &action,
        &parsed.params,
        now,
        &request_id,
        &verdict.sessions,
    )
    .await;
    let mut response = match result {
        Ok(answer) => {
            log(&parsed, 200, None, verdict.drop_connection);
            let xml_root = parsed.xml.then(|| format!("{action}Response"));
            render_success(answer, xml_root.as_deref(), &request_id)
        }
        Err(err) => {
            log(
                &parsed,
                err.status,
                Some(&err.code),
                verdict.drop_connection,
            );
            fail(&parsed, &err)
        }
    };
    if verdict.drop_connection {
        response.extensions_mut().insert(DropConnection);
    }
    response
}

async fn run_action(
    app: &Arc<App>,
    product: Product,
    action: &str,
    params: &Params,
    now: chrono::DateTime<Utc>,
    request_id: &str,
    sessions: &[SessionRule],
) -> Result<Answer, EmuError> {
    if product == Product::Sts {
        return if action == super::oidc::ACTION {
            super::oidc::assume_role_with_oidc(&app.gateway.sts, &app.tokens, params, now)
        } else {
            app.gateway.sts.assume_role(params, now)
        }
        .map(Answer::Value);
    }
    if actions::is_read_only(action) {
        let world = app.store.snapshot().map_err(|_| internal_error())?;
        let req = ActionRequest {
            action,
            params,
            now,
            settle: app.settle,
            request_id,
            sessions,
        };
        return std::panic::catch_unwind(AssertUnwindSafe(|| actions::read_answer(&world, &req)))
            .unwrap_or_else(|_| Err(internal_error()));
    }
    let app = app.clone();
    let action = action.to_string();
    let params = params.clone();
    let request_id = request_id.to_string();
    let sessions = sessions.to_vec();
    let joined = tokio::task::spawn_blocking(move || {
        let req = ActionRequest {
            action: &action,
            params: &params,
            now,
            settle: app.settle,
            request_id: &request_id,
            sessions: &sessions,
        };
        app.store.write(|world| {
            std::panic::catch_unwind(AssertUnwindSafe(|| actions::write(world, &req)))
                .unwrap_or_else(|_| Err(internal_error()))
        })
    })
    .await;
    match joined {
        Ok(Ok(WriteOutcome::Committed(v))) => Ok(Answer::Value(v)),
        Ok(Ok(WriteOutcome::Rejected(e))) => Err(e),
        Ok(Err(_)) | Err(_) => Err(internal_error()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    fn app() -> Arc<App> {
        Arc::new(App {
            url: "http://127.0.0.1:0".to_string(),
            gateway: Gateway::new(HashMap::new()),
            store: Store::in_memory(crate::emulator::world::World::seeded()),
            faults: Faults::new(Vec::new()),
            log: RequestLog::default(),
            settle: Duration::ZERO,
            tokens: Default::default(),
        })
    }

    async fn status(method: &str, path: &str, from: &str) -> StatusCode {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .body(Body::empty())
            .unwrap();
        let remote: SocketAddr = from.parse().unwrap();
        req.extensions_mut().insert(ConnectInfo(remote));
        router(app()).oneshot(req).await.unwrap().status()
    }

    #[tokio::test]
    async fn every_admin_route_refuses_remote_clients_and_serves_loopback_ones() {
        let routes = [
            ("GET", "/_emulator/health"),
            ("GET", "/_emulator/faults"),
            ("PUT", "/_emulator/faults"),
            ("POST", "/_emulator/faults"),
            ("DELETE", "/_emulator/faults"),
            ("GET", "/_emulator/requests"),
            ("DELETE", "/_emulator/requests"),
            ("POST", "/_emulator/reset"),
            ("GET", "/_emulator/tokens"),
            ("POST", "/_emulator/tokens"),
            ("DELETE", "/_emulator/tokens"),
        ];
        for (method, path) in routes {
            assert_eq!(
                status(method, path, "192.0.2.7:5000").await,
                StatusCode::FORBIDDEN,
                "{method} {path}"
            );
        }
        assert_eq!(
            status("GET", "/_emulator/health", "127.0.0.1:5000").await,
            StatusCode::OK
        );
        assert_eq!(
            status("DELETE", "/_emulator/faults", "[::1]:5000").await,
            StatusCode::OK
        );
        // The API itself is not an admin route: a remote client gets an API answer, not 403.
        assert_ne!(
            status("GET", "/?Action=DescribeRegions", "192.0.2.7:5000").await,
            StatusCode::FORBIDDEN
        );
    }
}

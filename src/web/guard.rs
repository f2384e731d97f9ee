//! The door of the local server. Every program on the machine and every web page the user visits can
//! send it requests, so each request must show that it comes from the page styrdok opened:
//!
//! - the `Host` is this server's own address (a DNS-rebinding page names its own host);
//! - it carries the per-run token: once in the launch URL (`/start?nyckel=…`), which sets it as an
//!   HttpOnly, SameSite=Strict cookie and sends the browser on without it; then that cookie;
//! - a request that changes something (not GET or HEAD) comes from this server's own origin;
//! - every answer forbids framing, inline script and content sniffing; there are no CORS headers, so
//!   no other origin can read an answer.

use super::live::Shared;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// Where the launch URL points; its query carries the token.
pub const START: &str = "/start";
const TOKEN_PARAMETER: &str = "nyckel";

/// Bytes of randomness in a token (128 bits).
const TOKEN_BYTES: usize = 16;

/// A fresh token from the operating system's random source, as hex.
pub fn token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; TOKEN_BYTES];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The launch URL, to open in the browser or paste into one.
pub fn launch_url(shared: &Shared) -> String {
    format!(
        "http://127.0.0.1:{}{START}?{TOKEN_PARAMETER}={}",
        shared.port, shared.token
    )
}

/// The cookie's name carries the port: cookies are not kept apart by port, and two styrdok pages
/// open at once must not overwrite each other's token.
fn cookie_name(shared: &Shared) -> String {
    format!("styrdok-{}", shared.port)
}

/// Why a request was turned away (said in Swedish to whoever sent it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    Host,
    Origin,
    Token,
}

impl Refusal {
    fn text(self) -> &'static str {
        match self {
            Refusal::Host => "Fel värdnamn: sidan nås bara på den adress styrdok skrev ut.",
            Refusal::Origin => "Förfrågan kom från en annan webbplats och avvisades.",
            Refusal::Token => {
                "Nyckel saknas: öppna sidan med adressen som styrdok skrev i fönstret där det startades."
            }
        }
    }
}

/// The middleware every route runs behind.
pub async fn guard(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let response = match admit(&shared, &request) {
        Err(refusal) => (StatusCode::FORBIDDEN, refusal.text()).into_response(),
        Ok(Admit::Start(view)) => start(&shared, view),
        Ok(Admit::Pass) => next.run(request).await,
    };
    harden(response)
}

enum Admit {
    /// The launch URL with the right token: set the cookie, then show this view.
    Start(String),
    Pass,
}

fn admit(shared: &Shared, request: &Request) -> Result<Admit, Refusal> {
    let headers = request.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| shared.hosts.iter().any(|allowed| allowed == h)) {
        return Err(Refusal::Host);
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) && !same_origin(shared, headers) {
        return Err(Refusal::Origin);
    }
    if request.uri().path() == START {
        let offered = request
            .uri()
            .query()
            .into_iter()
            .flat_map(|q| q.split('&'))
            .find_map(|pair| pair.strip_prefix(TOKEN_PARAMETER)?.strip_prefix('='));
        return match offered {
            Some(offered) if equal(offered.as_bytes(), shared.token.as_bytes()) => {
                Ok(Admit::Start(view(request.uri().query().unwrap_or(""))))
            }
            _ => Err(Refusal::Token),
        };
    }
    if cookie(headers, &cookie_name(shared))
        .is_some_and(|held| equal(held.as_bytes(), shared.token.as_bytes()))
    {
        Ok(Admit::Pass)
    } else {
        Err(Refusal::Token)
    }
}

/// A state-changing request must name this server as its origin; browsers send `Origin` with every
/// POST, so one without it did not come from the page.
fn same_origin(shared: &Shared, headers: &HeaderMap) -> bool {
    let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok());
    let from_here = origin.is_some_and(|o| shared.origins.iter().any(|allowed| allowed == o));
    // Browsers that send Fetch Metadata say outright where a request comes from.
    let site = headers
        .get("sec-fetch-site")
        .and_then(|s| s.to_str().ok())
        .unwrap_or("same-origin");
    from_here && site == "same-origin"
}

/// The launch URL's answer: the cookie, and the way on to the overview without the token in the
/// address bar (or the history).
fn start(shared: &Shared, view: String) -> Response {
    let cookie = format!(
        "{}={}; HttpOnly; SameSite=Strict; Path=/",
        cookie_name(shared),
        shared.token
    );
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, view)]).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The view a launch URL asks for (`&till=problem`, `&till=dokument/<id>`): one of the views by
/// name, or a document's page viewer by its id (16 hex digits), else the overview. Never a free
/// path, so the launch URL cannot send the browser anywhere else.
fn view(query: &str) -> String {
    let asked = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("till="))
        .unwrap_or("");
    match asked {
        "problem" => "/problem".to_string(),
        "dokument" => "/dokument".to_string(),
        "forandringar" => "/forandringar".to_string(),
        "mallar" => "/mallar".to_string(),
        "blanketter" => "/blanketter".to_string(),
        _ => match asked.strip_prefix("dokument/") {
            Some(id) if id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()) => {
                format!("/dokument/{id}")
            }
            _ => "/".to_string(),
        },
    }
}

/// A cookie's value among the request's `Cookie` headers.
fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .find_map(|pair| {
            let (key, value) = pair.trim().split_once('=')?;
            (key == name).then_some(value)
        })
}

/// Compares in time independent of where the first difference is, so the token cannot be guessed
/// byte by byte from response times.
fn equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Only the page's own files, plus two things inside a page: the tab's icon (a `data:` picture) and
/// the closing page's style, named by its digest (that page is shown after the server has stopped,
/// when the stylesheet can no longer be fetched).
fn policy() -> &'static HeaderValue {
    use base64::Engine;
    use sha2::{Digest, Sha256};
    static POLICY: std::sync::OnceLock<HeaderValue> = std::sync::OnceLock::new();
    POLICY.get_or_init(|| {
        let digest = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(super::STYLESHEET.as_bytes()));
        let policy = format!(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'sha256-{digest}'; \
             frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        );
        HeaderValue::from_str(&policy).expect("the policy is ASCII")
    })
}

/// The headers every answer carries.
fn harden(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, policy().clone());
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Not `no-referrer`: under it a browser sends `Origin: null` with the page's own form posts
    // (Fetch's origin serialisation), and `same_origin` would refuse every one. `same-origin`
    // still tells no other site anything.
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_and_differ() {
        let a = token().unwrap();
        let b = token().unwrap();
        assert_eq!(a.len(), 2 * TOKEN_BYTES);
        assert_ne!(a, b);
    }

    #[test]
    fn comparison_needs_every_byte() {
        assert!(equal(b"abc", b"abc"));
        assert!(!equal(b"abc", b"abd"));
        assert!(!equal(b"abc", b"ab"));
    }

    #[test]
    fn a_launch_url_names_a_view_never_a_path() {
        assert_eq!(view("nyckel=1&till=problem"), "/problem");
        assert_eq!(
            view("till=dokument/0123456789abcdef"),
            "/dokument/0123456789abcdef"
        );
        assert_eq!(view("till=//evil.example"), "/");
        assert_eq!(view("till=dokument/..%2F..%2Fetc"), "/");
        assert_eq!(view("till=dokument/0123456789abcdef/x"), "/");
        assert_eq!(view("nyckel=1"), "/");
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; styrdok-80=x; styrdok-8=y"),
        );
        assert_eq!(cookie(&headers, "styrdok-8"), Some("y"));
        assert_eq!(cookie(&headers, "styrdok-81"), None);
    }
}

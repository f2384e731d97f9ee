//! `styrdok serve` over real sockets: the server is the binary, started as a user would start it, and
//! every request is written by hand, so headers a browser would never send (a foreign Host, a
//! missing Origin) can be sent too.

use crate::common::returned::{read_sheet, rewrite, set};
use crate::common::{Book, build, launch_url, n, serve, t};
use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A running `styrdok serve`, ended (and waited for) when dropped.
struct Server {
    child: Child,
    port: u16,
    token: String,
}

impl Server {
    fn start(input: &Path, output: &Path) -> Server {
        Server::start_in(input, output, &std::env::temp_dir())
    }

    /// With its temporary files in `temporary` (TMPDIR), to see that it leaves none.
    fn start_in(input: &Path, output: &Path, temporary: &Path) -> Server {
        let child = serve(input, output)
            .env("TMPDIR", temporary)
            .spawn()
            .unwrap();
        Server::started(child).0
    }

    /// The server `child` is, from the address it prints first; and that address.
    fn started(mut child: Child) -> (Server, String) {
        let url = launch_url(&mut child);
        let rest = url.strip_prefix("http://127.0.0.1:").unwrap();
        let (port, query) = rest.split_once("/start?nyckel=").unwrap();
        let server = Server {
            port: port.parse().unwrap(),
            token: query.to_string(),
            child,
        };
        (server, url)
    }

    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn cookie(&self) -> String {
        format!("styrdok-{}={}", self.port, self.token)
    }

    /// A GET with the right Host and the cookie.
    fn get(&self, path: &str) -> Answer {
        self.send(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n",
            self.host(),
            self.cookie()
        ))
    }

    fn send(&self, head: &str) -> Answer {
        send(self.port, head)
    }

    /// Waits until the first build has finished (the page no longer says it is reading, or that the
    /// documents are being made).
    fn wait_for_build(&self) -> Answer {
        let started = Instant::now();
        loop {
            let answer = self.get("/problem");
            assert_eq!(answer.status, 200, "{}", answer.head);
            if !answer.body.contains("class=\"lage bygger\"") {
                return answer;
            }
            assert!(started.elapsed() < Duration::from_secs(60), "no build");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Server {
    /// Ends it as Ctrl-C would, so it removes its temporary folder; killed if it does not end.
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Ok(pid) = i32::try_from(self.child.id()) {
            // SAFETY: sends a signal to our own child process; touches no memory.
            unsafe { libc::kill(pid, libc::SIGINT) };
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(5) {
                if let Ok(Some(_)) = self.child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Answer {
    status: u16,
    head: String,
    body: String,
    bytes: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then_some(value.trim())
        })
    }
}

/// One request on its own connection; `head` is the request line and headers, without the blank
/// line that ends them.
fn send(port: u16, head: &str) -> Answer {
    send_with_body(port, head, &[])
}

fn send_with_body(port: u16, head: &str, body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut request = format!("{head}Connection: close\r\n\r\n").into_bytes();
    request.extend_from_slice(body);
    stream.write_all(&request).unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(bytes.len(), |at| at + 4);
    let body_bytes = bytes[end..].to_vec();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Answer {
        status,
        head: head.to_string(),
        body: body.to_string(),
        bytes: body_bytes,
    }
}

/// The body of `path` once it holds `text` (the page follows the builds).
fn wait_for_page(server: &Server, path: &str, text: &str) -> String {
    let started = Instant::now();
    loop {
        let answer = server.get(path);
        if answer.body.contains(text) {
            return answer.body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{text} never shown: {}",
            answer.body
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A valid workbook in its own folder.
fn input(dir: &Path, book: &Book) -> std::path::PathBuf {
    let input = dir.join("input");
    std::fs::create_dir_all(&input).unwrap();
    book.write(&input.join("ok.xlsx"));
    input
}

#[test]
fn every_request_needs_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&input(dir.path(), &Book::valid()), &dir.path().join("out"));
    let host = server.host();
    for path in ["/", "/problem", "/dokument", "/styrdok.js", "/alla.zip"] {
        let answer = server.send(&format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n"));
        assert_eq!(answer.status, 403, "{path} without the cookie");
    }
    let wrong = server.send(&format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nCookie: styrdok-{}=00112233445566778899aabbccddeeff\r\n",
        server.port
    ));
    assert_eq!(wrong.status, 403, "a wrong token");
    let guessed = server.send(&format!("GET /start?nyckel=0 HTTP/1.1\r\nHost: {host}\r\n"));
    assert_eq!(guessed.status, 403, "a wrong token in the launch URL");
}

#[test]
fn the_launch_url_sets_a_strict_cookie_and_forgets_the_token() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&input(dir.path(), &Book::valid()), &dir.path().join("out"));
    let answer = server.send(&format!(
        "GET /start?nyckel={} HTTP/1.1\r\nHost: {}\r\n",
        server.token,
        server.host()
    ));
    assert_eq!(answer.status, 303, "{}", answer.head);
    assert_eq!(answer.header("location"), Some("/"));
    let cookie = answer.header("set-cookie").unwrap();
    assert!(cookie.starts_with(&server.cookie()), "{cookie}");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Strict"), "{cookie}");

    let page = server.get("/");
    assert_eq!(page.status, 200);
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'"), "{csp}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert!(
        !page.head.to_lowercase().contains("access-control-"),
        "no CORS headers: {}",
        page.head
    );
    assert!(page.body.contains("<html lang=\"sv\">"));
}

#[test]
fn a_foreign_host_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&input(dir.path(), &Book::valid()), &dir.path().join("out"));
    let other_port = format!("127.0.0.1:{}", server.port.wrapping_add(1));
    for host in [
        "evil.example",
        "evil.example:80",
        other_port.as_str(),
        "127.0.0.1",
    ] {
        let answer = server.send(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nCookie: {}\r\n",
            server.cookie()
        ));
        assert_eq!(answer.status, 403, "Host: {host}");
    }
    for host in [
        format!("localhost:{}", server.port),
        format!("[::1]:{}", server.port),
    ] {
        let answer = server.send(&format!(
            "GET / HTTP/1.1\r\nHost: {host}\r\nCookie: {}\r\n",
            server.cookie()
        ));
        assert_eq!(answer.status, 200, "Host: {host}");
    }
}

#[test]
fn a_cross_origin_post_is_refused_and_avsluta_ends_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start(&input(dir.path(), &Book::valid()), &dir.path().join("out"));
    server.wait_for_build();
    let post = |origin: &str| {
        server.send(&format!(
            "POST /avsluta HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n{origin}Content-Length: 0\r\n",
            server.host(),
            server.cookie()
        ))
    };
    assert_eq!(post("Origin: http://evil.example\r\n").status, 403);
    assert_eq!(post("Origin: null\r\n").status, 403);
    assert_eq!(post("").status, 403, "a POST without Origin");
    let port = server.port;
    assert_eq!(
        post(&format!(
            "Origin: http://127.0.0.1:{port}\r\nSec-Fetch-Site: cross-site\r\n"
        ))
        .status,
        403,
        "a cross-site POST by Fetch Metadata"
    );
    assert_eq!(server.get("/").status, 200, "still running");

    let ended = post(&format!("Origin: http://127.0.0.1:{port}\r\n"));
    assert_eq!(ended.status, 200);
    assert!(ended.body.contains("styrdok har avslutats"));
    // The closing page carries its style (the server is gone before a browser would fetch the
    // stylesheet), and the security policy lets exactly that style in, by its digest.
    let style = ended
        .body
        .split_once("<style>")
        .and_then(|(_, rest)| rest.split_once("</style>"))
        .map(|(style, _)| style)
        .expect("the closing page has its style");
    let digest = {
        use base64::Engine;
        use sha2::Digest;
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style.as_bytes()))
    };
    let csp = ended.header("content-security-policy").unwrap();
    assert!(csp.contains(&format!("'sha256-{digest}'")), "{csp}");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "still running after Avsluta"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the port is closed"
    );
}

#[test]
fn a_file_is_found_by_its_id_only() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&input(dir.path(), &Book::valid()), &dir.path().join("out"));
    server.wait_for_build();
    let documents = server.get("/dokument");
    let id = documents
        .body
        .split("href=\"/fil/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a document link");
    let file = server.get(&format!("/fil/{id}"));
    assert_eq!(file.status, 200);
    assert!(
        file.header("content-disposition")
            .unwrap()
            .starts_with("attachment"),
        "{}",
        file.head
    );
    for path in [
        "/fil/..%2F..%2F..%2Fetc%2Fpasswd",
        "/fil/../../../etc/passwd",
        "/fil/%2Fetc%2Fpasswd",
        "/fil/0000000000000000",
        "/fil/ok.xlsx",
        "/../../etc/passwd",
    ] {
        let answer = server.get(path);
        assert_eq!(answer.status, 404, "{path}: {}", answer.head);
        assert!(!answer.body.contains("root:"), "{path}");
    }
}

#[test]
fn cell_text_is_shown_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Book::valid();
    book.set("Insatser", "E2", t("<script>alert(1)</script>"));
    book.set("Insatser", "K2", t("<img src=x onerror=alert(2)>"));
    let server = Server::start(&input(dir.path(), &book), &dir.path().join("out"));
    let page = server.wait_for_build();
    assert!(
        page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{}",
        page.body
    );
    assert!(page.body.contains("&lt;img src=x onerror=alert(2)&gt;"));
    assert!(!page.body.contains("<script>alert"));
    assert!(!page.body.contains("<img"));
    assert!(page.body.contains("id=\"Insatser!E2\""), "a stable anchor");
    // The problem's row is shown, its cell marked, the text escaped there too.
    assert!(
        page.body.contains("Rad 2 i bladet Insatser"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<mark>&lt;script&gt;alert(1)&lt;/script&gt;</mark>"),
        "{}",
        page.body
    );
}

/// The server listens on loopback only: on Linux its sockets are read from /proc; anywhere, a
/// connection to the machine's own outward address is refused.
#[test]
fn only_loopback_is_listened_on() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&input(dir.path(), &Book::valid()), &dir.path().join("out"));
    #[cfg(target_os = "linux")]
    {
        let port = format!(":{:04X}", server.port);
        let mut found = 0;
        for (table, loopback) in [
            ("/proc/net/tcp", "0100007F"),
            ("/proc/net/tcp6", "00000000000000000000000001000000"),
        ] {
            let Ok(text) = std::fs::read_to_string(table) else {
                continue;
            };
            for line in text.lines().skip(1) {
                let fields: Vec<&str> = line.split_whitespace().collect();
                // local address, remote, state; 0A is LISTEN.
                if fields.len() > 3 && fields[1].ends_with(&port) && fields[3] == "0A" {
                    found += 1;
                    assert_eq!(fields[1], format!("{loopback}{port}"), "{table}: {line}");
                }
            }
        }
        assert!(found >= 1, "the listening socket is in /proc/net/tcp");
    }
    let probe = std::net::UdpSocket::bind("0.0.0.0:0").unwrap();
    if probe.connect("192.0.2.1:9").is_ok()
        && let Ok(outward) = probe.local_addr()
        && !outward.ip().is_loopback()
        && !outward.ip().is_unspecified()
    {
        assert!(
            TcpStream::connect_timeout(
                &std::net::SocketAddr::new(outward.ip(), server.port),
                Duration::from_secs(2)
            )
            .is_err(),
            "reachable on {}",
            outward.ip()
        );
    }
}

/// The ids of the documents the Dokument view links to, in its order.
fn document_ids(server: &Server) -> Vec<String> {
    let page = server.get("/dokument");
    let mut ids: Vec<String> = page
        .body
        .split("href=\"/fil/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_string)
        .collect();
    ids.dedup();
    ids
}

/// Every file under `dir` by its path inside it, with its bytes.
fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, into: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, into);
            } else {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                into.insert(name, std::fs::read(&path).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, dir, &mut files);
    files
}

/// The page writes the output folder exactly as `styrdok build` does, and its zip holds those files.
#[test]
fn the_files_are_those_build_writes_and_the_zip_holds_them() {
    let dir = tempfile::tempdir().unwrap();
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let served = dir.path().join("served");
    let built = dir.path().join("built");
    let server = Server::start(&example, &served);
    server.wait_for_build();
    let output = build(&example, &built, &[]);
    assert!(output.status.success(), "{output:?}");
    let (served_files, built_files) = (files_under(&served), files_under(&built));
    assert_eq!(
        served_files.keys().collect::<Vec<_>>(),
        built_files.keys().collect::<Vec<_>>()
    );
    for (name, bytes) in &served_files {
        assert!(bytes == &built_files[name], "{name} differs from build's");
    }

    let zip = server.get("/alla.zip");
    assert_eq!(zip.status, 200, "{}", zip.head);
    assert_eq!(zip.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
    let mut entries = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        entries.insert(entry.name().unwrap().to_string(), bytes);
    }
    let documents: BTreeMap<_, _> = served_files
        .into_iter()
        .filter(|(name, _)| !name.starts_with(".styrdok"))
        .collect();
    assert_eq!(
        entries, documents,
        "the zip holds every document, nothing else"
    );
    assert_eq!(document_ids(&server).len(), documents.len());
}

#[test]
fn a_pdf_s_pages_are_shown_as_images() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&input(dir.path(), &Book::valid()), &dir.path().join("out"));
    server.wait_for_build();
    let page = server.get("/dokument");
    let thumbnail = page
        .body
        .split("src=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|src| src.starts_with("/sida/"))
        .expect("a thumbnail")
        .replace("&amp;", "&");
    let image = server.get(&thumbnail);
    assert_eq!(image.status, 200, "{}", image.head);
    assert_eq!(image.header("content-type"), Some("image/png"));
    assert!(image.bytes.starts_with(b"\x89PNG\r\n"), "a PNG");

    let id = thumbnail.split('/').nth(2).unwrap();
    let viewer = server.get(&format!("/dokument/{id}"));
    assert_eq!(viewer.status, 200);
    assert!(viewer.body.contains("alt=\"Sida 1 av "), "{}", viewer.body);
    let large = server.get(&format!("/sida/{id}/1"));
    assert_eq!(large.status, 200);
    assert!(
        large.bytes.len() > image.bytes.len(),
        "the page is larger than its thumbnail"
    );
    for past in ["0", "999", "x", "-1"] {
        assert_eq!(
            server.get(&format!("/sida/{id}/{past}")).status,
            404,
            "page {past}"
        );
    }
    // A workbook is a document too, but has no pages to show.
    let ids = document_ids(&server);
    let not_pdf = ids
        .iter()
        .find(|other| !page.body.contains(&format!("/sida/{other}/")))
        .unwrap();
    assert_eq!(server.get(&format!("/sida/{not_pdf}/1")).status, 404);
}

/// A picture of a page is asked for at an address that changes when its PDF is written again: the
/// same address kept the browser showing the pages from before the save. A viewer whose document is
/// gone says so on a page of its own, which the open page swaps in.
#[test]
fn a_rewritten_pdf_s_pictures_have_new_addresses_and_a_gone_one_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path(), &Book::valid());
    let server = Server::start(&input, &dir.path().join("out"));
    server.wait_for_build();
    let pictures = |body: &str| -> BTreeMap<String, String> {
        body.split("src=\"/sida/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|src| {
                let id = src.split('/').next().unwrap().to_string();
                (id, format!("/sida/{}", src.replace("&amp;", "&")))
            })
            .collect()
    };
    let before = pictures(&server.get("/dokument").body);
    assert!(before.len() >= 2, "{before:?}");
    assert!(before.values().all(|src| src.contains("v=")), "{before:?}");
    let old_images: BTreeMap<String, Vec<u8>> = before
        .iter()
        .map(|(id, src)| (id.clone(), server.get(src).bytes))
        .collect();

    let mut spent = Book::valid();
    spent.set("Insatser", "J2", n(150_000.0));
    spent.write(&input.join("ok.xlsx"));
    let started = Instant::now();
    let after = loop {
        let now = pictures(&server.get("/dokument").body);
        if now.iter().any(|(id, src)| before.get(id) != Some(src)) {
            break now;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "never rebuilt");
        std::thread::sleep(Duration::from_millis(100));
    };
    // A document Förbrukat is on has new addresses for its pictures, and they show the new pages.
    let changed: Vec<&String> = after
        .iter()
        .filter(|(id, src)| before.get(*id) != Some(*src))
        .map(|(id, _)| id)
        .collect();
    for id in changed {
        assert_ne!(server.get(&after[id]).bytes, old_images[id], "{id}");
    }

    let gone = server.get("/dokument/0123456789abcdef");
    assert_eq!(gone.status, 404);
    assert!(
        gone.head.contains("text/html") && gone.body.contains("Dokumentet finns inte längre"),
        "{}",
        gone.body
    );
    assert!(
        gone.body.contains("aria-label=\"Vyer\""),
        "the usual page around it"
    );
}

/// The pages shown are drawn from the layout the build exported each PDF from: after a save that
/// breaks the workbook, the last good documents stay, and so do their pages, though the input could
/// no longer make them.
#[test]
fn the_last_good_documents_pages_are_shown_after_a_broken_save() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path(), &Book::valid());
    let server = Server::start(&input, &dir.path().join("out"));
    server.wait_for_build();
    let documents = server.get("/dokument").body;
    let pdfs: Vec<&str> = documents
        .split("src=\"/sida/")
        .skip(1)
        .filter_map(|rest| rest.split('/').next())
        .collect();
    assert!(pdfs.len() >= 2, "{documents}");

    let mut broken = Book::valid();
    broken.set("Insatser", "E2", t("inte ett belopp"));
    broken.write(&input.join("ok.xlsx"));
    wait_for_page(&server, "/problem", "Insatser!E2");
    for id in pdfs {
        let viewer = server.get(&format!("/dokument/{id}"));
        assert!(viewer.body.contains("alt=\"Sida 1 av "), "{}", viewer.body);
        let image = server.get(&format!("/sida/{id}/1"));
        assert_eq!(image.status, 200, "{id}: {}", image.body);
        assert!(image.bytes.starts_with(b"\x89PNG\r\n"), "a PNG");
    }
}

/// A multipart body with one file field, as a browser sends a file input.
fn multipart(field: &str, file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    multipart_files(field, &[(file_name, bytes)])
}

/// The same with several files in the field (`<input type=file multiple>`).
fn multipart_files(field: &str, files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "styrdok-test-boundary";
    let mut body = Vec::new();
    for (file_name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn the_last_meeting_s_workbook_is_compared_capped_and_gone_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut now = Book::valid();
    now.set("Insatser", "E2", n(100_000.0));
    let input = input(dir.path(), &now);
    let previous = Book::valid().write(&dir.path().join("forra.xlsx"));
    let temporary = dir.path().join("tmp");
    std::fs::create_dir(&temporary).unwrap();
    let mut server = Server::start_in(&input, &dir.path().join("out"), &temporary);
    server.wait_for_build();
    let port = server.port;
    let post = |origin: &str, content_type: &str, length: usize, body: &[u8]| {
        send_with_body(
            port,
            &format!(
                "POST /forandringar HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\nOrigin: {origin}\r\nContent-Type: {content_type}\r\nContent-Length: {length}\r\n",
                server.cookie()
            ),
            body,
        )
    };
    let here = format!("http://127.0.0.1:{port}");

    // Refused on its declared length, before a byte of it is read.
    let oversized = post(
        &here,
        "multipart/form-data; boundary=x",
        64 * 1024 * 1024,
        b"",
    );
    assert_eq!(oversized.status, 413, "{}", oversized.head);

    let (content_type, body) = multipart("forra", "förra.xlsx", &std::fs::read(&previous).unwrap());
    let foreign = post("http://evil.example", &content_type, body.len(), &body);
    assert_eq!(foreign.status, 403, "an upload from another site");
    let (text_type, text) = multipart("forra", "anteckningar.txt", b"hej");
    assert_eq!(post(&here, &text_type, text.len(), &text).status, 415);

    let uploaded = post(&here, &content_type, body.len(), &body);
    assert_eq!(uploaded.status, 303, "{}", uploaded.head);
    assert_eq!(uploaded.header("location"), Some("/forandringar"));
    let page = server.get("/forandringar");
    assert!(
        page.body.contains("Jämfört med förra.xlsx"),
        "{}",
        page.body
    );
    assert!(page.body.contains("1 ändrad insats"), "{}", page.body);
    assert!(page.body.contains("Belopp"), "{}", page.body);
    // The deck and the report are rebuilt with the changes, as `build --sedan` makes them.
    let out = dir.path().join("out");
    let page = wait_for_page(
        &server,
        "/forandringar",
        "visar förändringarna sedan förra.xlsx",
    );
    assert!(page.contains("statusbilder"), "{page}");
    let with_changes = dir.path().join("med-sedan");
    crate::common::library::build(&input, &with_changes)
        .since(&previous)
        .run();
    let pdfs = |dir: &Path| {
        files_under(dir)
            .into_iter()
            .filter(|(name, _)| name.ends_with(".pdf"))
            .collect::<BTreeMap<_, _>>()
    };
    assert_eq!(pdfs(&out), pdfs(&with_changes), "the PDFs of build --sedan");

    // A file that is no workbook is said at once, in Swedish and under its own name, and the
    // comparison the page had stays.
    let (broken_type, broken) = multipart("forra", "trasig.xlsx", b"Kod;Namn\n1;Strategin\n");
    let refused = post(&here, &broken_type, broken.len(), &broken);
    assert_eq!(refused.status, 422, "{}", refused.head);
    assert!(
        refused
            .body
            .contains("trasig.xlsx: filen är inte en arbetsbok")
            && refused.body.contains("en textfil, kanske CSV")
            && refused.body.contains("Åtgärd:")
            && !refused
                .body
                .contains(".xlsx: filen är inte en arbetsbok som går att läsa (Xlsx")
            && !refused
                .body
                .split("forra-")
                .skip(1)
                .any(|rest| rest.starts_with(|c: char| c.is_ascii_digit())),
        "{}",
        refused.body
    );
    assert!(
        server
            .get("/forandringar")
            .body
            .contains("Jämfört med förra.xlsx"),
        "the comparison is kept"
    );
    // «Sluta jämföra»: the documents again as a plain build makes them.
    let stopped = send(
        port,
        &format!(
            "POST /forandringar/sluta HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\nOrigin: {here}\r\nContent-Length: 0\r\n",
            server.cookie()
        ),
    );
    assert_eq!(stopped.status, 303, "{}", stopped.head);
    let plain = dir.path().join("utan-sedan");
    crate::common::library::build(&input, &plain).run();
    let started = Instant::now();
    while pdfs(&out) != pdfs(&plain) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "not rebuilt without the changes"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!server.get("/forandringar").body.contains("Jämfört med"));
    let kept: Vec<_> = std::fs::read_dir(&temporary).unwrap().collect();
    assert_eq!(
        kept.len(),
        1,
        "one private folder for uploads (emptied by «Sluta jämföra»)"
    );
    assert!(
        !std::fs::read_dir(&input).unwrap().any(|e| e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("forra")),
        "nothing is written into INDATA"
    );

    let ended = server.send(&format!(
        "POST /avsluta HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\nOrigin: {here}\r\nContent-Length: 0\r\n",
        server.cookie()
    ));
    assert_eq!(ended.status, 200);
    let started = Instant::now();
    while server.child.try_wait().unwrap().is_none() {
        assert!(started.elapsed() < Duration::from_secs(20), "still running");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read_dir(&temporary).unwrap().count(),
        0,
        "no temporary files left"
    );
}

/// Ctrl-C (SIGINT) ends the server as the Avsluta button does: the open page hears it, the process
/// ends with 0 and leaves no temporary folder.
#[cfg(unix)]
#[test]
fn ctrl_c_ends_the_server_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let temporary = dir.path().join("tmp");
    std::fs::create_dir(&temporary).unwrap();
    let mut server = Server::start_in(
        &input(dir.path(), &Book::valid()),
        &dir.path().join("out"),
        &temporary,
    );
    server.wait_for_build();
    // An open page's event stream: it is told the server ends, then closed.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    write!(
        events,
        "GET /handelser HTTP/1.1\r\nHost: {}\r\nCookie: {}\r\n\r\n",
        server.host(),
        server.cookie()
    )
    .unwrap();
    // The stream is open once it has told the current build.
    let mut heard = Vec::new();
    let mut chunk = [0u8; 4096];
    while !String::from_utf8_lossy(&heard).contains("event: bygge") {
        let n = events.read(&mut chunk).unwrap();
        assert!(n > 0, "{}", String::from_utf8_lossy(&heard));
        heard.extend_from_slice(&chunk[..n]);
    }
    let pid = i32::try_from(server.child.id()).unwrap();
    // SAFETY: sends a signal to our own child process; touches no memory.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let _ = events.read_to_end(&mut heard);
    let heard = String::from_utf8_lossy(&heard);
    assert!(heard.contains("event: avslutad"), "{heard}");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "still running");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    assert_eq!(std::fs::read_dir(&temporary).unwrap().count(), 0);
}

/// A one-sheet workbook with `cell` in B1, as an organisation's own template.
fn template(path: &Path, cell: &str) {
    Book {
        sheets: vec![("Redovisning".into(), vec![vec![t("Titel"), t(cell)]])],
        merged: Vec::new(),
    }
    .write(path);
}

/// Mallar lists each template with the file filled from it; a template saved with an unknown
/// placeholder shows up with its cell, without a reload of the server.
#[test]
fn each_template_shows_its_filled_file_or_its_problem_with_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path(), &Book::valid());
    let templates = input.join("mallar");
    std::fs::create_dir(&templates).unwrap();
    template(&templates.join("bra.xlsx"), "{{Titel}}");
    let server = Server::start(&input, &dir.path().join("out"));
    server.wait_for_build();
    let page = server.get("/mallar");
    assert!(page.body.contains("<h3>bra.xlsx</h3>"), "{}", page.body);
    assert!(page.body.contains("download>bra.xlsx</a>"), "{}", page.body);

    template(&templates.join("trasig.xlsx"), "{{Okänt}}");
    let started = Instant::now();
    let page = loop {
        let page = server.get("/mallar");
        if page.body.contains("<h3>trasig.xlsx</h3>") && page.body.contains("okänt namn") {
            break page;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "{}", page.body);
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(page.body.contains("Redovisning!B1"), "{}", page.body);
    assert!(
        page.body.contains("Mallen kunde inte fyllas i"),
        "{}",
        page.body
    );
}

/// Blanketter: the forms are written into the output folder as `styrdok forms` writes them and
/// offered as a zip; a returned form read back names who has reported and gives the collected
/// workbook to download, written outside INDATA.
#[test]
fn forms_are_written_and_returned_ones_collected() {
    let dir = tempfile::tempdir().unwrap();
    let input = input(dir.path(), &Book::valid());
    let output = dir.path().join("out");
    let server = Server::start(&input, &output);
    server.wait_for_build();
    let port = server.port;
    let post = |path: &str, content_type: &str, body: &[u8]| {
        send_with_body(
            port,
            &format!(
                "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {}\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
                server.cookie(),
                body.len()
            ),
            body,
        )
    };
    let written = post("/blanketter/skriv", "text/plain", b"");
    assert_eq!(written.status, 303, "{}", written.head);
    let forms = files_under(&output.join("blanketter"));
    assert!(forms.len() >= 2, "{:?}", forms.keys());

    let zip = server.get("/blanketter.zip");
    assert_eq!(zip.status, 200, "{}", zip.head);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
    let mut names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    names.sort();
    assert_eq!(names, forms.keys().cloned().collect::<Vec<_>>());

    // Kommun B sends its form back filled in (saved by another program); Division A sends its own
    // back empty; the others do not answer.
    let back = dir.path().join("tillbaka");
    std::fs::create_dir(&back).unwrap();
    let filled = back.join("kommun-b.xlsx");
    rewrite(&output.join("blanketter/kommun-b.xlsx"), &filled, |rows| {
        set(&mut rows[0], "Förbrukat", "200000");
        set(&mut rows[0], "Bedömning", "Gul");
        set(&mut rows[0], "Kommentar", "Kursen flyttades till hösten.");
    });
    let filled = std::fs::read(&filled).unwrap();
    let empty = &forms["division-a.xlsx"];
    let (content_type, body) = multipart_files(
        "blanketter",
        &[("kommun-b.xlsx", &filled), ("division-a.xlsx", empty)],
    );
    let collected = post("/blanketter/inkomna", &content_type, &body);
    assert_eq!(collected.status, 303, "{}", collected.head);
    let page = server.get("/blanketter");
    assert!(page.body.contains("2 blanketter lästa"), "{}", page.body);
    // An empty form counts as not reported, with a warning saying so.
    assert!(
        page.body.contains("blanketten har inget ifyllt"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Har rapporterat (1)"), "{}", page.body);
    assert!(
        page.body
            .contains(&format!("Har inte rapporterat ({})", forms.len() - 1)),
        "{}",
        page.body
    );
    let workbook = page
        .body
        .split("Den sammanställda arbetsboken: <a href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a collected workbook");
    let download = server.get(workbook);
    assert_eq!(download.status, 200);
    let merged = dir.path().join("sammanstalld.xlsx");
    std::fs::write(&merged, &download.bytes).unwrap();
    let insatser = read_sheet(&merged, "Insatser");
    let utbildning = insatser
        .iter()
        .find(|r| r["Insats"] == "Utbildning")
        .unwrap();
    assert_eq!(utbildning["Förbrukat"], "200000");
    assert_eq!(utbildning["Bedömning"], "Gul");
    assert_eq!(utbildning["Kommentar"], "Kursen flyttades till hösten.");
    assert_eq!(
        std::fs::read_dir(&input).unwrap().count(),
        1,
        "INDATA holds its workbook only"
    );

    // Every form has a sheet Uppföljning: a problem in one names the form's file too.
    let wrong = dir.path().join("tillbaka/kommun-b-fel.xlsx");
    rewrite(&output.join("blanketter/kommun-b.xlsx"), &wrong, |rows| {
        set(&mut rows[0], "Förbrukat", "cirka 100 tkr");
    });
    let wrong = std::fs::read(&wrong).unwrap();
    let (content_type, body) = multipart_files("blanketter", &[("kommun-b.xlsx", &wrong)]);
    assert_eq!(
        post("/blanketter/inkomna", &content_type, &body).status,
        303
    );
    let page = server.get("/blanketter");
    assert!(
        page.body.contains("kommun-b.xlsx · Uppföljning!"),
        "{}",
        page.body
    );
}

/// The example input copied into `to`, with its templates and projects.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A coordinator double-clicks styrdok in the folder it was unpacked to: no arguments, no terminal.
/// The page opens in the default browser (here a stand-in `xdg-open` that notes the address) on the
/// workbooks in `input/` beside the program, and the documents land in `output/` beside it.
#[cfg(unix)]
#[test]
fn a_double_click_opens_the_page_on_the_workbooks_beside_the_program() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let program = dir.path().join("styrdok");
    // A link, not a copy, where the file system allows: the program finds its folder from its own path.
    if std::fs::hard_link(env!("CARGO_BIN_EXE_styrdok"), &program).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_styrdok"), &program).unwrap();
    }
    copy_tree(
        &crate::common::library::example_input(),
        &dir.path().join("input"),
    );
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let opened = dir.path().join("opened.txt");
    let browser = bin.join("xdg-open");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display()),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();

    let child = std::process::Command::new(&program)
        .current_dir(std::env::temp_dir())
        .env("PATH", &bin)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (server, url) = Server::started(child);
    let started = Instant::now();
    while !opened.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "no browser opened"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    assert_eq!(std::fs::read_to_string(&opened).unwrap().trim(), url);

    server.wait_for_build();
    let overview = server.get("/");
    assert!(
        overview.body.contains("ok2025-dalarna.xlsx"),
        "{}",
        overview.body
    );
    assert!(
        overview.body.contains("vastra-gotaland"),
        "{}",
        overview.body
    );
    let started = Instant::now();
    while server
        .get("/dokument")
        .body
        .contains("class=\"lage bygger\"")
        || !dir
            .path()
            .join("output")
            .join(".styrdok-bygge.json")
            .exists()
    {
        assert!(started.elapsed() < Duration::from_secs(60), "no documents");
        std::thread::sleep(Duration::from_millis(100));
    }
    let written = files_under(&dir.path().join("output"));
    assert!(
        written.keys().any(|name| name.ends_with(".pdf")),
        "{:?}",
        written.keys()
    );
    // The output folder beside the input is never taken for a project of it.
    assert!(!overview.body.contains(">output<"), "{}", overview.body);
}

/// From a terminal, no arguments still print the help and start nothing (a terminal made with
/// util-linux's `script`, where the machine has it).
#[cfg(unix)]
#[test]
fn without_arguments_in_a_terminal_the_help_is_printed() {
    let Ok(out) = std::process::Command::new("script")
        .args(["-qec", env!("CARGO_BIN_EXE_styrdok"), "/dev/null"])
        .stdin(Stdio::null())
        .output()
    else {
        eprintln!("`script` finns inte: testet hoppas över");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Användning: styrdok"), "{text}");
    assert!(!text.contains("styrdok visas på"), "{text}");
    assert_eq!(out.status.code(), Some(2), "{text}");
}

//! `skaidri check URL` and `skaidri check --sitemap URL` against a small HTTP server this
//! test starts on 127.0.0.1 (an ephemeral port). Nothing here talks to any other address:
//! every URL is on the loopback server, `ftp://` URLs are refused before any connection,
//! and proxy variables are removed from the child's environment.
//!
//! Each test starts its own server; the slowest waits about one second (a `--timeout 1`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// A Latvian page with officialese: "sakarā ar" and "veic pārbaudi" in the body, the
/// same words in a script (not checked), and non-ASCII text before them on the line, so a
/// byte column would differ from the character column.
const PAGE: &str = "<!DOCTYPE html>
<html lang=\"lv\">
<head>
<meta charset=\"utf-8\">
<title>Iesniegumu izskatīšana</title>
<script>var t = \"sakarā ar\";</script>
</head>
<body>
<main>
<h1>Iesniegumu izskatīšana</h1>
<p>Ārējā kārtība: iestāde veic pārbaudi, un sakarā ar to pieņem lēmumu.</p>
</main>
</body>
</html>
";

/// The same officialese in the menu and in the text.
const NAV_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"lv\"><body>\n<nav>Iestāde veic pārbaudi.</nav>\n<p>Iestāde veic pārbaudi.</p>\n</body></html>\n";

/// A short page for the sitemap, with one finding.
fn small_page(n: u32) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"lv\"><head><title>Lapa {n}</title></head>\n<body>\n<p>Lapa {n}: sakarā ar remontu birojs ir slēgts.</p>\n</body></html>\n"
    )
}

/// One request the server saw.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    user_agent: String,
    at: Instant,
}

struct Server {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let l2 = log.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let log = l2.clone();
                thread::spawn(move || handle(stream, addr, &log));
            }
        });
        Server { addr, log }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    fn seen(&self) -> Vec<Seen> {
        self.log.lock().unwrap().clone()
    }
}

fn handle(stream: TcpStream, addr: SocketAddr, log: &Mutex<Vec<Seen>>) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            if k.eq_ignore_ascii_case("user-agent") {
                user_agent = v.trim().to_string();
            }
        }
    }
    log.lock().unwrap().push(Seen {
        path: path.clone(),
        user_agent,
        at: Instant::now(),
    });
    let _ = route(&path, stream, addr);
}

fn respond(
    mut s: TcpStream,
    status: &str,
    headers: &[(&str, String)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes())?;
    s.write_all(body)?;
    s.flush()
}

fn html(s: TcpStream, body: &[u8]) -> std::io::Result<()> {
    respond(
        s,
        "200 OK",
        &[("Content-Type", "text/html; charset=utf-8".into())],
        body,
    )
}

fn route(path: &str, mut s: TcpStream, addr: SocketAddr) -> std::io::Result<()> {
    match path {
        "/page.html" => html(s, PAGE.as_bytes()),
        "/w1257.html" => {
            // "Sakarā ar pārbaudi" with ā = 0xE2 in Windows-1257; no meta tag
            let mut body = b"<html lang=\"lv\"><body>\n<p>".to_vec();
            body.extend_from_slice(b"Sakar\xE2 ar p\xE2rbaudi birojs ir sl\xE7gts.");
            body.extend_from_slice(b"</p>\n</body></html>\n");
            respond(
                s,
                "200 OK",
                &[("Content-Type", "text/html; charset=windows-1257".into())],
                &body,
            )
        }
        "/big.pdf" => {
            s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: 50000000\r\nConnection: close\r\n\r\n%PDF",
            )?;
            Ok(())
        }
        "/nav.html" => html(s, NAV_PAGE.as_bytes()),
        "/doc.pdf" => respond(
            s,
            "200 OK",
            &[("Content-Type", "application/pdf".into())],
            b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n",
        ),
        "/big.html" => {
            // close-delimited: no Content-Length, 10 MB and then some
            s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>",
            )?;
            let chunk = "<p>Sakarā ar to.</p>\n".repeat(3000);
            let mut sent = 0;
            while sent <= 10 * 1024 * 1024 + 100_000 {
                s.write_all(chunk.as_bytes())?;
                sent += chunk.len();
            }
            Ok(())
        }
        "/big-declared.html" => {
            s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20000000\r\nConnection: close\r\n\r\n<html>",
            )?;
            Ok(())
        }
        "/slow.html" => {
            thread::sleep(Duration::from_secs(5));
            html(s, PAGE.as_bytes())
        }
        "/slow-body.html" => {
            s.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\nConnection: close\r\n\r\n<html>",
            )?;
            s.flush()?;
            thread::sleep(Duration::from_secs(5));
            Ok(())
        }
        "/to-ftp" => respond(
            s,
            "302 Found",
            &[("Location", "ftp://127.0.0.1/page.html".into())],
            b"",
        ),
        "/missing.html" => respond(s, "404 Not Found", &[], b"not here"),
        "/sitemap.xml" => {
            let body = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
                 <sitemap><loc>http://{addr}/sitemap-b.xml</loc></sitemap>\n\
                 <sitemap><loc>http://{addr}/sitemap-a.xml</loc></sitemap>\n</sitemapindex>\n"
            );
            respond(
                s,
                "200 OK",
                &[("Content-Type", "application/xml".into())],
                body.as_bytes(),
            )
        }
        "/sitemap-a.xml" | "/sitemap-b.xml" => {
            let pages: &[&str] = if path == "/sitemap-a.xml" {
                &["/p/2.html", "/p/1.html"]
            } else {
                &["/p/3.html", "/doc.pdf", "/p/1.html"]
            };
            let mut body =
                String::from("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for p in pages {
                body.push_str(&format!("<url><loc>http://{addr}{p}</loc></url>\n"));
            }
            body.push_str("</urlset>\n");
            respond(
                s,
                "200 OK",
                &[("Content-Type", "text/xml".into())],
                body.as_bytes(),
            )
        }
        p if p.starts_with("/p/") => {
            let n: u32 = p
                .trim_start_matches("/p/")
                .trim_end_matches(".html")
                .parse()
                .unwrap_or(0);
            html(s, small_page(n).as_bytes())
        }
        // /r/N redirects N more times, then serves the page
        p if p.starts_with("/r/") => {
            let n: u32 = p[3..].parse().unwrap_or(0);
            if n == 0 {
                html(s, PAGE.as_bytes())
            } else {
                // relative and absolute Locations, alternately
                let next = if n.is_multiple_of(2) {
                    format!("/r/{}", n - 1)
                } else {
                    format!("http://{addr}/r/{}", n - 1)
                };
                respond(s, "301 Moved Permanently", &[("Location", next)], b"")
            }
        }
        _ => respond(s, "404 Not Found", &[], b""),
    }
}

fn skaidri(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut all = vec!["--isolated"];
    all.extend_from_slice(args);
    skaidri_in(dir.path(), &all)
}

/// `skaidri check ARGS` run in `dir`, with no proxy variables.
fn skaidri_in(dir: &std::path::Path, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_skaidri"));
    c.current_dir(dir).env("NO_COLOR", "1");
    for v in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        c.env_remove(v);
    }
    c.arg("check").args(args).output().unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Line and column (1-based, in characters) and byte offset of `needle` in `text`.
fn place(text: &str, needle: &str) -> (u64, u64, u64) {
    let at = text.find(needle).unwrap();
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..at].chars().count() + 1;
    (line as u64, column as u64, at as u64)
}

fn start_of(d: &Value) -> (u64, u64, u64) {
    let s = &d["range"]["start"];
    (
        s["line"].as_u64().unwrap(),
        s["column"].as_u64().unwrap(),
        s["offset"].as_u64().unwrap(),
    )
}

fn files(v: &Value) -> Vec<&str> {
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect()
}

fn errors(v: &Value) -> Vec<&str> {
    v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect()
}

fn find<'a>(file: &'a Value, rule: &str) -> &'a Value {
    file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {file:#}"))
}

#[test]
fn a_page_is_checked_at_its_place_in_the_served_html() {
    let srv = Server::start();
    let url = srv.url("/page.html");
    let out = skaidri(&["--format", "json", "--delay", "0", &url]);
    assert_eq!(out.status.code(), Some(1), "findings: {}", stderr(&out));
    let v = json(&out);
    assert_eq!(files(&v), [url.as_str()]);
    let f = &v["files"][0];
    assert_eq!(f["format"], "html");
    // officialese in the paragraph, found where it is in the HTML as served
    let d = find(f, "OF001");
    assert_eq!(d["text"], "sakarā ar");
    assert_eq!(start_of(d), place(PAGE, "sakarā ar to"));
    let d = find(f, "OF009");
    assert_eq!(start_of(d), place(PAGE, "veic pārbaudi"));
    // nothing from the script
    let (script_line, _, _) = place(PAGE, "<script>");
    assert!(f["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["range"]["start"]["line"] != script_line));
    // the human format names the URL as the path, with line and column
    let (line, col, _) = place(PAGE, "sakarā ar to");
    let out = skaidri(&["--delay", "0", &url]);
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains(&format!("{url}:{line}:{col}: ")), "{human}");
    // the user agent names skaidri and its version
    let seen = srv.seen();
    assert!(!seen.is_empty());
    for s in &seen {
        assert!(
            s.user_agent
                .starts_with(concat!("skaidri/", env!("CARGO_PKG_VERSION"), " (+")),
            "{:?}",
            s.user_agent
        );
    }
}

#[test]
fn the_charset_in_content_type_is_honoured() {
    let srv = Server::start();
    let url = srv.url("/w1257.html");
    let out = skaidri(&["--format", "json", "--delay", "0", &url]);
    let v = json(&out);
    assert!(errors(&v).is_empty(), "{v:#}");
    let d = find(&v["files"][0], "OF001");
    assert_eq!(d["text"], "Sakarā ar");
    let (line, col, _) = start_of(d);
    assert_eq!((line, col), (2, 4));
}

#[test]
fn redirects_are_followed_up_to_five() {
    let srv = Server::start();
    let five = srv.url("/r/5");
    let six = srv.url("/r/6");
    let to_ftp = srv.url("/to-ftp");
    let out = skaidri(&["--format", "json", "--delay", "0", &five, &six, &to_ftp]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let v = json(&out);
    // five redirects: the page is checked under the URL asked for
    assert_eq!(files(&v), [five.as_str()]);
    let d = find(&v["files"][0], "OF001");
    assert_eq!(start_of(d), place(PAGE, "sakarā ar to"));
    let errs = errors(&v);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs.contains(
            &format!(
                "{six}: more than 5 redirects (the last one to {})",
                srv.url("/r/0")
            )
            .as_str()
        ),
        "{errs:?}"
    );
    assert!(
        errs.contains(
            &format!("{to_ftp}: redirected to ftp://127.0.0.1/page.html, which is not an http or https URL")
                .as_str()
        ),
        "{errs:?}"
    );
    // the errors are on standard error too
    assert!(stderr(&out).contains(&format!("skaidri: error: {six}: more than 5 redirects")));
    // the redirect to ftp was not followed: the server saw only its own paths
    assert!(srv.seen().iter().all(|s| s.path.starts_with('/')));
}

#[test]
fn a_page_over_10_mb_is_an_error_and_the_others_are_still_checked() {
    let srv = Server::start();
    let big = srv.url("/big.html");
    let declared = srv.url("/big-declared.html");
    let page = srv.url("/page.html");
    let out = skaidri(&["--format", "json", "--delay", "0", &big, &declared, &page]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(files(&v), [page.as_str()]);
    let mut errs = errors(&v);
    errs.sort();
    assert_eq!(
        errs,
        [
            format!("{declared}: larger than 10 MB (10485760 bytes); stopped reading"),
            format!("{big}: larger than 10 MB (10485760 bytes); stopped reading"),
        ]
    );
}

#[test]
fn a_slow_page_times_out_and_the_others_are_still_checked() {
    let srv = Server::start();
    let slow = srv.url("/slow.html");
    let slow_body = srv.url("/slow-body.html");
    let page = srv.url("/page.html");
    let t0 = Instant::now();
    let out = skaidri(&[
        "--format",
        "json",
        "--delay",
        "0",
        "--timeout",
        "1",
        &slow,
        &slow_body,
        &page,
    ]);
    let took = t0.elapsed();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // No wall-clock assertion (the machine may be loaded): the timeout errors below can
    // only appear if the 1 s limit fired, since both endpoints answer after 5 s.
    let _ = took;
    let v = json(&out);
    assert_eq!(files(&v), [page.as_str()]);
    let mut errs = errors(&v);
    errs.sort();
    assert_eq!(
        errs,
        [
            format!("{slow_body}: no complete answer within 1 s (--timeout)"),
            format!("{slow}: no complete answer within 1 s (--timeout)"),
        ]
    );
}

#[test]
fn a_pdf_is_skipped_with_a_message() {
    let srv = Server::start();
    let pdf = srv.url("/doc.pdf");
    let big_pdf = srv.url("/big.pdf");
    let out = skaidri(&["--format", "json", "--delay", "0", &pdf, &big_pdf]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    assert!(files(&v).is_empty());
    assert!(errors(&v).is_empty());
    assert!(
        stderr(&out).contains(&format!(
            "skaidri: note: {pdf}: skipped: content type application/pdf is not HTML"
        )),
        "{}",
        stderr(&out)
    );
    // a big PDF is skipped for its type, not refused for its size
    assert!(stderr(&out).contains(&format!(
        "skaidri: note: {big_pdf}: skipped: content type application/pdf is not HTML"
    )));
}

#[test]
fn ftp_and_other_schemes_are_errors_naming_the_url() {
    let srv = Server::start();
    let page = srv.url("/page.html");
    let out = skaidri(&[
        "--format",
        "json",
        "--delay",
        "0",
        "ftp://127.0.0.1/page.html",
        &page,
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(files(&v), [page.as_str()]);
    assert_eq!(
        errors(&v),
        ["ftp://127.0.0.1/page.html: only http and https URLs can be checked, not ftp"]
    );
    let out = skaidri(&["--sitemap", "file:///etc/passwd"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out)
        .contains("file:///etc/passwd: only http and https URLs can be checked, not file"));
}

#[test]
fn http_errors_name_the_url() {
    let srv = Server::start();
    let missing = srv.url("/missing.html");
    let out = skaidri(&["--delay", "0", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("skaidri: error: {missing}: HTTP status 404")));
}

#[test]
fn a_sitemap_index_leads_to_every_page_in_a_stable_order() {
    let srv = Server::start();
    let map = srv.url("/sitemap.xml");
    let out = skaidri(&["--format", "json", "--delay", "0", "--sitemap", &map]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    let want: Vec<String> = ["/p/1.html", "/p/2.html", "/p/3.html"]
        .iter()
        .map(|p| srv.url(p))
        .collect();
    assert_eq!(files(&v), want, "each page once, sorted");
    for (i, f) in v["files"].as_array().unwrap().iter().enumerate() {
        let d = find(f, "OF001");
        let page = small_page(i as u32 + 1);
        assert_eq!(start_of(d), place(&page, "sakarā ar"));
    }
    assert!(errors(&v).is_empty());
    assert!(stderr(&out).contains(&format!(
        "skaidri: note: {}: skipped: content type application/pdf is not HTML",
        srv.url("/doc.pdf")
    )));
    // the same output again
    let again = skaidri(&["--format", "json", "--delay", "0", "--sitemap", &map]);
    assert_eq!(out.stdout, again.stdout);
    // --max-pages cuts the list, with a warning
    let out = skaidri(&[
        "--format",
        "json",
        "--delay",
        "0",
        "--max-pages",
        "3",
        "--sitemap",
        &map,
    ]);
    let v = json(&out);
    // the first three listed: p/3, doc.pdf (skipped) and p/1; p/2 is left out
    assert_eq!(files(&v), [srv.url("/p/1.html"), srv.url("/p/3.html")]);
    assert!(stderr(&out).contains("--max-pages"), "{}", stderr(&out));
}

#[test]
fn requests_to_one_host_wait_for_the_delay() {
    let srv = Server::start();
    let chain = srv.url("/r/2");
    let out = skaidri(&["--format", "json", "--delay", "300", &chain]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let seen = srv.seen();
    let paths: Vec<&str> = seen.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(paths, ["/r/2", "/r/1", "/r/0"]);
    for w in seen.windows(2) {
        let gap = w[1].at.duration_since(w[0].at);
        assert!(gap >= Duration::from_millis(250), "gap {gap:?}");
    }
}

#[test]
fn the_config_of_the_current_folder_applies_to_pages() {
    let srv = Server::start();
    let url = srv.url("/page.html");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("skaidri.toml"), "disable = [\"OF001\"]\n").unwrap();
    let out = skaidri_in(dir.path(), &["--format", "json", "--delay", "0", &url]);
    let v = json(&out);
    let rules: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"OF009"), "{rules:?}");
    assert!(!rules.contains(&"OF001"), "{rules:?}");
}

#[test]
fn skip_nav_in_the_config_applies_to_pages() {
    let srv = Server::start();
    let url = srv.url("/nav.html");
    let of009_lines = |out: &Output| -> Vec<u64> {
        json(out)["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "OF009")
            .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
            .collect()
    };
    let out = skaidri(&["--format", "json", "--delay", "0", &url]);
    assert_eq!(of009_lines(&out), [3, 4]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("skaidri.toml"), "skip_nav = true\n").unwrap();
    let out = skaidri_in(dir.path(), &["--format", "json", "--delay", "0", &url]);
    assert_eq!(of009_lines(&out), [4]);
}

#[test]
fn sarif_names_the_page_by_its_url() {
    let srv = Server::start();
    let url = srv.url("/page.html");
    let out = skaidri(&["--format", "sarif", "--delay", "0", &url]);
    let v = json(&out);
    let uri =
        &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, url.as_str(), "{v:#}");
}

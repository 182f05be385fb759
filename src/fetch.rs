//! Fetching published pages for `skaidri check https://…` and `skaidri check --sitemap URL`.
//!
//! This module owns everything between a URL on the command line and the bytes of an HTML
//! page ready for the engine:
//!
//! - which URLs are accepted: http and https only ([`parse_url`], [`looks_like_url`]);
//! - the redirect policy: at most [`MAX_REDIRECTS`] hops, never to another scheme
//!   ([`redirect_target`]);
//! - the size limit: reading stops past [`MAX_PAGE_BYTES`] ([`read_limited`]);
//! - the timeout: connect and overall, per page, redirects included;
//! - politeness: a delay between two requests to the same host ([`Politeness`]) and a user
//!   agent that names skaidri ([`USER_AGENT`]);
//! - content types: HTML is checked, anything else is skipped ([`ContentType`]);
//! - charsets: from Content-Type, else `<meta charset>`, decoded with encoding_rs
//!   ([`decode_html`]);
//! - sitemaps: `urlset` and `sitemapindex`, nested at most [`MAX_SITEMAP_DEPTH`] deep, at
//!   most `max_pages` pages ([`parse_sitemap`], [`collect_sitemap`]).
//!
//! The rules are pure functions with unit tests. [`Fetcher`] is the one place that talks to
//! the network: a blocking ureq agent with rustls (no OpenSSL), following redirects itself
//! so that every hop is checked and delayed politely.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::time::{Duration, Instant};

use quick_xml::events::Event;
use url::Url;

/// Most bytes read from one page or sitemap (10 MB).
pub const MAX_PAGE_BYTES: u64 = 10 * 1024 * 1024;
/// Default time allowed for one page, connect and redirects included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);
/// Most redirects followed for one URL.
pub const MAX_REDIRECTS: usize = 5;
/// Default pause between two requests to the same host.
pub const DEFAULT_DELAY: Duration = Duration::from_millis(1000);
/// Default most pages taken from sitemaps.
pub const DEFAULT_MAX_PAGES: u32 = 500;
/// How deep sitemap indexes may nest: the sitemap given is level 0; an index there may
/// list sitemaps (level 1), and an index at level 1 may list sitemaps (level 2). An index
/// at level 2 is not followed.
pub const MAX_SITEMAP_DEPTH: usize = 2;
/// The user agent sent with every request: names skaidri, its version and where to read
/// about it.
pub const USER_AGENT: &str = concat!(
    "skaidri/",
    env!("CARGO_PKG_VERSION"),
    " (+",
    env!("CARGO_PKG_REPOSITORY"),
    "; plain-language checker)"
);

/// What can go wrong with one URL. Every message starts with the URL it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The text is not a URL that can be parsed.
    #[error("{url}: not a valid URL: {reason}")]
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What the URL parser said.
        reason: String,
    },
    /// The URL's scheme is not http or https.
    #[error("{url}: only http and https URLs can be checked, not {scheme}")]
    UnsupportedScheme {
        /// The URL as given.
        url: String,
        /// The scheme found.
        scheme: String,
    },
    /// A redirect pointed to something that is not an http or https URL.
    #[error("{url}: redirected to {target}, which is not an http or https URL")]
    BadRedirect {
        /// The URL as given.
        url: String,
        /// The Location the server sent.
        target: String,
    },
    /// A redirect response had no Location header.
    #[error("{url}: redirect (HTTP {status}) without a Location header")]
    RedirectWithoutLocation {
        /// The URL as given.
        url: String,
        /// The redirect status.
        status: u16,
    },
    /// More redirects than allowed.
    #[error("{url}: more than {max} redirects (the last one to {last})")]
    TooManyRedirects {
        /// The URL as given.
        url: String,
        /// The limit.
        max: usize,
        /// Where the redirect that went over the limit pointed.
        last: String,
    },
    /// The body is bigger than the limit.
    #[error("{url}: larger than {}; stopped reading", size(*.limit))]
    TooLarge {
        /// The URL as given.
        url: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// No complete answer in time.
    #[error("{url}: no complete answer within {} s (--timeout)", secs(*.after))]
    Timeout {
        /// The URL as given.
        url: String,
        /// The time allowed.
        after: Duration,
    },
    /// The server answered with a status other than success or redirect.
    #[error("{url}: HTTP status {status}")]
    Status {
        /// The URL as given.
        url: String,
        /// The status code.
        status: u16,
    },
    /// The Content-Type or `<meta charset>` names an encoding that is not known.
    #[error("{url}: unknown charset {label:?}")]
    UnknownCharset {
        /// The URL as given.
        url: String,
        /// The label found.
        label: String,
    },
    /// The connection or the protocol failed.
    #[error("{url}: {message}")]
    Transport {
        /// The URL as given.
        url: String,
        /// What failed.
        message: String,
    },
    /// A sitemap that is not well-formed XML, or whose root is neither `urlset` nor
    /// `sitemapindex`.
    #[error("{url}: not a usable sitemap: {reason}")]
    BadSitemap {
        /// The sitemap's URL.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A sitemap index nested deeper than [`MAX_SITEMAP_DEPTH`].
    #[error("{url}: sitemap index nested more than {max} levels deep; not followed")]
    SitemapTooDeep {
        /// The nested index's URL.
        url: String,
        /// The limit.
        max: usize,
    },
}

fn size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes >= MB && bytes.is_multiple_of(MB) {
        format!("{} MB ({bytes} bytes)", bytes / MB)
    } else {
        format!("{bytes} bytes")
    }
}

fn secs(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s:.1}")
    }
}

impl FetchError {
    /// The URL the error is about.
    pub fn url(&self) -> &str {
        match self {
            FetchError::InvalidUrl { url, .. }
            | FetchError::UnsupportedScheme { url, .. }
            | FetchError::BadRedirect { url, .. }
            | FetchError::RedirectWithoutLocation { url, .. }
            | FetchError::TooManyRedirects { url, .. }
            | FetchError::TooLarge { url, .. }
            | FetchError::Timeout { url, .. }
            | FetchError::Status { url, .. }
            | FetchError::UnknownCharset { url, .. }
            | FetchError::Transport { url, .. }
            | FetchError::BadSitemap { url, .. }
            | FetchError::SitemapTooDeep { url, .. } => url,
        }
    }
}

// ---------------------------------------------------------------------------------------
// URLs and redirects

/// Whether a command-line argument is meant as a URL: it starts with a scheme and `://`
/// (`https://…`, but also `ftp://…`, which [`parse_url`] then refuses by name).
pub fn looks_like_url(arg: &str) -> bool {
    let Some((scheme, _)) = arg.split_once("://") else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Parses a URL to fetch: it must be absolute, http or https, and have a host.
pub fn parse_url(given: &str) -> Result<Url, FetchError> {
    let url = Url::parse(given.trim()).map_err(|e| FetchError::InvalidUrl {
        url: given.to_string(),
        reason: e.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::UnsupportedScheme {
            url: given.to_string(),
            scheme: url.scheme().to_string(),
        });
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(FetchError::InvalidUrl {
            url: given.to_string(),
            reason: "no host".into(),
        });
    }
    Ok(without_fragment(url))
}

fn without_fragment(mut url: Url) -> Url {
    url.set_fragment(None);
    url
}

/// Whether an HTTP status is a redirect that carries a Location.
pub fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// Where a response sends us next. `Ok(None)` for a response that is not a redirect;
/// `hops_done` redirects have been followed before this one. The target is resolved
/// against the current URL and must be http or https; the `max`+1-th redirect is an
/// error.
pub fn redirect_target(
    given: &str,
    current: &Url,
    status: u16,
    location: Option<&str>,
    hops_done: usize,
    max: usize,
) -> Result<Option<Url>, FetchError> {
    if !is_redirect(status) {
        return Ok(None);
    }
    let Some(location) = location.map(str::trim).filter(|l| !l.is_empty()) else {
        return Err(FetchError::RedirectWithoutLocation {
            url: given.to_string(),
            status,
        });
    };
    let bad = || FetchError::BadRedirect {
        url: given.to_string(),
        target: location.to_string(),
    };
    let next = current.join(location).map_err(|_| bad())?;
    if !matches!(next.scheme(), "http" | "https") || next.host_str().is_none() {
        return Err(bad());
    }
    if hops_done >= max {
        return Err(FetchError::TooManyRedirects {
            url: given.to_string(),
            max,
            last: next.to_string(),
        });
    }
    Ok(Some(without_fragment(next)))
}

// ---------------------------------------------------------------------------------------
// Bodies, content types and charsets

/// Reads at most `limit` bytes; a body with more is an error (`Err(limit)`), and reading
/// stops one byte past the limit.
pub fn read_limited(reader: impl Read, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf)?;
    if buf.len() as u64 > limit {
        return Ok(Err(limit));
    }
    Ok(Ok(buf))
}

/// A parsed Content-Type header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentType {
    /// The media type, lowercase, without parameters (`text/html`).
    pub mime: String,
    /// The charset parameter, if any, without quotes.
    pub charset: Option<String>,
}

impl ContentType {
    /// Parses a Content-Type header value (`text/html; charset="windows-1257"`).
    pub fn parse(value: &str) -> ContentType {
        let mut parts = value.split(';');
        let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let charset = parts.find_map(|p| {
            let (k, v) = p.split_once('=')?;
            if !k.trim().eq_ignore_ascii_case("charset") {
                return None;
            }
            let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            (!v.is_empty()).then(|| v.to_string())
        });
        ContentType { mime, charset }
    }

    /// Whether the page is HTML (`text/html` or XHTML).
    pub fn is_html(&self) -> bool {
        matches!(self.mime.as_str(), "text/html" | "application/xhtml+xml")
    }
}

/// The charset a page's `<meta charset>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` names in its first 1024 bytes, as browsers look for it.
pub fn meta_charset(head: &[u8]) -> Option<String> {
    let head = &head[..head.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = find(&lower[start..], b">").map_or(lower.len(), |j| start + j);
        let tag = &lower[start..end];
        if let Some(j) = find(tag, b"charset") {
            let rest = &tag[j + b"charset".len()..];
            let rest = trim_ascii_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_ascii_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| {
                        !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') && !b.is_ascii_whitespace()
                    })
                    .collect();
                if !label.is_empty() {
                    return Some(String::from_utf8_lossy(&label).into_owned());
                }
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// The bytes of an HTML page as UTF-8 for the engine. The charset comes from the
/// Content-Type header, else from `<meta charset>`; a byte order mark wins over both, as
/// in browsers. A page with no charset anywhere is passed on as it is (the HTML reader
/// takes UTF-8, and Windows-1257 when the bytes are not UTF-8).
pub fn decode_html(
    given: &str,
    bytes: Vec<u8>,
    header_charset: Option<&str>,
) -> Result<Vec<u8>, FetchError> {
    let label = header_charset
        .map(str::to_string)
        .or_else(|| meta_charset(&bytes));
    let Some(label) = label else {
        return Ok(bytes);
    };
    let Some(enc) = encoding_rs::Encoding::for_label(label.trim().as_bytes()) else {
        return Err(FetchError::UnknownCharset {
            url: given.to_string(),
            label,
        });
    };
    if enc == encoding_rs::UTF_8 && encoding_rs::Encoding::for_bom(&bytes).is_none() {
        // leave UTF-8 as it is: the reader reports bad bytes by place
        return Ok(bytes);
    }
    let (text, _, _) = enc.decode(&bytes);
    Ok(text.into_owned().into_bytes())
}

// ---------------------------------------------------------------------------------------
// Politeness

/// When the next request to a host may start: at least `delay` after the previous request
/// to the same host (scheme, host and port) started.
#[derive(Debug, Clone)]
pub struct Politeness {
    delay: Duration,
    last: HashMap<String, Instant>,
}

impl Politeness {
    /// A schedule with this delay between requests to one host.
    pub fn new(delay: Duration) -> Politeness {
        Politeness {
            delay,
            last: HashMap::new(),
        }
    }

    /// The key requests are spaced by: scheme, host and port.
    pub fn host_key(url: &Url) -> String {
        format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        )
    }

    /// How long to wait at `now` before requesting `url`.
    pub fn wait(&self, url: &Url, now: Instant) -> Duration {
        match self.last.get(&Self::host_key(url)) {
            Some(prev) => (*prev + self.delay).saturating_duration_since(now),
            None => Duration::ZERO,
        }
    }

    /// Notes that a request to `url` starts at `now`.
    pub fn record(&mut self, url: &Url, now: Instant) {
        self.last.insert(Self::host_key(url), now);
    }
}

// ---------------------------------------------------------------------------------------
// Sitemaps

/// The URLs a sitemap lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sitemap {
    /// A `urlset`: pages.
    UrlSet(Vec<String>),
    /// A `sitemapindex`: further sitemaps.
    Index(Vec<String>),
}

/// Parses a sitemap (the sitemaps.org protocol; namespace prefixes are ignored). Returns
/// the `<loc>` of every `<url>` or `<sitemap>` in document order, entities decoded.
pub fn parse_sitemap(bytes: &[u8]) -> Result<Sitemap, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buf = Vec::new();
    let mut root: Option<bool> = None; // Some(true) = index
    let mut stack: Vec<String> = Vec::new();
    let mut loc: Option<String> = None;
    let mut out = Vec::new();
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("XML error at byte {}: {e}", reader.error_position()))?;
        match ev {
            Event::Eof => break,
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                if stack.is_empty() {
                    root = match name.as_str() {
                        "urlset" => Some(false),
                        "sitemapindex" => Some(true),
                        other => return Err(not_a_sitemap(other)),
                    };
                }
                if name == "loc" && stack.len() == 2 {
                    loc = Some(String::new());
                }
                stack.push(name);
            }
            Event::Empty(e) if stack.is_empty() => {
                return match e.local_name().as_ref() {
                    "urlset" => Ok(Sitemap::UrlSet(Vec::new())),
                    "sitemapindex" => Ok(Sitemap::Index(Vec::new())),
                    other => Err(not_a_sitemap(other)),
                };
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if name == "loc" {
                    if let Some(l) = loc.take() {
                        let l = l.trim();
                        if !l.is_empty() {
                            out.push(l.to_string());
                        }
                    }
                }
            }
            Event::Text(t) => {
                if let Some(l) = &mut loc {
                    l.push_str(&t.xml10_content());
                }
            }
            Event::CData(c) => {
                if let Some(l) = &mut loc {
                    l.push_str(&c.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(l) = &mut loc {
                    let s = match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => {
                            let name = r.xml10_content();
                            quick_xml::escape::resolve_predefined_entity(&name)
                                .ok_or_else(|| format!("unknown entity &{name};"))?
                                .to_string()
                        }
                    };
                    l.push_str(&s);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    match root {
        Some(true) => Ok(Sitemap::Index(out)),
        Some(false) => Ok(Sitemap::UrlSet(out)),
        None => Err("no root element".into()),
    }
}

fn not_a_sitemap(root: &str) -> String {
    format!("the root element is <{root}>, not <urlset> or <sitemapindex>")
}

/// Fetches one sitemap's bytes: given the URL as listed and as parsed.
pub type GetSitemap<'a> = dyn FnMut(&str, &Url) -> Result<Vec<u8>, FetchError> + 'a;

/// What reading sitemaps gave.
#[derive(Debug, Default)]
pub struct SitemapPages {
    /// Pages to check, in sitemap order, each once.
    pub pages: Vec<Url>,
    /// Sitemaps and listed URLs that could not be used.
    pub errors: Vec<FetchError>,
    /// Set when the sitemaps list more pages than allowed (the rest was not read).
    pub truncated: bool,
}

/// Reads the sitemap at `given` and, through indexes, the sitemaps it lists, up to
/// [`MAX_SITEMAP_DEPTH`]; collects at most `max_pages` page URLs. `get` fetches one
/// sitemap's bytes.
pub fn collect_sitemap(given: &str, max_pages: usize, get: &mut GetSitemap<'_>) -> SitemapPages {
    let mut out = SitemapPages::default();
    let mut seen_pages = HashSet::new();
    let mut seen_maps = HashSet::new();
    match parse_url(given) {
        Ok(url) => walk_sitemap(
            given,
            url,
            0,
            max_pages,
            get,
            &mut out,
            &mut seen_pages,
            &mut seen_maps,
        ),
        Err(e) => out.errors.push(e),
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn walk_sitemap(
    given: &str,
    url: Url,
    depth: usize,
    max_pages: usize,
    get: &mut GetSitemap<'_>,
    out: &mut SitemapPages,
    seen_pages: &mut HashSet<Url>,
    seen_maps: &mut HashSet<Url>,
) {
    if !seen_maps.insert(url.clone()) {
        return;
    }
    let bytes = match get(given, &url) {
        Ok(b) => b,
        Err(e) => {
            out.errors.push(e);
            return;
        }
    };
    match parse_sitemap(&bytes) {
        Err(reason) => out.errors.push(FetchError::BadSitemap {
            url: given.to_string(),
            reason,
        }),
        Ok(Sitemap::UrlSet(locs)) => {
            for loc in locs {
                match parse_url(&loc) {
                    Ok(u) => {
                        if seen_pages.contains(&u) {
                            continue;
                        }
                        if out.pages.len() < max_pages {
                            seen_pages.insert(u.clone());
                            out.pages.push(u);
                        } else {
                            out.truncated = true;
                        }
                    }
                    Err(e) => out.errors.push(e),
                }
            }
        }
        Ok(Sitemap::Index(locs)) => {
            if depth >= MAX_SITEMAP_DEPTH {
                out.errors.push(FetchError::SitemapTooDeep {
                    url: given.to_string(),
                    max: MAX_SITEMAP_DEPTH,
                });
                return;
            }
            for loc in locs {
                if out.pages.len() >= max_pages {
                    // the rest is not read
                    out.truncated = true;
                    break;
                }
                match parse_url(&loc) {
                    Ok(u) => walk_sitemap(
                        &loc,
                        u,
                        depth + 1,
                        max_pages,
                        get,
                        out,
                        seen_pages,
                        seen_maps,
                    ),
                    Err(e) => out.errors.push(e),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The network

/// Limits of one run.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most bytes read from one response body.
    pub max_bytes: u64,
    /// Time allowed for one URL: connect, redirects and reading the body.
    pub timeout: Duration,
    /// Most redirects followed.
    pub max_redirects: usize,
    /// Pause between two requests to the same host.
    pub delay: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: MAX_PAGE_BYTES,
            timeout: DEFAULT_TIMEOUT,
            max_redirects: MAX_REDIRECTS,
            delay: DEFAULT_DELAY,
        }
    }
}

/// A page fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// An HTML page, as UTF-8 when its charset was named (else as sent).
    Html {
        /// Where the page was found after redirects.
        final_url: Url,
        /// The page.
        bytes: Vec<u8>,
    },
    /// Not HTML: not read, not checked.
    Skipped {
        /// Why, e.g. "content type application/pdf is not HTML".
        reason: String,
    },
}

/// A blocking HTTP client with the limits above; one per run, so the polite delay holds
/// across all pages and sitemaps.
pub struct Fetcher {
    agent: ureq::Agent,
    limits: Limits,
    polite: Politeness,
}

/// A response body read, or the content type of one not read.
enum Body {
    Read {
        final_url: Url,
        content_type: Option<ContentType>,
        bytes: Vec<u8>,
    },
    NotRead {
        reason: String,
    },
}

impl Fetcher {
    /// A client with these limits. Proxies named in the environment (`HTTPS_PROXY`,
    /// `NO_PROXY`, …) are used.
    pub fn new(limits: Limits) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .user_agent(USER_AGENT)
            .max_redirects(0)
            .http_status_as_error(false)
            .timeout_connect(Some(limits.timeout))
            .build();
        Fetcher {
            agent: config.into(),
            polite: Politeness::new(limits.delay),
            limits,
        }
    }

    /// Fetches a page. Bodies of HTML pages are read (within the size limit) and decoded;
    /// other content types are not read.
    pub fn page(&mut self, given: &str, url: &Url) -> Result<Page, FetchError> {
        let body = self.get(
            given,
            url,
            &|ct: Option<&ContentType>, head: &[u8]| match ct {
                Some(ct) => ct.is_html(),
                // no Content-Type: read it when it looks like HTML
                None => skaidri_formats::detect(None, head) == skaidri_formats::Format::Html,
            },
        )?;
        match body {
            Body::NotRead { reason } => Ok(Page::Skipped { reason }),
            Body::Read {
                final_url,
                content_type,
                bytes,
            } => {
                let charset = content_type.as_ref().and_then(|c| c.charset.as_deref());
                Ok(Page::Html {
                    final_url,
                    bytes: decode_html(given, bytes, charset)?,
                })
            }
        }
    }

    /// Fetches a sitemap's bytes, whatever its content type.
    pub fn sitemap(&mut self, given: &str, url: &Url) -> Result<Vec<u8>, FetchError> {
        match self.get(given, url, &|_, _| true)? {
            Body::Read { bytes, .. } => Ok(bytes),
            Body::NotRead { reason } => Err(FetchError::BadSitemap {
                url: given.to_string(),
                reason,
            }),
        }
    }

    /// Follows redirects from `url` and reads the final body when `wanted` says so.
    /// `wanted` sees the content type and, when there is none, the first bytes.
    fn get(
        &mut self,
        given: &str,
        url: &Url,
        wanted: &dyn Fn(Option<&ContentType>, &[u8]) -> bool,
    ) -> Result<Body, FetchError> {
        let mut budget = self.limits.timeout;
        let mut current = url.clone();
        let mut hops = 0;
        let timeout = |_| FetchError::Timeout {
            url: given.to_string(),
            after: self.limits.timeout,
        };
        loop {
            let wait = self.polite.wait(&current, Instant::now());
            if !wait.is_zero() {
                std::thread::sleep(wait);
            }
            let started = Instant::now();
            self.polite.record(&current, started);
            let resp = self
                .agent
                .get(current.as_str())
                .config()
                .timeout_global(Some(budget))
                .build()
                .call()
                .map_err(|e| self.error(given, e))?;
            let status = resp.status().as_u16();
            let header = |name: &str| {
                resp.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            let location = header("location");
            if let Some(next) = redirect_target(
                given,
                &current,
                status,
                location.as_deref(),
                hops,
                self.limits.max_redirects,
            )? {
                hops += 1;
                current = next;
                budget = budget
                    .checked_sub(started.elapsed())
                    .ok_or_else(|| timeout(()))?;
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(FetchError::Status {
                    url: given.to_string(),
                    status,
                });
            }
            let content_type = header("content-type").map(|v| ContentType::parse(&v));
            // not HTML: skipped unread, whatever its size
            if content_type
                .as_ref()
                .is_some_and(|ct| !wanted(Some(ct), &[]))
            {
                return Ok(Body::NotRead {
                    reason: format!(
                        "content type {} is not HTML",
                        content_type.map(|c| c.mime).unwrap_or_default()
                    ),
                });
            }
            let encoded = header("content-encoding").is_some();
            if let (Some(len), false) = (
                header("content-length").and_then(|v| v.trim().parse::<u64>().ok()),
                encoded,
            ) {
                if len > self.limits.max_bytes {
                    return Err(FetchError::TooLarge {
                        url: given.to_string(),
                        limit: self.limits.max_bytes,
                    });
                }
            }
            let mut reader = resp.into_body().into_reader();
            let bytes = read_limited(&mut reader, self.limits.max_bytes)
                .map_err(|e| self.error(given, ureq::Error::from(e)))?
                .map_err(|limit| FetchError::TooLarge {
                    url: given.to_string(),
                    limit,
                })?;
            if content_type.is_none() && !wanted(None, &bytes[..bytes.len().min(1024)]) {
                return Ok(Body::NotRead {
                    reason: "no content type, and it does not look like HTML".into(),
                });
            }
            return Ok(Body::Read {
                final_url: current,
                content_type,
                bytes,
            });
        }
    }

    fn error(&self, given: &str, e: ureq::Error) -> FetchError {
        let url = given.to_string();
        match e {
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url,
                after: self.limits.timeout,
            },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::Timeout {
                    url,
                    after: self.limits.timeout,
                }
            }
            ureq::Error::BodyExceedsLimit(limit) => FetchError::TooLarge { url, limit },
            ureq::Error::HostNotFound => FetchError::Transport {
                url,
                message: "host not found".into(),
            },
            ureq::Error::ConnectionFailed => FetchError::Transport {
                url,
                message: "connection failed".into(),
            },
            e => FetchError::Transport {
                url,
                message: e.to_string(),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------
// All the pages of one run

/// The name a fetched page is checked under when a file name is needed (format and config
/// overrides): pages are HTML.
pub const PAGE_NAME: &str = "page.html";

/// From this many pages on, say how many are fetched (it takes a while).
const MANY_PAGES: usize = 20;

/// A page ready to check.
#[derive(Debug, Clone)]
pub struct FetchedPage {
    /// The page's URL (as listed; redirects are followed but not shown).
    pub url: String,
    /// The page's HTML, UTF-8 when its charset was named.
    pub bytes: Vec<u8>,
}

/// What fetching gave.
#[derive(Debug, Default)]
pub struct Pages {
    /// HTML pages, in the order asked for (command line first, then sitemaps), each once.
    pub pages: Vec<FetchedPage>,
    /// URLs and sitemaps that failed.
    pub errors: Vec<FetchError>,
}

/// Fetches the pages named on the command line and those the sitemaps list (at most
/// `max_pages` from sitemaps in all), one after the other. Pages that are not HTML are
/// skipped; `note` is told about them and about sitemaps cut short.
pub fn fetch_pages(
    urls: &[String],
    sitemaps: &[String],
    limits: Limits,
    max_pages: usize,
    note: &mut dyn FnMut(String),
) -> Pages {
    let mut out = Pages::default();
    let mut fetcher = Fetcher::new(limits);
    let mut wanted: Vec<Url> = Vec::new();
    for u in urls {
        match parse_url(u) {
            Ok(url) => wanted.push(url),
            Err(e) => out.errors.push(e),
        }
    }
    let mut left = max_pages;
    for s in sitemaps {
        let found = collect_sitemap(s, left, &mut |given: &str, url: &Url| {
            fetcher.sitemap(given, url)
        });
        left -= found.pages.len().min(left);
        if found.truncated {
            note(format!(
                "warning: {s}: the sitemaps list more than {max_pages} pages; checking the first {max_pages} (--max-pages)"
            ));
        }
        wanted.extend(found.pages);
        out.errors.extend(found.errors);
    }
    let mut seen = HashSet::new();
    wanted.retain(|u| seen.insert(u.clone()));
    if wanted.len() >= MANY_PAGES {
        note(format!(
            "note: fetching {} pages, {} s apart on each host (--delay)",
            wanted.len(),
            secs(limits.delay)
        ));
    }
    for url in wanted {
        let given = url.as_str();
        match fetcher.page(given, &url) {
            Ok(Page::Html { bytes, .. }) => out.pages.push(FetchedPage {
                url: given.to_string(),
                bytes,
            }),
            Ok(Page::Skipped { reason }) => {
                note(format!("note: {given}: skipped: {reason}"));
            }
            Err(e) => out.errors.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    #[test]
    fn user_agent_names_skaidri_and_version() {
        assert!(USER_AGENT.starts_with(concat!("skaidri/", env!("CARGO_PKG_VERSION"), " (+")));
        assert!(USER_AGENT.contains("plain-language checker"));
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(looks_like_url("https://vid.gov.lv/lv"));
        assert!(looks_like_url("http://127.0.0.1:8080/"));
        assert!(looks_like_url("ftp://example.lv/a.html"));
        assert!(looks_like_url("svn+ssh://x/y"));
        assert!(!looks_like_url("docs/a.html"));
        assert!(!looks_like_url("C:\\docs\\a.html"));
        assert!(!looks_like_url("-"));
        assert!(!looks_like_url("://x"));
        assert!(!looks_like_url("1http://x"));
        assert!(!looks_like_url("my dir://x"));
    }

    #[test]
    fn only_http_and_https_are_fetched() {
        assert_eq!(
            parse_url("https://example.lv/a#b").unwrap().as_str(),
            "https://example.lv/a"
        );
        assert!(parse_url("HTTP://EXAMPLE.LV").is_ok());
        let e = parse_url("ftp://example.lv/a.html").unwrap_err();
        assert_eq!(
            e.to_string(),
            "ftp://example.lv/a.html: only http and https URLs can be checked, not ftp"
        );
        assert_eq!(e.url(), "ftp://example.lv/a.html");
        assert!(matches!(
            parse_url("file:///etc/passwd"),
            Err(FetchError::UnsupportedScheme { .. })
        ));
        assert!(matches!(
            parse_url("https://"),
            Err(FetchError::InvalidUrl { .. })
        ));
        assert!(matches!(
            parse_url("not a url"),
            Err(FetchError::InvalidUrl { .. })
        ));
    }

    #[test]
    fn redirects_resolve_and_stay_on_http() {
        let cur = Url::parse("https://example.lv/a/b.html").unwrap();
        assert_eq!(
            redirect_target("u", &cur, 200, None, 0, 5).unwrap(),
            None,
            "not a redirect"
        );
        assert_eq!(
            redirect_target("u", &cur, 304, None, 0, 5).unwrap(),
            None,
            "304 is not followed"
        );
        let next = redirect_target("u", &cur, 301, Some("../c.html#x"), 0, 5)
            .unwrap()
            .unwrap();
        assert_eq!(next.as_str(), "https://example.lv/c.html");
        let next = redirect_target("u", &cur, 308, Some("http://other.lv/"), 4, 5)
            .unwrap()
            .unwrap();
        assert_eq!(next.as_str(), "http://other.lv/");
        assert_eq!(
            redirect_target("u", &cur, 302, Some("/x"), 5, 5).unwrap_err(),
            FetchError::TooManyRedirects {
                url: "u".into(),
                max: 5,
                last: "https://example.lv/x".into()
            }
        );
        let e = redirect_target("u", &cur, 302, Some("ftp://example.lv/x"), 0, 5).unwrap_err();
        assert_eq!(
            e.to_string(),
            "u: redirected to ftp://example.lv/x, which is not an http or https URL"
        );
        assert!(matches!(
            redirect_target("u", &cur, 307, Some("javascript:alert(1)"), 0, 5),
            Err(FetchError::BadRedirect { .. })
        ));
        assert!(matches!(
            redirect_target("u", &cur, 303, Some("  "), 0, 5),
            Err(FetchError::RedirectWithoutLocation { status: 303, .. })
        ));
    }

    #[test]
    fn reading_stops_past_the_limit() {
        assert_eq!(read_limited(&b"abc"[..], 3).unwrap(), Ok(b"abc".to_vec()));
        assert_eq!(read_limited(&b"abcd"[..], 3).unwrap(), Err(3));
        let e = FetchError::TooLarge {
            url: "u".into(),
            limit: MAX_PAGE_BYTES,
        };
        assert_eq!(
            e.to_string(),
            "u: larger than 10 MB (10485760 bytes); stopped reading"
        );
        // an endless body: only limit + 1 bytes are read
        let mut endless = std::io::repeat(b'x');
        assert_eq!(read_limited(&mut endless, 1000).unwrap(), Err(1000));
        let mut counted = std::io::repeat(b'x').take(10_000);
        let _ = read_limited(&mut counted, 1000).unwrap();
        assert_eq!(counted.limit(), 10_000 - 1001);
    }

    #[test]
    fn content_types_and_charsets() {
        let ct = ContentType::parse("Text/HTML; Charset=\"windows-1257\"");
        assert_eq!(ct.mime, "text/html");
        assert_eq!(ct.charset.as_deref(), Some("windows-1257"));
        assert!(ct.is_html());
        assert!(ContentType::parse("application/xhtml+xml").is_html());
        let pdf = ContentType::parse("application/pdf");
        assert!(!pdf.is_html());
        assert_eq!(pdf.charset, None);
        assert_eq!(ContentType::parse("text/html;charset=").charset, None);
    }

    #[test]
    fn meta_charset_is_found_like_browsers_do() {
        assert_eq!(
            meta_charset(b"<html><head><META CharSet='Windows-1257'>").as_deref(),
            Some("windows-1257")
        );
        assert_eq!(
            meta_charset(
                b"<meta name=x><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-13\">"
            )
            .as_deref(),
            Some("iso-8859-13")
        );
        assert_eq!(
            meta_charset(b"<meta charset=utf-8/>").as_deref(),
            Some("utf-8")
        );
        assert_eq!(meta_charset(b"<p>charset=utf-8</p>"), None);
        let mut late = vec![b' '; 1100];
        late.extend_from_slice(b"<meta charset=utf-8>");
        assert_eq!(meta_charset(&late), None, "only the first 1024 bytes count");
    }

    #[test]
    fn html_is_decoded_from_its_charset() {
        // "Ārējā" in Windows-1257
        let w1257 = b"<p>\xC2r\xE7j\xE2</p>".to_vec();
        let out = decode_html("u", w1257.clone(), Some("windows-1257")).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "<p>Ārējā</p>");
        let mut with_meta = b"<meta charset=\"windows-1257\">".to_vec();
        with_meta.extend_from_slice(&w1257);
        let out = decode_html("u", with_meta, None).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "<meta charset=\"windows-1257\"><p>Ārējā</p>"
        );
        // the header wins over the meta tag
        let out = decode_html(
            "u",
            b"<meta charset=utf-8>\xE2".to_vec(),
            Some("windows-1257"),
        )
        .unwrap();
        assert!(String::from_utf8(out).unwrap().ends_with('ā'));
        // UTF-8 and no charset: passed on as they are
        let utf8 = "<p>Ārējā</p>".as_bytes().to_vec();
        assert_eq!(decode_html("u", utf8.clone(), Some("utf-8")).unwrap(), utf8);
        assert_eq!(decode_html("u", w1257.clone(), None).unwrap(), w1257);
        assert_eq!(
            decode_html("u", utf8, Some("x-klingon"))
                .unwrap_err()
                .to_string(),
            "u: unknown charset \"x-klingon\""
        );
    }

    #[test]
    fn requests_to_one_host_are_spaced() {
        let mut p = Politeness::new(Duration::from_millis(1000));
        let t0 = Instant::now();
        let a = Url::parse("https://a.lv/1").unwrap();
        let a2 = Url::parse("https://a.lv/2").unwrap();
        let a_other_port = Url::parse("https://a.lv:8443/").unwrap();
        let b = Url::parse("https://b.lv/").unwrap();
        assert_eq!(p.wait(&a, t0), Duration::ZERO);
        p.record(&a, t0);
        assert_eq!(p.wait(&a2, t0), Duration::from_millis(1000));
        assert_eq!(
            p.wait(&a2, t0 + Duration::from_millis(400)),
            Duration::from_millis(600)
        );
        assert_eq!(
            p.wait(&a2, t0 + Duration::from_millis(1500)),
            Duration::ZERO
        );
        assert_eq!(p.wait(&b, t0), Duration::ZERO, "another host");
        assert_eq!(p.wait(&a_other_port, t0), Duration::ZERO, "another port");
        assert_eq!(
            Politeness::host_key(&Url::parse("http://A.lv/x").unwrap()),
            "http://a.lv:80"
        );
        let none = Politeness::new(Duration::ZERO);
        assert_eq!(none.wait(&a, t0), Duration::ZERO);
    }

    const URLSET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://example.lv/a?x=1&amp;y=2</loc><lastmod>2024-01-01</lastmod></url>
  <url>
    <loc>
      https://example.lv/b
    </loc>
  </url>
  <url><loc><![CDATA[https://example.lv/c]]></loc></url>
</urlset>"#;

    #[test]
    fn urlsets_and_indexes_parse() {
        assert_eq!(
            parse_sitemap(URLSET.as_bytes()).unwrap(),
            Sitemap::UrlSet(vec![
                "https://example.lv/a?x=1&y=2".into(),
                "https://example.lv/b".into(),
                "https://example.lv/c".into(),
            ])
        );
        let index = r#"<sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sm:sitemap><sm:loc>https://example.lv/s1.xml</sm:loc></sm:sitemap>
        </sm:sitemapindex>"#;
        assert_eq!(
            parse_sitemap(index.as_bytes()).unwrap(),
            Sitemap::Index(vec!["https://example.lv/s1.xml".into()])
        );
        assert_eq!(
            parse_sitemap(b"<urlset/>").unwrap(),
            Sitemap::UrlSet(vec![])
        );
        assert!(parse_sitemap(b"<html><body>hi</body></html>")
            .unwrap_err()
            .contains("<html>"));
        assert!(parse_sitemap(b"<urlset><url><loc>x</url></urlset>").is_err());
        assert!(parse_sitemap(b"").is_err());
    }

    fn fake<'a>(
        maps: &'a [(&'a str, String)],
    ) -> impl FnMut(&str, &Url) -> Result<Vec<u8>, FetchError> + 'a {
        move |given: &str, url: &Url| {
            maps.iter()
                .find(|(u, _)| *u == url.as_str())
                .map(|(_, b)| b.clone().into_bytes())
                .ok_or_else(|| FetchError::Status {
                    url: given.to_string(),
                    status: 404,
                })
        }
    }

    fn urlset(urls: &[&str]) -> String {
        let mut s = String::from("<urlset>");
        for u in urls {
            s.push_str(&format!("<url><loc>{u}</loc></url>"));
        }
        s + "</urlset>"
    }

    fn index(urls: &[&str]) -> String {
        let mut s = String::from("<sitemapindex>");
        for u in urls {
            s.push_str(&format!("<sitemap><loc>{u}</loc></sitemap>"));
        }
        s + "</sitemapindex>"
    }

    fn strs(pages: &[Url]) -> Vec<&str> {
        pages.iter().map(Url::as_str).collect()
    }

    #[test]
    fn nested_sitemaps_are_followed_in_order_and_deduplicated() {
        let maps = [
            (
                "http://h/root.xml",
                index(&["http://h/a.xml", "http://h/mid.xml", "http://h/missing.xml"]),
            ),
            (
                "http://h/a.xml",
                urlset(&["http://h/1", "http://h/2", "ftp://h/3"]),
            ),
            (
                "http://h/mid.xml",
                index(&["http://h/b.xml", "http://h/a.xml"]),
            ),
            ("http://h/b.xml", urlset(&["http://h/2", "http://h/4"])),
        ];
        let got = collect_sitemap("http://h/root.xml", 100, &mut fake(&maps));
        assert_eq!(strs(&got.pages), ["http://h/1", "http://h/2", "http://h/4"]);
        assert!(!got.truncated);
        let errs: Vec<String> = got.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errs,
            [
                "ftp://h/3: only http and https URLs can be checked, not ftp",
                "http://h/missing.xml: HTTP status 404",
            ]
        );
    }

    #[test]
    fn indexes_nest_at_most_two_levels() {
        let maps = [
            ("http://h/0.xml", index(&["http://h/1.xml"])),
            ("http://h/1.xml", index(&["http://h/2.xml"])),
            ("http://h/2.xml", index(&["http://h/3.xml"])),
            ("http://h/3.xml", urlset(&["http://h/deep"])),
        ];
        let got = collect_sitemap("http://h/0.xml", 100, &mut fake(&maps));
        assert!(got.pages.is_empty());
        assert_eq!(
            got.errors,
            [FetchError::SitemapTooDeep {
                url: "http://h/2.xml".into(),
                max: 2
            }]
        );
        // two levels of index above a urlset are fine
        let maps = [
            ("http://h/0.xml", index(&["http://h/1.xml"])),
            ("http://h/1.xml", index(&["http://h/2.xml"])),
            ("http://h/2.xml", urlset(&["http://h/p"])),
        ];
        let got = collect_sitemap("http://h/0.xml", 100, &mut fake(&maps));
        assert_eq!(strs(&got.pages), ["http://h/p"]);
        assert!(got.errors.is_empty());
    }

    #[test]
    fn at_most_max_pages_are_taken() {
        let maps = [
            (
                "http://h/i.xml",
                index(&["http://h/a.xml", "http://h/b.xml"]),
            ),
            (
                "http://h/a.xml",
                urlset(&["http://h/1", "http://h/2", "http://h/3"]),
            ),
            ("http://h/b.xml", urlset(&["http://h/4"])),
        ];
        let mut calls = 0;
        let mut f = fake(&maps);
        let mut counting = |g: &str, u: &Url| {
            calls += 1;
            f(g, u)
        };
        let got = collect_sitemap("http://h/i.xml", 2, &mut counting);
        assert_eq!(strs(&got.pages), ["http://h/1", "http://h/2"]);
        assert!(got.truncated, "a.xml lists a third page, b.xml is not read");
        assert_eq!(calls, 2, "b.xml is not fetched once the limit is reached");
        let got = collect_sitemap("http://h/a.xml", 3, &mut fake(&maps));
        assert_eq!(got.pages.len(), 3);
        assert!(!got.truncated, "exactly the limit");
    }

    #[test]
    fn a_bad_sitemap_is_an_error_naming_it() {
        let maps = [("http://h/s.xml", "<html>no</html>".to_string())];
        let got = collect_sitemap("http://h/s.xml", 10, &mut fake(&maps));
        assert_eq!(got.errors.len(), 1);
        assert!(got.errors[0]
            .to_string()
            .starts_with("http://h/s.xml: not a usable sitemap: the root element is <html>"));
        let got = collect_sitemap("gopher://h/s.xml", 10, &mut fake(&maps));
        assert!(matches!(
            got.errors[..],
            [FetchError::UnsupportedScheme { .. }]
        ));
    }
}

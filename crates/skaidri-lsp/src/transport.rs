//! A guard in front of tower-lsp's stdin reader, so a malformed message gets a JSON-RPC
//! error instead of stopping the server.
//!
//! tower-lsp 0.20 decodes stdin with `tokio_util::codec::FramedRead`; since tokio-util
//! 0.7.x a decoder error ends that stream, and tower-lsp then stops serving: one bad
//! message from a client would take the server down. [`sanitize`] reads the frames
//! itself, passes well-formed JSON-RPC messages through unchanged, and replaces anything
//! else with a request for [`INVALID_MESSAGE`], which the backend answers with
//! `ParseError` (-32700, not JSON or no `Content-Length`) or `InvalidRequest` (-32600,
//! JSON but not JSON-RPC 2.0) — keeping the request's id when it has a usable one.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tower_lsp::jsonrpc::{Request, Response};

/// The internal method a malformed message is turned into.
pub const INVALID_MESSAGE: &str = "skaidri/invalidMessage";

/// Largest body accepted (64 MiB); a larger `Content-Length` is a parse error.
const MAX_BODY: usize = 64 << 20;

/// JSON-RPC: invalid JSON.
const PARSE_ERROR: i64 = -32700;
/// JSON-RPC: JSON but not a valid request.
const INVALID_REQUEST: i64 = -32600;

fn replacement(id: Value, code: i64, message: String) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": id, "method": INVALID_MESSAGE,
           "params": {"code": code, "message": message}})
    .to_string()
    .into_bytes()
}

/// `Ok(None)` if tower-lsp can decode `body` as it is, `Ok(Some(body))` if it can after
/// dropping `"params": null` (which JSON-RPC allows for methods without parameters but
/// tower-lsp rejects), else `Err` with the message that replaces it.
pub fn check(body: &[u8]) -> Result<Option<Vec<u8>>, Vec<u8>> {
    if let Ok(req) = serde_json::from_slice::<Request>(body) {
        if req.params() == Some(&Value::Null) {
            if let Ok(Value::Object(mut m)) = serde_json::from_slice::<Value>(body) {
                m.remove("params");
                return Ok(Some(Value::Object(m).to_string().into_bytes()));
            }
        }
        return Ok(None);
    }
    if serde_json::from_slice::<Response>(body).is_ok() {
        return Ok(None);
    }
    match serde_json::from_slice::<Value>(body) {
        Err(e) => Err(replacement(
            Value::Null,
            PARSE_ERROR,
            format!("not valid JSON: {e}"),
        )),
        Ok(v) => {
            let id = match v.get("id") {
                Some(id @ (Value::Number(_) | Value::String(_))) => id.clone(),
                _ => Value::Null,
            };
            Err(replacement(
                id,
                INVALID_REQUEST,
                "not a JSON-RPC 2.0 request, notification or response".into(),
            ))
        }
    }
}

async fn write_frame<W: AsyncWrite + Unpin>(out: &mut W, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes())
        .await?;
    out.write_all(body).await?;
    out.flush().await
}

/// Copies LSP frames from `input` to `out`, replacing malformed ones. Returns at end of
/// input or when `out` is closed.
pub async fn sanitize<R, W>(input: R, mut out: W) -> std::io::Result<()>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    let mut line = String::new();
    loop {
        let mut length: Option<Result<usize, String>> = None;
        let mut saw_header = false;
        loop {
            line.clear();
            if input.read_line(&mut line).await? == 0 {
                return Ok(()); // end of input
            }
            let l = line.trim_end_matches(['\r', '\n']);
            if l.is_empty() {
                if saw_header {
                    break;
                }
                continue; // stray blank lines between frames
            }
            saw_header = true;
            if let Some((name, value)) = l.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = Some(
                        value
                            .trim()
                            .parse::<usize>()
                            .map_err(|e| format!("bad Content-Length `{}`: {e}", value.trim())),
                    );
                }
            }
        }
        let len = match length {
            Some(Ok(n)) if n <= MAX_BODY => n,
            Some(Ok(n)) => {
                let msg = format!("Content-Length {n} is larger than {MAX_BODY}");
                write_frame(&mut out, &replacement(Value::Null, PARSE_ERROR, msg)).await?;
                return Ok(()); // cannot skip a body that large safely
            }
            Some(Err(msg)) => {
                write_frame(&mut out, &replacement(Value::Null, PARSE_ERROR, msg)).await?;
                continue;
            }
            None => {
                let msg = "message without a Content-Length header".to_string();
                write_frame(&mut out, &replacement(Value::Null, PARSE_ERROR, msg)).await?;
                continue;
            }
        };
        let mut body = vec![0; len];
        if input.read_exact(&mut body).await.is_err() {
            return Ok(()); // input ended inside a body
        }
        match check(&body) {
            Ok(None) => write_frame(&mut out, &body).await?,
            Ok(Some(replaced)) | Err(replaced) => write_frame(&mut out, &replaced).await?,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn run(input: &[u8]) -> String {
        let mut out = Vec::new();
        sanitize(input, &mut out).await.unwrap();
        String::from_utf8(out).unwrap()
    }

    #[tokio::test]
    async fn good_frames_pass_unchanged_bad_ones_are_replaced() {
        let good = r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#;
        let input = format!(
            "Content-Length: {}\r\n\r\n{good}Content-Length: 5\r\n\r\n{{nop\
             Content-Length: 12\r\n\r\n{{\"id\":7,\"x\"}}X-Other: 1\r\n\r\n",
            good.len()
        );
        let out = run(input.as_bytes()).await;
        let frames: Vec<&str> = out.split("Content-Length: ").skip(1).collect();
        assert_eq!(frames.len(), 4, "{out}");
        assert!(frames[0].ends_with(good));
        assert!(frames[1].contains("-32700") && frames[1].contains(INVALID_MESSAGE));
        assert!(frames[2].contains("-32700"), "{}", frames[2]);
        assert!(
            frames[3].contains("without a Content-Length"),
            "{}",
            frames[3]
        );
    }

    #[test]
    fn json_that_is_not_json_rpc_keeps_its_id() {
        let r = check(br#"{"id": 7, "params": 1, "jsonrpc": "1.0"}"#).unwrap_err();
        let v: Value = serde_json::from_slice(&r).unwrap();
        assert_eq!(v["id"], 7);
        assert_eq!(v["params"]["code"], INVALID_REQUEST);
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#),
            Ok(None)
        );
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":3,"result":null}"#),
            Ok(None)
        );
        let fixed = check(br#"{"jsonrpc":"2.0","id":4,"method":"shutdown","params":null}"#);
        let v: Value = serde_json::from_slice(&fixed.unwrap().unwrap()).unwrap();
        assert_eq!(v, json!({"jsonrpc": "2.0", "id": 4, "method": "shutdown"}));
    }
}

//! Choosing a format: by file extension first, else by the bytes.

use std::io::Cursor;
use std::path::Path;

use crate::Format;

/// Choose the format of a document: by the path's extension when it is a
/// known one, else by sniffing `bytes` (a zip with `word/document.xml` is
/// DOCX, a zip whose `mimetype` is OpenDocument text is ODT, something
/// that starts like HTML is HTML, anything else is plain text).
pub fn detect(path: Option<&Path>, bytes: &[u8]) -> Format {
    if let Some(f) = path.and_then(Format::from_path) {
        return f;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        if let Some(f) = sniff_zip(bytes) {
            return f;
        }
    }
    if looks_like_html(bytes) {
        return Format::Html;
    }
    Format::Text
}

fn sniff_zip(bytes: &[u8]) -> Option<Format> {
    // ODT puts an uncompressed `mimetype` entry first, so its text is
    // right there at offset 38.
    if bytes
        .get(30..)
        .is_some_and(|b| b.starts_with(b"mimetypeapplication/vnd.oasis.opendocument.text"))
    {
        return Some(Format::Odt);
    }
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    if archive.index_for_name("word/document.xml").is_some() {
        return Some(Format::Docx);
    }
    if archive.index_for_name("content.xml").is_some() {
        return Some(Format::Odt);
    }
    None
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || ["<head", "<body", "<p>", "<div", "<meta ", "<title>"]
            .iter()
            .any(|tag| t.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_extension_then_content() {
        assert_eq!(detect(Some(Path::new("a.MD")), b""), Format::Markdown);
        assert_eq!(detect(None, b"<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(detect(None, b"Sveiki"), Format::Text);
        assert_eq!(
            detect(Some(Path::new("a.unknown")), b"Sveiki"),
            Format::Text
        );
    }
}

//! Decoding text inputs (txt, Markdown, HTML) to UTF-8.
//!
//! UTF-8 is expected. A UTF-8 BOM is removed; UTF-16 with a BOM is
//! decoded. Bytes that are not UTF-8 are tried as Windows-1257 (the
//! Baltic code page that older Latvian files use) and accepted only when
//! the result contains Latvian letters; anything else is an error naming
//! the first bad byte.

use crate::FormatError;

/// How far into the input to look for NUL bytes.
const BINARY_PROBE: usize = 8 * 1024;

/// Letters that only Latvian text (among Windows-1257 users) is full of.
const LATVIAN_LETTERS: &str = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ";

/// A decoded text input.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// Set when the input was not plain UTF-8.
    pub note: Option<String>,
}

/// Decode `bytes` as described in the module doc.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, FormatError> {
    if let Some(d) = decode_utf16(bytes) {
        return Ok(d);
    }
    let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
    if let Some(offset) = memchr::memchr(0, probe) {
        return Err(FormatError::Binary { offset });
    }
    let (body, skipped) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    match std::str::from_utf8(body) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            note: None,
        }),
        Err(e) => {
            let offset = e.valid_up_to() + skipped;
            let decoded =
                encoding_rs::WINDOWS_1257.decode_without_bom_handling_and_without_replacement(body);
            match decoded {
                Some(text) if text.contains(|c| LATVIAN_LETTERS.contains(c)) => Ok(Decoded {
                    text: text.into_owned(),
                    note: Some("decoded as Windows-1257".to_owned()),
                }),
                _ => Err(FormatError::InvalidUtf8 { offset }),
            }
        }
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<Decoded> {
    let (enc, name) = if bytes.starts_with(b"\xFF\xFE") {
        (encoding_rs::UTF_16LE, "UTF-16LE")
    } else if bytes.starts_with(b"\xFE\xFF") {
        (encoding_rs::UTF_16BE, "UTF-16BE")
    } else {
        return None;
    };
    let (text, _) = enc.decode_with_bom_removal(bytes);
    Some(Decoded {
        text: text.into_owned(),
        note: Some(format!("decoded as {name}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1257_latvian_decodes() {
        // "Ēnas ķēde" in Windows-1257.
        let bytes = b"\xC7nas \xED\xE7de";
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "Ēnas ķēde");
        assert_eq!(d.note.as_deref(), Some("decoded as Windows-1257"));
    }

    #[test]
    fn invalid_non_latvian_names_offset() {
        let bytes = b"abc\xFFdef";
        match decode(bytes) {
            Err(FormatError::InvalidUtf8 { offset }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn bom_and_binary() {
        assert_eq!(decode(b"\xEF\xBB\xBFa").unwrap().text, "a");
        assert!(matches!(
            decode(b"ab\0c"),
            Err(FormatError::Binary { offset: 2 })
        ));
    }
}

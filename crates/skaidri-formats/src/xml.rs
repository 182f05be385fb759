//! Small helpers over quick-xml shared by the DOCX and ODT readers.

use quick_xml::events::{BytesRef, BytesStart};

use crate::FormatError;

/// The part's bytes as UTF-8, or an XML error naming the part.
pub(crate) fn as_str<'a>(part: &str, bytes: &'a [u8]) -> Result<&'a str, FormatError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| FormatError::Xml {
        part: part.to_owned(),
        offset: e.valid_up_to() as u64,
        reason: "not UTF-8".to_owned(),
    })
}

/// An XML error naming the part and position.
pub(crate) fn error(part: &str, offset: u64, e: impl std::fmt::Display) -> FormatError {
    FormatError::Xml {
        part: part.to_owned(),
        offset,
        reason: e.to_string(),
    }
}

/// Value of the attribute with qualified name `qname` (e.g. `w:val`).
pub(crate) fn attr(e: &BytesStart<'_>, qname: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == qname)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Text for a general reference (`&amp;`, `&#257;`).
pub(crate) fn general_ref(r: &BytesRef<'_>) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_owned)
}

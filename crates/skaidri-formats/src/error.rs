//! Errors that extraction can return.
//!
//! Every variant says what went wrong and where (byte offset or part
//! name), so the CLI can print it next to the file name as it is.

/// Why a document could not be turned into text.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    /// The bytes are neither UTF-8 nor Latvian Windows-1257 text.
    #[error(
        "invalid UTF-8 at byte {offset} (and the text does not look like \
         Latvian Windows-1257 either)"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte in the input.
        offset: usize,
    },
    /// The input looks like binary data (a NUL byte near the start).
    #[error("binary data (NUL byte at offset {offset}), not a text document")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// The input (or the text extracted from it) is above the size limit.
    #[error("document is larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit in bytes that was exceeded.
        limit: usize,
    },
    /// A DOCX/ODT file is not a readable zip archive.
    #[error("not a zip archive ({reason})")]
    NotZip {
        /// What the zip reader reported.
        reason: String,
    },
    /// A zip entry expands far more than a real document would.
    #[error(
        "zip part `{part}` looks like a zip bomb: {detail}; refusing to \
         unpack it"
    )]
    ZipBomb {
        /// Name of the zip entry.
        part: String,
        /// Which limit it broke.
        detail: String,
    },
    /// A part that the format requires is not in the archive.
    #[error("required part `{part}` is missing from the archive")]
    MissingPart {
        /// Name of the missing zip entry, e.g. `word/document.xml`.
        part: String,
    },
    /// A zip entry could not be read (corrupt data, bad CRC, ...).
    #[error("cannot read zip part `{part}`: {reason}")]
    ZipPart {
        /// Name of the zip entry.
        part: String,
        /// What the zip reader reported.
        reason: String,
    },
    /// An XML part of a DOCX/ODT file is malformed.
    #[error("malformed XML in `{part}` at byte {offset}: {reason}")]
    Xml {
        /// Name of the zip entry holding the XML.
        part: String,
        /// Byte offset inside that part where the parser stopped.
        offset: u64,
        /// What the XML parser reported.
        reason: String,
    },
    /// The HTML rewriter refused the input.
    #[error("cannot parse HTML: {reason}")]
    Html {
        /// What the HTML parser reported.
        reason: String,
    },
}

//! (in progress)
use crate::{Document, ExtractOptions, FormatError};
pub(crate) fn extract(_bytes: &[u8], _opts: &ExtractOptions) -> Result<Document, FormatError> {
    Err(FormatError::MissingPart {
        part: "unimplemented".into(),
    })
}

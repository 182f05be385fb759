//! Reading parts of DOCX/ODT zip archives within size limits.
//!
//! Two limits guard against zip bombs: the total uncompressed size of all
//! parts read, and the compression ratio of any part above a minimum
//! size. Both are checked against the sizes the archive declares *and*
//! against the bytes that actually come out, because declared sizes can
//! lie.

use std::io::{Cursor, Read};

use crate::{ExtractOptions, FormatError};

/// A zip archive being read under the limits of [`ExtractOptions`].
pub(crate) struct Archive<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
    max_ratio: u64,
    ratio_min_size: u64,
}

impl<'a> Archive<'a> {
    /// Open `bytes` as a zip archive.
    pub(crate) fn open(bytes: &'a [u8], opts: &ExtractOptions) -> Result<Self, FormatError> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| FormatError::NotZip {
            reason: e.to_string(),
        })?;
        Ok(Archive {
            zip,
            budget: opts.max_zip_uncompressed,
            max_ratio: opts.max_zip_ratio.max(1),
            ratio_min_size: opts.zip_ratio_min_size,
        })
    }

    /// Read a part that must be there.
    pub(crate) fn require(&mut self, name: &str) -> Result<Vec<u8>, FormatError> {
        self.read(name)?.ok_or_else(|| FormatError::MissingPart {
            part: name.to_owned(),
        })
    }

    /// Read a part, or `None` when the archive has no such part.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, FormatError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let part_err = |e: &dyn std::fmt::Display| FormatError::ZipPart {
            part: name.to_owned(),
            reason: e.to_string(),
        };
        let file = self.zip.by_index(index).map_err(|e| part_err(&e))?;
        let declared = file.size();
        let compressed = file.compressed_size().max(1);
        let bomb = |detail: String| FormatError::ZipBomb {
            part: name.to_owned(),
            detail,
        };
        if declared > self.budget {
            return Err(bomb(format!(
                "declares {declared} bytes, more than the {} bytes left of the limit",
                self.budget
            )));
        }
        let check_ratio = |size: u64| -> Result<(), FormatError> {
            if size > self.ratio_min_size && size / compressed > self.max_ratio {
                return Err(FormatError::ZipBomb {
                    part: name.to_owned(),
                    detail: format!(
                        "{size} bytes from {compressed} compressed (ratio above {}:1)",
                        self.max_ratio
                    ),
                });
            }
            Ok(())
        };
        check_ratio(declared)?;
        let cap = self.budget;
        let mut out = Vec::with_capacity(declared.min(cap).min(64 * 1024 * 1024) as usize);
        // Read at most one byte past the budget, so a lying header cannot
        // make us unpack more than the limit.
        let read = file
            .take(cap.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| part_err(&e))? as u64;
        if read > cap {
            return Err(bomb(format!(
                "unpacks to more than the limit of {cap} bytes"
            )));
        }
        check_ratio(read)?;
        self.budget -= read;
        Ok(Some(out))
    }
}

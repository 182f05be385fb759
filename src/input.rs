//! Reading inputs: files and standard input, decoded to text. Errors name the file and,
//! for bad UTF-8, the byte offset.

use anyhow::{anyhow, Context, Result};
use std::io::Read;
use std::path::Path;

/// One input ready for analysis.
pub struct Input {
    /// Display name (`-` is shown as `<stdin>`).
    pub name: String,
    /// The decoded text.
    pub text: String,
}

/// Reads a path, or standard input for `-`.
pub fn read(path: &Path) -> Result<Input> {
    let (name, bytes) = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("<stdin>: cannot read standard input")?;
        ("<stdin>".to_string(), b)
    } else {
        let name = path.display().to_string();
        if path.is_dir() {
            return Err(anyhow!("{name}: is a directory"));
        }
        let b = std::fs::read(path).with_context(|| format!("{name}: cannot read"))?;
        (name, b)
    };
    let text = decode(&name, bytes)?;
    Ok(Input { name, text })
}

fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.remove(0);
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Err(anyhow!(
                "{name}: not valid UTF-8 text (first bad byte at offset {at})"
            ))
        }
    }
}

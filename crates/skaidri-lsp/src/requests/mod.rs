//! One module per request the server answers beyond document sync. Each is a plain
//! function over an [`crate::analysis::Analysis`]; `backend.rs` does the locking, the
//! threads and the I/O.

pub mod code_action;
pub mod code_lens;
pub mod execute_command;
pub mod hover;

//! BGP as code: the declarative file (`file`), the AuthKeys it refers to (`keys`), the live
//! set-up it is compared with (`live`), the comparison (`diff`), the plan it gives (`plan`),
//! and the file written from the live set-up (`export`).
//!
//! Pure: nothing here sends a request or prints; `commands/{export,plan,apply}.rs` read the
//! live set-up through the client, and run the plan.

pub mod diff;
pub mod export;
pub mod file;
pub mod keys;
pub mod live;
pub mod plan;
pub mod problem;

pub use problem::FileError;

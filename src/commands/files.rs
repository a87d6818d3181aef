//! Reading a file argument (`--from-file`, `--auth-key-file`), or the context's stdin for `-`.

use std::io::Read;

use super::Context;

/// Reads a whole file, or the context's stdin for `-` (with a reminder when stdin is a terminal).
pub fn read_text(ctx: &Context, path: &str) -> std::io::Result<String> {
    if path == "-" {
        if ctx.term.stdin {
            ctx.write_stderr("reading from stdin; end with Ctrl-D\n");
        }
        let mut s = String::new();
        ctx.streams.stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
    }
}

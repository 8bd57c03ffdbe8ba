//! The `imr` binary: parses the command line, runs the command, prints a failure as one
//! line, and turns the outcome into the exit code. Nothing else.

use clap::Parser;
use imr_search::cli::Cli;
use imr_search::error::IndexError;
use imr_search::exit::ExitCode;

/// mimalloc instead of the system allocator: parsing and building documents allocate many
/// small strings on several threads at once (see BENCHMARKS.md for what it saved).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    imr_search::pdf::quiet_reader_panics();
    match imr_search::commands::run(cli) {
        Ok(code) => code.into(),
        // The reader went away (`imr parse DIR | head -1`): stop quietly, as other
        // command-line tools do.
        Err(error) if is_broken_pipe(&error) => ExitCode::Success.into(),
        Err(error) => {
            imr_search::note!("imr: error: {error:#}");
            let locked = matches!(error.downcast_ref(), Some(IndexError::Locked { .. }));
            if locked {
                ExitCode::Locked
            } else {
                ExitCode::Error
            }
            .into()
        }
    }
}

/// Whether the error is a write to a pipe whose reader has closed it.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}

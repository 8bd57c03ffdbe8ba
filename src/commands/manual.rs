//! `imr completions SHELL` and `imr man`: a shell completion script and the manual page,
//! both generated from the clap definition of the command line, so they never drift from it.

use crate::cli::Cli;
use crate::exit::ExitCode;
use clap::CommandFactory;
use std::io::Write;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut command, "imr", &mut out);
    out.flush()?;
    Ok(ExitCode::Success)
}

/// Prints the manual page, in roff, with a section for each subcommand.
pub fn man_page() -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    for subcommand in command.get_subcommands() {
        writeln!(out, ".SH \"IMR {}\"", subcommand.get_name().to_uppercase())?;
        let page = clap_mangen::Man::new(
            subcommand
                .clone()
                .bin_name(format!("imr {}", subcommand.get_name())),
        );
        page.render_synopsis_section(&mut out)?;
        page.render_description_section(&mut out)?;
        page.render_options_section(&mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::Success)
}

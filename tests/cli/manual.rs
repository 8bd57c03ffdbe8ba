//! `imr completions SHELL` and `imr man`: generated from the command-line definition, so
//! they must name every subcommand and the options users type.

use crate::testenv::TestEnv;

const SUBCOMMANDS: [&str; 4] = ["index", "search", "parse", "status"];

#[test]
fn completion_scripts_know_every_subcommand_in_every_shell() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let run = env.imr(["completions", shell]).expect_code(0);
        for subcommand in SUBCOMMANDS {
            assert!(run.stdout.contains(subcommand), "{shell}: no {subcommand}");
        }
        assert!(run.stdout.contains("facet"), "{shell}: no --facet option");
    }
    let bash = env.imr(["completions", "bash"]).expect_code(0);
    assert!(bash.stdout.contains("complete -F _imr"), "{}", bash.stdout);
    env.imr(["completions", "tcsh"]).expect_code(2);
}

#[test]
fn the_manual_page_is_roff_with_a_section_per_subcommand() {
    let env = TestEnv::new();
    let run = env.imr(["man"]).expect_code(0);
    assert!(run.stdout.contains("\n.TH imr 1"), "not a roff page");
    for subcommand in SUBCOMMANDS {
        let heading = format!(".SH \"IMR {}\"", subcommand.to_uppercase());
        assert!(run.stdout.contains(&heading), "no section {heading}");
    }
    for option in ["\\-\\-follow\\-links", "\\-\\-scope", "\\-\\-summary"] {
        assert!(run.stdout.contains(option), "no {option}");
    }
}

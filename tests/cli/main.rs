//! Integration tests: the real `imr` binary on real files, in temporary directories.

mod testenv;

mod batch;
mod chart;
mod corpus;
mod errors;
mod faults;
mod fixtures;
mod fuzz_inputs;
mod hostile;
mod manual;
mod pdf;
mod search;
mod show;
mod stats;
mod vocab;

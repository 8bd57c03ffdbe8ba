//! Integration tests: the real `imr` binary on real files, in temporary directories.

mod testenv;

mod batch;
mod corpus;
mod errors;
mod fixtures;
mod hostile;
mod search;
mod vocab;

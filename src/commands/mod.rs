//! The staff's commands: the command line ([`cli`]) and what only it uses:
//! showing problems ([`report`]), `init` ([`init`]), `new` ([`scaffold`]), `schema` and the
//! preview server ([`serve`]).

pub mod cli;
pub mod init;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;

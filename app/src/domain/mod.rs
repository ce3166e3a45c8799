//! Pure rules of the domain, without I/O: unit-tested and benchmarked on their own.

pub mod calendar;
pub mod chart;
pub mod completion;
pub mod evaluation;
pub mod jp;
pub mod matching;
pub mod mentoring;
pub mod profile;

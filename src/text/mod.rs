//! Text in the languages a cluster writes: names sorted the way each
//! language's readers expect ([`collate`]), and the Korean forms that let
//! search find words inside compounds ([`hangul`]).

pub mod collate;
pub mod hangul;

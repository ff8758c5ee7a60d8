//! Text in the languages a cluster writes: names sorted the way each
//! language's readers expect ([`collate`]), the Korean forms that let
//! search find words inside compounds ([`hangul`]), and how often a text
//! names something ([`mentions`]).

pub mod collate;
pub mod hangul;
pub mod mentions;

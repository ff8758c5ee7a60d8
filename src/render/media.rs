//! A record's pictures and documents, with the resized variants of each picture.

use crate::content::model::{MediaRole, Record};

use super::context::PageCtx;
use super::view::*;

/// The record's media files of one role, with their URLs under /media/.
pub(super) fn media(
    ctx: &PageCtx,
    l: &Localizer,
    record: &Record,
    role: MediaRole,
) -> Vec<MediaView> {
    record
        .media
        .iter()
        .filter(|m| m.role == role)
        .map(|m| MediaView {
            url: ctx.url(&format!("media/{}", m.src)),
            text: l.text(&m.text),
            kind: m
                .src
                .rsplit_once('.')
                .map(|(_, e)| e.to_ascii_uppercase())
                .unwrap_or_default(),
            size: size(m.bytes),
            picture: picture(ctx, m),
        })
        .collect()
}

pub(super) fn picture(ctx: &PageCtx, m: &crate::content::model::Media) -> Option<Picture> {
    let info = m.image.as_ref()?;
    let srcset = |vs: &[crate::render::images::Variant]| {
        vs.iter()
            .map(|v| format!("{} {}w", ctx.url(&v.path), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ext = crate::render::images::fallback_ext(m);
    let webp = crate::render::images::variants(m, info, "webp");
    let fallback = crate::render::images::variants(m, info, ext);
    let largest = fallback.last()?;
    Some(Picture {
        src: ctx.url(&largest.path),
        width: largest.width,
        height: largest.height,
        webp: srcset(&webp),
        fallback: srcset(&fallback),
        fallback_type: if ext == "png" {
            "image/png"
        } else {
            "image/jpeg"
        },
        sizes: match m.role {
            MediaRole::Portrait => "8rem",
            _ => "(min-width: 50rem) 16rem, (min-width: 30rem) 45vw, 90vw",
        },
    })
}

pub(super) fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1u64 << 20) as f64),
        b => format!("{} KB", b.div_ceil(1024).max(1)),
    }
}

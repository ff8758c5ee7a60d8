//! Images: each picture resized to a few widths, as WebP with a JPEG (or PNG,
//! where it has transparency) fallback, for `srcset`.
//!
//! Which files exist follows from the image alone (its size and content
//! hash), so pages can name them before they are made. Made files are kept
//! in a cache folder under the site, keyed by that hash, so a rebuild does
//! not resize again; the encoders are deterministic, so output stays
//! byte-identical either way.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use image::{DynamicImage, GenericImageView};
use rayon::prelude::*;

use crate::content::model::{ImageInfo, Media, MediaRole};
use crate::site::paths::OutputFile;
use crate::site::Site;

/// Where resized images are kept between builds, under the site's folder.
pub const CACHE_DIR: &str = ".clusterpress-cache/images";
/// Bump when encoding changes, so cached files made the old way are not reused.
const RECIPE: &str = "v1";
const WEBP_QUALITY: f32 = 80.0;
const JPEG_QUALITY: u8 = 82;

/// One resized copy: its width and height, and its path under the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub path: String,
}

/// The widths an image is offered in, by how large it is shown: logos and
/// photos beside a name are small, gallery pictures fill a column.
fn widths(role: MediaRole) -> &'static [u32] {
    match role {
        MediaRole::Portrait => &[128, 256],
        _ => &[320, 640, 960],
    }
}

/// The copies of an image in one format: every width it is offered in that
/// is not larger than the original, and the original width when it is smaller
/// than the largest.
pub fn variants(media: &Media, info: &ImageInfo, ext: &str) -> Vec<Variant> {
    let all = widths(media.role);
    let mut ws: Vec<u32> = all.iter().copied().filter(|&w| w < info.width).collect();
    if ws.len() < all.len() {
        ws.push(info.width);
    }
    ws.into_iter()
        .map(|w| Variant {
            width: w,
            height: scaled_height(info, w),
            path: format!("media/_r/{}-{w}.{ext}", info.hash),
        })
        .collect()
}

fn scaled_height(info: &ImageInfo, width: u32) -> u32 {
    ((info.height as u64 * width as u64 + info.width as u64 / 2) / info.width as u64).max(1) as u32
}

/// The fallback format for browsers without WebP: PNG keeps transparency and
/// line art sharp, JPEG is smaller for photos.
pub fn fallback_ext(media: &Media) -> &'static str {
    let lower = media.src.to_ascii_lowercase();
    if lower.ends_with(".png") || lower.ends_with(".gif") {
        "png"
    } else {
        "jpg"
    }
}

/// How many copies were made and how many came from the cache.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub resized: usize,
    pub cached: usize,
}

/// Every resized copy the site's pages name, from the cache or made now.
pub fn resized(site: &Site) -> (Vec<OutputFile>, Stats, Vec<String>) {
    let mut images: Vec<&Media> = site
        .records
        .iter()
        .flat_map(|r| &r.media)
        .filter(|m| m.image.is_some())
        .collect();
    images.sort_by(|a, b| (&a.src, a.role as u8).cmp(&(&b.src, b.role as u8)));
    images.dedup_by(|a, b| a.src == b.src && a.role == b.role);
    let cache = site.root.join(CACHE_DIR);
    let made = AtomicUsize::new(0);
    let reused = AtomicUsize::new(0);
    let results: Vec<Result<Vec<OutputFile>, String>> = images
        .par_iter()
        .map(|m| one_image(&site.root, &cache, m, &made, &reused))
        .collect();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for r in results {
        match r {
            Ok(f) => files.extend(f),
            Err(e) => errors.push(e),
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    let stats = Stats {
        resized: made.into_inner(),
        cached: reused.into_inner(),
    };
    (files, stats, errors)
}

fn one_image(
    root: &Path,
    cache: &Path,
    media: &Media,
    made: &AtomicUsize,
    reused: &AtomicUsize,
) -> Result<Vec<OutputFile>, String> {
    let Some(info) = &media.image else {
        return Ok(Vec::new());
    };
    let mut wanted = variants(media, info, "webp");
    wanted.extend(variants(media, info, fallback_ext(media)));
    let mut out = Vec::new();
    let mut decoded: Option<DynamicImage> = None;
    for v in wanted {
        let name = Path::new(&v.path)
            .file_name()
            .map(|n| format!("{RECIPE}-{}", n.to_string_lossy()))
            .unwrap_or_default();
        let cached = cache.join(&name);
        let bytes = match std::fs::read(&cached) {
            Ok(bytes) => {
                reused.fetch_add(1, Ordering::Relaxed);
                bytes
            }
            Err(_) => {
                if decoded.is_none() {
                    let path = root.join("content/media").join(&media.src);
                    decoded = Some(
                        image::open(&path)
                            .map_err(|e| format!("content/media/{}: {e}", media.src))?,
                    );
                }
                let img = decoded.as_ref().expect("decoded above");
                let bytes =
                    encode(img, &v).map_err(|e| format!("content/media/{}: {e}", media.src))?;
                made.fetch_add(1, Ordering::Relaxed);
                // A cache that cannot be written only costs time on the next build.
                let _ = std::fs::create_dir_all(cache).and_then(|_| write_atomic(&cached, &bytes));
                bytes
            }
        };
        out.push(OutputFile {
            path: PathBuf::from(&v.path),
            bytes,
        });
    }
    Ok(out)
}

fn encode(img: &DynamicImage, v: &Variant) -> Result<Vec<u8>, String> {
    let small = if img.dimensions() == (v.width, v.height) {
        img.clone()
    } else {
        img.resize_exact(v.width, v.height, image::imageops::FilterType::Lanczos3)
    };
    let mut buf = Vec::new();
    if v.path.ends_with(".webp") {
        let rgba = small.to_rgba8();
        let encoded = webp::Encoder::from_rgba(&rgba, v.width, v.height).encode(WEBP_QUALITY);
        buf.extend_from_slice(&encoded);
    } else if v.path.ends_with(".png") {
        small
            .write_to(&mut std::io::Cursor::new(&mut buf), image::ImageFormat::Png)
            .map_err(|e| e.to_string())?;
    } else {
        let rgb = DynamicImage::ImageRgb8(small.to_rgb8());
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut buf, JPEG_QUALITY);
        rgb.write_with_encoder(encoder).map_err(|e| e.to_string())?;
    }
    Ok(buf)
}

/// Write through a temporary file, so an interrupted build never leaves half a cached image.
fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    std::io::Write::write_all(&mut tmp, bytes)?;
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

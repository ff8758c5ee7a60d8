//! Images and documents: resized copies with srcset, a cache between builds,
//! and positioned errors for files the build cannot use.

mod common;

use common::Site;

/// The small fixture with a real photo (1200×800) as the company's logo and
/// the laser cutter's picture.
fn with_photo() -> Site {
    let site = Site::new("small", &[]);
    let img = image::RgbImage::from_fn(1200, 800, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    let dir = site.root().join("content/media/photos");
    std::fs::create_dir_all(&dir).unwrap();
    img.save(dir.join("laser.jpg")).unwrap();
    let eq = site.root().join("content/equipment/eq-laser.yaml");
    let text = std::fs::read_to_string(&eq)
        .unwrap()
        .replace("src: example.png", "src: photos/laser.jpg");
    std::fs::write(&eq, text).unwrap();
    let alpha = site.root().join("content/companies/alpha.md");
    let text = std::fs::read_to_string(&alpha).unwrap().replacen(
        "kind: base-technology\n",
        "kind: base-technology\nlogo: { src: photos/laser.jpg, alt: { ko: 알파정밀 로고, en: Alpha Precision logo } }\n",
        1,
    );
    std::fs::write(&alpha, text).unwrap();
    site
}

/// "resized N, reused M" from the build's report.
fn image_counts(stderr: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(stderr);
    let line = text
        .lines()
        .find(|l| l.starts_with("images:"))
        .unwrap_or_else(|| panic!("no images line in:\n{text}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

#[test]
fn every_image_has_alt_size_and_a_srcset_of_real_files() {
    let site = with_photo();
    site.build(&["--date", "2026-11-27"]);
    let mut seen = 0;
    let mut pages_with_images = Vec::new();
    // Every page of the site, in every language.
    let pages: Vec<String> = common::snapshot(&site.out())
        .into_keys()
        .map(|p| p.to_string_lossy().to_string())
        .filter(|p| p.ends_with(".html"))
        .collect();
    assert!(pages.len() > 200, "{} pages", pages.len());
    for page in &pages {
        let lang = page.split('/').next().unwrap();
        {
            let html = site.page(page);
            let doc = scraper::Html::parse_document(&html);
            let img = scraper::Selector::parse("img").unwrap();
            for el in doc.select(&img) {
                seen += 1;
                pages_with_images.push(page.clone());
                let a = |n: &str| el.value().attr(n).map(str::to_string);
                let alt = a("alt").unwrap_or_default();
                assert!(!alt.is_empty(), "{page}: an image without alt text");
                // Alt text is in the page's language, or marked with its own.
                if lang != "ja" {
                    assert!(a("lang").is_none(), "{page}: {alt} falls back");
                } else {
                    assert_eq!(a("lang").as_deref(), Some("ko"), "{page}: {alt}");
                }
                let (w, h): (u32, u32) = (
                    a("width").expect("width").parse().unwrap(),
                    a("height").expect("height").parse().unwrap(),
                );
                let src = a("src").unwrap();
                let file = site.out().join(src.trim_start_matches("/cluster/"));
                let shown = image::image_dimensions(&file).unwrap();
                assert_eq!(shown, (w, h), "{page}: width/height are the file's");
                // The WebP source of this image's own <picture>.
                let picture = el
                    .parent()
                    .and_then(scraper::ElementRef::wrap)
                    .filter(|p| p.value().name() == "picture")
                    .unwrap_or_else(|| panic!("{page}: {src} is not in a <picture>"));
                let sources = scraper::Selector::parse("source").unwrap();
                let webp = picture
                    .select(&sources)
                    .next()
                    .and_then(|s| s.value().attr("srcset"))
                    .expect("a WebP source")
                    .to_string();
                for srcset in [a("srcset").expect("srcset"), webp] {
                    for candidate in srcset.split(", ") {
                        let (url, descriptor) = candidate.split_once(' ').unwrap();
                        let width: u32 = descriptor.trim_end_matches('w').parse().unwrap();
                        let file = site.out().join(url.trim_start_matches("/cluster/"));
                        let (fw, fh) =
                            image::image_dimensions(&file).unwrap_or_else(|e| panic!("{url}: {e}"));
                        assert_eq!(fw, width, "{url}");
                        assert_eq!(
                            fh,
                            (f64::from(width) * 2.0 / 3.0).round() as u32,
                            "{url}: aspect kept"
                        );
                    }
                }
                assert!(a("sizes").is_some());
            }
            // The logo at the top loads at once; gallery pictures load lazily.
            let lazy: Vec<String> = common::attrs(&html, ".gallery img", "loading");
            assert!(lazy.iter().all(|l| l == "lazy"));
            assert!(common::attrs(&html, "img.portrait", "loading").is_empty());
        }
    }
    assert!(seen >= 6, "found {seen} images");
    for lang in ["ko", "en", "ja"] {
        for page in [
            "equipment/eq-laser/index.html",
            "companies/alpha/index.html",
        ] {
            let page = format!("{lang}/{page}");
            assert!(pages_with_images.contains(&page), "{page} shows its image");
        }
    }
    let gallery = site.page("en/equipment/eq-laser/index.html");
    let srcset = common::attrs(&gallery, ".gallery img", "srcset").remove(0);
    assert_eq!(
        srcset.matches(", ").count() + 1,
        3,
        "320, 640 and 960 wide: {srcset}"
    );
    // The gallery loads lazily; a logo at the top of the page loads at once.
    assert_eq!(common::attrs(&gallery, ".gallery img", "loading"), ["lazy"]);
    let alpha = site.page("en/companies/alpha/index.html");
    assert_eq!(common::attrs(&alpha, "img.portrait", "alt").len(), 1);
    assert!(common::attrs(&alpha, "img.portrait", "loading").is_empty());
}

#[test]
fn a_second_build_reuses_the_resized_images() {
    let site = with_photo();
    let first = site.build(&["--date", "2026-11-27"]);
    let (made, reused) = image_counts(&first.stderr);
    assert!(made >= 6, "first build resizes: {made}");
    assert_eq!(reused, 0);
    let before = common::snapshot(&site.out());
    let second = site.build(&["--date", "2026-11-27"]);
    assert_eq!(
        image_counts(&second.stderr),
        (0, made),
        "all from the cache"
    );
    assert_eq!(
        common::snapshot(&site.out()),
        before,
        "byte-identical output from the cache"
    );
    // A changed picture gets new names and is resized again.
    let img = image::RgbImage::from_pixel(900, 600, image::Rgb([10, 120, 200]));
    img.save(site.root().join("content/media/photos/laser.jpg"))
        .unwrap();
    let third = site.build(&["--date", "2026-11-27"]);
    assert!(image_counts(&third.stderr).0 > 0);
}

#[test]
fn unreadable_and_oversized_files_are_positioned_errors() {
    let site = Site::new("small", &[]);
    site.write("content/media/broken.png", "this is not a picture");
    let eq = site.root().join("content/equipment/eq-laser.yaml");
    let text = std::fs::read_to_string(&eq)
        .unwrap()
        .replace("src: example.png", "src: broken.png");
    std::fs::write(&eq, text).unwrap();
    let big = std::fs::File::create(site.root().join("content/media/big.pdf")).unwrap();
    big.set_len(3 << 20).unwrap();
    let text = std::fs::read_to_string(&eq)
        .unwrap()
        .replace("src: example.pdf", "src: big.pdf");
    std::fs::write(&eq, text).unwrap();
    let config = site.root().join("site.yaml");
    let mut yaml = std::fs::read_to_string(&config).unwrap();
    yaml.push_str("media_max_mb: 2\n");
    std::fs::write(&config, yaml).unwrap();

    let (ok, problems) = site.check_json();
    assert!(!ok);
    let find = |code: &str| {
        problems
            .iter()
            .find(|p| p["code"] == code)
            .unwrap_or_else(|| panic!("no {code} in {problems:#?}"))
    };
    let bad = find("bad-image");
    assert_eq!(bad["file"], "content/equipment/eq-laser.yaml");
    assert_eq!(bad["line"], 12);
    assert!(bad["message"].as_str().unwrap().contains("broken.png"));
    let large = find("media-too-large");
    assert_eq!(large["line"], 14);
    assert!(large["hint"].as_str().unwrap().contains("media_max_mb"));
}

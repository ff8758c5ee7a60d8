//! The fields of each kind: which a record may have, which it must have, and how
//! each is read. This is the one place that knows the content format.

use crate::content::fields;
use crate::content::model::*;
use crate::content::read::{Fields, Reader};
use crate::content::yaml::Node;

/// Top-level localized fields a translation file (`<slug>.<lang>.md`) may override.
pub fn translatable(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Companies | Kind::Institutions => &["name", "summary", "address"],
        Kind::ResearchThemes => &["title", "summary"],
        Kind::Equipment => &["name", "summary", "conditions", "fee", "address"],
        Kind::Coordinators => &["name", "summary"],
        Kind::SuccessStories => &["title", "summary", "outcome"],
        Kind::Notices => &["title", "summary", "location"],
        Kind::Pages => &["title", "summary"],
        Kind::Kartes => &["problem", "advice", "follow_up"],
    }
}

/// The facet fields of a kind: (field name, taxonomy id).
pub fn facet_fields(kind: Kind) -> &'static [(&'static str, &'static str)] {
    match kind {
        Kind::Companies => &[
            ("kind", "company-kind"),
            ("membership", "membership"),
            ("industries", "industries"),
            ("technologies", "technologies"),
            ("regions", "regions"),
            ("seeking", "support-areas"),
            ("status", "company-status"),
        ],
        Kind::Institutions => &[
            ("kind", "institution-kind"),
            ("membership", "membership"),
            ("regions", "regions"),
        ],
        Kind::ResearchThemes => &[
            ("technologies", "technologies"),
            ("industries", "industries"),
            ("seeking", "collaboration"),
        ],
        Kind::Equipment => &[
            ("categories", "equipment-categories"),
            ("technologies", "technologies"),
            ("open", "access"),
            ("status", "equipment-status"),
        ],
        Kind::Coordinators => &[
            ("tier", "tier"),
            ("qualifications", "qualifications"),
            ("support-areas", "support-areas"),
            ("industries", "industries"),
            ("technologies", "technologies"),
            ("languages", "languages"),
        ],
        Kind::SuccessStories => &[("type", "story-type"), ("technologies", "technologies")],
        Kind::Notices => &[
            ("category", "notice-category"),
            ("technologies", "technologies"),
            ("industries", "industries"),
        ],
        Kind::Pages => &[],
        Kind::Kartes => &[
            ("support-areas", "support-areas"),
            ("technologies", "technologies"),
            ("industries", "industries"),
            ("status", "karte-status"),
        ],
    }
}

/// What one record file yields, before the fields common to all kinds.
pub struct Read {
    pub title: Option<Localized>,
    pub summary: Option<Localized>,
    pub facets: Facets,
    pub details: Option<Details>,
    pub media: Vec<Media>,
}

/// Read the kind's own fields of a record whose fields are `f`.
pub fn read_kind(kind: Kind, f: &Fields, r: &mut Reader) -> Read {
    let what = article(kind);
    let title_key = title_field(kind);
    let title = r.required(f, title_key, what).and_then(|n| r.localized(n));
    let summary = f.get("summary").and_then(|n| r.localized(n));
    let facets = read_facets(kind, f, r);
    let details = match kind {
        Kind::Companies => Some(Details::Company(company(f, r))),
        Kind::Institutions => Some(Details::Institution(Institution {
            contact: contact(f, r),
        })),
        Kind::ResearchThemes => research_theme(f, r).map(Details::ResearchTheme),
        Kind::Equipment => equipment(f, r).map(Details::Equipment),
        Kind::Coordinators => Some(Details::Coordinator(coordinator(f, r))),
        Kind::SuccessStories => Some(Details::SuccessStory(success_story(f, r))),
        Kind::Notices => notice(f, r).map(Details::Notice),
        Kind::Pages => Some(Details::Page(Page {
            menu: f.get("menu").and_then(|n| r.int(n, 1..=1000)),
        })),
        Kind::Kartes => karte(f, r).map(Details::Karte),
    };
    let media = read_media(kind, f, r);
    Read {
        title,
        summary,
        facets,
        details,
        media,
    }
}

/// The kind's logo or photo, its images (products' images included) and documents.
fn read_media(kind: Kind, f: &Fields, r: &mut Reader) -> Vec<Media> {
    let mut out = Vec::new();
    for field in fields::of(kind) {
        let role = match field.name {
            "logo" | "photo" => MediaRole::Portrait,
            "images" => MediaRole::Image,
            "documents" => MediaRole::Document,
            _ => continue,
        };
        let Some(node) = f.get(field.name) else {
            continue;
        };
        if role == MediaRole::Portrait {
            out.extend(media_item(r, node, role));
        } else {
            out.extend(r.list(node, |r, n| media_item(r, n, role)));
        }
    }
    if let Some(products) = f.get("products") {
        if let crate::content::yaml::Value::List(items) = &products.value {
            for item in items {
                if let Some(images) = item
                    .as_map()
                    .and_then(|m| m.iter().find(|e| e.key == "images"))
                {
                    out.extend(r.list(&images.value, |r, n| media_item(r, n, MediaRole::Image)));
                }
            }
        }
    }
    out
}

fn media_item(r: &mut Reader, node: &Node, role: MediaRole) -> Option<Media> {
    let (what, text_key, types) = match role {
        MediaRole::Document => ("a document", "title", fields::DOCUMENT_TYPES),
        _ => ("an image", "alt", fields::IMAGE_TYPES),
    };
    let names = fields::names(if role == MediaRole::Document {
        fields::DOCUMENT
    } else {
        fields::IMAGE
    });
    let f = r.fields(node, &names, what)?;
    let src_node = r.required(&f, "src", what);
    let src = src_node.and_then(|n| r.media(n, types));
    let text = r.required(&f, text_key, what).and_then(|n| r.localized(n));
    let (src, bytes) = src?;
    let image = match (role, src_node) {
        (MediaRole::Document, _) | (_, None) => None,
        (_, Some(n)) if r.media_dir.is_some() => Some(r.image_info(n, &src)?),
        _ => None,
    };
    Some(Media {
        role,
        src,
        text: text?,
        bytes,
        image,
    })
}

/// The field that names a record: `title` for writing, `name` for things and people.
pub fn title_field(kind: Kind) -> &'static str {
    match kind {
        Kind::ResearchThemes | Kind::SuccessStories | Kind::Notices | Kind::Pages => "title",
        Kind::Kartes => "problem",
        _ => "name",
    }
}

/// How messages name a record of this kind ("a company needs one").
pub fn article(kind: Kind) -> &'static str {
    match kind {
        Kind::Companies => "a company",
        Kind::Institutions => "an institution",
        Kind::ResearchThemes => "a research theme",
        Kind::Equipment => "an equipment unit",
        Kind::Coordinators => "a coordinator",
        Kind::SuccessStories => "a success story",
        Kind::Notices => "a notice",
        Kind::Pages => "a page",
        Kind::Kartes => "a karte",
    }
}

fn read_facets(kind: Kind, f: &Fields, r: &mut Reader) -> Facets {
    let mut facets = Vec::new();
    for &(field, taxonomy) in facet_fields(kind) {
        let Some(node) = f.get(field) else { continue };
        let terms = match field {
            // `open` is a yes/no field shown as the facet "open to outside users".
            "open" => r
                .bool(node)
                .map(|open| vec![if open { "open" } else { "internal" }.to_string()])
                .unwrap_or_default(),
            _ => {
                let mut terms: Vec<String> = r.list(node, |r, n| r.term(n, taxonomy));
                let mut seen = std::collections::HashSet::new();
                terms.retain(|t| seen.insert(t.clone()));
                terms
            }
        };
        if !terms.is_empty() {
            facets.push((taxonomy, terms));
        }
    }
    facets
}

fn contact(f: &Fields, r: &mut Reader) -> Contact {
    Contact {
        website: f.get("website").and_then(|n| r.url(n)),
        email: f.get("email").and_then(|n| r.email(n)),
        phone: f.get("phone").and_then(|n| r.text(n)),
        address: f.get("address").and_then(|n| r.localized(n)),
    }
}

fn company(f: &Fields, r: &mut Reader) -> Company {
    let products = f
        .get("products")
        .map(|n| r.list(n, product))
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, mut p)| {
            p.anchor = format!("product-{}", i + 1);
            p
        })
        .collect();
    Company {
        employees: f.get("employees").and_then(|n| r.int(n, 0..=10_000_000)),
        founded: f.get("founded").and_then(|n| r.int(n, 1000..=2100)),
        products,
        services: f
            .get("services")
            .map(|n| r.list(n, |r, n| r.localized(n)))
            .unwrap_or_default(),
        incubator: f
            .get("incubator")
            .and_then(|n| r.reference(n, Kind::Institutions)),
        contact: contact(f, r),
    }
}

fn product(r: &mut Reader, node: &Node) -> Option<Product> {
    let f = r.fields(node, &sub(Kind::Companies, "products"), "a product")?;
    let name = r
        .required(&f, "name", "a product")
        .and_then(|n| r.localized(n));
    let summary = f.get("summary").and_then(|n| r.localized(n));
    Some(Product {
        name: name?,
        summary,
        anchor: String::new(),
    })
}

fn research_theme(f: &Fields, r: &mut Reader) -> Option<ResearchTheme> {
    let institution = r
        .required(f, "institution", "a research theme")
        .and_then(|n| r.reference(n, Kind::Institutions));
    let researcher = f.get("researcher").and_then(|n| researcher(r, n));
    let email = f.get("email").and_then(|n| r.email(n));
    let public_contact = f
        .get("public_contact")
        .and_then(|n| r.bool(n))
        .unwrap_or(false);
    Some(ResearchTheme {
        institution: institution?,
        researcher,
        email,
        public_contact,
    })
}

fn researcher(r: &mut Reader, node: &Node) -> Option<Researcher> {
    let f = r.fields(
        node,
        &sub(Kind::ResearchThemes, "researcher"),
        "the researcher",
    )?;
    let name = r
        .required(&f, "name", "the researcher")
        .and_then(|n| r.localized(n));
    Some(Researcher {
        name: name?,
        position: f.get("position").and_then(|n| r.localized(n)),
        department: f.get("department").and_then(|n| r.localized(n)),
        url: f.get("url").and_then(|n| r.url(n)),
    })
}

fn equipment(f: &Fields, r: &mut Reader) -> Option<Equipment> {
    let owner = r
        .required(f, "owner", "an equipment unit")
        .and_then(|n| r.qualified_reference(n, &[Kind::Institutions, Kind::Companies]));
    let (mut building, mut room) = (None, None);
    if let Some(loc) = f
        .get("location")
        .and_then(|n| r.fields(n, &sub(Kind::Equipment, "location"), "the location"))
    {
        building = loc.get("building").and_then(|n| r.localized(n));
        room = loc.get("room").and_then(|n| r.localized(n));
    }
    let (mut contact_name, mut contact_email) = (None, None);
    if let Some(c) = f
        .get("contact")
        .and_then(|n| r.fields(n, &sub(Kind::Equipment, "contact"), "the contact"))
    {
        contact_name = c.get("name").and_then(|n| r.localized(n));
        contact_email = c.get("email").and_then(|n| r.email(n));
    }
    let booking = f.get("booking").and_then(|n| booking(r, n));
    let status = f.get("status").and_then(|n| r.term(n, "equipment-status"));
    Some(Equipment {
        owner: owner?,
        maker: f.get("maker").and_then(|n| r.text(n)),
        model: f.get("model").and_then(|n| r.text(n)),
        year: f.get("year").and_then(|n| r.int(n, 1900..=2100)),
        open: f.get("open").and_then(|n| r.bool(n)).unwrap_or(false),
        conditions: f.get("conditions").and_then(|n| r.localized(n)),
        fee: f.get("fee").and_then(|n| r.localized(n)),
        booking,
        building,
        room,
        address: f.get("address").and_then(|n| r.localized(n)),
        contact_name,
        contact_email,
        specs: f.get("specs").map(|n| r.list(n, spec)).unwrap_or_default(),
        retired: status.as_deref() == Some("retired"),
    })
}

/// Booking is an email address or a web address.
fn booking(r: &mut Reader, node: &Node) -> Option<String> {
    let text = r.text(node)?;
    if crate::content::read::is_email(&text) || crate::content::read::is_web_url(&text) {
        return Some(text);
    }
    let hint = Some("write an email address or a web address starting with `https://`".into());
    r.error(
        "bad-booking",
        node.pos,
        format!("`{text}` is neither an email nor a web address"),
        hint,
    );
    None
}

fn spec(r: &mut Reader, node: &Node) -> Option<Spec> {
    let f = r.fields(node, &sub(Kind::Equipment, "specs"), "a spec")?;
    let label = r
        .required(&f, "label", "a spec")
        .and_then(|n| r.localized(n));
    let value = r
        .required(&f, "value", "a spec")
        .and_then(|n| r.localized(n));
    Some(Spec {
        label: label?,
        value: value?,
    })
}

fn coordinator(f: &Fields, r: &mut Reader) -> Coordinator {
    Coordinator {
        email: f.get("email").and_then(|n| r.email(n)),
        phone: f.get("phone").and_then(|n| r.text(n)),
        public_contact: f
            .get("public_contact")
            .and_then(|n| r.bool(n))
            .unwrap_or(false),
    }
}

fn success_story(f: &Fields, r: &mut Reader) -> SuccessStory {
    let mut partners = Vec::new();
    for kind in Kind::STORY_PARTNERS {
        if let Some(n) = f.get(kind.dir()) {
            partners.extend(r.list(n, |r, n| r.reference(n, kind)));
        }
    }
    SuccessStory {
        year: f.get("year").and_then(|n| r.int(n, 1900..=2100)),
        partners,
        outcome: f.get("outcome").and_then(|n| r.localized(n)),
        press: f
            .get("press")
            .map(|n| r.list(n, press_item))
            .unwrap_or_default(),
    }
}

fn press_item(r: &mut Reader, node: &Node) -> Option<PressItem> {
    let f = r.fields(node, &sub(Kind::SuccessStories, "press"), "a press item")?;
    let title = r
        .required(&f, "title", "a press item")
        .and_then(|n| r.localized(n));
    Some(PressItem {
        title: title?,
        url: f.get("url").and_then(|n| r.url(n)),
        date: f.get("date").and_then(|n| r.date(n)),
    })
}

fn notice(f: &Fields, r: &mut Reader) -> Option<Notice> {
    let date = r.required(f, "date", "a notice").and_then(|n| r.date(n));
    let end_date = f.get("end_date").and_then(|n| r.date(n));
    let deadline = f.get("deadline").and_then(|n| r.date(n));
    let date = date?;
    if let (Some(end), Some(node)) = (&end_date, f.get("end_date")) {
        if *end < date {
            r.error(
                "end-before-start",
                node.pos,
                format!("the notice ends on {end}, before it starts on {date}"),
                Some("end_date is the last day; it cannot come before `date`".into()),
            );
        }
    }
    Some(Notice {
        date,
        end_date,
        deadline,
        location: f.get("location").and_then(|n| r.localized(n)),
        organizer: f
            .get("organizer")
            .and_then(|n| r.qualified_reference(n, &[Kind::Institutions, Kind::Companies])),
        link: f.get("link").and_then(|n| r.url(n)),
    })
}

fn karte(f: &Fields, r: &mut Reader) -> Option<Karte> {
    let what = article(Kind::Kartes);
    let company = r
        .required(f, "company", what)
        .and_then(|n| r.reference(n, Kind::Companies));
    let coordinators = r
        .required(f, "coordinators", what)
        .map(|n| r.list(n, |r, n| r.reference(n, Kind::Coordinators)));
    let date = r.required(f, "date", what).and_then(|n| r.date(n));
    let advice = r.required(f, "advice", what).and_then(|n| r.localized(n));
    let filed_by = r.required(f, "filed_by", what).and_then(|n| r.text(n));
    // Read as facets; asked for here because a karte without them cannot be filed.
    r.required(f, "support-areas", what);
    r.required(f, "status", what);
    let follow_up_due = f.get("follow_up_due").and_then(|n| r.date(n));
    let next_visit = f.get("next_visit").and_then(|n| r.date(n));
    let date = date?;
    for (field, day) in [
        ("follow_up_due", &follow_up_due),
        ("next_visit", &next_visit),
    ] {
        if let (Some(day), Some(node)) = (day, f.get(field)) {
            if *day < date {
                let hint = Some(format!("`{field}` comes after the visit"));
                let msg = format!("`{field}` is {day}, before the visit on {date}");
                r.error("date-before-visit", node.pos, msg, hint);
            }
        }
    }
    let coordinators = coordinators?;
    if coordinators.is_empty() {
        if let Some(node) = f.get("coordinators") {
            let hint = Some("name at least one coordinator: `coordinators: [slug]`".into());
            r.error(
                "missing-field",
                node.pos,
                "no coordinator is named".to_string(),
                hint,
            );
        }
        return None;
    }
    Some(Karte {
        company: company?,
        coordinators,
        date,
        advice: advice?,
        follow_up: f.get("follow_up").and_then(|n| r.localized(n)),
        follow_up_due,
        next_visit,
        filed_by: filed_by?,
    })
}

fn sub(kind: Kind, field: &str) -> Vec<&'static str> {
    fields::names(fields::sub_fields(kind, field))
}

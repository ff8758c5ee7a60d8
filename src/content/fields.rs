//! The content format, declared once: every field of every kind, its type,
//! whether it is required, and what it means. Reading checks the allowed
//! names against this table; `new` and `schema` are generated from it; tests
//! check that a record written from it reads back without a problem, so the
//! three cannot drift apart.

use crate::content::model::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// Localized text: one string, or `{ <lang>: string }`.
    Text,
    /// A list of localized texts.
    Texts,
    /// Plain text, the same in every language.
    Plain,
    Int(i64, i64),
    Bool,
    Date,
    Email,
    Url,
    /// An email or a web address.
    EmailOrUrl,
    /// One term of a taxonomy.
    Term(&'static str),
    /// A list of terms of a taxonomy.
    Terms(&'static str),
    /// The slug of a record of a kind.
    Ref(Kind),
    /// A list of slugs of a kind.
    Refs(Kind),
    /// `institutions/<slug>` or `companies/<slug>`.
    Owner,
    /// A list of old slugs.
    Slugs,
    /// A file under content/media/ with one of these endings.
    Media(&'static [&'static str]),
    Object(&'static [Field]),
    List(&'static [Field]),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub ty: Type,
    pub required: bool,
    pub doc: &'static str,
}

const fn f(name: &'static str, ty: Type, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        doc,
    }
}

const fn req(name: &'static str, ty: Type, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        doc,
    }
}

use Type::*;

/// Fields every kind takes.
pub const COMMON: &[Field] = &[
    f(
        "slug",
        Plain,
        "The record's slug, as the browser editor asks for it; when given, it must be the file's name.",
    ),
    f(
        "aliases",
        Slugs,
        "Old slugs of this record; each becomes a redirect to it.",
    ),
    f(
        "updated",
        Date,
        "When the record was last checked or changed (YYYY-MM-DD).",
    ),
    f(
        "draft",
        Bool,
        "true keeps the record out of the public site.",
    ),
];

const CONTACT: &[Field] = &[
    f("website", Url, "Web address, starting with https://."),
    f("email", Email, "Public email address."),
    f(
        "phone",
        Plain,
        "Public phone number, in quotes: \"+81 42 000 0000\".",
    ),
    f("address", Text, "Postal address."),
];

/// Image files a record may show: those the build can read and resize. SVG is
/// left out: opened on its own it could run scripts.
pub const IMAGE_TYPES: &[&str] = &["png", "jpg", "jpeg", "webp", "gif"];
/// Documents a record may offer.
pub const DOCUMENT_TYPES: &[&str] = &[
    "pdf", "docx", "doc", "xlsx", "xls", "pptx", "hwp", "hwpx", "odt", "ods", "txt", "csv", "zip",
];

pub const IMAGE: &[Field] = &[
    req(
        "src",
        Media(IMAGE_TYPES),
        "The image file, relative to content/media/ (png, jpg, webp or gif).",
    ),
    req(
        "alt",
        Text,
        "What the image shows, for people who cannot see it.",
    ),
];
pub const DOCUMENT: &[Field] = &[
    req(
        "src",
        Media(DOCUMENT_TYPES),
        "The file, relative to content/media/ (pdf, docx, xlsx, hwp, …).",
    ),
    req("title", Text, "The document's title, shown as the link."),
];

const PRODUCT: &[Field] = &[
    req("name", Text, "Product name."),
    f(
        "summary",
        Text,
        "What it is and does, in one or two sentences.",
    ),
    f("images", List(IMAGE), "Photos of the product."),
];

const RESEARCHER: &[Field] = &[
    req("name", Text, "The researcher's name."),
    f("position", Text, "Position, e.g. professor."),
    f("department", Text, "Department or laboratory."),
    f("url", Url, "The researcher's or laboratory's page."),
];

const LOCATION: &[Field] = &[f("building", Text, "Building."), f("room", Text, "Room.")];
const PERSON: &[Field] = &[
    f("name", Text, "Name of the contact person."),
    f("email", Email, "Their email address."),
];
const SPEC: &[Field] = &[
    req("label", Text, "What is measured, e.g. Power."),
    req("value", Text, "The value, e.g. 4 kW."),
];
const PRESS: &[Field] = &[
    req("title", Text, "Headline of the article."),
    f("url", Url, "Address of the article."),
    f("date", Date, "Publication date (YYYY-MM-DD)."),
];

const COMPANIES: &[Field] = &[
    req(
        "name",
        Text,
        "The company's name, with its legal form as written in each language.",
    ),
    f("summary", Text, "One sentence: what the company does."),
    f(
        "kind",
        Term("company-kind"),
        "product-developer (own products) or base-technology (supplies processes).",
    ),
    f("employees", Int(0, 10_000_000), "Number of employees."),
    f("founded", Int(1000, 2100), "Year the company was founded."),
    f("industries", Terms("industries"), "Industries it serves."),
    f(
        "technologies",
        Terms("technologies"),
        "Its core technologies.",
    ),
    f("regions", Terms("regions"), "Where it is located."),
    f("products", List(PRODUCT), "Its products."),
    f("services", Texts, "Services it offers, one line each."),
    f(
        "seeking",
        Terms("support-areas"),
        "Support the company is looking for.",
    ),
    f(
        "membership",
        Term("membership"),
        "general, supporting or cooperating member.",
    ),
            f("incubator", Ref(Kind::Institutions), "The incubation facility it is a tenant of (an institution of kind incubator)."),
    f("logo", Object(IMAGE), "The company's logo."),
    f("status", Term("company-status"), "member (default) or left: a company that left the cluster stays findable, marked, unless site.yaml says `retired: hide`."),
    CONTACT[0],
    CONTACT[1],
    CONTACT[2],
    CONTACT[3],
];

const INSTITUTIONS: &[Field] = &[
    req("name", Text, "The institution's name."),
    f("summary", Text, "One sentence: what it offers companies."),
    f("kind", Term("institution-kind"), "university, research-institute, public-lab, government, support-organization, incubator or financial."),
    f("membership", Term("membership"), "Membership class, if it is a member."),
        f("regions", Terms("regions"), "Where it is located."),
    f("logo", Object(IMAGE), "The institution's logo."),
    CONTACT[3],
    CONTACT[0],
    CONTACT[1],
    CONTACT[2],
];

const RESEARCH_THEMES: &[Field] = &[
    req("title", Text, "The research theme."),
    f("summary", Text, "One sentence: what the research achieves."),
    req(
        "institution",
        Ref(Kind::Institutions),
        "The university or institute where it is researched.",
    ),
    f("researcher", Object(RESEARCHER), "Who leads it."),
    f(
        "technologies",
        Terms("technologies"),
        "Technologies involved.",
    ),
    f(
        "industries",
        Terms("industries"),
        "Industries it applies to.",
    ),
    f(
        "seeking",
        Terms("collaboration"),
        "What the researcher seeks: joint-research, licensing, consulting, internship.",
    ),
    f(
        "email",
        Email,
        "The researcher's email; published only with public_contact: true.",
    ),
    f(
        "public_contact",
        Bool,
        "true publishes the researcher's own email; otherwise the secretariat's contact is shown.",
    ),
];

const EQUIPMENT: &[Field] = &[
    req("name", Text, "The equipment's name."),
    f("summary", Text, "One sentence: what it does."),
    req(
        "owner",
        Owner,
        "Who owns it: institutions/<slug> or companies/<slug>.",
    ),
    f(
        "categories",
        Terms("equipment-categories"),
        "Kinds of equipment.",
    ),
    f(
        "technologies",
        Terms("technologies"),
        "Technologies it serves.",
    ),
    f("maker", Plain, "Manufacturer."),
    f("model", Plain, "Model name or number."),
    f("year", Int(1900, 2100), "Year installed."),
    f("open", Bool, "true when outside users may use it."),
    f("conditions", Text, "Who may use it and how."),
    f("fee", Text, "What it costs."),
    f(
        "booking",
        EmailOrUrl,
        "Where to book: an email address or a web address.",
    ),
    f("location", Object(LOCATION), "Where it stands."),
    f("address", Text, "Postal address of the site."),
    f("contact", Object(PERSON), "Who to ask about it."),
    f(
        "specs",
        List(SPEC),
        "Specifications, one label and value each.",
    ),
    f("images", List(IMAGE), "Photos of the equipment."),
    f(
        "documents",
        List(DOCUMENT),
        "Spec sheets and forms to download.",
    ),
    f("status", Term("equipment-status"), "in-service or retired."),
];

const COORDINATORS: &[Field] = &[
    req("name", Text, "The coordinator's name."),
    f(
        "summary",
        Text,
        "One sentence: background and what they help with.",
    ),
    f(
        "tier",
        Term("tier"),
        "super (super coordinator) or coordinator.",
    ),
    f(
        "qualifications",
        Terms("qualifications"),
        "Professional qualifications.",
    ),
    f(
        "support-areas",
        Terms("support-areas"),
        "Areas they support.",
    ),
    f("industries", Terms("industries"), "Industries they know."),
    f(
        "technologies",
        Terms("technologies"),
        "Technologies they know.",
    ),
    f(
        "languages",
        Terms("languages"),
        "Languages they consult in.",
    ),
    f("photo", Object(IMAGE), "Their photo (with their consent)."),
    f(
        "email",
        Email,
        "Their own email; published only with public_contact: true.",
    ),
    f(
        "phone",
        Plain,
        "Their own phone; published only with public_contact: true.",
    ),
    f(
        "public_contact",
        Bool,
        "true publishes their own email and phone; otherwise the secretariat's contact is shown.",
    ),
];

const SUCCESS_STORIES: &[Field] = &[
    req("title", Text, "Headline of the story."),
    f("summary", Text, "One sentence: who did what together."),
    f("year", Int(1900, 2100), "Year of the result."),
    f(
        "type",
        Term("story-type"),
        "industry-academia or industry-industry.",
    ),
    f("companies", Refs(Kind::Companies), "Companies involved."),
    f(
        "research-themes",
        Refs(Kind::ResearchThemes),
        "Research themes involved.",
    ),
    f(
        "institutions",
        Refs(Kind::Institutions),
        "Institutions involved.",
    ),
    f(
        "coordinators",
        Refs(Kind::Coordinators),
        "Coordinators who matched them.",
    ),
    f("equipment", Refs(Kind::Equipment), "Equipment used."),
    f(
        "technologies",
        Terms("technologies"),
        "Technologies involved.",
    ),
    f("outcome", Text, "The result, in one sentence."),
    f("press", List(PRESS), "Articles about it."),
    f(
        "images",
        List(IMAGE),
        "Photos of the collaboration and its result.",
    ),
];

const NOTICES: &[Field] = &[
    req("title", Text, "Headline of the notice."),
    f(
        "summary",
        Text,
        "One sentence: what is offered and to whom.",
    ),
    req(
        "category",
        Term("notice-category"),
        "grant, loan, event, seminar, exhibition, internship, newsletter or call.",
    ),
    req(
        "date",
        Date,
        "When it starts or was published (YYYY-MM-DD).",
    ),
    f(
        "end_date",
        Date,
        "Last day of an event of several days (YYYY-MM-DD).",
    ),
    f("deadline", Date, "Last day to apply (YYYY-MM-DD)."),
    f("location", Text, "Where it takes place."),
    f(
        "organizer",
        Owner,
        "Who organizes it: institutions/<slug> or companies/<slug>.",
    ),
    f(
        "link",
        Url,
        "Where to read more or apply, starting with https://.",
    ),
    f(
        "technologies",
        Terms("technologies"),
        "Technologies it concerns.",
    ),
    f("industries", Terms("industries"), "Industries it concerns."),
];

const PAGES: &[Field] = &[
    req("title", Text, "Title of the page."),
    f(
        "summary",
        Text,
        "One sentence: what the page is about (search results, link previews).",
    ),
    f(
        "menu",
        Int(1, 1000),
        "Position in the site menu (1 = first); leave out to keep the page out of the menu.",
    ),
    f("documents", List(DOCUMENT), "Forms and files to download."),
];

const KARTES: &[Field] = &[
    req(
        "company",
        Ref(Kind::Companies),
        "The company visited: the slug of a record in content/companies/.",
    ),
    req(
        "coordinators",
        Refs(Kind::Coordinators),
        "The coordinator or coordinators who visited.",
    ),
    req("date", Date, "The day of the visit (YYYY-MM-DD)."),
    req(
        "support-areas",
        Terms("support-areas"),
        "What kind of support the visit was about.",
    ),
    f(
        "technologies",
        Terms("technologies"),
        "Technologies concerned.",
    ),
    f("industries", Terms("industries"), "Industries concerned."),
    req(
        "status",
        Term("karte-status"),
        "open, in-progress, resolved or on-hold.",
    ),
    req(
        "problem",
        Text,
        "The company's problem, in one or two sentences.",
    ),
    req(
        "advice",
        Text,
        "The coordinator's advice, in one or two sentences.",
    ),
    f("follow_up", Text, "What is to be done next, and by whom."),
    f(
        "follow_up_due",
        Date,
        "When the follow-up is due (YYYY-MM-DD); past it and not resolved, it is overdue.",
    ),
    f("next_visit", Date, "The next planned visit (YYYY-MM-DD)."),
    req("filed_by", Plain, "The staff member who filed the karte."),
];

/// The fields of a kind, in the order a record file lists them (common ones excluded).
pub fn of(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Companies => COMPANIES,
        Kind::Institutions => INSTITUTIONS,
        Kind::ResearchThemes => RESEARCH_THEMES,
        Kind::Equipment => EQUIPMENT,
        Kind::Coordinators => COORDINATORS,
        Kind::SuccessStories => SUCCESS_STORIES,
        Kind::Notices => NOTICES,
        Kind::Pages => PAGES,
        Kind::Kartes => KARTES,
    }
}

/// Names of the fields a sub-object takes, for reading it.
pub fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.name).collect()
}

/// The sub-fields of a field that is an object or a list of objects.
pub fn sub_fields(kind: Kind, name: &str) -> &'static [Field] {
    match of(kind).iter().find(|f| f.name == name).map(|f| f.ty) {
        Some(Object(fields) | List(fields)) => fields,
        _ => &[],
    }
}

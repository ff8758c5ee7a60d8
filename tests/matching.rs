//! Matching on a fixture with known overlaps (tests/fixtures/valid/matching):
//! `acme` shares one rare technology with `t-rare`, two common ones with
//! `t-common`, one common one with `t-tie-a` and `t-tie-b`, nothing with
//! `t-none`; it seeks joint R&D, which the coordinator `helper` offers.

mod common;

use common::{texts, Site};

fn partners(site: &Site, page: &str, kind: &str) -> (Vec<String>, Vec<String>) {
    let html = site.page(page);
    let titles = texts(&html, &format!("#partners-{kind} .card-title"));
    let reasons = texts(&html, &format!("#partners-{kind} .reason"));
    (titles, reasons)
}

#[test]
fn a_rare_shared_term_outranks_two_common_ones_and_ties_are_stable() {
    let site = Site::new("matching", &[]);
    site.build(&[]);
    let (titles, reasons) = partners(&site, "en/companies/acme/index.html", "research-themes");
    assert_eq!(titles, vec!["Rare research", "Common research", "Tie A"]);
    assert_eq!(reasons[0], "Shares: Rare tech");
    // Heavier (rarer) terms first: B is used by fewer records than A.
    assert_eq!(reasons[1], "Shares: Common tech B, Common tech A");
    // A record that shares nothing is never suggested, even when places are free.
    let (coordinators, _) = partners(&site, "en/companies/acme/index.html", "coordinators");
    assert!(!coordinators.contains(&"Idle".to_string()));
    let (companies, _) = partners(&site, "en/research-themes/t-rare/index.html", "companies");
    assert_eq!(companies, vec!["Acme"]);
}

#[test]
fn reasons_are_localized() {
    let site = Site::new("matching", &[]);
    site.build(&[]);
    let (titles, reasons) = partners(&site, "ko/companies/acme/index.html", "research-themes");
    assert_eq!(titles[0], "희귀 연구");
    assert_eq!(reasons[0], "공통: 희귀기술");
}

#[test]
fn support_areas_match_companies_with_coordinators_only() {
    let site = Site::new("matching", &[]);
    site.build(&[]);
    let (coordinators, reasons) = partners(&site, "en/companies/acme/index.html", "coordinators");
    assert_eq!(coordinators, vec!["Helper"]);
    assert_eq!(reasons, vec!["Shares: Joint R&D"]);
    // Two companies that both seek joint R&D are not partners for that reason.
    let (companies, _) = partners(&site, "en/companies/acme/index.html", "companies");
    assert!(companies.is_empty(), "{companies:?}");
    // The coordinator's page suggests the company back.
    let (back, _) = partners(&site, "en/coordinators/helper/index.html", "companies");
    assert!(back.contains(&"Acme".to_string()) && back.contains(&"Peer".to_string()));
}

#[test]
fn the_same_input_gives_the_same_partners() {
    let site = Site::new("matching", &[]);
    site.build(&[]);
    let first = site.page("en/companies/acme/index.html");
    site.build(&[]);
    assert_eq!(first, site.page("en/companies/acme/index.html"));
}

#[test]
fn a_coordinator_can_be_requested_through_the_secretariat() {
    let site = Site::new("matching", &[]);
    site.build(&[]);
    let html = site.page("en/coordinators/helper/index.html");
    let links = common::attrs(&html, "a.button", "href");
    assert_eq!(links.len(), 1);
    let link = &links[0];
    assert!(link.starts_with("mailto:office@match.example.org?subject=Request%20for%20a%20coordinator%3A%20Helper&body="), "{link}");
    assert!(
        link.contains("https%3A%2F%2Fmatch.example.org%2Fen%2Fcoordinators%2Fhelper%2F"),
        "{link}"
    );
}

#[test]
fn finders_on_the_coordinator_and_equipment_lists_lead_to_filtered_search() {
    let site = Site::new("matching", &[]);
    site.build(&[]);
    let html = site.page("en/coordinators/index.html");
    assert_eq!(
        common::attrs(&html, "form.finder", "action"),
        vec!["/en/search/"]
    );
    let selects = common::attrs(&html, "form.finder select", "name");
    assert!(
        selects.contains(&"support-areas".to_string())
            && selects.contains(&"industries".to_string()),
        "{selects:?}"
    );
    let eq = site.page("en/equipment/index.html");
    assert!(common::attrs(&eq, "form.finder select", "name").contains(&"owner".to_string()));
}

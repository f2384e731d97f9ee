//! Rules across rows: codes that must exist, budgets that must add up, follow-up figures that must fit.

use crate::diagnostics::{CellRef, Diagnostic, Problem, nearest};
use crate::model::{Agreement, Amount, AreaFigures, Mandate};
use std::collections::BTreeSet;

/// Runs every rule. `unreadable` are the amount cells that could not be read: a sum over one is not
/// judged, since the amount error already says what is wrong and a sum warning would only mislead.
/// A sum that does not include one still is (the budgets of sub-areas are judged whatever the
/// insatser hold).
pub fn check(
    agreement: &Agreement,
    unreadable: &BTreeSet<CellRef>,
    initiatives_unreadable: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let budgets_unreliable: BTreeSet<String> = agreement
        .areas
        .iter()
        .filter(|a| unreadable.contains(&a.budget_at))
        .map(|a| a.code.clone())
        .collect();
    let mut sums_unreliable = budgets_unreliable.clone();
    sums_unreliable.extend(
        agreement
            .initiatives
            .iter()
            .filter(|i| unreadable.contains(&i.amount_at))
            .map(|i| i.area.clone()),
    );
    unknown_areas(agreement, &mut out);
    sub_area_budgets(agreement, &budgets_unreliable, &mut out);
    // Without readable insatser every area would look unallocated and every project unknown: the
    // sheet's own problem already says what to fix.
    if !initiatives_unreadable {
        area_allocation(agreement, &sums_unreliable, &mut out);
    }
    follow_up_order(agreement, unreadable, &mut out);
    for mandate in &agreement.mandates {
        group_reporting(mandate, &mut out);
        if !initiatives_unreadable {
            linked_projects(agreement, mandate, &mut out);
        }
    }
    out
}

fn unknown_areas(agreement: &Agreement, out: &mut Vec<Diagnostic>) {
    for initiative in &agreement.initiatives {
        if !initiative.area.is_empty() && agreement.area(&initiative.area).is_none() {
            out.push(Diagnostic::at(
                initiative.area_at.clone(),
                Problem::UnknownArea {
                    code: initiative.area.clone(),
                    suggestion: nearest(
                        &initiative.area,
                        agreement.areas.iter().map(|a| a.code.as_str()),
                    ),
                },
            ));
        }
    }
}

fn sub_area_budgets(
    agreement: &Agreement,
    unreliable: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for area in agreement.top_areas() {
        let subs: Vec<_> = agreement.sub_areas(&area.code).collect();
        if subs.is_empty()
            || unreliable.contains(&area.code)
            || subs.iter().any(|s| unreliable.contains(&s.code))
        {
            continue;
        }
        let sum: Amount = subs.iter().map(|s| s.budget).sum();
        if sum != area.budget {
            out.push(Diagnostic::at(
                area.budget_at.clone(),
                Problem::SubAreasMismatch {
                    code: area.code.clone(),
                    budget: area.budget.to_string(),
                    sum: sum.to_string(),
                },
            ));
        }
    }
}

/// Over budget is an error at every level. Unallocated money is a warning where money is handed out:
/// sub-areas, and areas without sub-areas (for an area with sub-areas the sub-areas already say it).
fn area_allocation(
    agreement: &Agreement,
    unreliable: &BTreeSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    for area in &agreement.areas {
        let judged_codes: Vec<&str> = std::iter::once(area.code.as_str())
            .chain(agreement.sub_areas(&area.code).map(|s| s.code.as_str()))
            .collect();
        if judged_codes.iter().any(|c| unreliable.contains(*c)) {
            continue;
        }
        let figures = AreaFigures::of(agreement, area);
        let allocated = figures.insatser.allocated;
        let has_subs = agreement.sub_areas(&area.code).next().is_some();
        if allocated > area.budget {
            out.push(Diagnostic::at(
                area.budget_at.clone(),
                Problem::OverBudget {
                    code: area.code.clone(),
                    budget: area.budget.to_string(),
                    allocated: allocated.to_string(),
                },
            ));
        } else if allocated < area.budget && !has_subs {
            out.push(Diagnostic::at(
                area.budget_at.clone(),
                Problem::Unallocated {
                    code: area.code.clone(),
                    budget: area.budget.to_string(),
                    allocated: allocated.to_string(),
                    unallocated: figures.unallocated().to_string(),
                },
            ));
        }
    }
}

/// Förbrukat ≤ Rekvirerat ≤ Belopp; anything else is usually a typo, so it warns. A Belopp that
/// could not be read is not compared with (it is not 0 kr).
fn follow_up_order(
    agreement: &Agreement,
    unreadable: &BTreeSet<CellRef>,
    out: &mut Vec<Diagnostic>,
) {
    for i in &agreement.initiatives {
        if let (Some(spent), Some(requisitioned)) = (i.spent, i.requisitioned)
            && spent > requisitioned
        {
            out.push(Diagnostic::at(
                i.spent_at.clone(),
                Problem::SpentOverRequisitioned {
                    spent: spent.to_string(),
                    requisitioned: requisitioned.to_string(),
                },
            ));
        }
        if let Some(requisitioned) = i.requisitioned
            && requisitioned > i.amount
            && !unreadable.contains(&i.amount_at)
        {
            out.push(Diagnostic::at(
                i.requisitioned_at.clone(),
                Problem::RequisitionedOverAmount {
                    requisitioned: requisitioned.to_string(),
                    amount: i.amount.to_string(),
                },
            ));
        }
    }
}

/// "Rapporterar till" must name a group of the same uppdrag, and following it must end at the top;
/// the organisation picture is drawn from it, and a cycle has no top to draw.
fn group_reporting(mandate: &Mandate, out: &mut Vec<Diagnostic>) {
    for group in &mandate.groups {
        if let Some(target) = &group.reports_to
            && mandate.group(target).is_none()
        {
            out.push(Diagnostic::at(
                group.reports_to_at.clone(),
                Problem::UnknownGroup {
                    name: target.clone(),
                },
            ));
        }
    }
    let mut reported = BTreeSet::new();
    for group in &mandate.groups {
        let mut path = vec![group.name.clone()];
        let mut current = group;
        while let Some(next) = current.reports_to.as_deref().and_then(|t| mandate.group(t)) {
            if next.name.eq_ignore_ascii_case(&group.name) {
                // One report per cycle, at its first member in sheet order.
                let members: BTreeSet<String> = path.iter().map(|n| n.to_lowercase()).collect();
                if reported.insert(members) {
                    path.push(next.name.clone());
                    out.push(Diagnostic::at(
                        group.reports_to_at.clone(),
                        Problem::GroupCycle {
                            name: group.name.clone(),
                            path: path.join(" → "),
                        },
                    ));
                }
                break;
            }
            if path.iter().any(|n| n.eq_ignore_ascii_case(&next.name)) {
                break; // a cycle further up, reported from one of its own members
            }
            path.push(next.name.clone());
            current = next;
        }
    }
}

/// Every project number an uppdrag is financed by must be on some insats, or its table would be empty.
fn linked_projects(agreement: &Agreement, mandate: &Mandate, out: &mut Vec<Diagnostic>) {
    for project in &mandate.funding_projects {
        if !agreement
            .initiatives
            .iter()
            .any(|i| i.in_funding_project(project))
        {
            out.push(Diagnostic::at(
                mandate.funding_projects_at.clone(),
                Problem::UnknownProject {
                    project: project.clone(),
                },
            ));
        }
    }
}

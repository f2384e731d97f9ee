//! Matching the two versions and listing what differs.

use super::cells::Cells;
use super::{
    AreaChange, AreaGroup, Changes, ChangesError, FieldChange, ID_COLUMN, InitiativeChange, Mark,
    Values, Version,
};
use crate::model::schema::{areas, info, initiatives};
use crate::model::{Agreement, Amount, Area, Assessment, Info, Initiative, Kind};
use std::collections::{BTreeMap, BTreeSet};

/// The changes from `previous` (the last meeting's version) to `current`. Duplicate keys in either
/// version make the comparison impossible; every duplicate is reported.
pub fn compare(previous: Version, current: Version) -> Result<Changes, Vec<ChangesError>> {
    let before_cells = Cells::locate(previous.book);
    let after_cells = Cells::locate(current.book);
    let by_id = before_cells.id_column.is_some() && after_cells.id_column.is_some();
    let before = Side::new(previous.agreement, &before_cells, by_id, true);
    let after = Side::new(current.agreement, &after_cells, by_id, false);
    let errors: Vec<ChangesError> = before
        .duplicates
        .iter()
        .chain(&after.duplicates)
        .cloned()
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let pairs = match_initiatives(&before, &after);

    let mut initiatives: Vec<(String, InitiativeChange)> = Vec::new();
    let mut marks = BTreeMap::new();
    for pair in &pairs {
        let Some(change) = initiative_change(*pair, &before, &after, &after_cells) else {
            continue;
        };
        let top = match change.mark {
            Mark::Removed => top_code(previous.agreement, &change.area),
            _ => top_code(current.agreement, &change.area),
        };
        if let (Some(a), Mark::New | Mark::Changed) = (pair.1, change.mark) {
            let at = &after.items[a].area_at;
            marks.insert((at.file.clone(), at.sheet.clone(), at.row), change.mark);
        }
        initiatives.push((top, change));
    }

    let areas = area_changes(previous.agreement, current.agreement, &after_cells);
    let groups = groups(previous.agreement, current.agreement, areas, initiatives);
    Ok(Changes {
        since: previous.agreement.info.date,
        info: info_fields(
            &previous.agreement.info,
            &current.agreement.info,
            &after_cells,
        ),
        groups,
        marks,
    })
}

/// What became of one matched pair of insatser (before, after): new, removed, or changed in some
/// field; `None` when it is the same.
fn initiative_change(
    pair: (Option<usize>, Option<usize>),
    before: &Side,
    after: &Side,
    after_cells: &Cells,
) -> Option<InitiativeChange> {
    Some(match pair {
        (Some(b), Some(a)) => {
            let (old, new) = (&before.items[b], &after.items[a]);
            let fields = initiative_fields(old, new, after_cells);
            if fields.is_empty() {
                return None;
            }
            InitiativeChange {
                mark: Mark::Changed,
                area: new.area.clone(),
                name: new.name.clone(),
                amount: new.amount,
                fields,
                at: after_cells.initiative(new, initiatives::NAME.name),
            }
        }
        (None, Some(a)) => {
            let new = &after.items[a];
            InitiativeChange {
                mark: Mark::New,
                area: new.area.clone(),
                name: new.name.clone(),
                amount: new.amount,
                fields: vec![money(
                    initiatives::AMOUNT.name,
                    None,
                    Some(new.amount),
                    after_cells,
                    new,
                )],
                at: after_cells.initiative(new, initiatives::NAME.name),
            }
        }
        (Some(b), None) => {
            let old = &before.items[b];
            InitiativeChange {
                mark: Mark::Removed,
                area: old.area.clone(),
                name: old.name.clone(),
                amount: old.amount,
                fields: vec![FieldChange {
                    field: initiatives::AMOUNT.name,
                    values: Values::Money {
                        before: Some(old.amount),
                        after: None,
                    },
                    at: None,
                }],
                at: None,
            }
        }
        (None, None) => return None,
    })
}

/// The insatser of one version with their keys.
struct Side<'a> {
    items: &'a [Initiative],
    keys: Vec<String>,
    duplicates: Vec<ChangesError>,
}

impl<'a> Side<'a> {
    fn new(agreement: &'a Agreement, cells: &Cells, by_id: bool, previous: bool) -> Side<'a> {
        let items = agreement.initiatives.as_slice();
        let mut keys = Vec::with_capacity(items.len());
        let mut duplicates = Vec::new();
        let mut first_at: BTreeMap<String, usize> = BTreeMap::new();
        for (index, item) in items.iter().enumerate() {
            // An insats without an Id (a row added without one) is still matched by its name.
            let id = if by_id { cells.id(item) } else { None };
            let (key, what, column, shown) = match id {
                Some(id) => (
                    format!("id:{}", id.to_lowercase()),
                    ID_COLUMN,
                    ID_COLUMN,
                    id,
                ),
                None => (
                    format!("namn:{}", name_key(&item.name)),
                    "insatsen",
                    initiatives::NAME.name,
                    item.name.clone(),
                ),
            };
            if let Some(&first) = first_at.get(&key) {
                let cell = |i: &Initiative| {
                    cells
                        .initiative(i, column)
                        .unwrap_or_else(|| i.area_at.clone())
                };
                duplicates.push(ChangesError::DuplicateKey {
                    what,
                    key: shown,
                    first: cell(&items[first]),
                    second: cell(item),
                    previous,
                });
            } else {
                first_at.insert(key.clone(), index);
            }
            keys.push(key);
        }
        Side {
            items,
            keys,
            duplicates,
        }
    }
}

/// A name as matching sees it: case and every space ignored.
fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
}

/// Pairs (before, after) in the order of this version, then the removed ones in their order.
fn match_initiatives(before: &Side, after: &Side) -> Vec<(Option<usize>, Option<usize>)> {
    let before_index: BTreeMap<&str, usize> = before
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut matched_before = BTreeSet::new();
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = after
        .keys
        .iter()
        .enumerate()
        .map(|(a, key)| {
            let b = before_index.get(key.as_str()).copied();
            if let Some(b) = b {
                matched_before.insert(b);
            }
            (b, Some(a))
        })
        .collect();
    let removed: Vec<usize> = (0..before.items.len())
        .filter(|b| !matched_before.contains(b))
        .collect();

    // A rename: the only removed and the only added insats with the same Projekt, Ansvarig and Belopp.
    let signature = |i: &Initiative| {
        (
            name_key(&i.funding_project),
            name_key(&i.recipient),
            i.amount,
        )
    };
    let mut removed_by: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for &b in &removed {
        removed_by
            .entry(signature(&before.items[b]))
            .or_default()
            .push(b);
    }
    let mut added_by: BTreeMap<_, Vec<usize>> = BTreeMap::new();
    for (b, a) in &pairs {
        if let (None, Some(a)) = (b, a) {
            added_by
                .entry(signature(&after.items[*a]))
                .or_default()
                .push(*a);
        }
    }
    let mut renamed = BTreeSet::new();
    for (sig, olds) in &removed_by {
        if let (Some([new]), [old]) = (added_by.get(sig).map(Vec::as_slice), olds.as_slice())
            && let Some(pair) = pairs.iter_mut().find(|p| p.1 == Some(*new))
        {
            pair.0 = Some(*old);
            renamed.insert(*old);
        }
    }
    pairs.extend(
        removed
            .into_iter()
            .filter(|b| !renamed.contains(b))
            .map(|b| (Some(b), None)),
    );
    pairs
}

fn kind_text(kind: Option<Kind>) -> String {
    kind.map_or_else(String::new, |k| Kind::LABELS[k as usize].to_string())
}

fn assessment_text(assessment: Option<Assessment>) -> String {
    assessment.map_or_else(String::new, |a| a.label().to_string())
}

fn money(
    field: &'static str,
    before: Option<Amount>,
    after: Option<Amount>,
    cells: &Cells,
    now: &Initiative,
) -> FieldChange {
    FieldChange {
        field,
        values: Values::Money { before, after },
        at: cells.initiative(now, field),
    }
}

/// Every field of the insats that differs, in the order of the sheet's columns.
fn initiative_fields(old: &Initiative, new: &Initiative, cells: &Cells) -> Vec<FieldChange> {
    let mut fields = Vec::new();
    let mut text = |field: &'static str, before: String, after: String| {
        if before != after {
            fields.push(FieldChange {
                field,
                values: Values::Text { before, after },
                at: cells.initiative(new, field),
            });
        }
    };
    text(initiatives::NAME.name, old.name.clone(), new.name.clone());
    text(initiatives::AREA.name, old.area.clone(), new.area.clone());
    text(
        initiatives::KIND.name,
        kind_text(old.kind),
        kind_text(new.kind),
    );
    let mut amounts = Vec::new();
    for (field, before, after) in [
        (initiatives::AMOUNT.name, Some(old.amount), Some(new.amount)),
        (
            initiatives::REQUISITIONED.name,
            old.requisitioned,
            new.requisitioned,
        ),
        (initiatives::SPENT.name, old.spent, new.spent),
    ] {
        if before != after {
            amounts.push(money(field, before, after, cells, new));
        }
    }
    let mut rest = Vec::new();
    let mut text = |field: &'static str, before: &str, after: &str| {
        if before != after {
            rest.push(FieldChange {
                field,
                values: Values::Text {
                    before: before.to_string(),
                    after: after.to_string(),
                },
                at: cells.initiative(new, field),
            });
        }
    };
    text(initiatives::STATUS.name, &old.status, &new.status);
    text(
        initiatives::ASSESSMENT.name,
        &assessment_text(old.assessment),
        &assessment_text(new.assessment),
    );
    text(
        initiatives::RESPONSIBLE.name,
        &old.recipient,
        &new.recipient,
    );
    text(
        initiatives::FUNDING_PROJECT.name,
        &old.funding_project,
        &new.funding_project,
    );
    text(
        initiatives::DESCRIPTION.name,
        &old.description,
        &new.description,
    );
    fields.extend(amounts);
    fields.extend(rest);
    fields
}

/// The insatsområde an area code belongs to: `1a` → `1`; an unknown code stands for itself.
fn top_code(agreement: &Agreement, code: &str) -> String {
    agreement
        .area(code)
        .and_then(|a| a.parent.clone())
        .unwrap_or_else(|| code.to_string())
}

fn same_code(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn find_area<'a>(agreement: &'a Agreement, code: &str) -> Option<&'a Area> {
    agreement.areas.iter().find(|a| same_code(&a.code, code))
}

/// Areas and sub-areas added, removed, renamed or with a new budget, each with its insatsområde.
fn area_changes(
    previous: &Agreement,
    current: &Agreement,
    cells: &Cells,
) -> Vec<(String, AreaChange)> {
    let mut changes = Vec::new();
    for new in &current.areas {
        let top = top_code(current, &new.code);
        let change = match find_area(previous, &new.code) {
            None => AreaChange {
                mark: Mark::New,
                code: new.code.clone(),
                name: new.name.clone(),
                fields: vec![FieldChange {
                    field: areas::BUDGET.name,
                    values: Values::Money {
                        before: None,
                        after: Some(new.budget),
                    },
                    at: Some(new.budget_at.clone()),
                }],
                at: Some(new.code_at.clone()),
            },
            Some(old) => {
                let mut fields = Vec::new();
                if old.name != new.name {
                    fields.push(FieldChange {
                        field: areas::NAME.name,
                        values: Values::Text {
                            before: old.name.clone(),
                            after: new.name.clone(),
                        },
                        at: cells.area_name(new).or_else(|| Some(new.code_at.clone())),
                    });
                }
                if old.budget != new.budget {
                    fields.push(FieldChange {
                        field: areas::BUDGET.name,
                        values: Values::Money {
                            before: Some(old.budget),
                            after: Some(new.budget),
                        },
                        at: Some(new.budget_at.clone()),
                    });
                }
                if fields.is_empty() {
                    continue;
                }
                AreaChange {
                    mark: Mark::Changed,
                    code: new.code.clone(),
                    name: new.name.clone(),
                    fields,
                    at: Some(new.code_at.clone()),
                }
            }
        };
        changes.push((top, change));
    }
    for old in &previous.areas {
        if find_area(current, &old.code).is_none() {
            changes.push((
                top_code(previous, &old.code),
                AreaChange {
                    mark: Mark::Removed,
                    code: old.code.clone(),
                    name: old.name.clone(),
                    fields: vec![FieldChange {
                        field: areas::BUDGET.name,
                        values: Values::Money {
                            before: Some(old.budget),
                            after: None,
                        },
                        at: None,
                    }],
                    at: None,
                },
            ));
        }
    }
    changes
}

/// One group per insatsområde of either version: this version's order, then the removed ones.
fn groups(
    previous: &Agreement,
    current: &Agreement,
    areas: Vec<(String, AreaChange)>,
    initiatives: Vec<(String, InitiativeChange)>,
) -> Vec<AreaGroup> {
    let mut order: Vec<String> = Vec::new();
    let mut add = |code: &str| {
        if !order.iter().any(|c| same_code(c, code)) {
            order.push(code.to_string());
        }
    };
    current.top_areas().for_each(|a| add(&a.code));
    previous.top_areas().for_each(|a| add(&a.code));
    // Codes that are no area (an error in that version) still get their insatser shown.
    areas.iter().for_each(|(top, _)| add(top));
    initiatives.iter().for_each(|(top, _)| add(top));

    order
        .into_iter()
        .map(|code| {
            let now = find_area(current, &code);
            let then = find_area(previous, &code);
            AreaGroup {
                name: now.or(then).map(|a| a.name.clone()).unwrap_or_default(),
                budget_before: then.map(|a| a.budget),
                budget_after: now.map(|a| a.budget),
                allocated_before: then.map_or(Amount::ZERO, |a| previous.allocated(&a.code)),
                allocated_after: now.map_or(Amount::ZERO, |a| current.allocated(&a.code)),
                areas: areas
                    .iter()
                    .filter(|(top, _)| same_code(top, &code))
                    .map(|(_, c)| c.clone())
                    .collect(),
                initiatives: initiatives
                    .iter()
                    .filter(|(top, _)| same_code(top, &code))
                    .map(|(_, c)| c.clone())
                    .collect(),
                code,
            }
        })
        .collect()
}

/// The fields of `Uppgifter` that differ.
fn info_fields(before: &Info, after: &Info, cells: &Cells) -> Vec<FieldChange> {
    let optional = |t: &Option<String>| t.clone().unwrap_or_default();
    let date = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    [
        (info::TITLE, before.title.clone(), after.title.clone()),
        (info::YEAR, before.year.to_string(), after.year.to_string()),
        (
            info::ORGANISATION,
            before.organisation.clone(),
            after.organisation.clone(),
        ),
        (
            info::COUNTY,
            optional(&before.county),
            optional(&after.county),
        ),
        (info::DATE, date(before.date), date(after.date)),
        (
            info::STEERING_GROUP,
            optional(&before.steering_group),
            optional(&after.steering_group),
        ),
        (
            info::ADDRESSEE,
            optional(&before.addressee),
            optional(&after.addressee),
        ),
        (
            info::REFERENCE,
            optional(&before.reference),
            optional(&after.reference),
        ),
    ]
    .into_iter()
    .filter(|(_, b, a)| b != a)
    .map(|(field, before, after)| FieldChange {
        field,
        at: cells.info(field),
        values: Values::Text { before, after },
    })
    .collect()
}

//! The organisation picture of an uppdrag: groups placed as a tree from "Rapporterar till". Rust
//! decides where each box goes (a slot across, a level down); the template only draws boxes and lines.

use crate::model::{Mandate, Principal};
use serde::Serialize;

#[derive(Debug, Serialize, PartialEq)]
pub struct OrgChart {
    /// How many boxes fit side by side: the widest level decides the box width.
    pub slots: usize,
    pub levels: usize,
    pub nodes: Vec<Node>,
    /// The picture in words, for readers who cannot see it.
    pub description: String,
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Node {
    pub name: String,
    pub principal: Option<Principal>,
    pub level: usize,
    /// Centre of the box, in slots from the left edge (0.5 is the middle of the first slot).
    pub x: f64,
    /// Index of the node it reports to.
    pub parent: Option<usize>,
}

/// Lays the groups out as a tidy tree: leaves side by side in sheet order, each parent centred over its
/// children. Groups reporting to no group (or to one not in the uppdrag) are roots, side by side.
pub fn layout(mandate: &Mandate) -> Option<OrgChart> {
    let groups = &mandate.groups;
    if groups.is_empty() {
        return None;
    }
    let parent_of: Vec<Option<usize>> = groups
        .iter()
        .map(|g| {
            let target = g.reports_to.as_deref()?;
            groups
                .iter()
                .position(|p| p.name.eq_ignore_ascii_case(target))
        })
        .collect();
    // Preorder walk with an explicit stack (no recursion depth limit); `seen` also stops a cycle,
    // which the checks reject but drawing must survive. Children keep sheet order.
    let mut seen = vec![false; groups.len()];
    let mut level = vec![0usize; groups.len()];
    let mut tree_children: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    let mut order = Vec::with_capacity(groups.len());
    let roots = (0..groups.len()).filter(|&i| parent_of[i].is_none());
    // Groups only reachable through a cycle become roots too, so none disappears from the picture.
    let starts: Vec<usize> = roots.chain(0..groups.len()).collect();
    for start in starts {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            order.push(node);
            let kids: Vec<usize> = (0..groups.len())
                .filter(|&c| parent_of[c] == Some(node) && !seen[c])
                .collect();
            for &k in &kids {
                seen[k] = true;
                level[k] = level[node] + 1;
            }
            stack.extend(kids.iter().rev());
            tree_children[node] = kids;
        }
    }
    let mut x = vec![0.0; groups.len()];
    let mut next_slot = 0usize;
    for &node in &order {
        if tree_children[node].is_empty() {
            x[node] = next_slot as f64 + 0.5;
            next_slot += 1;
        }
    }
    for &node in order.iter().rev() {
        if let (Some(first), Some(last)) = (tree_children[node].first(), tree_children[node].last())
        {
            x[node] = (x[*first] + x[*last]) / 2.0;
        }
    }

    let nodes: Vec<Node> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| Node {
            name: g.name.clone(),
            principal: g.principal,
            level: level[i],
            x: x[i],
            parent: parent_of[i].filter(|&p| tree_children[p].contains(&i)),
        })
        .collect();
    let levels = nodes.iter().map(|n| n.level + 1).max().unwrap_or(1);
    Some(OrgChart {
        slots: next_slot.max(1),
        levels,
        description: describe(&nodes),
        nodes,
    })
}

fn describe(nodes: &[Node]) -> String {
    let mut parts = vec![format!("Organisationsbild med {} grupper.", nodes.len())];
    for n in nodes {
        let who = match n.principal {
            Some(Principal::Region) => " (huvudman: region)",
            Some(Principal::Municipality) => " (huvudman: kommun)",
            Some(Principal::Joint) => " (huvudman: gemensam)",
            None => "",
        };
        match n.parent {
            Some(p) => parts.push(format!(
                "{}{who} rapporterar till {}.",
                n.name, nodes[p].name
            )),
            None => parts.push(format!("{}{who} är högst upp.", n.name)),
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::CellRef;
    use crate::model::Group;
    use crate::model::text::RichText;

    fn group(name: &str, reports_to: &str) -> Group {
        let at = CellRef {
            file: String::new(),
            sheet: "Grupper".into(),
            row: 0,
            col: 0,
        };
        Group {
            name: name.into(),
            participants: String::new(),
            purpose: RichText::default(),
            mandate: RichText::default(),
            frequency: String::new(),
            convener: String::new(),
            reports_to: (!reports_to.is_empty()).then(|| reports_to.to_string()),
            principal: None,
            name_at: at.clone(),
            reports_to_at: at,
        }
    }

    fn mandate(groups: Vec<Group>) -> Mandate {
        let at = CellRef {
            file: String::new(),
            sheet: "Uppdrag".into(),
            row: 0,
            col: 0,
        };
        Mandate {
            id: "X".into(),
            title: "X".into(),
            reference: None,
            date: None,
            decided_by: None,
            funding_projects: vec![],
            sections: vec![],
            roles: vec![],
            groups,
            document_type: crate::model::mandate::DEFAULT_DOCUMENT_TYPE.into(),
            pictures: vec![],
            id_at: at.clone(),
            funding_projects_at: at,
        }
    }

    #[test]
    fn parent_centred_over_children() {
        let m = mandate(vec![
            group("SRO", ""),
            group("Chefsgrupp", "SRO"),
            group("Arbetsgrupp A", "Chefsgrupp"),
            group("Arbetsgrupp B", "Chefsgrupp"),
            group("VGR styrgrupp", "SRO"),
        ]);
        let chart = layout(&m).unwrap();
        let x: Vec<f64> = chart.nodes.iter().map(|n| n.x).collect();
        let level: Vec<usize> = chart.nodes.iter().map(|n| n.level).collect();
        assert_eq!(level, vec![0, 1, 2, 2, 1]);
        assert_eq!(chart.slots, 3);
        assert_eq!(chart.levels, 3);
        assert_eq!(x[2], 0.5);
        assert_eq!(x[3], 1.5);
        assert_eq!(x[1], 1.0);
        assert_eq!(x[4], 2.5);
        assert_eq!(x[0], 1.75);
        assert_eq!(chart.nodes[3].parent, Some(1));
        assert!(
            chart
                .description
                .contains("Arbetsgrupp B rapporterar till Chefsgrupp.")
        );
    }

    #[test]
    fn cycle_still_draws_every_group() {
        let m = mandate(vec![group("A", "B"), group("B", "A"), group("C", "")]);
        let chart = layout(&m).unwrap();
        assert_eq!(chart.nodes.len(), 3);
        assert!(chart.nodes.iter().all(|n| n.x > 0.0));
    }
}

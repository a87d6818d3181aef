//! Tables for people (comfy-table). Pure: width and colour come in the [`Style`], never from a
//! terminal probe here, so the same input always gives the same text.
//!
//! Layout at a given width: the natural table when it fits; else the wrappable columns (text with
//! spaces) are narrowed, widest first, never below their longest word, so IDs and addresses are
//! never cut; and when even that does not fit, each item is printed as a `Field  value` block
//! (the "expanded" layout), which is readable at any width.

use comfy_table::{
    Attribute, Cell, ColumnConstraint, ContentArrangement, Table, TableComponent, Width,
};
use serde_json::Value;

use super::fields::Field;
use super::health;
use super::text::{compact, for_terminal};
use super::Style;

/// Spaces between two columns: the right padding of one and the vertical "line".
const GAP: usize = 2;

fn new_table(style: &Style) -> Table {
    let mut table = Table::new();
    table
        .load_preset(comfy_table::presets::NOTHING)
        .force_no_tty();
    for component in [
        TableComponent::LeftBorder,
        TableComponent::RightBorder,
        TableComponent::TopBorder,
        TableComponent::BottomBorder,
        TableComponent::LeftHeaderIntersection,
        TableComponent::RightHeaderIntersection,
        TableComponent::HorizontalLines,
        TableComponent::MiddleIntersections,
        TableComponent::LeftBorderIntersections,
        TableComponent::RightBorderIntersections,
        TableComponent::TopBorderIntersections,
        TableComponent::BottomBorderIntersections,
        TableComponent::TopLeftCorner,
        TableComponent::TopRightCorner,
        TableComponent::BottomLeftCorner,
        TableComponent::BottomRightCorner,
        TableComponent::HeaderLines,
    ] {
        table.remove_style(component);
    }
    table.set_style(TableComponent::VerticalLines, ' ');
    if style.color {
        // Style the text only, so padding stays plain and colour never moves a column.
        table.enforce_styling().style_text_only();
    }
    match style.width {
        Some(width) => {
            table
                .set_width(width)
                .set_content_arrangement(ContentArrangement::Dynamic);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table
}

/// Right padding 1 (plus the one-space vertical line: two spaces between columns), none after
/// the last column.
fn set_padding(table: &mut Table) {
    let last = table.column_iter().count().saturating_sub(1);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, u16::from(i != last)));
    }
}

fn header_cell(name: &str, style: &Style) -> Cell {
    let cell = Cell::new(for_terminal(name));
    if style.color {
        cell.add_attribute(Attribute::Bold)
    } else {
        cell
    }
}

fn cell_text(value: Option<&Value>) -> String {
    for_terminal(&value.map(compact).unwrap_or_default())
}

fn value_cell(field: &str, text: &str, style: &Style) -> Cell {
    let cell = Cell::new(text);
    if !style.color {
        return cell;
    }
    match health::of_field(field, text) {
        Some(h) => cell.fg(h.table_color()),
        None => cell,
    }
}

fn finish(table: &Table) -> String {
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The widest line of a text.
fn natural(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// The longest word of a text: a column holding it can't be narrower without cutting it.
fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.chars().count())
        .max()
        .unwrap_or(0)
}

/// The content width of each column at `width`, or None when the columns can't fit even at their
/// longest words.
fn column_widths(columns: &[Vec<String>], width: usize) -> Option<Vec<usize>> {
    let natural: Vec<usize> = columns
        .iter()
        .map(|c| c.iter().map(|t| natural(t)).max().unwrap_or(0).max(1))
        .collect();
    let minimum: Vec<usize> = columns
        .iter()
        .map(|c| c.iter().map(|t| longest_word(t)).max().unwrap_or(0).max(1))
        .collect();
    let available = width.checked_sub(GAP * columns.len().saturating_sub(1))?;
    if natural.iter().sum::<usize>() <= available {
        return Some(natural);
    }
    if minimum.iter().sum::<usize>() > available {
        return None;
    }
    // The largest cap that fits: every column at min(natural, cap) but never below its minimum.
    let at = |cap: usize| -> Vec<usize> {
        natural
            .iter()
            .zip(&minimum)
            .map(|(&n, &m)| n.min(cap).max(m))
            .collect()
    };
    let mut cap = natural.iter().copied().max().unwrap_or(1);
    while cap > 1 && at(cap).iter().sum::<usize>() > available {
        cap -= 1;
    }
    Some(at(cap))
}

/// One row per item, one column per field, a header line with the field names; the expanded
/// layout when the columns can't fit the width.
pub fn rows(items: &[Value], fields: &[Field], style: &Style) -> String {
    let header: Vec<String> = fields.iter().map(|f| for_terminal(&f.name)).collect();
    let body: Vec<Vec<String>> = items
        .iter()
        .map(|item| fields.iter().map(|f| cell_text(f.lookup(item))).collect())
        .collect();
    let mut widths = None;
    if let Some(width) = style.width {
        let columns: Vec<Vec<String>> = (0..fields.len())
            .map(|i| {
                std::iter::once(header[i].clone())
                    .chain(body.iter().map(|row| row[i].clone()))
                    .collect()
            })
            .collect();
        match column_widths(&columns, width as usize) {
            Some(w) => widths = Some(w),
            None => return expanded(items, fields, style),
        }
    }

    let mut table = new_table(style);
    table.set_style(TableComponent::HeaderLines, '-');
    table.set_style(TableComponent::MiddleHeaderIntersections, ' ');
    table.set_header(
        header
            .iter()
            .map(|h| header_cell(h, style))
            .collect::<Vec<_>>(),
    );
    for row in &body {
        table.add_row(
            fields
                .iter()
                .zip(row)
                .map(|(f, text)| value_cell(f.leaf(), text, style))
                .collect::<Vec<_>>(),
        );
    }
    set_padding(&mut table);
    if let Some(widths) = widths {
        for (column, w) in table.column_iter_mut().zip(widths) {
            // Fixed widths include the padding.
            let padded = w + column.padding_width() as usize;
            column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(padded as u16)));
        }
    }
    finish(&table)
}

/// Each item as a block of `Field  value` lines, blocks separated by a blank line.
pub fn expanded(items: &[Value], fields: &[Field], style: &Style) -> String {
    items
        .iter()
        .map(|item| record(item, fields, style))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One resource as `Field  value` lines: the `show` view.
pub fn record(item: &Value, fields: &[Field], style: &Style) -> String {
    let mut table = new_table(style);
    for f in fields {
        let text = cell_text(f.lookup(item));
        table.add_row(vec![
            header_cell(&f.name, style),
            value_cell(f.leaf(), &text, style),
        ]);
    }
    set_padding(&mut table);
    let name_width = fields
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(1);
    if let (Some(_), Some(key)) = (style.width, table.column_mut(0)) {
        // The names never wrap; the values take the rest of the line.
        key.set_constraint(ColumnConstraint::Absolute(Width::Fixed(
            (name_width + 1) as u16,
        )));
    }
    finish(&table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(spec: &[&[&str]]) -> Vec<Vec<String>> {
        spec.iter()
            .map(|c| c.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn natural_widths_when_they_fit() {
        let c = cols(&[&["Id", "bgp-1"], &["Name", "a b c"]]);
        assert_eq!(column_widths(&c, 80), Some(vec![5, 5]));
    }

    #[test]
    fn only_wrappable_columns_shrink_and_never_below_their_longest_word() {
        let long = "word ".repeat(30);
        let c = cols(&[
            &["Id", "bgp-m5eoyp2mwegk8ce9v0001"],
            &["Description", &long],
        ]);
        let w = column_widths(&c, 60).unwrap();
        assert_eq!(w[0], 25);
        assert_eq!(w[0] + GAP + w[1], 60);
    }

    #[test]
    fn columns_that_cannot_fit_give_none() {
        let c = cols(&[
            &["BgpPeerId", "bgp-m5eoyp2mwegk8ce9v0001"],
            &["BgpGroupId", "bgpg-bp1k25cyp26cllath0001"],
            &["RouterId", "vbr-bp1ctxy813985gkuk0001"],
        ]);
        assert_eq!(column_widths(&c, 60), None);
        assert!(column_widths(&c, 80).is_some());
    }
}

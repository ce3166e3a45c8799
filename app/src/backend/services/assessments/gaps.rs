//! The agency heatmap (competencies × units), the people behind one of its cells, and the
//! province's gaps per competency.

use std::collections::{BTreeSet, HashMap};

use sea_orm::{ConnectionTrait, FromQueryResult};

use super::agency::{StaffProfile, agency_for, competencies_by_id, staff_profiles, standards};
use crate::backend::auth::Actor;
use crate::backend::sql::Sql;
use crate::domain::calendar::WIB;
use crate::domain::profile::{Gap, group_gap_counted};
use crate::error::AppError;
use crate::model::{
    GapBasis, GapCell, GapMap, GapMapRow, GapPeople, GapPerson, LevelView, OrganisationKind, Role,
};

/// The cell of a group from its members' (gap, required level) pairs.
fn cell(members: &[(Gap, i16)]) -> GapCell {
    counted_cell(members.iter().map(|&(gap, required)| (gap, required, 1)))
}

/// The cell of a group from (gap, required level, how many members) triples.
fn counted_cell(members: impl Iterator<Item = (Gap, i16, u32)> + Clone) -> GapCell {
    let group = group_gap_counted(members.clone().map(|(gap, _, count)| (gap, count)));
    GapCell {
        required_of: group.required_of,
        below: group.below,
        unassessed: group.unassessed,
        mean_gap: group.mean_gap,
        top_required: members
            .filter(|(gap, _, count)| *count > 0 && matches!(gap, Gap::Below(_)))
            .map(|(_, required, _)| required)
            .max(),
    }
}

/// Each civil servant's (competency id, required level, gap) against their standard.
fn measured<'a>(
    staff: &'a [StaffProfile],
    standards: &'a HashMap<String, HashMap<i32, i16>>,
    basis: GapBasis,
) -> impl Iterator<Item = (&'a StaffProfile, i32, i16, Gap)> + 'a {
    staff.iter().flat_map(move |person| {
        let standard = person.measured_against(basis).and_then(|name| standards.get(name.trim()));
        standard.into_iter().flatten().map(move |(competency_id, required)| {
            let current = person.current.get(competency_id).map(|c| c.level);
            (person, *competency_id, *required, Gap::of(*required, current))
        })
    })
}

/// The heatmap's rows: per competency, a cell per unit (the members' (gap, required level)
/// pairs go to the cell `column_of` names) and the total; the most below first.
async fn heatmap_rows<C: ConnectionTrait>(
    conn: &C,
    staff: &[StaffProfile],
    basis: GapBasis,
    units: usize,
    column_of: impl Fn(&StaffProfile) -> usize,
) -> Result<Vec<GapMapRow>, AppError> {
    let standards = standards(conn).await?;
    let mut groups: HashMap<i32, Vec<Vec<(Gap, i16)>>> = HashMap::new();
    for (person, competency_id, required, gap) in measured(staff, &standards, basis) {
        groups.entry(competency_id).or_insert_with(|| vec![Vec::new(); units])[column_of(person)]
            .push((gap, required));
    }
    let named = competencies_by_id(conn, groups.keys().copied()).await?;
    let mut rows: Vec<GapMapRow> = groups
        .into_iter()
        .filter_map(|(id, by_unit)| {
            let c = named.get(&id)?;
            let all: Vec<(Gap, i16)> = by_unit.iter().flatten().copied().collect();
            Some(GapMapRow {
                code: c.code.clone(),
                name_id: c.name_id.clone(),
                name_en: c.name_en.clone(),
                cells: by_unit.iter().map(|members| cell(members)).collect(),
                total: cell(&all),
            })
        })
        .collect();
    most_below_first(&mut rows);
    Ok(rows)
}

/// The competencies with the most civil servants below standard first (by code among equals).
fn most_below_first(rows: &mut [GapMapRow]) {
    rows.sort_by(|a, b| b.total.below.cmp(&a.total.below).then_with(|| a.code.cmp(&b.code)));
}

/// The agency `slug`'s heatmap against `basis`, for its leads and the province.
pub async fn gap_map<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    basis: GapBasis,
) -> Result<GapMap, AppError> {
    let (agency, lead) = agency_for(conn, actor, slug).await?;
    let staff = staff_profiles(conn, agency.id).await?;
    let units: Vec<String> = staff
        .iter()
        .map(|p| p.unit.clone().unwrap_or_default())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let column: HashMap<&str, usize> =
        units.iter().enumerate().map(|(i, u)| (u.as_str(), i)).collect();
    let rows = heatmap_rows(conn, &staff, basis, units.len(), |person| {
        column.get(person.unit.as_deref().unwrap_or_default()).copied().unwrap_or(0)
    })
    .await?;
    Ok(GapMap {
        agency_slug: agency.slug,
        agency_name: agency.name,
        basis,
        units,
        rows,
        staff: u32::try_from(staff.len()).unwrap_or(u32::MAX),
        may_act: lead,
    })
}

/// How many civil servants hold one (competency, required level, current level) combination,
/// counted in the database: the province's gaps come from these through the same rule as a cell.
#[derive(FromQueryResult)]
struct LevelCount {
    competency_id: i32,
    required_level: i32,
    /// None: never assessed in the competency.
    current_level: Option<i32>,
    members: i64,
}

impl LevelCount {
    /// The (gap, required level, members) triple `counted_cell` folds.
    fn counted_gap(&self) -> (Gap, i16, u32) {
        let level = |l: i32| i16::try_from(l).unwrap_or(i16::MAX);
        let required = level(self.required_level);
        let gap = Gap::of(required, self.current_level.map(level));
        (gap, required, u32::try_from(self.members).unwrap_or(u32::MAX))
    }
}

/// Every agency's civil servants against `basis`, per competency, as one group (each row's one
/// cell is its total): the province dashboard's largest gaps. One grouped statement over the
/// stored current levels returns at most (competencies × required levels × current levels)
/// counts however many civil servants there are; the gap rule is applied to those here.
/// Province administrators only.
pub async fn province_gaps<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    basis: GapBasis,
) -> Result<Vec<GapMapRow>, AppError> {
    Actor::require(actor.is_province_admin())?;
    let position = match basis {
        GapBasis::Held => "m.position",
        GapBasis::Target => "m.target_position",
    };
    let mut sql = Sql::new(conn.get_database_backend());
    sql.push(
        "SELECT r.competency_id AS competency_id, CAST(r.level AS INTEGER) AS required_level, \
         CAST(l.level AS INTEGER) AS current_level, CAST(COUNT(*) AS BIGINT) AS members \
         FROM memberships m \
         JOIN people p ON p.id = m.person_id AND p.deactivated_at IS NULL \
         JOIN organisations o ON o.id = m.organisation_id",
    );
    sql.push_bound(" AND o.kind <> ", OrganisationKind::University.as_db());
    sql.push(&format!(
        " JOIN positions s ON s.name = TRIM({position}) \
         JOIN position_requirements r ON r.position_id = s.id \
         LEFT JOIN current_levels l \
         ON l.person_id = m.person_id AND l.competency_id = r.competency_id WHERE "
    ));
    sql.push_bound("m.role = ", Role::Asn.as_db());
    sql.push(" GROUP BY r.competency_id, r.level, l.level");
    let counts = LevelCount::find_by_statement(sql.statement()).all(conn).await?;
    let mut groups: HashMap<i32, Vec<(Gap, i16, u32)>> = HashMap::new();
    for count in &counts {
        groups.entry(count.competency_id).or_default().push(count.counted_gap());
    }
    let named = competencies_by_id(conn, groups.keys().copied()).await?;
    let mut rows: Vec<GapMapRow> = groups
        .iter()
        .filter_map(|(id, gaps)| {
            let c = named.get(id)?;
            let total = counted_cell(gaps.iter().copied());
            Some(GapMapRow {
                code: c.code.clone(),
                name_id: c.name_id.clone(),
                name_en: c.name_en.clone(),
                cells: vec![total],
                total,
            })
        })
        .collect();
    most_below_first(&mut rows);
    Ok(rows)
}

/// The civil servants of the agency `slug` (of `unit` only, when given; "" for no unit) whose
/// standard requires the competency `code`, with where each stands.
pub async fn gap_people<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    slug: &str,
    code: &str,
    unit: Option<&str>,
    basis: GapBasis,
) -> Result<GapPeople, AppError> {
    let (agency, lead) = agency_for(conn, actor, slug).await?;
    let found = super::form::competency_by_code(conn, code).await?;
    let staff = staff_profiles(conn, agency.id).await?;
    let standards = standards(conn).await?;
    let in_unit =
        |p: &StaffProfile| unit.is_none_or(|u| p.unit.as_deref().unwrap_or_default() == u);
    let mut gaps = Vec::new();
    let mut people: Vec<(Gap, GapPerson)> = measured(&staff, &standards, basis)
        .filter(|(person, competency_id, _, _)| *competency_id == found.id && in_unit(person))
        .map(|(person, _, required, gap)| {
            gaps.push((gap, required));
            let current = person.current.get(&found.id).map(|c| LevelView {
                level: c.level,
                kind: c.kind,
                on: c.at.with_timezone(&WIB).date_naive(),
            });
            let shown = GapPerson {
                person_id: person.person_id,
                name: person.name.clone(),
                nip: person.nip.clone(),
                unit: person.unit.clone(),
                position: person.measured_against(basis).map(str::to_owned),
                required,
                current,
            };
            (gap, shown)
        })
        .collect();
    // Below first (the largest gap first), then the unassessed, then those who meet it.
    let order = |gap: &Gap| match gap {
        Gap::Below(levels) => (0, -levels),
        Gap::Unassessed => (1, 0),
        Gap::Meets => (2, 0),
    };
    people.sort_by(|(a, p), (b, q)| order(a).cmp(&order(b)).then_with(|| p.name.cmp(&q.name)));
    Ok(GapPeople {
        agency_slug: agency.slug,
        agency_name: agency.name,
        basis,
        code: found.code,
        name_id: found.name_id,
        name_en: found.name_en,
        unit: unit.map(str::to_owned),
        people: people.into_iter().map(|(_, p)| p).collect(),
        cell: cell(&gaps),
        may_act: lead,
    })
}

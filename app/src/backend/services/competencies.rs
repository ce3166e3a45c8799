//! The competency dictionary and the positions' competency standards: read by everyone (public
//! pages, CSV exports), maintained by the province (CSV imports in `dictionary_import`).

use std::collections::HashMap;

use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::backend::entities::{
    competency, competency_level, competency_type, organisation, position, position_requirement,
};
use crate::error::AppError;
use crate::model::{CompetencyTypeView, CompetencyView, PositionRequirementView, PositionView};

/// The whole dictionary, types in their order, competencies by code. Four queries, whatever
/// the size.
pub async fn dictionary<C: ConnectionTrait>(conn: &C) -> Result<Vec<CompetencyTypeView>, AppError> {
    let types = competency_type::Entity::find()
        .order_by_asc(competency_type::Column::SortOrder)
        .all(conn)
        .await?;
    let owners: HashMap<i32, String> = organisation::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.short_name))
        .collect();
    let mut levels: HashMap<i32, Vec<competency_level::Model>> = HashMap::new();
    for level in competency_level::Entity::find().all(conn).await? {
        levels.entry(level.competency_id).or_default().push(level);
    }
    let mut by_type: HashMap<String, Vec<CompetencyView>> = HashMap::new();
    for c in competency::Entity::find().order_by_asc(competency::Column::Code).all(conn).await? {
        let mut described = levels.remove(&c.id).unwrap_or_default();
        described.sort_by_key(|l| l.level);
        by_type.entry(c.type_code.clone()).or_default().push(CompetencyView {
            code: c.code,
            name_id: c.name_id,
            name_en: c.name_en,
            definition_id: c.definition_id,
            owner: c.owner_organisation_id.and_then(|id| owners.get(&id).cloned()),
            indicators: described.iter().map(|l| indicator_lines(&l.indicators)).collect(),
            levels: described.into_iter().map(|l| l.description_id).collect(),
        });
    }
    Ok(types
        .into_iter()
        .map(|t| CompetencyTypeView {
            competencies: by_type.remove(&t.code).unwrap_or_default(),
            code: t.code,
            name_id: t.name_id,
            name_en: t.name_en,
        })
        .collect())
}

/// Every position by code, each with its requirements by competency code. Three queries,
/// whatever the size.
pub async fn positions<C: ConnectionTrait>(conn: &C) -> Result<Vec<PositionView>, AppError> {
    let positions = position::Entity::find().order_by_asc(position::Column::Code).all(conn).await?;
    let competencies: HashMap<i32, competency::Model> =
        competency::Entity::find().all(conn).await?.into_iter().map(|c| (c.id, c)).collect();
    let mut requirements: HashMap<i32, Vec<PositionRequirementView>> = HashMap::new();
    for r in position_requirement::Entity::find().all(conn).await? {
        // The foreign key keeps this from missing; a row without its competency is skipped.
        let Some(c) = competencies.get(&r.competency_id) else { continue };
        requirements.entry(r.position_id).or_default().push(PositionRequirementView {
            competency_code: c.code.clone(),
            name_id: c.name_id.clone(),
            name_en: c.name_en.clone(),
            type_code: c.type_code.clone(),
            level: r.level,
        });
    }
    Ok(positions
        .into_iter()
        .map(|p| {
            let mut required = requirements.remove(&p.id).unwrap_or_default();
            required.sort_by(|a, b| a.competency_code.cmp(&b.competency_code));
            PositionView { code: p.code, name: p.name, requirements: required }
        })
        .collect())
}

/// Stored indicators (one per line) as a list.
pub(crate) fn indicator_lines(stored: &str) -> Vec<String> {
    stored.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// The dictionary as CSV: one row per competency, the five level descriptors as columns.
pub fn dictionary_csv(types: &[CompetencyTypeView]) -> Result<Vec<u8>, AppError> {
    let failed = |e: csv::Error| AppError::internal(e);
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "kode",
            "jenis",
            "nama",
            "name_en",
            "definisi",
            "pemilik",
            "level_1",
            "level_2",
            "level_3",
            "level_4",
            "level_5",
            "indikator_1",
            "indikator_2",
            "indikator_3",
            "indikator_4",
            "indikator_5",
        ])
        .map_err(failed)?;
    for t in types {
        for c in &t.competencies {
            let mut record = vec![
                c.code.clone(),
                t.code.clone(),
                c.name_id.clone(),
                c.name_en.clone(),
                c.definition_id.clone(),
                c.owner.clone().unwrap_or_default(),
            ];
            record.extend((0..5).map(|i| c.levels.get(i).cloned().unwrap_or_default()));
            // Indicators one per line inside the cell, as spreadsheets show them.
            record.extend(
                (0..5).map(|i| c.indicators.get(i).map(|l| l.join("\n")).unwrap_or_default()),
            );
            writer.write_record(&record).map_err(failed)?;
        }
    }
    writer.into_inner().map_err(|e| AppError::internal(e.to_string()))
}

//! Server functions of the dashboards: a civil servant's own, an agency's (its leads and the
//! province), a university's (its members and the province) and the province's (its
//! administrators).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::{AgencyDashboard, AsnDashboard, ProvinceDashboard, UniversityDashboard};

/// The signed-in civil servant's dashboard.
#[server]
pub async fn get_asn_dashboard() -> Result<AsnDashboard, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::dashboards::asn_dashboard(&state.db, &actor).await
    };
    super::report(result.await)
}

/// The dashboard of the agency `slug`.
#[server]
pub async fn get_agency_dashboard(slug: String) -> Result<AgencyDashboard, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::dashboards::agency_dashboard(&state.db, &actor, &slug).await
    };
    super::report(result.await)
}

/// The province's dashboard.
#[server]
pub async fn get_province_dashboard() -> Result<ProvinceDashboard, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::dashboards::province_dashboard(&state.db, &actor).await
    };
    super::report(result.await)
}

/// The dashboard of the university `slug`.
#[server]
pub async fn get_university_dashboard(slug: String) -> Result<UniversityDashboard, AppError> {
    let result = async {
        let (state, actor) = super::state_and_actor()?;
        crate::backend::services::dashboards::university_dashboard(&state.db, &actor, &slug).await
    };
    super::report(result.await)
}

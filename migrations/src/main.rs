//! Stand-alone migration CLI (`cargo run -p migrations -- up`); the server also migrates at start-up.

use sea_orm_migration::prelude::*;

#[tokio::main]
async fn main() {
    cli::run_cli(migrations::Migrator).await;
}

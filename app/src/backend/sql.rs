//! Raw SQL for either database: text with its bound values, in the placeholder style of the
//! connection's backend (`?` for SQLite, `$n` for PostgreSQL). For the few queries sea-orm's
//! builder cannot express well (the catalogue's relevance, matching's candidates).

use sea_orm::{DbBackend, Statement, Value};

/// SQL text with its bound values.
pub(crate) struct Sql {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    pub(crate) fn new(backend: DbBackend) -> Self {
        Self { backend, text: String::with_capacity(1024), values: Vec::new() }
    }

    pub(crate) fn backend(&self) -> DbBackend {
        self.backend
    }

    pub(crate) fn push(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// Binds `value` and returns its placeholder (to be pushed right away: `?` is positional).
    pub(crate) fn bind(&mut self, value: impl Into<Value>) -> String {
        self.values.push(value.into());
        match self.backend {
            DbBackend::Postgres => format!("${}", self.values.len()),
            _ => "?".to_owned(),
        }
    }

    pub(crate) fn push_bound(&mut self, sql_before: &str, value: impl Into<Value>) {
        self.push(sql_before);
        let placeholder = self.bind(value);
        self.push(&placeholder);
    }

    /// `(?, ?, …)` of `values`, for `IN`.
    pub(crate) fn push_list<V: Into<Value>>(&mut self, values: impl IntoIterator<Item = V>) {
        self.push("(");
        for (i, value) in values.into_iter().enumerate() {
            self.push(if i == 0 { "" } else { ", " });
            let placeholder = self.bind(value);
            self.push(&placeholder);
        }
        self.push(")");
    }

    pub(crate) fn statement(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }
}

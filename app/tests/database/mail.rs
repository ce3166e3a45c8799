//! Notifications and their mail on both databases, sent to a real SMTP server on loopback: a
//! proposal tells the agency's leads in the portal and by mail; mail written while SMTP is down
//! waits out the outage and is sent once it is back, exactly once; two workers sharing the
//! database never send the same message twice.

use std::collections::BTreeSet;

use app::backend::entities::{notification, outbox_message};
use app::backend::mail::{MailSettings, Mailer, backoff};
use app::backend::services::seed::seed_demo;
use app::backend::services::{notifications, proposals};
use app::model::NotificationEvent;
use chrono::{Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};

use crate::harness::{each_database, each_database_shared};
use crate::needs::competency_need;
use crate::people::actor;
use crate::proposals::{KOMINFO_LEAD, UNILA_ACADEMIC, open, tailored};
use crate::smtp::{SmtpSink, free_port};

const PORTAL: &str = "https://sinergi.lampung.test";

fn settings(port: u16) -> MailSettings {
    MailSettings {
        smtp_url: format!("smtp://127.0.0.1:{port}"),
        from: "Sinergi <noreply@sinergi.lampung.test>".into(),
        base_url: PORTAL.into(),
    }
}

/// Empties the outbox (the demo data's own mail), so a test counts only its own.
async fn clear_outbox(db: &DatabaseConnection) {
    outbox_message::Entity::delete_many().exec(db).await.unwrap();
}

async fn unsent(db: &DatabaseConnection) -> u64 {
    outbox_message::Entity::find()
        .filter(outbox_message::Column::SentAt.is_null())
        .count(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_proposal_is_mailed_to_the_leads_after_an_smtp_outage_exactly_once() {
    each_database("mail_outage", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        clear_outbox(&db).await;
        let slug = open(&db, &competency_need("Pelayanan Aduan Terpadu Kota")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();

        // The agency's lead is told in the portal…
        let lead = actor(&db, KOMINFO_LEAD).await;
        let centre = notifications::list(&db, &lead).await.unwrap();
        assert_eq!(centre.unread, 1, "{backend:?}");
        assert_eq!(
            centre.items[0].event,
            NotificationEvent::ProposalReceived {
                need: "Pelayanan Aduan Terpadu Kota".into(),
                university: "Universitas Lampung".into(),
            }
        );
        assert_eq!(centre.items[0].link, format!("/kebutuhan/{slug}"));
        // …and by mail, which waits in the outbox.
        let waiting = unsent(&db).await;
        assert!(waiting >= 1, "{backend:?}: one mail per lead");

        // SMTP is down: nothing is lost, each message waits its backoff.
        let port = free_port();
        let mailer = Mailer::new(&settings(port), "worker-a").unwrap();
        let now = Utc::now();
        let round = mailer.run_once(&db, now, 50).await.unwrap();
        assert_eq!((round.sent, round.failed), (0, waiting), "{backend:?}");
        let failed = outbox_message::Entity::find().all(&db).await.unwrap();
        assert!(failed.iter().all(|m| m.attempts == 1 && m.last_error.is_some()));
        assert!(failed.iter().all(|m| m.locked_by.is_none() && m.sent_at.is_none()));
        assert!(failed.iter().all(|m| m.next_attempt_at > now), "retried later, not at once");

        // Back up: nothing is sent before the backoff ends, everything once after it.
        let sink = SmtpSink::start(port);
        assert_eq!(mailer.run_once(&db, now, 50).await.unwrap().sent, 0);
        let later = now + backoff(1) + Duration::seconds(1);
        assert_eq!(mailer.run_once(&db, later, 50).await.unwrap().sent, waiting);
        assert_eq!(mailer.run_once(&db, later + Duration::hours(1), 50).await.unwrap().sent, 0);
        assert_eq!(unsent(&db).await, 0);

        let mail = sink.received();
        assert_eq!(mail.len() as u64, waiting, "{backend:?}: each mail arrived once");
        let to_lead =
            mail.iter().find(|m| m.to.contains(&KOMINFO_LEAD.to_owned())).expect("the lead's mail");
        assert_eq!(to_lead.subject, "Sinergi: Proposal baru untuk “Pelayanan Aduan Terpadu Kota”");
        assert!(
            to_lead.body.contains("Universitas Lampung mengajukan proposal"),
            "{}",
            to_lead.body
        );
        assert!(to_lead.body.contains(&format!("{PORTAL}/kebutuhan/{slug}")), "{}", to_lead.body);
        assert!(to_lead.body.contains(&format!("{PORTAL}/en/kebutuhan/{slug}")), "in English too");
        assert!(to_lead.message_id.starts_with("<outbox-"), "{}", to_lead.message_id);

        // Read: the unread count falls to zero.
        assert_eq!(notifications::mark_all_read(&db, &lead).await.unwrap(), 1);
        assert_eq!(notifications::unread_count(&db, &lead).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn the_university_hears_of_the_decision_with_its_reason() {
    each_database("mail_decision", |db, backend| async move {
        seed_demo(&db).await.unwrap();
        let slug = open(&db, &competency_need("Pengelolaan Aduan Kota")).await;
        let unila = actor(&db, UNILA_ACADEMIC).await;
        let lead = actor(&db, KOMINFO_LEAD).await;
        let id = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();
        proposals::decline(&db, &lead, id, "Jadwal bentrok dengan anggaran.").await.unwrap();
        let told = notifications::list(&db, &unila).await.unwrap();
        assert_eq!(
            told.items[0].event,
            NotificationEvent::ProposalDeclined {
                need: "Pengelolaan Aduan Kota".into(),
                agency: "Dinas Komunikasi, Informatika dan Statistik Provinsi Lampung".into(),
                note: "Jadwal bentrok dengan anggaran.".into(),
            },
            "{backend:?}"
        );
        let again = proposals::propose(&db, &unila, &slug, "unila", &tailored()).await.unwrap();
        proposals::accept(&db, &lead, again).await.unwrap();
        let told = notifications::list(&db, &unila).await.unwrap();
        assert!(matches!(told.items[0].event, NotificationEvent::ProposalAccepted { .. }));
        assert_eq!(told.unread, 2);
        // The coordinator of the university hears too, the lead of another agency not.
        let coordinator = actor(&db, "koordinator@unila.sinergi.example").await;
        assert_eq!(notifications::unread_count(&db, &coordinator).await.unwrap(), 2);
        let elsewhere = actor(&db, "kasubbag@bkd.sinergi.example").await;
        assert_eq!(notifications::unread_count(&db, &elsewhere).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn two_workers_sharing_the_database_send_each_mail_once() {
    each_database_shared("mail_two_workers", 2, |pools, backend| async move {
        let now = Utc::now();
        outbox_message::Entity::insert_many((0..40).map(|i| outbox_message::ActiveModel {
            recipient: Set(format!("asn{i}@dinas.lampung.test")),
            subject: Set(format!("Pesan {i}")),
            body: Set(format!("Isi pesan {i}.")),
            created_at: Set(now),
            next_attempt_at: Set(now),
            attempts: Set(0),
            ..Default::default()
        }))
        .exec(&pools[0])
        .await
        .unwrap();
        let port = free_port();
        let sink = SmtpSink::start(port);
        let work = |db: DatabaseConnection, name: &'static str| async move {
            let mailer = Mailer::new(&settings(port), name).unwrap();
            let mut sent = 0;
            // Small batches, so that both workers are busy at the same time.
            loop {
                match mailer.run_once(&db, Utc::now(), 3).await.unwrap().sent {
                    0 => break sent,
                    n => sent += n,
                }
            }
        };
        let (a, b) =
            tokio::join!(work(pools[0].clone(), "worker-a"), work(pools[1].clone(), "worker-b"));
        assert_eq!(a + b, 40, "{backend:?}: {a} + {b}");

        let mail = sink.received();
        let ids: BTreeSet<&str> = mail.iter().map(|m| m.message_id.as_str()).collect();
        assert_eq!((mail.len(), ids.len()), (40, 40), "{backend:?}: no message twice");
        let rows = outbox_message::Entity::find().all(&pools[0]).await.unwrap();
        assert!(rows.iter().all(|m| m.sent_at.is_some() && m.attempts == 1), "{backend:?}");
        assert_eq!(notification::Entity::find().count(&pools[0]).await.unwrap(), 0);
    })
    .await;
}

#[tokio::test]
async fn a_message_that_keeps_failing_is_abandoned_after_its_last_attempt() {
    use app::backend::mail::MAX_ATTEMPTS;
    each_database("mail_abandoned", |db, backend| async move {
        let now = Utc::now();
        let row = outbox_message::ActiveModel {
            recipient: Set("asn@dinas.lampung.test".into()),
            subject: Set("Pesan".into()),
            body: Set("Isi.".into()),
            created_at: Set(now),
            next_attempt_at: Set(now),
            // One attempt left.
            attempts: Set(MAX_ATTEMPTS - 1),
            ..Default::default()
        };
        outbox_message::Entity::insert(row).exec(&db).await.unwrap();
        let mailer = Mailer::new(&settings(free_port()), "worker-a").unwrap();
        assert_eq!(mailer.run_once(&db, now, 10).await.unwrap().failed, 1, "{backend:?}");
        let given_up = outbox_message::Entity::find().one(&db).await.unwrap().unwrap();
        assert!(given_up.abandoned_at.is_some() && given_up.last_error.is_some(), "{backend:?}");
        assert_eq!(given_up.attempts, MAX_ATTEMPTS);
        // Never claimed again, however late.
        let much_later = now + Duration::days(30);
        assert_eq!(mailer.run_once(&db, much_later, 10).await.unwrap(), Default::default());
    })
    .await;
}

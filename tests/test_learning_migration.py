"""Schema 0004 (learning) on a ledger written by the version before: every row is kept, old
decisions keep their meaning, and an old finding can still be decided on and learned from."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from scopewatch.store import db, decisions
from scopewatch.store.learned import entries, knowledge
from scopewatch.store.ledger import Ledger


def test_upgrade_from_0003_keeps_the_ledger_and_old_findings_teach(ledger_url):
    engine = db.make_engine(ledger_url)
    try:
        db.upgrade(engine, "0003")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO client (id, name) VALUES ('dana', 'Dana Office')"))
            conn.execute(text(
                "INSERT INTO message (id, account, identity, folder, key, client_id, language, verdict, processed_at, date) "
                "VALUES (1, 'work', '<a@x>', 'INBOX', '7:1', 'dana', 'en', 'out_of_scope', '2026-03-02 09:00:00', "
                "'2026-03-02 09:00:00')"))
            for fid, status in ((1, "dismissed"), (2, "new")):
                conn.execute(text(
                    "INSERT INTO finding (id, message_pk, verdict, category, evidence, start, \"end\", part, rules, "
                    "confidence, review, explanation, matched_terms, status, created_at) VALUES "
                    f"({fid}, 1, 'out_of_scope', 'new_work', 'Could you shift my Friday call with Tom to Monday?', 0, 50, "
                    f"'body', '[\"EN_ASK_COULD_YOU\"]', 0.4, {'true' if engine.dialect.name == 'postgresql' else 1}, "
                    f"'asks for something', '[]', '{status}', '2026-03-02 09:00:00')"))
            conn.execute(text(
                "INSERT INTO event (finding_id, from_status, to_status, who, at, why) VALUES "
                "(1, 'new', 'dismissed', 'mila', '2026-03-02 10:00:00', 'covered by the March quote')"))
        db.upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM finding")).scalar() == 2
            assert conn.execute(text("SELECT why, decision FROM event")).one() == ("covered by the March quote", None)
            assert conn.execute(text("SELECT work_words, learned_id FROM finding WHERE id = 1")).one() == (None, None)
    finally:
        engine.dispose()

    ledger = Ledger.open(ledger_url)
    try:
        old = ledger.finding(1)
        assert old.status == "dismissed" and old.work_words is None
        assert ledger.events(1)[-1].why == "covered by the March quote"
        assert entries(ledger) == [] and knowledge(ledger) == {}  # an old free-text decision taught nothing
        # A finding stored before learning existed: its work words come from its sentence.
        done = decisions.dismiss(ledger, 2, who="mila", in_scope="calendar")
        assert done.learned[0].words == ["shift", "call"]
        assert [e.words for e in knowledge(ledger)["dana"].entries] == [frozenset({"shift", "call"})]
    finally:
        ledger.close()

    engine = db.make_engine(ledger_url)
    try:
        with engine.begin() as conn:
            command.downgrade(db.alembic_config(conn), "0003")
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM finding")).scalar() == 2
    finally:
        engine.dispose()

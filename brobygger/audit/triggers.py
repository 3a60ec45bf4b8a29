"""Database guards that make the access log append-only (security.md R30).

UPDATE is always refused. DELETE is refused unless a row exists in
audit_retentiongrant, which only the retention job writes, inside its own
transaction.
"""

TABLE = "audit_accesslog"
GRANT = "audit_retentiongrant"

POSTGRES_CREATE = [
    f"""
    CREATE OR REPLACE FUNCTION audit_accesslog_guard() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM {GRANT}) THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_accesslog is append-only (% refused)', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END;
    $$ LANGUAGE plpgsql;
    """,
    f"""
    CREATE TRIGGER audit_accesslog_append_only
    BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_accesslog_guard();
    """,
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS audit_accesslog_append_only ON {TABLE};",
    "DROP FUNCTION IF EXISTS audit_accesslog_guard();",
]

SQLITE_CREATE = [
    f"""
    CREATE TRIGGER IF NOT EXISTS audit_accesslog_no_update
    BEFORE UPDATE ON {TABLE}
    BEGIN SELECT RAISE(ABORT, 'audit_accesslog is append-only (UPDATE refused)'); END;
    """,
    f"""
    CREATE TRIGGER IF NOT EXISTS audit_accesslog_no_delete
    BEFORE DELETE ON {TABLE}
    WHEN NOT EXISTS (SELECT 1 FROM {GRANT})
    BEGIN SELECT RAISE(ABORT, 'audit_accesslog is append-only (DELETE refused)'); END;
    """,
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS audit_accesslog_no_update;",
    "DROP TRIGGER IF EXISTS audit_accesslog_no_delete;",
]


def statements(vendor, create=True):
    if vendor == "postgresql":
        return POSTGRES_CREATE if create else POSTGRES_DROP
    if vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    raise NotImplementedError(f"No append-only guard for database vendor {vendor!r}")

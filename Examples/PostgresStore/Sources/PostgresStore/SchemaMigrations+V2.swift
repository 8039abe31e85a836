extension SchemaMigrations {
    /// Version 2: the columns every ticket query filters and sorts by, the ticket's assets, and the
    /// tables of the directory, the clients, labor, ratings and idempotency records.
    ///
    /// Instants are `double precision` seconds since the reference date (2001-01-01 UTC), exactly
    /// `Date.timeIntervalSinceReferenceDate`: microsecond timestamps would not round-trip every `Date`.
    /// Sort keys that must follow Swift's byte order (titles, requesters, folded emails) are `bytea`,
    /// compared byte by byte like `TextMatching`. Every record keeps its whole JSON in `body`.
    /// No writer existed before version 2, so the new `NOT NULL` columns need no defaults.
    static let version2 = Migration(
        version: 2, name: "query columns, directory, clients, labor, ratings, idempotency",
        statements: [
            """
            ALTER TABLE tickets
                ALTER COLUMN created_at TYPE double precision
                    USING extract(epoch FROM created_at) - 978307200,
                ADD COLUMN status text NOT NULL,
                ADD COLUMN priority bigint NOT NULL,
                ADD COLUMN channel text COLLATE "C" NOT NULL,
                ADD COLUMN category_id uuid,
                ADD COLUMN assignee_id uuid,
                ADD COLUMN group_id uuid,
                ADD COLUMN location_id uuid,
                ADD COLUMN contract_id uuid,
                ADD COLUMN requester bytea NOT NULL,
                ADD COLUMN requester_order bytea NOT NULL,
                ADD COLUMN title_folded bytea NOT NULL,
                ADD COLUMN title_lowered bytea NOT NULL,
                ADD COLUMN title_bytes bytea NOT NULL,
                ADD COLUMN updated_at double precision NOT NULL,
                ADD COLUMN postponed_until double precision,
                ADD COLUMN sla_condition text NOT NULL,
                ADD COLUMN sla_next_due double precision,
                ADD COLUMN sla_next_check double precision
            """,
            "CREATE INDEX tickets_created ON tickets (created_at, number)",
            "CREATE INDEX tickets_updated ON tickets (updated_at, number)",
            "CREATE INDEX tickets_status ON tickets (status, number)",
            "CREATE INDEX tickets_assignee ON tickets (assignee_id, number)",
            "CREATE INDEX tickets_group ON tickets (group_id, number)",
            "CREATE INDEX tickets_requester ON tickets (requester)",
            """
            CREATE INDEX tickets_postponed ON tickets (postponed_until, number)
                WHERE postponed_until IS NOT NULL
            """,
            """
            CREATE INDEX tickets_sla_check ON tickets (sla_next_check, number)
                WHERE sla_next_check IS NOT NULL
            """,
            "CREATE INDEX tickets_sla_due ON tickets (sla_next_due, number) WHERE sla_next_due IS NOT NULL",
            """
            CREATE TABLE ticket_assets (
                ticket_id uuid NOT NULL REFERENCES tickets (id),
                asset_id uuid NOT NULL,
                PRIMARY KEY (ticket_id, asset_id)
            )
            """,
            "CREATE INDEX ticket_assets_asset ON ticket_assets (asset_id)",
            "CREATE TABLE employees (id uuid PRIMARY KEY, is_active boolean NOT NULL, body bytea NOT NULL)",
            "CREATE TABLE support_groups (id uuid PRIMARY KEY, body bytea NOT NULL)",
            "CREATE TABLE service_categories (id uuid PRIMARY KEY, body bytea NOT NULL)",
            "CREATE TABLE companies (id uuid PRIMARY KEY, body bytea NOT NULL)",
            "CREATE TABLE locations (id uuid PRIMARY KEY, company_id uuid NOT NULL, body bytea NOT NULL)",
            "CREATE INDEX locations_company ON locations (company_id)",
            // Unique keys are deferred to the commit, so one unit may swap two contacts' emails.
            """
            CREATE TABLE contacts (
                id uuid PRIMARY KEY,
                company_id uuid NOT NULL,
                email_folded bytea,
                is_active boolean NOT NULL,
                body bytea NOT NULL,
                CONSTRAINT contacts_email_unique UNIQUE (email_folded) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            "CREATE INDEX contacts_company ON contacts (company_id)",
            """
            CREATE TABLE contracts (
                id uuid PRIMARY KEY,
                company_id uuid NOT NULL,
                number_folded bytea NOT NULL,
                body bytea NOT NULL,
                CONSTRAINT contracts_number_unique UNIQUE (number_folded) DEFERRABLE INITIALLY DEFERRED
            )
            """,
            "CREATE INDEX contracts_company ON contracts (company_id)",
            "CREATE TABLE asset_models (id uuid PRIMARY KEY, body bytea NOT NULL)",
            """
            CREATE TABLE assets (
                id uuid PRIMARY KEY,
                company_id uuid NOT NULL,
                location_id uuid NOT NULL,
                model_id uuid NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX assets_company ON assets (company_id)",
            """
            CREATE TABLE time_entries (
                id uuid PRIMARY KEY,
                ticket_id uuid NOT NULL REFERENCES tickets (id),
                employee_id uuid NOT NULL,
                work_date integer NOT NULL,
                revision bigint NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX time_entries_ticket ON time_entries (ticket_id)",
            "CREATE INDEX time_entries_employee ON time_entries (employee_id, work_date)",
            "CREATE INDEX time_entries_date ON time_entries (work_date)",
            """
            CREATE TABLE employee_rates (
                employee_id uuid NOT NULL,
                valid_from integer NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (employee_id, valid_from)
            )
            """,
            """
            CREATE TABLE rating_requests (
                id uuid PRIMARY KEY,
                token text NOT NULL UNIQUE,
                ticket_id uuid NOT NULL REFERENCES tickets (id),
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX rating_requests_ticket ON rating_requests (ticket_id)",
            """
            CREATE TABLE ratings (
                id uuid PRIMARY KEY,
                request_id uuid NOT NULL UNIQUE REFERENCES rating_requests (id),
                ticket_id uuid NOT NULL,
                assignee_id uuid,
                rated_at double precision NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX ratings_ticket ON ratings (ticket_id)",
            "CREATE INDEX ratings_rated ON ratings (rated_at)",
            """
            CREATE TABLE idempotency_records (
                key text COLLATE "C" PRIMARY KEY,
                expires_at double precision NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX idempotency_records_expiry ON idempotency_records (expires_at, key)",
        ])
}

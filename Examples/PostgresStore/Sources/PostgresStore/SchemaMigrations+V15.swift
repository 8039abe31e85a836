extension SchemaMigrations {
    /// Version 15: the knowledge base (#21). Sections (a tree: the parent is a foreign key, cycles
    /// are refused by the adapter under the stamp's row lock), articles with the columns the review
    /// tick filters by, their links (for marking articles when a linked record changes), versions
    /// (one row per article and number) and citations in comments. One row counts the changes of
    /// sections and articles (the knowledge stamp, like the rule-set stamp of version 11): the
    /// adapter raises it before it writes, and a statement trigger for any other writer.
    static let version15 = Migration(
        version: 15, name: "knowledge base",
        statements: [
            """
            CREATE TABLE knowledge_sections (
                id uuid PRIMARY KEY,
                parent_id uuid REFERENCES knowledge_sections (id),
                audience text NOT NULL,
                revision integer NOT NULL,
                body bytea NOT NULL
            )
            """,
            """
            CREATE TABLE knowledge_articles (
                id uuid PRIMARY KEY,
                section_id uuid NOT NULL REFERENCES knowledge_sections (id),
                revision integer NOT NULL,
                review_due_at double precision,
                review_marked boolean NOT NULL,
                archived_at double precision,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX knowledge_articles_section ON knowledge_articles (section_id)",
            """
            CREATE INDEX knowledge_articles_due ON knowledge_articles (review_due_at, id)
            WHERE NOT review_marked AND review_due_at IS NOT NULL
            """,
            "CREATE INDEX knowledge_articles_marked ON knowledge_articles (id) WHERE review_marked",
            """
            CREATE TABLE knowledge_article_links (
                link text NOT NULL,
                article_id uuid NOT NULL REFERENCES knowledge_articles (id),
                PRIMARY KEY (link, article_id)
            )
            """,
            """
            CREATE TABLE knowledge_versions (
                article_id uuid NOT NULL REFERENCES knowledge_articles (id),
                number integer NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (article_id, number)
            )
            """,
            """
            CREATE TABLE knowledge_citations (
                id uuid PRIMARY KEY,
                article_id uuid NOT NULL REFERENCES knowledge_articles (id),
                ticket_id uuid NOT NULL REFERENCES tickets (id),
                cited_at double precision NOT NULL,
                body bytea NOT NULL
            )
            """,
            "CREATE INDEX knowledge_citations_article ON knowledge_citations (article_id)",
            "CREATE INDEX knowledge_citations_ticket ON knowledge_citations (ticket_id)",
            "CREATE INDEX knowledge_citations_cited ON knowledge_citations (cited_at)",
            """
            CREATE TABLE knowledge_stamp (
                only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                changes bigint NOT NULL
            )
            """,
            "INSERT INTO knowledge_stamp (changes) VALUES (0)",
            """
            CREATE FUNCTION knowledge_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                UPDATE knowledge_stamp SET changes = changes + 1;
                RETURN NULL;
            END
            $$
            """,
            """
            CREATE TRIGGER knowledge_sections_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_sections
            FOR EACH STATEMENT EXECUTE FUNCTION knowledge_changed()
            """,
            """
            CREATE TRIGGER knowledge_articles_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON knowledge_articles
            FOR EACH STATEMENT EXECUTE FUNCTION knowledge_changed()
            """,
        ])
}

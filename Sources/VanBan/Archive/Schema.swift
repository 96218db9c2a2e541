import GRDB

/// The archive's tables. An archive records the schema version and the vanban version that
/// built it; one of another schema version is rebuilt, never read half-understood.
enum Schema {
    static let version = 3
    static let vanbanVersion = "0.1.0"
    /// Raised when parsing or extraction changes, so existing archives are rebuilt.
    static let pipelineVersion = 8

    /// What an archive must record to be updated in place rather than rebuilt.
    static func buildKey(rules: RuleSet) -> String { "\(rules.fingerprint)-pipeline\(pipelineVersion)" }

    static let statements = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL, mtime REAL NOT NULL, hash TEXT NOT NULL, encoding TEXT NOT NULL,
            symbol TEXT, num_key TEXT, type_key TEXT, issuer_key TEXT, number_year INTEGER,
            type_code TEXT, type_name TEXT,
            issuer TEXT, issuer_code TEXT, parent_issuer TEXT, issuer_name_key TEXT,
            place TEXT, date TEXT, year INTEGER, title TEXT,
            signer TEXT, signer_role TEXT, recipients TEXT NOT NULL DEFAULT '[]',
            province TEXT, source TEXT, missing TEXT NOT NULL DEFAULT '',
            sections INTEGER NOT NULL DEFAULT 0, text BLOB NOT NULL DEFAULT x'')
        """,
        "CREATE INDEX documents_number ON documents(num_key, type_key)",
        "CREATE INDEX documents_year ON documents(year)",
        """
        CREATE TABLE passages(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, line INTEGER NOT NULL,
            start INTEGER NOT NULL, heading_length INTEGER NOT NULL, body_length INTEGER NOT NULL)
        """,
        "CREATE INDEX passages_document ON passages(document_id, ordinal)",
        // The passages with their text, read from the document's stored block (see StoredText);
        // passage 0 is the title passage, whose text goes in the title column.
        """
        CREATE VIEW passage_texts(id, document_id, ordinal, line, title, heading, body) AS
            SELECT p.id, p.document_id, p.ordinal, p.line,
                CASE p.ordinal WHEN 0 THEN vv_text(d.text, p.start, p.body_length) ELSE '' END,
                vv_text(d.text, p.start, p.heading_length),
                CASE p.ordinal WHEN 0 THEN '' ELSE vv_text(d.text, p.start + p.heading_length, p.body_length) END
            FROM passages p JOIN documents d ON d.id = p.document_id
        """,
        // Written by DocumentWriter, row by row and without triggers (see there).
        """
        CREATE VIRTUAL TABLE passages_fts USING fts5(title, heading, body,
            content='passage_texts', content_rowid='id', tokenize='vietnamese', detail=full)
        """,
        "CREATE TABLE problems(path TEXT PRIMARY KEY, message TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE citations(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, passage INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
            kind TEXT NOT NULL, text TEXT NOT NULL, symbol TEXT, num_key TEXT, type_key TEXT, issuer_key TEXT,
            number_year INTEGER, named TEXT, type_code TEXT, date TEXT, issuer TEXT, title TEXT,
            relation TEXT NOT NULL, cue TEXT, subject INTEGER, refers_to INTEGER, note TEXT,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL)
        """,
        "CREATE INDEX citations_document ON citations(document_id, ordinal)",
        """
        CREATE TABLE nodes(
            id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, document_id INTEGER,
            symbol TEXT, name TEXT NOT NULL, num_key TEXT, type_key TEXT, issuer_key TEXT,
            type_code TEXT, date TEXT, issuer TEXT, title TEXT, conflicts TEXT NOT NULL DEFAULT '[]')
        """,
        "CREATE INDEX nodes_number ON nodes(num_key, type_key)",
        """
        CREATE TABLE links(
            id INTEGER PRIMARY KEY, citation_id INTEGER NOT NULL, source INTEGER NOT NULL, target INTEGER,
            relation TEXT NOT NULL, status TEXT NOT NULL, note TEXT)
        """,
        "CREATE INDEX links_source ON links(source)",
        "CREATE INDEX links_target ON links(target)",
        """
        CREATE TABLE requirements(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, passage INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
            action_start INTEGER NOT NULL, schedule TEXT, targets TEXT NOT NULL, basis TEXT NOT NULL, highlights TEXT NOT NULL, months TEXT NOT NULL)
        """,
        "CREATE INDEX requirements_document ON requirements(document_id, ordinal)",
        // Actor names repeat across requirements: each is stored once.
        "CREATE TABLE actors(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key TEXT NOT NULL)",
        "CREATE INDEX actors_key ON actors(key)",
        """
        CREATE TABLE requirement_actors(
            requirement_id INTEGER NOT NULL REFERENCES requirements(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, actor_id INTEGER NOT NULL REFERENCES actors(id), role TEXT NOT NULL,
            PRIMARY KEY(requirement_id, ordinal)) WITHOUT ROWID
        """,
        "CREATE INDEX requirement_actors_actor ON requirement_actors(actor_id)",
        "CREATE TABLE term_docs(term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID",
        // Where a document's text came from (see SourceReader): its file's format, pages and
        // conversion notes (with the header parser's: a number or day left blank), whether OCR
        // read it, what is given of a date without its day or a number left blank, and the page
        // of each passage.
        "ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text'",
        "ALTER TABLE documents ADD COLUMN pages INTEGER",
        "ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE documents ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN partial_date TEXT",
        "ALTER TABLE documents ADD COLUMN partial_number TEXT",
        "ALTER TABLE passages ADD COLUMN page INTEGER",
    ]

    /// Counts the passages holding each indexed form, for ranking (see vvrank in CVietText):
    /// one pass over the index at build time instead of one per query and term.
    static func countTerms(_ db: Database) throws {
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.passages_vocab;
            CREATE VIRTUAL TABLE temp.passages_vocab USING fts5vocab(main, passages_fts, 'row');
            DELETE FROM term_docs;
            INSERT INTO term_docs SELECT term, doc FROM temp.passages_vocab;
            DROP TABLE temp.passages_vocab;
            INSERT OR REPLACE INTO meta VALUES ('passages', (SELECT count(*) FROM passages));
            """)
    }

    static func create(_ db: Database, buildKey: String) throws {
        // Pages freed by FTS5's segment merges go back at commit instead of staying in the file;
        // 16 KB pages pack documents' stored text (a few KB a row) with little left empty.
        try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA auto_vacuum = FULL")
        for statement in statements { try db.execute(sql: statement) }
        try db.execute(sql: "INSERT INTO meta VALUES ('schema_version', ?), ('vanban_version', ?), ('rules', ?)",
                       arguments: ["\(version)", vanbanVersion, buildKey])
    }

    /// The schema version an archive records, if it records one.
    static func storedVersion(_ db: Database) throws -> Int? {
        guard try db.tableExists("meta") else { return nil }
        return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'").flatMap(Int.init)
    }

    /// Why an archive cannot be read by this build, if it cannot.
    static func incompatibility(_ db: Database) throws -> String? {
        guard try db.tableExists("meta") else { return "it has no vanban metadata" }
        let builtBy = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'vanban_version'") ?? "?"
        guard let number = try storedVersion(db) else { return "it has no schema version" }
        if number < version {
            return "it has schema version \(number) (vanban \(builtBy)); this vanban reads version \(version): run `vanban index` to rebuild it"
        }
        if number > version {
            return "it has schema version \(number), written by a newer vanban (\(builtBy)); upgrade vanban to read it"
        }
        return nil
    }
}

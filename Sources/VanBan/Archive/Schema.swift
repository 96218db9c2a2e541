import GRDB

/// The archive's tables. An archive records the schema version and the vanban version that
/// built it; one of another schema version is rebuilt, never read half-understood.
enum Schema {
    static let version = 10
    static let vanbanVersion = "0.1.0"
    /// Raised when parsing or extraction changes, so existing archives are rebuilt.
    static let pipelineVersion = 23

    /// What an archive must record to be updated in place rather than rebuilt.
    static func buildKey(rules: RuleSet) -> String { "\(rules.fingerprint)-pipeline\(pipelineVersion)" }

    static let statements = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        // AUTOINCREMENT: an id is never given again, so postings of a removed document that
        // are still in an older segment of the search index can never be read as another's.
        """
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL, mtime REAL NOT NULL, hash TEXT NOT NULL, encoding TEXT NOT NULL,
            symbol TEXT, num_key TEXT, type_key TEXT, issuer_key TEXT, number_year INTEGER,
            type_code TEXT, type_name TEXT,
            issuer TEXT, issuer_code TEXT, parent_issuer TEXT, issuer_name_key TEXT,
            place TEXT, date TEXT, year INTEGER, title TEXT,
            signer TEXT, signer_role TEXT, recipients TEXT NOT NULL DEFAULT '[]',
            province TEXT, source TEXT, missing TEXT NOT NULL DEFAULT '',
            sections INTEGER NOT NULL DEFAULT 0, unmarked INTEGER NOT NULL DEFAULT 0,
            tokens INTEGER NOT NULL DEFAULT 0, title_tokens INTEGER NOT NULL DEFAULT 0,
            heading_tokens INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX documents_number ON documents(num_key, type_key)",
        "CREATE INDEX documents_year ON documents(year)",
        // A document's text, compressed in one block (see StoredText), apart from its metadata
        // so that scans of the metadata never read it; and where each body passage's heading and
        // body start among its tokens (see TokenStarts), which a search reads with it.
        """
        CREATE TABLE texts(
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            title_length INTEGER NOT NULL, heading_start INTEGER NOT NULL, heading_length INTEGER NOT NULL,
            body_start INTEGER NOT NULL, body_length INTEGER NOT NULL, block BLOB NOT NULL, tokens BLOB NOT NULL)
        """,
        // Each passage's line, where its heading and body lie in the block, and the page it starts
        // on when its file has pages. Keyed by document and ordinal, the only way passages are
        // read: a rowid of their own and an index on (document_id, ordinal) beside it took 5 MB
        // of 20,000 documents' archive.
        """
        CREATE TABLE passages(
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL, line INTEGER NOT NULL,
            heading_start INTEGER NOT NULL, heading_length INTEGER NOT NULL,
            body_start INTEGER NOT NULL, body_length INTEGER NOT NULL, page INTEGER,
            PRIMARY KEY(document_id, ordinal)) WITHOUT ROWID
        """,
        // The passages with their text, read from the document's stored block; passage 0 is the
        // title passage, whose text goes in the title column. vv_stored_text reads the block by
        // the document's id: handed t.block, every row of a large document copied its whole block.
        """
        CREATE VIEW passage_texts(document_id, ordinal, line, page, title, heading, body) AS
            SELECT p.document_id, p.ordinal, p.line, p.page,
                CASE p.ordinal WHEN 0 THEN vv_stored_text(p.document_id, p.body_start, p.body_length) ELSE '' END,
                vv_stored_text(p.document_id, p.heading_start, p.heading_length),
                CASE p.ordinal WHEN 0 THEN '' ELSE vv_stored_text(p.document_id, p.body_start, p.body_length) END
            FROM passages p
        """,
        // What FTS5 indexes of each document: its title passage, its heading paths and its bodies,
        // passages apart (see StoredText), marked as unmarked text where it is (see VietText).
        """
        CREATE VIEW document_columns(id, title, heading, body) AS
            SELECT t.document_id,
                CASE d.unmarked WHEN 1 THEN char(57344) ELSE '' END || vv_text(t.block, 0, t.title_length),
                CASE d.unmarked WHEN 1 THEN char(57344) ELSE '' END || vv_text(t.block, t.heading_start, t.heading_length),
                CASE d.unmarked WHEN 1 THEN char(57344) ELSE '' END || vv_text(t.block, t.body_start, t.body_length)
            FROM texts t JOIN documents d ON d.id = t.document_id
        """,
        // Written by DocumentWriter, row by row and without triggers (see there).
        """
        CREATE VIRTUAL TABLE documents_fts USING fts5(title, heading, body,
            content='document_columns', content_rowid='id', tokenize='vietnamese', detail=full)
        """,
        // FTS5 writes its pending terms out as a segment whenever they take `hashsize` bytes (1 MB
        // by default), and merges segments as it goes: with 8 to 64 MB, fewer are written and
        // merged, and the inserts of 20,000 documents' columns took 5.2–5.5 s instead of 6.1–6.7.
        "INSERT INTO documents_fts(documents_fts, rank) VALUES ('hashsize', 33554432)",
        "CREATE TABLE problems(path TEXT PRIMARY KEY, message TEXT NOT NULL) WITHOUT ROWID",
        // A document's citations are found by its range of ids (documents.first_citation), not by
        // an index on document_id; see there.
        """
        CREATE TABLE citations(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL,
            ordinal INTEGER NOT NULL, passage INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
            kind TEXT NOT NULL, text TEXT, symbol TEXT, num_key TEXT, type_key TEXT, issuer_key TEXT,
            number_year INTEGER, named TEXT, type_code TEXT, date TEXT, issuer TEXT, title TEXT,
            relation TEXT NOT NULL, cue TEXT, subject INTEGER, refers_to INTEGER, note TEXT,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL)
        """,
        // A citation's words: `citations.text` when the finder gives them otherwise than the
        // passage has them (spaces collapsed, a law's own name), else the passage's code points
        // from start to end, as nearly all are; for those the column is NULL (it took 2.2 MB of
        // 20,000 documents' archive).
        """
        CREATE VIEW citation_texts(id, text) AS
            SELECT c.id, coalesce(c.text, substr(CASE c.passage WHEN 0 THEN p.title ELSE p.body END, c.start + 1, c."end" - c.start))
            FROM citations c JOIN passage_texts p ON p.document_id = c.document_id AND p.ordinal = c.passage
        """,
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
        // Found by their document's range of ids (documents.first_requirement), like citations.
        """
        CREATE TABLE requirements(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL,
            ordinal INTEGER NOT NULL, passage INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,
            action_start INTEGER NOT NULL, schedule TEXT, targets TEXT NOT NULL, basis TEXT NOT NULL, highlights TEXT NOT NULL, months TEXT NOT NULL)
        """,
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
        // The search index (see SearchIndex): postings of each term, a row a segment, and each
        // term's document count over the live documents.
        """
        CREATE TABLE search_postings(
            id INTEGER PRIMARY KEY, term TEXT NOT NULL, segment INTEGER NOT NULL, count INTEGER NOT NULL,
            docs BLOB NOT NULL, positions BLOB)
        """,
        "CREATE UNIQUE INDEX search_postings_term ON search_postings(term, segment)",
        "CREATE INDEX search_postings_segment ON search_postings(segment)",
        "CREATE TABLE search_terms(term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID",
        // Every document's length and facets, packed for the search (see SearchTable).
        "CREATE TABLE search_table(id INTEGER PRIMARY KEY CHECK (id = 1), blob BLOB NOT NULL, labels TEXT NOT NULL)",
        // Where a document's text came from (see SourceReader): its file's format, pages and
        // conversion notes (with the header parser's: a number or day left blank), whether OCR
        // read it, and what is given of a date without its day or a number left blank (a
        // passage's page is in `passages`).
        "ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text'",
        "ALTER TABLE documents ADD COLUMN pages INTEGER",
        "ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE documents ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN partial_date TEXT",
        "ALTER TABLE documents ADD COLUMN partial_number TEXT",
        // What a citation says beyond its relation (see Citation): the document a passive agent
        // acts on, the part it names, when the relation takes effect ("2024-07-01" or
        // "on-effect"), a name's year or term, and the short name the text defines for it; a
        // link's part and effect; a named node's name and year or term, for lookups by name.
        "ALTER TABLE citations ADD COLUMN object INTEGER",
        "ALTER TABLE citations ADD COLUMN part TEXT",
        "ALTER TABLE citations ADD COLUMN effect TEXT",
        "ALTER TABLE citations ADD COLUMN term TEXT",
        "ALTER TABLE citations ADD COLUMN defines TEXT",
        "ALTER TABLE links ADD COLUMN part TEXT",
        "ALTER TABLE links ADD COLUMN effect TEXT",
        "ALTER TABLE nodes ADD COLUMN name_key TEXT",
        "ALTER TABLE nodes ADD COLUMN term TEXT",
        "CREATE INDEX nodes_name ON nodes(name_key)",
        // The node of a document: where each citation is stated, for `refs`, `cited-by` and a
        // document's page (without it, a scan of every node per citation: 40 s for the 23,000
        // citations of 25-NQ/TW among 100,000 documents).
        "CREATE INDEX nodes_document ON nodes(document_id) WHERE document_id IS NOT NULL",
        // A document's own effect clause (see EffectFinder): how it says it takes effect
        // ('date', 'signing', 'after-signing'; NULL when it says nothing), the day or the days,
        // the first day it is no longer in force when it says, and the sentences that say so.
        """
        CREATE TABLE effects(
            document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            start_kind TEXT, start_date TEXT, days INTEGER, ends TEXT,
            start_passage INTEGER, start_sentence TEXT, end_passage INTEGER, end_sentence TEXT)
        """,
        // Every node's validity (see ValidityGraph), derived again at each index run from the
        // links and the effect clauses: its record as JSON, and the first day it stops standing
        // in full or is suspended ('' when that day is not known; NULL when nothing stops it),
        // which `search --in-force` reads.
        """
        CREATE TABLE validity(
            node_id INTEGER PRIMARY KEY, document_id INTEGER, stops TEXT, record TEXT NOT NULL)
        """,
        "CREATE INDEX validity_document ON validity(document_id)",
        // Where a document's citations and requirements lie: ids are given in document order, a
        // document's all at once and in ordinal order, so its citations are the ids first_citation
        // to first_citation + citation_count - 1 (first_citation is NULL when it has none), and so
        // are its requirements. Found by these ranges, the two tables need no index on
        // (document_id, ordinal), which took 4.8 MB of 20,000 documents' archive; nor a foreign
        // key to documents, whose cascade would search them whole for each removed document:
        // DocumentWriter removes them by range. Ordered by id, they are in (document_id, ordinal)
        // order.
        "ALTER TABLE documents ADD COLUMN first_citation INTEGER",
        "ALTER TABLE documents ADD COLUMN citation_count INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE documents ADD COLUMN first_requirement INTEGER",
        "ALTER TABLE documents ADD COLUMN requirement_count INTEGER NOT NULL DEFAULT 0",
    ]

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

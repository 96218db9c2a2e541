import Foundation

/// A document with everything extracted from it: what the writer stores.
struct AnalysedDocument {
    let parsed: ParsedDocument
    let citations: [Citation]
    let requirements: [Requirement]
    /// What its text says of when it takes effect and stops.
    let effect: EffectClause
    let stored: StoredText
    /// Written without any Vietnamese marks (see ``VietText/isUnmarked(_:)``).
    let unmarked: Bool
    let columns: DocumentColumns
    let indexed: IndexedDocument
    /// The file's format, pages and conversion notes (its text is in `parsed`).
    let source: SourceText

    init(_ parsed: ParsedDocument, source: SourceText, rules: RuleSet) throws {
        self.parsed = parsed
        self.source = source
        stored = StoredText(title: parsed.metadata.titlePassage, passages: parsed.passages)
        unmarked = VietText.isUnmarked(stored.bodies)
        columns = DocumentColumns(stored, unmarked: unmarked)
        indexed = try IndexedDocument(columns)
        let words = parsed.passages.map { Words($0.text) }
        // The trích yếu is read last, as if a passage after the body (see CitationFinder).
        citations = CitationFinder(rules: rules).citations(in: words + [Words(parsed.metadata.title ?? "")],
                                                           own: parsed.metadata.number, date: parsed.metadata.date,
                                                           sections: parsed.passages.map(\.headingPath) + [""])
        requirements = RequirementFinder(rules: rules).requirements(in: parsed, words: words, citations: citations)
        effect = EffectFinder(rules: rules).clause(in: words, typeCode: parsed.metadata.typeCode)
    }
}

/// One corpus file read, decoded, parsed and analysed — work that needs no database, so it
/// runs beside the writer (see ``Pipeline``).
struct FileAnalysis {
    enum Outcome {
        /// Same content as the archive holds: only its size and time changed.
        case unchanged(ChangePlan.Known)
        case document(AnalysedDocument, hash: String, encoding: String)
        case failure(String)
    }

    let item: ChangePlan.Item
    let bytes: Int
    let outcome: Outcome

    static func analyse(_ item: ChangePlan.Item, rules: RuleSet, options: SourceReader.Options) -> FileAnalysis {
        let bytes: [UInt8]
        do {
            bytes = try read(item.file.url)
        } catch {
            return FileAnalysis(item: item, bytes: 0, outcome: .failure((error as? VanBanError)?.description ?? "\(error)"))
        }
        let hash = ContentHash.of(bytes)
        if let known = item.known, known.hash == hash {
            return FileAnalysis(item: item, bytes: bytes.count, outcome: .unchanged(known))
        }
        do {
            let source = try rules.sourceReader(options: options).read(bytes, url: item.file.url)
            let document = try AnalysedDocument(DocumentParser(rules: rules).parse(source), source: source, rules: rules)
            return FileAnalysis(item: item, bytes: bytes.count, outcome: .document(document, hash: hash, encoding: source.encoding))
        } catch let error as SourceFailure {
            return FileAnalysis(item: item, bytes: bytes.count, outcome: .failure(error.description))
        } catch {
            return FileAnalysis(item: item, bytes: bytes.count, outcome: .failure((error as? VanBanError)?.description ?? "\(error)"))
        }
    }

    /// The file's bytes, read straight into one array (Data and a copy cost more, per file).
    private static func read(_ url: URL) throws -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else {
            throw VanBanError.corpus(errno == EACCES ? "permission denied" : "cannot open file")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { throw VanBanError.corpus("cannot read: \(String(cString: strerror(errno)))") }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}

import CSearch
import CVietText
import Foundation
import GRDB

extension SearchPlan {
    /// Ranks every matching document through the search index (CSearch's `vs_search`).
    func rank(_ request: RankingRequest, table: SearchTable, db: Database) throws -> Ranking {
        try run(request, matchesOf: [], table: table, db: db)
    }

    /// Where the plan's phrases stand in these documents (those put first by their number,
    /// which the ranking leaves out), by the index.
    func matches(in documents: [Int64], table: SearchTable, db: Database) throws -> [Int64: [Match]] {
        guard !documents.isEmpty else { return [:] }
        return try run(RankingRequest(), matchesOf: documents.map { UInt32(clamping: $0) }, table: table, db: db).matches
    }

    private func run(_ request: RankingRequest, matchesOf documents: [UInt32], table: SearchTable, db: Database) throws -> Ranking {
        let query = try IndexQuery(self, db: db)
        let labels = table.labels
        let arrays = CArrays()
        var options = VSQuery()
        options.any_clause = any ? 1 : 0
        options.by_date = request.byDate ? 1 : 0
        options.top = UInt32(clamping: request.top)
        options.strategy = request.strategy.rawValue
        (options.types, options.type_count) = arrays.copy(request.filter.types(labels))
        (options.groups, options.group_count) = arrays.copy(request.filter.groups(labels))
        let admitted = arrays.copy(request.filter.documents(count: Int(vs_table_count(table.handle))))
        (options.documents, options.document_count) = (admitted.0, UInt32(admitted.1))
        options.has_year_from = request.filter.fromYear == nil ? 0 : 1
        options.has_year_to = request.filter.toYear == nil ? 0 : 1
        options.year_from = Int32(clamping: request.filter.fromYear ?? 0)
        options.year_to = Int32(clamping: request.filter.toYear ?? 0)
        (options.excluded, options.excluded_count) = arrays.copy(request.excluded.map { UInt32(clamping: $0) }.sorted())
        options.positions = 1
        (options.matches_of, options.matches_of_count) = arrays.copy(documents)
        let specs = query.specs(in: arrays)
        var result: OpaquePointer?
        let status = vs_search(UnsafeMutableRawPointer(db.sqliteConnection), table.handle, specs.terms.0, specs.terms.1,
                               specs.slots.0, specs.slots.1, specs.phrases.0, specs.phrases.1, specs.clauses.0, specs.clauses.1,
                               &options, &result)
        guard ResultCode(rawValue: status) == .SQLITE_OK, let result else {
            throw VanBanError.archiveVersion("The archive's search index cannot be read: run `vanban verify` to see what is damaged, or `vanban index` to rebuild it.")
        }
        defer { vs_result_free(result) }
        return Ranking(result, labels: labels)
    }
}

/// C copies of arrays for one call into CSearch, freed with the object.
private final class CArrays {
    private var allocations: [UnsafeMutableRawPointer] = []

    /// A copy of `array` and its count (nil and 0 for nil or empty).
    func copy<Element>(_ array: [Element]?) -> (UnsafePointer<Element>?, Int32) {
        guard let array, !array.isEmpty else { return (nil, 0) }
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: array.count)
        _ = buffer.initialize(from: array)
        allocations.append(UnsafeMutableRawPointer(buffer.baseAddress!))
        return (UnsafePointer(buffer.baseAddress), Int32(array.count))
    }

    deinit { for allocation in allocations { allocation.deallocate() } }
}

extension Ranking {
    fileprivate init(_ result: OpaquePointer, labels: SearchTable.Labels) {
        total = Int(vs_result_total(result))
        var found: UnsafePointer<VSHit>?
        let count = Int(vs_result_hits(result, &found))
        for (index, hit) in UnsafeBufferPointer(start: found, count: count).enumerated() {
            let id = Int64(hit.docid)
            hits.append(Hit(id: id, score: hit.score, coverage: hit.coverage))
            var items: UnsafePointer<VSMatch>?
            let n = Int(vs_result_matches(result, Int32(index), &items))
            matches[id] = UnsafeBufferPointer(start: items, count: n).map {
                Match(position: Int($0.position), phrase: Int($0.phrase), length: Int($0.length))
            }
        }
        func counts(_ facet: Int32) -> UnsafeBufferPointer<UInt32> {
            var counts: UnsafePointer<UInt32>?
            let n = Int(vs_result_facet(result, facet, &counts))
            return UnsafeBufferPointer(start: counts, count: n)
        }
        for (id, n) in counts(0).enumerated() where id > 0 && n > 0 { facets.types[labels.types[id - 1]] = Int(n) }
        // Only issuers that may be among the most frequent: a label for each would cost more
        // than the search (a province's archive has thousands of issuers).
        let issuers = counts(1)
        let floor = Self.largest(Facets.maxIssuers, of: issuers.dropFirst()) ?? 1
        for (id, n) in issuers.enumerated() where id > 0 && n >= max(floor, 1) { facets.issuers[labels.issuers[id - 1]] = Int(n) }
        for (index, n) in counts(2).enumerated() where n > 0 { facets.years[Int(vs_year_base) + index] = Int(n) }
    }

    /// The `k`th largest of `counts` (the smallest, when there are fewer), or nil when there are
    /// none: kept in a list of `k`, where sorting them all cost more than the search for a
    /// common word.
    static func largest(_ k: Int, of counts: some Sequence<UInt32>) -> UInt32? {
        var top: [UInt32] = []  // descending
        top.reserveCapacity(k + 1)
        for count in counts where top.count < k || count > top[top.count - 1] {
            top.insert(count, at: top.firstIndex { $0 < count } ?? top.count)
            if top.count > k { top.removeLast() }
        }
        return top.last
    }
}

/// A plan as CSearch reads it: every position's forms as terms with their postings rows, and
/// for a form that has a folded one (a marked word, a marked-query form) the folded form's,
/// whose positions are its own where it has none stored.
private struct IndexQuery {
    var terms: [(rowids: [Int64], positionsFrom: Int32)] = []
    var slots: [VSSlotSpec] = []
    var phrases: [VSPhraseSpec] = []
    var clauses: [VSClauseSpec] = []

    init(_ plan: SearchPlan, db: Database) throws {
        let lookup = try db.cachedStatement(sql: "SELECT id FROM search_postings WHERE term = ? ORDER BY segment")
        var rows: [String: [Int64]] = [:]
        func rowids(_ form: String) throws -> [Int64] {
            if let known = rows[form] { return known }
            let found = try Int64.fetchAll(lookup, arguments: [form])
            rows[form] = found
            return found
        }
        var sources: [String] = []
        for phrase in plan.phrases {
            phrases.append(VSPhraseSpec(first_slot: Int32(slots.count), slots: Int32(phrase.slots.count),
                                        clause: Int32(phrase.clause)))
            for (forms, idf) in zip(phrase.slots, phrase.idf) {
                slots.append(VSSlotSpec(first_term: Int32(terms.count), terms: Int32(forms.count), idf: idf))
                for form in forms {
                    var source: Int32 = -1
                    if let folded = Self.folded(form) {
                        source = Int32(sources.count)  // an index among the sources, made absolute below
                        sources.append(folded)
                    }
                    terms.append((try rowids(form), source))
                }
            }
        }
        let first = Int32(terms.count)
        for index in terms.indices where terms[index].positionsFrom >= 0 { terms[index].positionsFrom += first }
        for folded in sources { terms.append((try rowids(folded), -1)) }
        clauses = plan.clauses.map { VSClauseSpec(weight: $0.weight, excluded: $0.excluded ? 1 : 0) }
    }

    /// The folded form standing where `form` stands, when it is another.
    private static func folded(_ form: String) -> String? {
        if form.utf8.first == UInt8(VV_UNMARKED_PREFIX) { return String(form.dropFirst()) }
        let folded = VietText.wordForms(form).folded
        return folded == form ? nil : folded
    }

    /// The specs as CSearch takes them, in `arrays` (which keeps them for the call).
    func specs(in arrays: CArrays) -> (terms: (UnsafePointer<VSTermSpec>?, Int32), slots: (UnsafePointer<VSSlotSpec>?, Int32),
                                       phrases: (UnsafePointer<VSPhraseSpec>?, Int32), clauses: (UnsafePointer<VSClauseSpec>?, Int32)) {
        let terms = self.terms.map { term in
            VSTermSpec(rowids: arrays.copy(term.rowids).0, segments: Int32(term.rowids.count), positions_from: term.positionsFrom)
        }
        return (arrays.copy(terms), arrays.copy(slots), arrays.copy(phrases), arrays.copy(clauses))
    }
}

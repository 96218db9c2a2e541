import GRDB

/// A search's type, issuer and year filters, checked once and read two ways: as SQL over the
/// documents table (the exhaustive path, number lookups) and as the search index's byte maps
/// over the table's type and issuer-group ids. Both say the same: the type code is the
/// document's; the issuer is its code or a part of any of its names; the year is its date's.
struct SearchFilter {
    private(set) var typeCode: String?
    /// The issuer as a code key and as a name key (marks, case and spacing ignored).
    private(set) var issuer: (code: String, name: String)?
    private(set) var fromYear: Int?
    private(set) var toYear: Int?
    /// Only these documents (ids), when set: those a chain or a citation leads to.
    var documents: [Int64]?

    init() {}

    init(_ request: SearchRequest, rules: RuleSet) throws {
        if let type = request.type?.trimmingCharacters(in: .whitespaces), !type.isEmpty {
            guard let entry = rules.types.entry(for: type) else {
                throw VanBanError.badQuery("Unknown document type \"\(type)\": use a code such as NQ, KH, CTr, CV or a name such as \"nghị quyết\".")
            }
            typeCode = entry.code
        }
        if let issuer = request.issuer?.trimmingCharacters(in: .whitespaces), !issuer.isEmpty {
            self = SearchFilter(issuer: issuer, rules: rules)
        }
        if let from = request.fromYear, let to = request.toYear, from > to {
            throw VanBanError.badQuery("The year range \(from)–\(to) is empty: --from must not be after --to.")
        }
        fromYear = request.fromYear
        toYear = request.toYear
        documents = request.within
    }

    /// Only this issuer: its code, or words of its name.
    init(issuer: String, rules: RuleSet) {
        let code = rules.issuers.entry(for: issuer)?.code ?? issuer
        self.issuer = (VietText.key(code), VietText.key(issuer))
    }

    /// The issuer filter read on a cited document's harvested issuer and its number's code.
    func admits(issuer name: String?, code: String?) -> Bool {
        guard let issuer else { return true }
        let sameCode = code.map { VietText.key($0).utf8.elementsEqual(issuer.code.utf8) } ?? false
        return sameCode || (name.map { Self.contains(VietText.key($0), issuer.name) } ?? false)
    }

    var isEmpty: Bool { typeCode == nil && issuer == nil && fromYear == nil && toYear == nil && documents == nil }

    /// Conditions on `documents d`, each starting with AND.
    var sql: String {
        var sql = ""
        if typeCode != nil { sql += " AND d.type_code = ?" }
        if issuer != nil { sql += " AND (d.issuer_key = ? OR instr(d.issuer_name_key, ?) > 0)" }
        if fromYear != nil { sql += " AND d.year >= ?" }
        if toYear != nil { sql += " AND d.year <= ?" }
        if documents != nil { sql += " AND d.id IN (SELECT value FROM json_each(?))" }
        return sql
    }

    var arguments: StatementArguments {
        var arguments = StatementArguments()
        if let typeCode { arguments += [typeCode] }
        if let issuer { arguments += [issuer.code, issuer.name] }
        if let fromYear { arguments += [fromYear] }
        if let toYear { arguments += [toYear] }
        if let documents { arguments += ["[" + documents.map(String.init).joined(separator: ",") + "]"] }
        return arguments
    }

    /// The type ids the filter admits (a byte each, from id 0), or nil for any.
    func types(_ labels: SearchTable.Labels) -> [UInt8]? {
        guard let typeCode else { return nil }
        return [0] + labels.types.map { $0 == typeCode ? 1 : 0 }
    }

    /// The document ids the filter admits (a byte each, up to the highest), or nil for any.
    func documents(count: Int) -> [UInt8]? {
        guard let documents else { return nil }
        var admitted = [UInt8](repeating: 0, count: count)
        for id in documents where id >= 0 && id < count { admitted[Int(id)] = 1 }
        return admitted
    }

    /// The issuer groups the filter admits, as `instr` and `=` decide them in SQL.
    func groups(_ labels: SearchTable.Labels) -> [UInt8]? {
        guard let issuer else { return nil }
        return [0] + labels.groups.map { group in
            let code = group[0], name = group[1]
            let sameCode = code.map { $0.utf8.elementsEqual(issuer.code.utf8) } ?? false
            return sameCode || (name.map { Self.contains($0, issuer.name) } ?? false) ? 1 : 0
        }
    }

    /// SQLite's `instr(text, part) > 0`: byte for byte, and an empty part is in any text.
    private static func contains(_ text: String, _ part: String) -> Bool {
        let text = Array(text.utf8), part = Array(part.utf8)
        guard !part.isEmpty else { return true }
        guard text.count >= part.count else { return false }
        return (0...(text.count - part.count)).contains { text[$0..<($0 + part.count)].elementsEqual(part) }
    }
}

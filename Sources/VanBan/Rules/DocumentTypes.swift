/// The document types of `indexer/types.tsv`: each code with its name and alternatives.
public struct DocumentTypes: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
    }

    private var byKey: [String: Entry] = [:]
    /// Code → the code whose numbering it shares (the fourth column of `types.tsv`).
    private var numbering: [String: String] = [:]
    /// Every name and alternative spelling (not the bare codes), longest first.
    private(set) var names: [(key: String, spelling: String, entry: Entry)] = []

    init(table: RuleTable) {
        for row in table.rows where row.count >= 2 {
            let entry = Entry(code: row[0], name: row[1])
            let alternatives = row.count > 2 ? RuleTable.list(row[2]) : []
            if row.count > 3, !row[3].isEmpty { numbering[row[0]] = row[3] }
            for spelling in [row[0], row[1]] + alternatives {
                let key = VietText.key(spelling)
                if byKey[key] == nil { byKey[key] = entry }
                if spelling != row[0] { names.append((key, spelling, entry)) }
            }
        }
        names.sort { $0.key.count > $1.key.count }
    }

    /// The type a code or a name stands for ("ctr", "CTr", "chuong trinh" → CTr).
    public func entry(for codeOrName: String) -> Entry? {
        byKey[VietText.key(codeOrName)]
    }

    /// The key a type is looked up by in a document number: the code ignoring case and marks,
    /// or the key of the type whose numbering it shares ("QĐi" → "qd"). See ``NumberKey``.
    public func numberingKey(_ codeOrName: String) -> String {
        guard let code = entry(for: codeOrName)?.code else { return VietText.key(codeOrName) }
        return VietText.key(numbering[code] ?? code)
    }

    /// The type whose name starts the given text ("KẾ HOẠCH thực hiện ..." → KH), longest first.
    public func entry(startingText text: String) -> Entry? {
        let key = VietText.key(text)
        return names.first { key == $0.key || key.hasPrefix($0.key + " ") }?.entry
    }
}

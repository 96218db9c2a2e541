/// The document types of `indexer/types.tsv`: each code with its name and alternatives.
public struct DocumentTypes: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
    }

    private var byKey: [String: Entry] = [:]
    /// Every name and alternative spelling (not the bare codes), longest first.
    private(set) var names: [(key: String, spelling: String, entry: Entry)] = []

    init(table: RuleTable) {
        for row in table.rows where row.count >= 2 {
            let entry = Entry(code: row[0], name: row[1])
            let alternatives = row.count > 2 ? RuleTable.list(row[2]) : []
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

    /// The type whose name starts the given text ("KẾ HOẠCH thực hiện ..." → KH), longest first.
    public func entry(startingText text: String) -> Entry? {
        let key = VietText.key(text)
        return names.first { key == $0.key || key.hasPrefix($0.key + " ") }?.entry
    }
}

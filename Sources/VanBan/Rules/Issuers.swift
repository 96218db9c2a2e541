/// The issuing bodies of `indexer/issuers.tsv`: code, name, and whether the body is a Party or
/// a State one (which decides how its numbers are written).
public struct Issuers: Sendable {
    public struct Entry: Sendable, Hashable {
        public let code: String
        public let name: String
        public let isParty: Bool
        /// A province's or district's body: its numbers are unique only within its province.
        public let isLocal: Bool
    }

    private var exactAliases: [String: Entry] = [:]
    private var byKey: [String: Entry] = [:]

    init(table: RuleTable) {
        for row in table.rows where row.count >= 3 {
            let entry = Entry(code: row[0], name: row[1], isParty: row[2].hasPrefix("party"), isLocal: row[2].hasSuffix("local"))
            let alternatives = row.count > 3 ? RuleTable.list(row[3]) : []
            for spelling in [row[0], row[1]] + alternatives {
                let exact = VietText.nfc(spelling).uppercased()
                exactAliases[exact] = exactAliases[exact] ?? entry
                // A marked alternative code stays exact: "TƯ" folds to "tu", which is TU.
                let isAlternativeCode = spelling != row[0] && !spelling.contains(" ") && spelling == exact
                if isAlternativeCode && VietText.hasMarks(spelling) { continue }
                let key = VietText.key(spelling)
                byKey[key] = byKey[key] ?? entry
            }
        }
    }

    /// Whether text is the full name (or another listed name) of a body, not its code:
    /// "Ban Chấp hành Trung ương", "Thủ tướng Chính phủ".
    public func isName(_ text: String) -> Bool {
        text.includes(" ") && byKey[VietText.key(text)] != nil
    }

    /// The body a code or name stands for: exact spelling first, then ignoring case and marks.
    public func entry(for codeOrName: String) -> Entry? {
        exactAliases[VietText.nfc(codeOrName).uppercased()] ?? byKey[VietText.key(codeOrName)]
    }

    /// The body a number's issuer code stands for, also where the code carries the Assembly's
    /// term ("QH15", "UBTVQH14": QH and UBTVQH). Numbers keep the code as written; this only
    /// says whose it is (central or local, and its name).
    public func entry(forNumberCode code: String) -> Entry? {
        if let entry = entry(for: code) { return entry }
        let letters = code.prefix { !$0.isNumber }
        guard !letters.isEmpty, letters.count < code.count, code.dropFirst(letters.count).allSatisfy(\.isNumber) else { return nil }
        return entry(for: String(letters))
    }

    /// The body whose name (two words or more) the text contains, the longest first: "Ban Thường vụ Tỉnh ủy Lâm
    /// Đồng" names TU, "Thủ tướng Chính phủ" TTg (not CP), "Chủ tịch Ủy ban nhân dân tỉnh" UBND.
    public func entry(namedIn text: String) -> Entry? {
        let words = VietText.key(text).split(separator: " ")
        for length in stride(from: min(8, words.count), through: 2, by: -1) {
            for start in 0...(words.count - length) {
                if let entry = byKey[words[start..<start + length].joined(separator: " ")] {
                    return entry
                }
            }
        }
        return nil
    }
}

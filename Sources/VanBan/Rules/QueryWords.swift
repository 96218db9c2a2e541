/// How queries are read (`indexer/query.tsv`): the question and function words that count for
/// little when a query falls back to matching any of its words.
public struct QueryWords: Sendable {
    private let functionWords: Set<String>
    /// What a function word counts for then, beside 1 for any other word.
    public let functionWordWeight: Double

    init(table: RuleTable) throws {
        var words = Set<String>()
        var weight: Double?
        for row in table.rows where row.count >= 2 {
            switch row[0] {
            case "function": words.formUnion(RuleTable.list(row[1]).map(VietText.key))
            case "weight": weight = Double(row[1])
            default: continue
            }
        }
        guard let weight, weight >= 0, weight <= 1 else {
            throw VanBanError.rules("query.tsv: the weight of function words must be a number from 0 to 1")
        }
        functionWords = words
        functionWordWeight = weight
    }

    public func isFunctionWord(_ text: String) -> Bool { functionWords.contains(VietText.key(text)) }
}

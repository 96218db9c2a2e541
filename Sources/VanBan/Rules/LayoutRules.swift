/// Words of `indexer/layout.tsv` about how document text is laid out: what starts a body
/// after a title, what a wrapped line may end with, and the labels of signature stamps.
public struct LayoutRules: Sendable {
    /// Folded phrases (``VietText/key(_:)``), longest first.
    let titleEnds: [String]
    let continuations: [String]
    let stampLabels: [String]
    /// A signer's titles, each a line of its own over the signature ("CHỦ TỊCH").
    let signerRoles: Set<String>

    init(table: RuleTable) {
        func phrases(_ kind: String) -> [String] {
            table.rows.filter { $0.first == kind && $0.count > 1 }.flatMap { RuleTable.list($0[1]) }
                .map(VietText.key).sorted { $0.count > $1.count }
        }
        titleEnds = phrases("title-end")
        continuations = phrases("continuation")
        stampLabels = phrases("stamp")
        signerRoles = Set(phrases("signer-role"))
    }

    /// Whether folded text (punctuation kept or not) starts with one of the phrases, as whole words.
    static func starts(_ folded: String, with phrases: [String]) -> Bool {
        phrases.contains { folded.hasPrefix($0) && (folded.count == $0.count || !isWordCharacter(folded[folded.index(folded.startIndex, offsetBy: $0.count)])) }
    }

    /// Whether folded text ends with one of the phrases, as whole words.
    static func ends(_ folded: String, with phrases: [String]) -> Bool {
        phrases.contains { folded.hasSuffix($0) && (folded.count == $0.count || !isWordCharacter(folded[folded.index(folded.endIndex, offsetBy: -$0.count - 1)])) }
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}

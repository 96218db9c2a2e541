/// The words of a document's own effect clause and of the parts a change names
/// (`indexer/effect.tsv`).
public struct EffectRules: Sendable {
    var selfWords = PhraseIndex<Bool>()
    var documentNames = PhraseIndex<Bool>()
    var starts = PhraseIndex<Bool>()
    var ends = PhraseIndex<Bool>()
    var from = PhraseIndex<Bool>()
    var signing = PhraseIndex<Bool>()
    var after = PhraseIndex<Bool>()
    var days = PhraseIndex<Bool>()
    var until = PhraseIndex<Bool>()
    var parts = PhraseIndex<Bool>()
    var of = PhraseIndex<Bool>()
    var article = PhraseIndex<Bool>()

    init(table: RuleTable) throws {
        for row in table.rows where row.count >= 2 {
            let phrases = RuleTable.list(row[1])
            let index = PhraseIndex(phrases, value: true)
            switch row[0] {
            case "self": selfWords = index
            case "document": documentNames = index
            case "starts": starts = index
            case "ends": ends = index
            case "from": from = index
            case "signing": signing = index
            case "after": after = index
            case "days": days = index
            case "until": until = index
            case "part": parts = index
            case "of": of = index
            case "article": article = index
            default: throw VanBanError.rules("effect.tsv: unknown kind \"\(row[0])\"")
            }
        }
    }
}

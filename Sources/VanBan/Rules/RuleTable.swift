import Foundation

/// One tab-separated rule file from `indexer/`: `#` starts a comment, blank lines are skipped,
/// and `|` separates alternatives within a column (commas belong to names: "Luật Cán bộ, công chức").
struct RuleTable: Sendable {
    let rows: [[String]]

    init(contentsOf url: URL) throws {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw VanBanError.rules("cannot read \(url.path): \(error.localizedDescription)")
        }
        self.init(text: text)
    }

    init(text: String) {
        rows = text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            return line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { VietText.nfc($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    static func list(_ field: String) -> [String] {
        field.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// A document's name as a user types it, with its year or term: "Luật Đất đai 2013", "Luật Đất
/// đai (2013)", "Hiến pháp năm 1992", "Điều lệ Đảng khóa II". The year or term is what the
/// graph's named nodes are told apart by (``Resolver``).
enum NamedLookup {
    static func split(_ text: String) -> (name: String, qualifier: String?) {
        let trimmed = text.trimmed(" ()")
        var words = trimmed.split(separator: " ").map(String.init)
        guard words.count >= 2, let last = words.last?.trimmed("()") else { return (trimmed, nil) }
        if last.count == 4, let year = Int(last), (1945...2100).contains(year) {
            words.removeLast()
            if let previous = words.last, VietText.key(previous) == "nam", words.count >= 2 { words.removeLast() }
            return (words.joined(separator: " ").trimmed(" ("), last)
        }
        if words.count >= 3, ["khoa", "nhiem ky"].contains(VietText.key(words[words.count - 2].trimmed("("))) {
            let term = VietText.key(words[words.count - 2].trimmed("(") + " " + last)
            return (words.dropLast(2).joined(separator: " ").trimmed(" ("), term)
        }
        return (trimmed, nil)
    }
}

/// Splits HTML into tags and text, as browsers do for broken pages: a `<` that opens no tag is
/// text, comments and declarations are skipped, the raw text of `<script>` and `<style>` is
/// skipped to its closing tag, and character references are decoded.
struct HTMLScanner {
    enum Token {
        case text(String)
        /// The tag's lower-case name, its raw attribute text, and whether it ends with "/>".
        case start(String, attributes: String, selfClosing: Bool)
        case end(String)
    }

    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ html: String) { scalars = Array(html.unicodeScalars) }

    mutating func next() -> Token? {
        guard position < scalars.count else { return nil }
        if scalars[position] == "<", let tag = tag() { return tag }
        let start = position
        position += 1
        while position < scalars.count, scalars[position] != "<" { position += 1 }
        return .text(Self.decodeEntities(String(String.UnicodeScalarView(scalars[start..<position]))))
    }

    private mutating func tag() -> Token? {
        let start = position
        if starts(with: "<!--") {
            position = find("-->").map { $0 + 3 } ?? scalars.count
            return next() ?? .text("")
        }
        if starts(with: "<!") || starts(with: "<?") {
            position = find(">").map { $0 + 1 } ?? scalars.count
            return next() ?? .text("")
        }
        var cursor = position + 1
        let closing = cursor < scalars.count && scalars[cursor] == "/"
        if closing { cursor += 1 }
        let nameStart = cursor
        while cursor < scalars.count, scalars[cursor].properties.isAlphabetic || ("0"..."9").contains(scalars[cursor]) || scalars[cursor] == ":" {
            cursor += 1
        }
        guard cursor > nameStart, scalars[nameStart].properties.isAlphabetic else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<cursor])).lowercased()
        // The tag ends at the first ">" outside a quoted attribute value.
        var quote: Unicode.Scalar?
        var end = cursor
        while end < scalars.count {
            let scalar = scalars[end]
            if let open = quote { if scalar == open { quote = nil } } else if scalar == "\"" || scalar == "'" { quote = scalar } else if scalar == ">" { break }
            end += 1
        }
        guard end < scalars.count else {
            position = start + 1
            return .text("<")
        }
        let attributes = String(String.UnicodeScalarView(scalars[cursor..<end]))
        position = end + 1
        if closing { return .end(name) }
        if name == "script" || name == "style" {
            // Raw text: nothing inside is a tag.
            let closingTag = "</" + name
            while position < scalars.count, !(scalars[position] == "<" && startsCaseInsensitive(with: closingTag)) { position += 1 }
            return .start(name, attributes: attributes, selfClosing: false)
        }
        return .start(name, attributes: attributes, selfClosing: attributes.hasSuffix("/"))
    }

    private func starts(with prefix: String) -> Bool {
        var index = position
        for scalar in prefix.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private func startsCaseInsensitive(with prefix: String) -> Bool {
        var index = position
        for scalar in prefix.unicodeScalars {
            guard index < scalars.count, String(scalars[index]).lowercased() == String(scalar) else { return false }
            index += 1
        }
        return true
    }

    private func find(_ text: String) -> Int? {
        let pattern = Array(text.unicodeScalars)
        var index = position
        while index + pattern.count <= scalars.count {
            if scalars[index] == pattern[0], Array(scalars[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }

    /// The value of an attribute in a tag's raw (lower-cased) attribute text.
    static func attribute(_ name: String, in attributes: String) -> String? {
        guard let match = attributes.firstMatch(of: attributePattern(name)) else { return nil }
        return String(match.output.1 ?? match.output.2 ?? match.output.3 ?? "")
    }

    private static func attributePattern(_ name: String) -> Regex<(Substring, Substring?, Substring?, Substring?)> {
        // Names are fixed words of this file ("class", "id"): safe to build a pattern from.
        try! Regex("(?:^|\\s)\(name)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))")
    }

    /// `&amp;`, `&#7879;`, `&#x1EC7;` and the named references of Latin letters and punctuation.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&", let semicolon = scalars[(index + 1)...].prefix(12).firstIndex(of: ";") else {
                out.append(scalars[index])
                index += 1
                continue
            }
            let body = String(String.UnicodeScalarView(scalars[(index + 1)..<semicolon]))
            if let scalar = entity(body) {
                out.append(scalar)
                index = semicolon + 1
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }

    private static func entity(_ body: String) -> Unicode.Scalar? {
        if body.hasPrefix("#x") || body.hasPrefix("#X") { return UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        if body.hasPrefix("#") { return UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[body].flatMap(Unicode.Scalar.init)
    }

    private static let named: [String: UInt32] = {
        var table: [String: UInt32] = ["amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 32, "ndash": 0x2013,
            "mdash": 0x2014, "hellip": 0x2026, "laquo": 0xAB, "raquo": 0xBB, "ldquo": 0x201C, "rdquo": 0x201D,
            "lsquo": 0x2018, "rsquo": 0x2019, "bull": 0x2022, "middot": 0xB7, "copy": 0xA9, "reg": 0xAE, "deg": 0xB0,
            "shy": 0xAD, "times": 0xD7, "ordm": 0xBA, "ordf": 0xAA, "sect": 0xA7, "para": 0xB6, "euro": 0x20AC]
        // Latin-1 letters by their HTML names: "agrave" (à), "Ocirc" (Ô), "yacute" (ý), ...
        let accents: [(String, [(Character, UInt32)])] = [
            ("grave", [("a", 0xE0), ("e", 0xE8), ("i", 0xEC), ("o", 0xF2), ("u", 0xF9)]),
            ("acute", [("a", 0xE1), ("e", 0xE9), ("i", 0xED), ("o", 0xF3), ("u", 0xFA), ("y", 0xFD)]),
            ("circ", [("a", 0xE2), ("e", 0xEA), ("i", 0xEE), ("o", 0xF4), ("u", 0xFB)]),
            ("tilde", [("a", 0xE3), ("o", 0xF5), ("n", 0xF1)]),
            ("uml", [("a", 0xE4), ("e", 0xEB), ("i", 0xEF), ("o", 0xF6), ("u", 0xFC), ("y", 0xFF)]),
        ]
        for (suffix, letters) in accents {
            for (letter, value) in letters {
                table["\(letter)\(suffix)"] = value
                if letter != "y" || suffix == "acute" { table["\(letter.uppercased())\(suffix)"] = value - 0x20 }
            }
        }
        table["Yuml"] = 0x178
        return table
    }()
}

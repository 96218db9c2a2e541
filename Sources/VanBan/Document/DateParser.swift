/// Vietnamese dates as documents write them, read from folded text (so unaccented text works):
/// "ngày 6 tháng 6 năm 2014", "ngày 03/6/2013", "29-5-2014".
enum DateParser {
    /// A date found in text, with its UTF-16 range.
    struct Found {
        let iso: String
        let range: Range<Int>
    }

    /// Spaces between the parts may be missing ("tháng3", "01năm"), as typed or as OCR reads them.
    private nonisolated(unsafe) static let spelled = #/ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})/#
    private nonisolated(unsafe) static let numeric = #/(?:^|[^\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/#

    /// The first date in `folded` text.
    static func first(in folded: String) -> Found? {
        all(in: folded).first
    }

    /// Every date in `folded` text, in order.
    static func all(in folded: String) -> [Found] {
        // Every date has digits; most text handed here has none, and Swift Regex is not cheap.
        guard folded.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return [] }
        var found: [Found] = []
        for match in folded.includesBytes(of: "thang") ? folded.matches(of: spelled) : [] {
            if let iso = iso(day: match.1, month: match.2, year: match.3) {
                found.append(Found(iso: iso, range: offsets(match.range, in: folded)))
            }
        }
        for match in hasNumericDate(folded) ? folded.matches(of: numeric) : [] {
            let range = offsets(match.1.startIndex..<match.3.endIndex, in: folded)
            if found.contains(where: { $0.range.overlaps(range) }) { continue }
            if let iso = iso(day: match.1, month: match.2, year: match.3) {
                found.append(Found(iso: iso, range: range))
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A digit, a separator (/ . -) and a digit, spaces aside: what every numeric date has,
    /// tested on bytes before the pattern runs.
    private static func hasNumericDate(_ folded: String) -> Bool {
        let bytes = Array(folded.utf8)
        let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
        for (index, byte) in bytes.enumerated() where byte == 0x2F || byte == 0x2E || byte == 0x2D {
            var before = index - 1, after = index + 1
            while before >= 0, bytes[before] == 0x20 { before -= 1 }
            while after < bytes.count, bytes[after] == 0x20 { after += 1 }
            if before >= 0, after < bytes.count, isDigit(bytes[before]), isDigit(bytes[after]) { return true }
        }
        return false
    }

    static func iso(day: Substring, month: Substring, year: Substring) -> String? {
        guard let d = Int(day), let m = Int(month), let y = Int(year),
              (1...31).contains(d), (1...12).contains(m), (1900...2100).contains(y) else { return nil }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

func offsets(_ range: Range<String.Index>, in text: String) -> Range<Int> {
    let start = text.utf16.distance(from: text.startIndex, to: range.lowerBound)
    return start..<(start + text.utf16.distance(from: range.lowerBound, to: range.upperBound))
}

extension String {
    /// The substring at a UTF-16 range (ranges found in folded text fit the original).
    func slice(_ range: Range<Int>) -> String {
        let start = utf16.index(startIndex, offsetBy: range.lowerBound)
        let end = utf16.index(start, offsetBy: range.count)
        return String(self[start..<end])
    }
}

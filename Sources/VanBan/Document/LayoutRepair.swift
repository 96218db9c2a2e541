/// Mends what a file's layout did to its lines before the parsers read them: a number split
/// over two lines ("Nghị quyết số 10-" ⏎⏎ "NQ/TW"), header lines a page broke mid-phrase
/// ("ỦY" ⏎ "BAN NHÂN DÂN", "Số:" ⏎ "216-QĐ/TW", "Sơn" ⏎ "La, ngày ..."), and the stamp of a
/// digital signature ("Thời gian ký: 28-07-2026 09:58:36 +07:00"), which is not text of the
/// document. A joined line keeps its number and the line it took stays as an empty line that
/// breaks nothing (``absorbed``), so every line keeps its place (and its page).
enum LayoutRepair {
    /// What a line joined into the one above becomes: no text, and no paragraph break either
    /// (see ``Line/isAbsorbed``), so a title or paragraph goes on across it.
    static let absorbed = "\u{2060}"

    static func repair(_ lines: inout [String], rules: RuleSet) -> [String] {
        for index in lines.indices where lines[index].utf8.first == UInt8(ascii: "|") {
            lines[index] = tableRow(lines[index])
        }
        removePageNumbers(&lines)
        let notes = removeStamps(&lines, labels: rules.layout.stampLabels)
        joinSplitNumbers(&lines)
        joinHeaderBreaks(&lines, rules: rules)
        return notes
    }

    /// Page numbers a converter left in the text ("- 2 -", "Trang 3/3", or a number alone between
    /// blank lines), which are no part of any paragraph.
    private static func removePageNumbers(_ lines: inout [String]) {
        for index in lines.indices where lines[index].utf8.count <= 24 && lines[index].utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            guard PageCleaner.isPageNumber(lines[index]) else { continue }
            let bare = lines[index].allSatisfy { $0.isNumber || $0.isWhitespace }
            let blankAround = (index == 0 || isBlank(lines[index - 1])) && (index + 1 == lines.count || isBlank(lines[index + 1]))
            if !bare || blankAround { lines[index] = "" }
        }
    }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy(\.isWhitespace) }

    /// "|BAN CHẤP HÀNH TRUNG ƯƠNG   |ĐẢNG CỘNG SẢN VIỆT NAM   |" (antiword's tables, Markdown's)
    /// as cells between " | ", an empty cell kept so the columns stay in line; a bar alone (a
    /// page converted cell by cell) is a blank line.
    private static func tableRow(_ line: String) -> String {
        var cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if cells.first?.isEmpty == true { cells.removeFirst() }
        if cells.last?.isEmpty == true { cells.removeLast() }
        return cells.allSatisfy(\.isEmpty) ? "" : cells.joined(separator: " | ")
    }

    /// A signing time: a date, then a time with its seconds or its time zone ("28-07-2026
    /// 09:58:36 +07:00", "02/03/2025 10:11:12", "05/02/2025; 09:30:00; +07:00"). Documents
    /// themselves never write times to the second.
    nonisolated(unsafe) static let stamp = #/(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2})[;,]?[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[;,]?\s*(?:[+-]\d{2}:?\d{2}|GMT[+-]?\d{0,2}))?|[;,]?\s*(?:[+-]\d{2}:?\d{2}|GMT[+-]?\d{0,2}))/#

    /// Signing times with their time zone, and the stamp's labelled lines around them.
    private static func removeStamps(_ lines: inout [String], labels: [String]) -> [String] {
        var notes: [String] = []
        for index in lines.indices where lines[index].includes(":") && mayHoldStamp(lines[index]) {
            guard let match = lines[index].firstMatch(of: stamp) else { continue }
            notes.append("digital signature stamp: \(match.output.0)")
            lines[index].removeSubrange(match.range)
            for near in max(0, index - 4)...min(lines.count - 1, index + 4) {
                let folded = VietText.foldPreservingOffsets(lines[near].trimmingScalars(in: .whitespaces))
                if LayoutRules.starts(folded, with: labels), folded.includes(":") || near == index { lines[near] = "" }
            }
        }
        return notes
    }

    /// What every signing time has: nine digits at least (day, month, year, hour and minute),
    /// counted as `\d` matches them (a character whose first scalar has a numeric value), and a
    /// colon with a digit after it (the minutes).
    static func mayHoldStamp(_ line: String) -> Bool {
        var digits = 0, minutes = false, afterColon = false
        for scalar in line.unicodeScalars {
            let isDigit = scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
            if isDigit {
                digits += 1
                minutes = minutes || afterColon
                if digits >= 9 && minutes { return true }
            }
            afterColon = scalar == ":"
        }
        return false
    }

    private nonisolated(unsafe) static let numberTail = #/\d\s*[-/]\s*$/#
    private nonisolated(unsafe) static let codeHead = #/^\s*\p{L}[\p{L}\d]{0,11}\s*[/-]/#

    private static func joinSplitNumbers(_ lines: inout [String]) {
        for index in lines.indices where lines[index].last == "-" || lines[index].last == "/" || lines[index].last == " " {
            guard lines[index].firstMatch(of: numberTail) != nil, let next = nextText(after: index, in: lines, within: 3),
                  lines[next].firstMatch(of: codeHead) != nil else { continue }
            lines[index] = trimmedEnd(lines[index]) + lines[next].trimmingCharacters(in: .whitespaces)
            lines[next] = absorbed
        }
    }

    private nonisolated(unsafe) static let placeDate = #/^[^,\d]{1,25},\s*ngày/#

    /// "Hà Nội, ngày 9" alone on a line: a place-date line cut before its month or year (not a
    /// title's "... 55-QĐ/TW, ngày 10", which has digits before its comma).
    private nonisolated(unsafe) static let dateStart = #/^[^,\d]{1,40},\s*ngay(?:\s+\d{1,2})?(?:\s+thang(?:\s+\d{1,2})?)?$/#
    private nonisolated(unsafe) static let dateRest = #/^(?:\d{1,2}\s+)?(?:thang\s+\d{1,2}\s+)?nam\s+\d{4}|^(?:\d{1,2}\s+)?thang/#

    /// Header lines that a page broke mid-phrase, in the lines a header may stand in (lower
    /// than the top in a page saved from a portal: see ``HeaderLocator``).
    private static func joinHeaderBreaks(_ lines: inout [String], rules: RuleSet) {
        var folds = FoldCache()
        var index = 0
        while index < min(lines.count, HeaderLocator.searched) {
            let line = Line.stripEmphasis(lines[index])
            guard !line.isEmpty, let next = nextText(after: index, in: lines, within: 2) else {
                index += 1
                continue
            }
            let following = Line.stripEmphasis(lines[next])
            // Folded with punctuation kept ("ha noi, ngay 19"), unlike a key; only for the tests that can
            // pass: "so" or "so:" (a fold keeps the UTF-16 length, so at most 9 bytes) or a comma (which
            // folds from a comma alone).
            let folded = line.utf8.count <= 9 || line.utf8.contains(UInt8(ascii: ",")) ? folds.fold(line) : nil
            let joins = ((folded == "so" || folded == "so:") && following.first.map { $0.isNumber || $0 == "-" || $0 == "/" } == true)
                || (isOneUpperCaseWord(line) && isUpperCase(following) && following.split(separator: " ").count <= 8)
                || (isPlaceStart(line) && following.utf8.contains(UInt8(ascii: ",")) && following.firstMatch(of: placeDate) != nil)
                || (folded.map(mayStartDate) == true && folded!.firstMatch(of: dateStart) != nil
                    && folds.fold(following).prefixMatch(of: dateRest) != nil)
                // "BAN CHẤP HÀNH" ⏎ "TRUNG ƯƠNG", "ĐẢNG CỘNG" ⏎ "SẢN VIỆT NAM": together a known name or the motto.
                || (isUpperCase(line) && isUpperCase(following) && !line.includes("  ") && !following.includes("  ")
                    && (rules.issuers.isName(line + " " + following)
                        || (HeaderParser.isMotto(VietText.foldPreservingOffsets(line + " " + following))
                            && !HeaderParser.isMotto(folded ?? folds.fold(line)) && !HeaderParser.isMotto(folds.fold(following)))))
            if joins {
                lines[index] = emphasisKept(lines[index], joinedWith: lines[next])
                lines[next] = absorbed
                continue  // the joined line may join the next one too
            }
            index += 1
        }
    }

    /// The fold of the line last asked for and of the one before: the loop above folds each line
    /// as the one that follows and then as the one that may join it.
    private struct FoldCache {
        private var entries: [(text: String, folded: String)] = []

        mutating func fold(_ text: String) -> String {
            if let entry = entries.first(where: { $0.text == text }) { return entry.folded }
            let folded = VietText.foldPreservingOffsets(text)
            entries = [entries.last, (text, folded)].compactMap { $0 }
            return folded
        }
    }

    /// What ``dateStart`` cannot do without: a comma and "ngay" (a cheap test before the regex).
    private static func mayStartDate(_ folded: String) -> Bool {
        folded.utf8.contains(UInt8(ascii: ",")) && folded.includes("ngay")
    }

    /// "**THỦ TƯỚNG CHÍNH" and "PHỦ**" joined as "**THỦ TƯỚNG CHÍNH PHỦ**".
    private static func emphasisKept(_ line: String, joinedWith next: String) -> String {
        trimmedEnd(line) + " " + next.trimmingCharacters(in: .whitespaces)
    }

    private static func nextText(after index: Int, in lines: [String], within distance: Int) -> Int? {
        var next = index + 1
        while next < lines.count, next <= index + distance {
            if lines[next].contains(where: { !$0.isWhitespace }) { return next }
            next += 1
        }
        return nil
    }

    private static func trimmedEnd(_ text: String) -> String {
        String(text.reversed().drop { $0 == " " }.reversed())
    }

    private static func isOneUpperCaseWord(_ line: String) -> Bool {
        !line.includes(" ") && line.count >= 2 && isUpperCase(line)
    }

    /// Letters, at least two, none lower case.
    static func isUpperCase(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// One or two capitalised words without digits or commas: the start of a place name.
    /// Read character by character, stopping at the third word (a body line has many).
    static func isPlaceStart(_ line: String) -> Bool {
        var words = 0, inWord = false
        for character in line {
            if character == " " {
                inWord = false
                continue
            }
            if !inWord {
                words += 1
                guard words <= 2, character.isUppercase else { return false }
                inWord = true
            }
            guard character.isLetter else { return false }
        }
        return words >= 1
    }

    /// The words-split form of ``isPlaceStart(_:)`` (the obvious path; tests compare the two).
    static func isPlaceStartBySplitting(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return (1...2).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && $0.allSatisfy(\.isLetter) }
    }
}

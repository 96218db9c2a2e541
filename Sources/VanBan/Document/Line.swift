import Foundation

/// A line of NFC text with the forms the parsers match on.
final class Line {
    /// 1-based line number in the document.
    let number: Int
    let text: String
    /// Without surrounding white space and Markdown emphasis (`**`, `*`, `_`).
    let plain: String
    /// `plain` folded: lower case, no marks, đ → d; same UTF-16 offsets as `plain`. Only the
    /// header and closing parsers need it, so it is computed on first use.
    lazy var folded: String = VietText.foldPreservingOffsets(plain)

    init(number: Int, text: String) {
        self.number = number
        self.text = text
        isAbsorbed = text == LayoutRepair.absorbed
        plain = isAbsorbed ? "" : Line.stripEmphasis(text)
    }

    /// The line was joined into the one above it (see ``LayoutRepair``): blank, but no break.
    let isAbsorbed: Bool

    var isBlank: Bool { plain.isEmpty }

    /// All letters upper case, and at least three of them: issuer lines and type headings.
    /// Stops at the first lower-case letter, so ordinary lines cost a few characters.
    var isUpperCase: Bool {
        var letters = 0
        for scalar in plain.unicodeScalars {
            if scalar.isASCII {
                if scalar >= "a" && scalar <= "z" { return false }
                if scalar >= "A" && scalar <= "Z" { letters += 1 }
            } else if scalar.properties.isAlphabetic {
                if scalar.properties.isLowercase { return false }
                letters += 1
            }
        }
        return letters >= 3
    }

    /// Starts with a list dash or plus.
    var isListItem: Bool {
        guard let first = plain.first else { return false }
        return first == "-" || first == "–" || first == "+" || first == "•"
    }

    /// Works on Unicode scalars, not Characters: grapheme breaking dominated parsing time.
    static func stripEmphasis(_ text: String) -> String {
        let isPadding = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace || scalar == "*" || scalar == "_" }
        let scalars = text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, !isPadding(first), !isPadding(last) { return text }
        guard let first = scalars.firstIndex(where: { !isPadding($0) }), let last = scalars.lastIndex(where: { !isPadding($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    static func split(_ text: String, firstNumber: Int = 1) -> [Line] {
        text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated().map {
            Line(number: firstNumber + $0.offset, text: String(Substring($0.element)))
        }
    }
}


import CVietText

/// Vietnamese text normalisation, done by ICU through the `CVietText` shim.
///
/// Three forms matter: the *NFC* text (what is stored and shown: composed, with the look-alike
/// eth Ð mapped to Đ), the *exact* form of a word (lower case, one canonical tone placement),
/// and the *folded* form (no marks at all, đ → d), which is what unaccented queries match.
public enum VietText {
    /// The text composed to NFC, with Ð/ð (Icelandic eth, common in converted text) read as Đ/đ.
    public static func nfc(_ text: String) -> String {
        if isComposedVietnamese(text) { return text }
        let units = text.utf16Units
        if units.isEmpty { return text }
        var capacity = units.count + units.count / 4 + 8
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            let needed = vv_nfc(units, Int32(units.count), &out, Int32(capacity))
            if needed < 0 { return text }
            if Int(needed) <= capacity { return String(decoding: out[..<Int(needed)], as: UTF16.self) }
            capacity = Int(needed)
        }
    }

    /// True when the text has no combining mark (U+0300–U+036F, lead bytes 0xCC and 0xCD in
    /// UTF-8) and no eth: it is then already NFC for Latin script, and ICU need not see it.
    /// Most corpus text takes this path.
    static func isComposedVietnamese(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                if byte == 0xCC || byte == 0xCD { return false }
                if previous == 0xC3 && (byte == 0x90 || byte == 0xB0) { return false }
                previous = byte
            }
            return true
        }
    }

    /// Folds UTF-16 units of NFC text one by one (see ``foldPreservingOffsets(_:)``).
    static func foldedUnits(_ units: [UInt16]) -> [UInt16] {
        var out = [UInt16](repeating: 0, count: units.count)
        vv_fold_units(units, Int32(units.count), &out)
        return out
    }

    /// The exact form of NFC text unit by unit: lower case, tone placed canonically.
    static func exactUnits(_ units: [UInt16]) -> [UInt16] {
        var out = [UInt16](repeating: 0, count: units.count)
        vv_exact_units(units, Int32(units.count), &out)
        return out
    }

    /// Folds NFC text character by character: lower case, no marks, đ → d. The result has as
    /// many UTF-16 units as the input, so a match found in folded text has the same offsets in
    /// the original.
    ///
    /// Folded over the text's UTF-8 as it lies, without copying it to UTF-16 and back
    /// (``foldPreservingOffsetsByUnits(_:)`` is that path, which the tests compare).
    public static func foldPreservingOffsets(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
            return String(unsafeUninitializedCapacity: bytes.count * 3) { out in
                Int(vv_fold_utf8(base, Int32(bytes.count), out.baseAddress!))
            }
        }
    }

    static func foldPreservingOffsetsByUnits(_ text: String) -> String {
        string(utf16: foldedUnits(text.utf16Units))
    }

    /// A String from UTF-16 units, byte for byte when all are ASCII (folded text nearly always
    /// is): the general transcoding costs several times more.
    static func string<Units: Collection>(utf16 units: Units) -> String where Units.Element == UInt16 {
        guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
        return String(unsafeUninitializedCapacity: units.count) { buffer in
            var index = 0
            for unit in units {
                buffer[index] = UInt8(truncatingIfNeeded: unit)
                index += 1
            }
            return index
        }
    }

    /// A comparison key for names and phrases: NFC, folded, single-spaced.
    public static func key(_ text: String) -> String {
        let folded = foldPreservingOffsets(nfc(text))
        return asciiKey(folded) ?? keyBySplitting(folded: folded)
    }

    /// The words of folded text by characters, letters and digits kept (the obvious path).
    static func keyBySplitting(folded: String) -> String {
        folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// ``keyBySplitting(folded:)`` byte by byte when the folded text is ASCII (nearly always):
    /// there a letter or digit is a byte of [a-zA-Z0-9], and splitting by characters costs more.
    private static func asciiKey(_ folded: String) -> String? {
        var folded = folded
        return folded.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0, gap = false
                for byte in bytes {
                    let lower = byte | 0x20
                    guard (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A) else {
                        gap = true
                        continue
                    }
                    if gap && count > 0 {
                        out[count] = 0x20
                        count += 1
                    }
                    gap = false
                    out[count] = byte
                    count += 1
                }
                return count
            }
        }
    }

    /// The exact and folded index forms of one word, as the search index stores them.
    public static func wordForms(_ word: String) -> (exact: String, folded: String) {
        var exact = [CChar](repeating: 0, count: 512)
        var folded = [CChar](repeating: 0, count: 512)
        let length = Int32(word.utf8.count)
        let status = word.withCString { vv_word_forms($0, length, &exact, 512, &folded, 512) }
        guard status == 0 else { return (word.lowercased(), word.lowercased()) }
        return (string(exact), string(folded))
    }

    private static func string(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The form the tokenizer gives a query word: exact when typed with marks, folded when not
    /// (the choice CVietText's tokenizer makes for query terms).
    public static func queryForm(_ word: String) -> String {
        let forms = wordForms(word)
        return hasMarks(word) ? forms.exact : forms.folded
    }

    /// True when a document's text is written without Vietnamese marks (typed where no
    /// Vietnamese keyboard was at hand): of its words of two letters or more, at least 20 and
    /// fewer than 1 in 20 carry a letter beyond ASCII. Its words cannot tell "dân" from "dẫn",
    /// so a query typed with marks matches them by their folded form.
    public static func isUnmarked(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var words = 0, marked = 0, letters = 0, wide = false
            func endWord() {
                if letters >= 2 {
                    words += 1
                    if wide { marked += 1 }
                }
                letters = 0
                wide = false
            }
            for byte in bytes {
                if byte >= 0x80 {
                    wide = true
                    if byte >= 0xC0 { letters += 1 }
                } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
                    letters += 1
                } else {
                    endWord()
                }
            }
            endWord()
            return words >= 20 && marked * 20 < words
        }
    }

    /// True when the text carries any Vietnamese mark (tone, vowel mark or đ): such a query
    /// term is matched exactly, an unmarked one against folded forms.
    public static func hasMarks(_ text: String) -> Bool {
        foldPreservingOffsets(nfc(text)) != nfc(text).lowercased()
    }
}

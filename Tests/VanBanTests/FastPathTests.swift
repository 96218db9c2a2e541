import CVietText
import Foundation
@testable import VanBan
import XCTest

/// The analysis's fast paths beside the obvious ones they stand for, on the lines of the seed
/// corpus, the fixtures and the rule files (``ByteSearchTests/sampleLines()``), as written and
/// decomposed, and on lines made to trip them.
final class FastPathTests: XCTestCase {
    private func lines() throws -> [String] {
        let lines = try ByteSearchTests.sampleLines() + [
            " \u{301}a ", "\t|x|\t", "\u{00A0}Hà Nội\u{3000}", "\u{200B}a\u{200B}", "\u{FEFF}b", " 😀 ", "|", "   ", "\u{2003}x\u{205F}",
        ]
        return lines + lines.map(\.decomposedStringWithCanonicalMapping)
    }

    func testLargestCountAgreesWithSorting() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 5, 9, 10, 11, 40, 3000] {
            for _ in 0..<20 {
                let counts = (0..<length).map { _ in UInt32.random(in: 0...(length > 100 ? 3 : 50), using: &generator) }
                for k in [1, 3, 10] {
                    XCTAssertEqual(Ranking.largest(k, of: counts), counts.sorted(by: >).prefix(k).last, "\(counts) k=\(k)")
                }
            }
        }
    }

    func testTrimmingScalarsAgreesWithFoundation() throws {
        let sets = [CharacterSet.whitespaces, .whitespaces.union(CharacterSet(charactersIn: "|")), .whitespacesAndNewlines]
        for line in try lines() {
            for set in sets {
                XCTAssertEqual(line.trimmingScalars(in: set).unicodeScalars.map(\.value),
                               line.trimmingCharacters(in: set).unicodeScalars.map(\.value), line)
            }
        }
    }

    func testFoldOverUTF8AgreesWithUnits() throws {
        var every = String.UnicodeScalarView()
        for value in UInt32(1)...0xFFFF { if let scalar = Unicode.Scalar(value) { every.append(scalar) } }
        for value in [0x10000, 0x1F600, 0x20000, 0x10FFFF] { every.append(Unicode.Scalar(UInt32(value))!) }
        for line in try lines() + [String(every), "", "Đ", "Ⱥ\u{23A}"] {
            XCTAssertEqual(VietText.foldPreservingOffsets(line), VietText.foldPreservingOffsetsByUnits(line), line)
        }
    }

    /// A word of ASCII letters and digits takes the forms the general path (through UTF-16) gives it.
    func testASCIIWordFormsAgreeWithTheGeneralPath() throws {
        func forms(_ word: String, _ make: (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<CChar>, Int32,
                                            UnsafeMutablePointer<CChar>, Int32) -> Int32) -> [String] {
            var exact = [CChar](repeating: 0, count: 512), folded = [CChar](repeating: 0, count: 512)
            let status = word.withCString { make($0, Int32(word.utf8.count), &exact, 512, &folded, 512) }
            return [String(status), String(cString: exact), String(cString: folded)]
        }
        let made = ["y", "Y", "ky", "KY", "Ky", "uy", "UY", "quy", "by", "xyz", "yy", "2y", "y2", "123", "A1b2", "Z", "",
                    String(repeating: "ab", count: 63) + "y", String(repeating: "x", count: 127), String(repeating: "x", count: 128)]
        let words = try lines().flatMap { $0.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init) } + made
        XCTAssertGreaterThan(words.count, 1000)
        for word in words {
            XCTAssertEqual(forms(word, vv_word_forms), forms(word, vv_word_forms_general), word)
        }
    }

    /// Every line the stamp pattern matches passes the digit count that lets it run.
    func testStampPrecheckLosesNoStamp() throws {
        let made = ["Thời gian ký: 28-07-2026 09:58:36 +07:00", "02/03/2025 10:11:12", "05/02/2025; 09:30:00; +07:00",
                    "2025-01-02 9:30 GMT+7", "05/02/2025 09:\u{0663}\u{0663} +07:00", "\u{0663}\u{0663}/\u{0663}\u{0663}/\u{0663}\u{0663}\u{0663}\u{0663} \u{0663}:\u{0663}\u{0663} +07:00"]
        var stamps = 0
        for line in try lines() + made where line.firstMatch(of: LayoutRepair.stamp) != nil {
            XCTAssertTrue(LayoutRepair.mayHoldStamp(line), line)
            stamps += 1
        }
        XCTAssertGreaterThanOrEqual(stamps, made.count)
    }

    func testUTF16UnitsAgreeWithTheView() throws {
        for line in try lines() + ["", "a", "é", "e\u{301}", "Đảng ủy", "👍🏽x", "🇻🇳", "\u{10FFFF}", "\u{7FF}\u{800}\u{FFFF}"] {
            XCTAssertEqual(line.utf16Units, Array(line.utf16), line)
        }
    }

    /// The byte scan finds a digit wherever ICU's `\d` (the schedule patterns') does.
    func testDecimalDigitAgreesWithTheRegex() throws {
        for line in try lines() + ["", "abc", "số 12", "\u{0663}", "Đảng \u{0966}", "²", "Ⅻ", "x\u{FF11}"] {
            XCTAssertEqual(line.hasDecimalDigit, line.range(of: "\\d", options: .regularExpression) != nil, line)
        }
    }

    func testCharacterCountAgreesWithCount() throws {
        for line in try lines() + ["a\r\nb", "\r", "e\u{301}", "ệ", "👍🏽", "🇻🇳"] {
            XCTAssertEqual(Outline.characterCount(line), line.count, line)
        }
    }

    func testASCIIKeyAgreesWithSplitting() throws {
        for line in try lines() + ["a\r\nb", "  x--y  ", "@[`{", "Số 12/QĐ-UBND"] {
            let folded = VietText.foldPreservingOffsets(VietText.nfc(line))
            XCTAssertEqual(VietText.key(line), VietText.keyBySplitting(folded: folded), line)
        }
    }

    func testPlaceStartAgreesWithSplitting() throws {
        let made = ["Hà Nội", "Sơn", "Sơn La, ngày", "Lào Cai Mới", "HÀ  NỘI", " Hà ", "Ha1", "", " ", "É\u{301}a", "Hà\u{301} Nội"]
        for line in try lines() + made {
            XCTAssertEqual(LayoutRepair.isPlaceStart(line), LayoutRepair.isPlaceStartBySplitting(line), line)
        }
    }

    func testUnquotedAgreesWithDropping() throws {
        let quotes: Set<Character> = ["\"", "“", "”", "'", "‘", "’"]
        for line in try lines() + ["“V/v ...”", "\"\"", "‘a’’", "“", "a"] {
            let dropped = String(line.drop { quotes.contains($0) }.reversed().drop { quotes.contains($0) }.reversed())
            XCTAssertEqual(HeaderParser.unquoted(line), dropped, line)
        }
    }

    /// Every schedule pattern finds with its prerequisite what it finds without, on folded text.
    func testSchedulePatternPrerequisitesLoseNoMatch() throws {
        let patterns = SchedulePatterns(Support.rules.requirements).all
        var matched = 0
        let made = ["truoc ngay 15/12/2026", "hang nam truoc ngay \u{0663}", "dinh ky 6 thang, 1 nam", "trong quy iii nam 2012",
                    "it nhat moi nam mot lan", "truoc ngay 20 cua thang cuoi quy", "thang 11/2025", "nam 2025"]
        for line in try lines().map(VietText.foldPreservingOffsets) + made {
            for pattern in patterns {
                let fast = pattern.first(in: line), slow = pattern.firstUnchecked(in: line)
                XCTAssertEqual(fast?.range, slow?.range, line)
                XCTAssertEqual(pattern.all(in: line).map(\.range), pattern.allUnchecked(in: line).map(\.range), line)
                if slow != nil { matched += 1 }
            }
        }
        XCTAssertGreaterThan(matched, 20)
        // No scalar the digit scan skips is a decimal digit but ASCII's (which it finds before).
        let skipped = (UInt32(0x80)...0x10FFFF).compactMap(Unicode.Scalar.init).filter(String.holdsNoDigit)
        XCTAssertGreaterThan(skipped.count, 1700)
        XCTAssertFalse(skipped.contains { $0.properties.generalCategory == .decimalNumber })
    }
}

import VanBan
import XCTest

final class NormalizationTests: XCTestCase {
    func testFoldingRemovesTonesVowelMarksAndStroke() {
        XCTAssertEqual(VietText.key("Đảng ủy Khối"), "dang uy khoi")
        XCTAssertEqual(VietText.key("Dân vận khéo"), "dan van kheo")
        XCTAssertEqual(VietText.key("THƯỜNG XUYÊN"), "thuong xuyen")
    }

    func testFoldingKeepsOffsets() {
        let text = "Nghị quyết số 25-NQ/TW"
        XCTAssertEqual(VietText.foldPreservingOffsets(text).utf16.count, text.utf16.count)
    }

    func testNFDIsTheSameTextAsNFC() {
        let nfd = "Đa dạng hoá".decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array("Đa dạng hoá".utf8))
        XCTAssertEqual(Array(VietText.nfc(nfd).utf8), Array("Đa dạng hoá".utf8))
        XCTAssertEqual(VietText.wordForms(nfd.components(separatedBy: " ")[2]).exact, "hoá")
    }

    func testEthIsReadAsDStroke() {
        XCTAssertEqual(VietText.nfc("Ðảng"), "Đảng")
        XCTAssertEqual(VietText.wordForms("Ðảng").folded, "dang")
    }

    func testOldAndNewTonePlacementGiveOneExactForm() {
        for (old, new) in [("hoá", "hóa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("Hoà", "hòa"), ("uỷ", "ủy")] {
            XCTAssertEqual(VietText.wordForms(old).exact, VietText.wordForms(new).exact, "\(old) / \(new)")
            XCTAssertEqual(VietText.wordForms(old).folded, VietText.wordForms(new).folded)
        }
        XCTAssertEqual(VietText.wordForms("họat").exact, VietText.wordForms("hoạt").exact)
        XCTAssertNotEqual(VietText.wordForms("mùa").exact, VietText.wordForms("muà").exact, "ua is not oa")
    }

    /// Every vowel keeps its tone in the exact form: "ậ" decomposes to "ạ" and a circumflex, so
    /// composing the dot below onto "â" alone would lose it ("vận" read as "vân").
    func testEveryVowelKeepsEveryToneInTheExactForm() {
        for vowel in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"] {
                let letter = (vowel + tone).precomposedStringWithCanonicalMapping
                XCTAssertEqual(VietText.wordForms(letter).exact, letter, "\(vowel) + \(tone.unicodeScalars.first!.value)")
                XCTAssertEqual(VietText.wordForms(letter.uppercased()).exact, letter)
            }
        }
        XCTAssertNotEqual(VietText.wordForms("vận").exact, VietText.wordForms("vân").exact)
        XCTAssertNotEqual(VietText.wordForms("hiện").exact, VietText.wordForms("hiên").exact)
        XCTAssertEqual(VietText.wordForms("hiện").folded, VietText.wordForms("hiên").folded)
    }

    func testCaseFoldsInBothForms() {
        XCTAssertEqual(VietText.wordForms("ĐẢNG").exact, "đảng")
        XCTAssertEqual(VietText.wordForms("ĐẢNG").folded, "dang")
    }

    func testLoneYAfterConsonantsFoldsToIButUyDoesNot() {
        XCTAssertEqual(VietText.wordForms("kỹ").folded, VietText.wordForms("kĩ").folded)
        XCTAssertEqual(VietText.wordForms("lý").folded, "li")
        XCTAssertEqual(VietText.wordForms("thủy").folded, "thuy")
        XCTAssertNotEqual(VietText.wordForms("thủy").folded, VietText.wordForms("thủi").folded)
    }

    func testMarksDecideExactMatching() {
        XCTAssertTrue(VietText.hasMarks("dân"))
        XCTAssertTrue(VietText.hasMarks("đan"))
        XCTAssertFalse(VietText.hasMarks("dan"))
        XCTAssertFalse(VietText.hasMarks("DAN"))
    }
}

import VanBan
import XCTest

final class DocumentNumberTests: XCTestCase {
    private let scanner = NumberScanner(rules: Support.rules)

    func testWrittenForms() {
        let cases = [
            "25-NQ/TW": "25-NQ/TW", "84 - CV/ĐU": "84-CV/ĐU", "60-CTr/ĐUK": "60-CTr/ĐUK", "45-KH/TƯ": "45-KH/TW",
            "18/2000/CT-TTg": "18/2000/CT-TTg", "30/2020/NĐ-CP": "30/2020/NĐ-CP", "1520/QĐ-UBND": "1520/QĐ-UBND",
            "25/NQ-TW": "25-NQ/TW", "45/2019/QH14": "45/2019/QH14", "101-QĐ/TW": "101-QĐ/TW",
        ]
        for (written, symbol) in cases {
            XCTAssertEqual(scanner.number(exactly: written)?.symbol, symbol, written)
        }
    }

    func testNumbersInRunningText() {
        let text = "thực hiện Kế hoạch số 164-KH/TU, Chỉ thị 18/2000/CT-TTg ngày 21/9/2000 và ngày 15-10; đạt 80%-100%."
        XCTAssertEqual(scanner.matches(in: text).map(\.number.symbol), ["164-KH/TU", "18/2000/CT-TTg"])
    }

    private func key(_ text: String) -> NumberKey? {
        scanner.number(exactly: text).map { NumberKey($0, types: Support.rules.types) }
    }

    func testKeysIgnoreCaseMarksAndZeros() {
        XCTAssertEqual(key("84 - CV/ĐU"), key("084-cv/du"))
        XCTAssertNotEqual(key("45-KH/TƯ"), key("45-KH/TU"), "TƯ is TW, not TU")
    }

    /// One rule for QĐ and QĐi (a Quy định is numbered either way), for a written number and a
    /// typed one alike.
    func testQuyDinhAndQuyetDinhShareOneKey() throws {
        XCTAssertEqual(key("101-QĐ/TW"), key("101-QĐi/TW"))
        XCTAssertEqual(key("101-QyĐ/TW"), key("101-QĐ/TW"))
        XCTAssertNotEqual(key("101-QĐ/TW"), key("101-NQ/TW"))
        let typed = try XCTUnwrap(NumberReference.parse("quy định 101", rules: Support.rules))
        XCTAssertEqual(NumberKey(number: typed.number, type: typed.typeCode, issuer: "TW", types: Support.rules.types), key("101-QĐ/TW"))
    }

    func testUserForms() {
        let rules = Support.rules
        XCTAssertEqual(NumberReference.parse("nq 25", rules: rules)?.display, "NQ 25")
        XCTAssertEqual(NumberReference.parse("NQ25", rules: rules)?.display, "NQ 25")
        XCTAssertEqual(NumberReference.parse("25 nq", rules: rules)?.display, "NQ 25")
        XCTAssertEqual(NumberReference.parse("nghị quyết số 25", rules: rules)?.display, "NQ 25")
        XCTAssertEqual(NumberReference.parse("Nghị quyết số 25-NQ/TW", rules: rules)?.display, "25-NQ/TW")
        XCTAssertNil(NumberReference.parse("dân vận 25", rules: rules))
        XCTAssertNil(NumberReference.parse("25", rules: rules))
    }
}

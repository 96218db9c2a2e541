import Foundation
@testable import VanBan
import XCTest

/// Legacy Vietnamese encodings: fixtures are real corpus text written in each encoding (with the
/// tables of `indexer/encodings/` read backwards, or ICU for Windows-1258), then read back.
final class LegacyEncodingTests: XCTestCase {
    private static let legacy = try! LegacyEncodings(directory: Support.repository.appendingPathComponent("indexer"))
    private static let programme = try! String(contentsOf: Support.corpus.appendingPathComponent("60-CTr-DUK_2014-05-29.txt"),
                                               encoding: .utf8)

    private func decode(_ bytes: [UInt8]) throws -> TextDecoder.Decoded {
        try TextDecoder.decode(bytes, legacy: Self.legacy)
    }

    private func read(_ bytes: [UInt8], as name: String) -> String? {
        Self.legacy.encodings.first { $0.name == name }?.decode(bytes[...])
    }

    private func failure(_ bytes: [UInt8]) -> TextDecoder.Failure? {
        do {
            let decoded = try decode(bytes)
            XCTFail("expected a failure, got \(decoded.encoding): \(decoded.text.prefix(80))")
            return nil
        } catch {
            return error as? TextDecoder.Failure
        }
    }

    func testFontEncodingsReadBack() throws {
        for (name, file) in [("VNI-Windows", "vni.tsv"), ("TCVN3", "tcvn3.tsv")] {
            let decoded = try decode(try Encoder.table(file).encode(Self.programme))
            XCTAssertEqual(decoded.encoding, name)
            // TCVN3 has no bytes for capitals with tones: they come back small, except on lines
            // typed all in capitals (headings), which are read as capitals.
            let expected = name == "VNI-Windows" ? Self.programme
                : Self.programme.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { $0 == $0.uppercased() ? String($0) : $0.replacingOccurrences(of: "Ủ", with: "ủ") }
                    .joined(separator: "\n")
            XCTAssertEqual(decoded.text, VietText.nfc(expected), name)
        }
    }

    func testWindows1258ReadsBackComposed() throws {
        let decoded = try decode(try Encoder.windows1258().encode(Self.programme))
        XCTAssertEqual(decoded.encoding, "Windows-1258")
        XCTAssertEqual(decoded.text, VietText.nfc(Self.programme))
    }

    /// A handful of letters checked against UniKey's tables, not against the files' own reverse.
    func testTablesMatchUniKey() {
        let tcvn3: [(UInt8, String)] = [(0xB5, "à"), (0xB8, "á"), (0xB6, "ả"), (0xB7, "ã"), (0xB9, "ạ"), (0xA8, "ă"),
                                         (0xBE, "ắ"), (0xA9, "â"), (0xCB, "ậ"), (0xAE, "đ"), (0xA7, "Đ"), (0xAA, "ê"),
                                         (0xD6, "ệ"), (0xAB, "ô"), (0xE8, "ố"), (0xAC, "ơ"), (0xEE, "ợ"), (0xAD, "ư"),
                                         (0xF9, "ự"), (0xA6, "Ư")]
        for (byte, letter) in tcvn3 {
            XCTAssertEqual(read([byte], as: "TCVN3"), letter, "TCVN3 \(byte)")
        }
        let vni: [(String, String)] = [("aø", "à"), ("aù", "á"), ("aû", "ả"), ("aõ", "ã"), ("aï", "ạ"), ("aê", "ă"),
                                       ("aé", "ắ"), ("aâ", "â"), ("aä", "ậ"), ("ñ", "đ"), ("Ñ", "Đ"), ("eâ", "ê"),
                                       ("eä", "ệ"), ("oâ", "ô"), ("oá", "ố"), ("ô", "ơ"), ("ôï", "ợ"), ("ö", "ư"),
                                       ("öï", "ự"), ("ÖÔØ", "ƯỜ")]
        for (bytes, letter) in vni {
            XCTAssertEqual(read(Self.latin1(bytes), as: "VNI-Windows"), letter, "VNI \(bytes)")
        }
    }

    func testShortInputNamesTheLikelyEncodings() throws {
        XCTAssertEqual(try decode(Self.latin1("c«ng t¸c d©n vËn cña §¶ng")).text, "công tác dân vận của Đảng")
        // "Sè 12" is "Số 12" in TCVN3, "Sè 12" in VNI and Windows-1258: all Vietnamese.
        let ambiguous = failure(Self.latin1("Sè 12"))
        XCTAssertEqual(ambiguous, .unsureEncoding(candidates: ["Windows-1258", "TCVN3", "VNI-Windows"]))
        XCTAssertEqual(ambiguous?.description, "not UTF-8; the encoding could not be determined "
                       + "(likely Windows-1258, TCVN3 or VNI-Windows); convert it to UTF-8 and index again")
        // Two words read as Vietnamese in VNI only: too few to index on.
        XCTAssertEqual(failure(Self.latin1("Haø Noäi")), .unsureEncoding(candidates: ["VNI-Windows"]))
    }

    func testNonVietnameseBytesAreRefused() {
        // A stray byte reads as a letter ("Ă", "Ã") in every encoding: that is no evidence.
        XCTAssertEqual(failure([0xC3, 0x28]), .invalidUTF8(offset: 0))
        let french = Self.latin1("Le comité a décidé qu'à partir de l'été prochain, la sécurité sera renforcée à Paris.")
        XCTAssertEqual(failure(french), .invalidUTF8(offset: 8))
        // UTF-8 saved through Windows-1252, which has no 0x81, 0x8D, 0x8F, 0x90, 0x9D: "Đ" is C4 3F.
        let mangled = Array("Ban Chấp hành Đảng bộ tỉnh về công tác dân vận của Đảng".utf8)
            .map { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) ? 0x3F : $0 }
        XCTAssertEqual(failure(mangled), .invalidUTF8(offset: 17))
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            // Printable bytes, so it is not taken for binary; no byte-order mark, so not for UTF-16.
            let noise = [0x78] + (0..<2000).map { _ in UInt8(truncatingIfNeeded: 0x20 + generator.next() % 0xE0) }
            XCTAssertEqual(failure(noise)?.description.hasPrefix("not valid UTF-8"), true)
        }
    }

    func testUTF8IsReadAsItIs() throws {
        let text = "Ninh B×nh, chaøo: UTF-8 that looks like legacy text stays as written."
        XCTAssertEqual(try decode(Array(text.utf8)).encoding, "UTF-8")
        XCTAssertEqual(try decode(Array(text.utf8)).text, text)
        // A byte-order mark says UTF-8: bad bytes after it are not read as a legacy encoding.
        XCTAssertEqual(failure([0xEF, 0xBB, 0xBF] + Self.latin1("c«ng t¸c d©n vËn cña §¶ng")), .invalidUTF8(offset: 1))
    }

    func testLegacyFilesAreIndexedWithTheirEncoding() throws {
        let folder = try Support.corpusCopy()
        let resolution = """
            ĐẢNG BỘ TỈNH ĐỒNG NAI\r\nĐẢNG ỦY KHỐI CÁC CƠ QUAN\r\nSố: 15-NQ/ĐUK\r\nBiên Hòa, ngày 3 tháng 4 năm 1998\r\n\r\n\
            NGHỊ QUYẾT\r\nvề công tác thủy lợi nội đồng\r\n\r\nCác chi bộ tổ chức nạo vét kênh mương trước mùa mưa.\r\n
            """
        let directive = """
            ĐẢNG BỘ TỈNH ĐỒNG NAI\r\nĐẢNG ỦY KHỐI CÁC CƠ QUAN\r\nSố: 16-CT/ĐUK\r\nBiên Hòa, ngày 5 tháng 6 năm 1999\r\n\r\n\
            CHỈ THỊ\r\nvề phòng chống lụt bão\r\n\r\nCác cấp ủy chuẩn bị phương tiện cứu hộ, sơ tán người dân vùng trũng.\r\n
            """
        try Data(try Encoder.table("tcvn3.tsv").encode(resolution)).write(to: folder.appendingPathComponent("15-NQ-DUK.txt"))
        try Data(try Encoder.table("vni.tsv").encode(directive)).write(to: folder.appendingPathComponent("16-CT-DUK.txt"))
        try Data(Self.latin1("Sè 12")).write(to: folder.appendingPathComponent("unsure.txt"))
        let (archive, report) = try Support.archive(of: folder)
        XCTAssertEqual(report.failed.map(\.path), ["unsure.txt"])
        XCTAssertEqual(try archive.search(SearchRequest(query: "thủy lợi nội đồng")).hits.first?.number, "15-NQ/ĐUK")
        XCTAssertEqual(try archive.search(SearchRequest(query: "lut bao")).hits.first?.number, "16-CT/ĐUK")
        XCTAssertEqual(try archive.documents(numbered: "15-NQ/ĐUK").map(\.encoding), ["TCVN3"])
        XCTAssertEqual(try archive.documents(numbered: "16-CT/ĐUK").map(\.encoding), ["VNI-Windows"])
        XCTAssertEqual(try archive.documents(numbered: "16-CT/ĐUK").first?.date, "1999-06-05")
    }

    /// Bytes as Latin-1 shows them: how legacy text is usually quoted ("Ninh B×nh").
    private static func latin1(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8($0.value) }
    }
}


/// Writes text in a legacy encoding, as the old software did.
private struct Encoder {
    let letters: [Character: [UInt8]]
    /// Windows-1258 writes a tone as a combining mark after the letter without it.
    let decomposes: Bool

    /// A font encoding from its table, with Windows-1252 for what the table does not list.
    static func table(_ file: String) throws -> Encoder {
        var letters = windows1252
        for row in try RuleTable(contentsOf: Support.repository.appendingPathComponent("indexer/encodings/\(file)")).rows {
            letters[Character(row[1])] = row[0].split(separator: " ").map { UInt8($0, radix: 16)! }
        }
        return Encoder(letters: letters, decomposes: false)
    }

    static func windows1258() -> Encoder {
        Encoder(letters: codePage("windows-1258"), decomposes: true)
    }

    private static let windows1252 = codePage("windows-1252")

    private static func codePage(_ charset: String) -> [Character: [UInt8]] {
        var letters: [Character: [UInt8]] = [:]
        for byte in UInt8(0x80)...0xFF {
            letters[Character(LegacyEncoding.icu([byte][...], charset: charset))] = [byte]
        }
        return letters
    }

    struct Unwritable: Error {
        let character: Character
    }

    func encode(_ text: String) throws -> [UInt8] {
        try text.flatMap(bytes)
    }

    private static let tones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    private func bytes(_ character: Character) throws -> [UInt8] {
        if character.isASCII { return Array(character.utf8) }
        if let bytes = letters[character] { return bytes }
        // TCVN3 writes a capital with a tone as the small letter, for an "H" font to draw.
        if !decomposes, let bytes = letters[Character(character.lowercased())] { return bytes }
        let scalars = String(character).decomposedStringWithCanonicalMapping.unicodeScalars
        let tones = scalars.filter { Self.tones.contains($0.value) }
        guard decomposes, !tones.isEmpty else { throw Unwritable(character: character) }
        var base = String.UnicodeScalarView()
        base.append(contentsOf: scalars.filter { !Self.tones.contains($0.value) })
        return try bytes(Character(String(base).precomposedStringWithCanonicalMapping))
            + tones.flatMap { try bytes(Character(String($0))) }
    }
}

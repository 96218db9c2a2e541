import Foundation
import VanBan
import XCTest

/// Random and adversarial input through the core: every query function either answers or
/// throws a message written for people (`badQuery`, `notFound`) that names no engine detail.
///
/// The suite runs 2,000 cases; `scripts/fuzz.py` runs the long version through this same test
/// (`VANBAN_FUZZ_CASES`, `VANBAN_FUZZ_SEED`) and feeds the strings it writes to
/// `VANBAN_FUZZ_DUMP` (one JSON string a line) to the CLI and the HTTP server.
final class FuzzTests: XCTestCase {
    static let leaks = ["fts5", "sqlite", "syntax error", "no such column", "unterminated", "malformed"]

    func testRandomAndAdversarialInputThroughTheCore() throws {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["VANBAN_FUZZ_CASES"].flatMap { Int($0) } ?? 2_000
        let seed = environment["VANBAN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_140_606
        let dump = environment["VANBAN_FUZZ_DUMP"].flatMap { path -> FileHandle? in
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }
        defer { try? dump?.close() }
        print("fuzz: \(cases) cases, seed \(seed)")

        let archive = try Support.archive(of: Support.corpusCopy(withFixtures: true)).0
        var fuzzer = Fuzzer(seed: seed)
        var outcomes: [String: Int] = [:]
        let started = Date()
        for index in 0..<cases {
            let call = fuzzer.next()
            try dump?.write(contentsOf: JSONEncoder().encode(call.text) + Data("\n".utf8))
            let context = "case \(index) of seed \(seed): \(call)"
            do {
                try call.run(on: archive)
                outcomes["\(call.kind) answered", default: 0] += 1
            } catch let error as VanBanError {
                switch error {
                case .badQuery(let message), .notFound(let message):
                    outcomes["\(call.kind) \(error == .notFound(message) ? "not found" : "bad query")", default: 0] += 1
                    let lowered = message.lowercased()
                    for leak in Self.leaks where lowered.contains(leak) { XCTFail("\(context): \"\(leak)\" in \(message.prefix(300))") }
                default:
                    XCTFail("\(context): \(error)")
                }
            } catch {
                XCTFail("\(context): not a VanBanError: \(error)")
            }
        }
        print("fuzz: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}


/// One call of the core with hostile arguments.
struct FuzzCall: CustomStringConvertible {
    enum Kind: CaseIterable { case search, show, requirements, chain, path, references }

    let kind: Kind
    /// The query, number or actor name: the string the CLI and HTTP runs reuse.
    let text: String
    /// A second string: the type filter, the `due` month, the other end of a path.
    let other: String?
    let issuer: String?
    let years: (from: Int?, to: Int?)
    let limit: Int
    let offset: Int
    /// Sort by date; follow a chain down.
    let flag: Bool

    func run(on archive: Archive) throws {
        switch kind {
        case .search:
            _ = try archive.search(SearchRequest(query: text, type: other, issuer: issuer, fromYear: years.from, toYear: years.to,
                                                 limit: limit, offset: offset, order: flag ? .date : .relevance))
        case .show: _ = try archive.show(text)
        case .requirements: _ = try archive.requirements(RequirementFilter(who: text, due: other, limit: limit))
        case .chain: _ = try archive.chain(from: text, direction: flag ? .down : .up, depth: limit)
        case .path: _ = try archive.path(from: text, to: other ?? "")
        case .references: _ = try archive.references(of: text)
        }
    }

    var description: String {
        func quoted(_ value: String?) -> String {
            guard let value else { return "nil" }
            let escaped = value.unicodeScalars.prefix(120).map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined()
            return "\"\(escaped)\"" + (value.unicodeScalars.count > 120 ? "… (\(value.utf8.count) bytes)" : "")
        }
        return "\(kind)(\(quoted(text)), other: \(quoted(other)), issuer: \(quoted(issuer)), years: \(years), limit: \(limit), offset: \(offset), flag: \(flag))"
    }
}

/// Builds hostile strings from the pieces that break naive query handling: FTS5 syntax, SQL,
/// document numbers, control and combining characters, any Unicode scalar, and sheer length.
/// Filters are mostly absent or valid, so most cases reach the query itself.
struct Fuzzer {
    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let words = ["dân", "vận", "dan", "van", "khéo", "kheo", "Đảng", "ủy", "uỷ", "hoà", "hòa", "cán bộ", "thổ cẩm",
                        "chim", "yến", "công tác", "quy chế", "thi đua", "a", "x", "the", "Ω", "中文", "🇻🇳", "d\u{302}a\u{300}n",
                        "ĐẢNG ỦY", "ban tuyen giao", "BTG ĐUK", "12", "2014", "15-10"]
    static let numbers = ["25-NQ/TW", "25/NQ-TW", "nq 25", "NQ25", "84 - CV/ĐU", "84-CV/ĐU", "60-CTr/ĐUK", "18/2000/CT-TTg",
                          "164-KH/TU", "NĐ-CP", "15/2020/NĐ-CP", "0-NQ/TW", "99999999999999999999-NQ/TW", "-1/NQ", "/", "//",
                          "1/", "/TW", "768-QĐ/TU", "ctr 60", "QĐ", "13", "0", "-"]
    static let syntax = ["AND", "OR", "NOT", "NEAR", "NEAR(", "NEAR(dân vận, 2)", "NEAR(\"a\" \"b\", -1)", "and", "or", "+", "-",
                         "*", "^", "\"", "'", "(", ")", "{", "}", "[", "]", ":", ",", ";", "\\", "%", "_", "$", "@", "#", "!",
                         "?", "=", "<", ">", "|", "&", "~", "`", "/", "..", "…", "“", "”", "body:", "title:", "heading:",
                         "{title body}:", "{body}:", "- body:", "passages_fts:", "rank:", "rowid:", "nope:", "}:", "^\"", "\"*"]
    static let sql = ["'; DROP TABLE documents; --", "\" OR 1=1 --", "' OR '1'='1", "UNION SELECT * FROM meta", "/*", "*/", "--",
                      "; PRAGMA writable_schema=1;", "x') MATCH ('y", "char(0)", "NULL", "%00", "\\0", "ATTACH DATABASE 'x' AS y",
                      "load_extension('x')", "snippet(", "bm25(passages_fts)", "MATCH", "ESCAPE", "LIKE", "GLOB", "\"\"\"", "''",
                      "../../etc/passwd", "<script>alert(1)</script>", "%s%s%n", "${jndi:x}"]
    /// Characters a naive cleaner or tokenizer trips on: C0 and C1 controls, combining marks,
    /// zero-width and direction marks, the byte-order mark, non-characters, private use.
    static let characters: [Unicode.Scalar] = (0x00...0x1F).map { Unicode.Scalar($0)! } + (0x7F...0x9F).map { Unicode.Scalar($0)! }
        + [0x300, 0x301, 0x303, 0x309, 0x323, 0x36F, 0x200B, 0x200D, 0x202E, 0xFEFF, 0xFFFD, 0xFFFF, 0xE000, 0x10FFFF, 0x1F600]
        .map { Unicode.Scalar($0)! }
    static let types = ["NQ", "CTr", "CV", "nghị quyết", "chỉ thị", "nq"]
    static let issuers = ["TW", "ĐUK", "dang uy khoi", "Tỉnh ủy"]
    static let months = ["12", "2024-12", "12/2024", "2024-11-30", "30/11/2024", "10"]
    /// Limits, offsets, years and depths (negated now and then).
    static let integers = [-1, 0, 1, 2, 9, 10, 20, 21, 99, 100, 101, 1_000, 1_001, 2014, 99_999, 1 << 31, Int(Int32.max), Int.max]

    mutating func next() -> FuzzCall {
        let kind = FuzzCall.Kind.allCases.randomElement(using: &random)!
        let text = kind == .search || kind == .requirements || chance(0.3) ? text() : numberLike()
        let other: String?
        switch kind {
        case .search: other = chance(0.15) ? (chance(0.5) ? pick(Self.types) : self.text(maxPieces: 3)) : nil
        case .requirements: other = chance(0.3) ? (chance(0.5) ? pick(Self.months) : self.text(maxPieces: 3)) : nil
        case .path: other = numberLike()
        default: other = nil
        }
        let issuer = chance(0.15) ? (chance(0.5) ? pick(Self.issuers) : self.text(maxPieces: 3)) : nil
        return FuzzCall(kind: kind, text: text, other: other, issuer: issuer,
                        years: (chance(0.1) ? integer() : nil, chance(0.1) ? integer() : nil),
                        limit: chance(0.3) ? integer() : 10, offset: chance(0.3) ? integer() : 0, flag: chance(0.5))
    }

    /// A document number, sometimes with a hostile piece inside it.
    private mutating func numberLike() -> String {
        var number = pick(Self.numbers)
        if chance(0.5) {
            let index = number.index(number.startIndex, offsetBy: Int.random(in: 0...number.count, using: &random))
            number.insert(contentsOf: piece(), at: index)
        }
        return number
    }

    /// Pieces joined by random separators; now and then a long repetition (up to 100 kB) or
    /// random scalars from all of Unicode.
    private mutating func text(maxPieces: Int = 12) -> String {
        if chance(0.02) {
            let piece = piece()
            let length = Int.random(in: 4_000...100_000, using: &random)
            return String(repeating: piece + (chance(0.5) ? " " : ""), count: length / max(1, piece.utf8.count + 1) + 1)
        }
        if chance(0.05) {
            return String(String.UnicodeScalarView((0..<Int.random(in: 1...64, using: &random)).compactMap { _ in
                Unicode.Scalar(UInt32.random(in: 0...0x10FFFF, using: &random))
            }))
        }
        let separators = ["", " ", " ", " ", "  ", "\t", "\n", "\u{A0}"]
        return (0..<Int.random(in: 0...maxPieces, using: &random)).map { _ in piece() + separators.randomElement(using: &random)! }.joined()
    }

    private mutating func piece() -> String {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<3: return pick(Self.words)
        case 3: return pick(Self.numbers)
        case 4..<7: return pick(Self.syntax)
        case 7: return pick(Self.sql)
        case 8: return String(String.UnicodeScalarView((0..<Int.random(in: 1...4, using: &random)).map { _ in Self.characters.randomElement(using: &random)! }))
        default: return pick(Self.words) + Self.characters.randomElement(using: &random)!.description
        }
    }

    private mutating func pick(_ values: [String]) -> String { values.randomElement(using: &random)! }

    private mutating func integer() -> Int { Self.integers.randomElement(using: &random)! * (chance(0.2) ? -1 : 1) }

    private mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
}

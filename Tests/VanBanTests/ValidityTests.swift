import VanBan
import XCTest

/// ValidityGraph without a database: nodes with their effect clauses, links that change
/// validity, and the status each node gets on a day, with since, evidence and conflicts.
final class ValidityTests: XCTestCase {
    private func node(_ id: Int64, _ label: String, _ date: String?, _ clause: EffectClause? = nil, archived: Bool = true) -> ValidityGraph.Node {
        let evidence = clause.map { _ in Evidence(document: label, file: "\(label).txt", passage: 4, section: "", article: "Điều 3",
                                                  sentence: "\(label) có hiệu lực …") }
        return ValidityGraph.Node(id: id, label: label, file: archived ? "\(label).txt" : nil, date: date, clause: clause,
                                  clauseEvidence: (evidence, clause?.ends == nil ? nil : evidence))
    }

    private func act(_ source: Int64, _ relation: Relation, _ target: Int64, part: String? = nil, date: String? = nil,
                     sentence: String = "Bãi bỏ …") -> ValidityGraph.Act {
        ValidityGraph.Act(source: source, target: target, relation: relation, part: part, date: date,
                          evidence: Evidence(document: "doc \(source)", file: nil, passage: 2, section: "Điều 1", sentence: sentence))
    }

    func testADecreeReplacedThroughTheEffectClauseOfALaterOne() throws {
        let records = ValidityGraph.records(
            nodes: [node(1, "12/2019/QĐ-UBND", "2019-03-15", EffectClause(start: .afterSigning(days: 10))),
                    node(2, "25/2023/QĐ-UBND", "2023-06-01", EffectClause(start: .date("2023-06-15")))],
            acts: [act(2, .replaces, 1, sentence: "Quyết định này có hiệu lực kể từ ngày 15 tháng 6 năm 2023 và thay thế Quyết định số 12/2019/QĐ-UBND.")])
        let old = try XCTUnwrap(records[1])
        XCTAssertEqual(old.effect?.starts, "2019-03-25")
        XCTAssertEqual(old.effect?.basis, .afterSigning)
        let now = old.status(asOf: "2024-01-01")
        XCTAssertEqual(now.status.state, .replaced)
        XCTAssertEqual(now.status.since, "2023-06-15")
        XCTAssertEqual(now.status.by, ["25/2023/QĐ-UBND"])
        XCTAssertFalse(now.status.assumed)
        XCTAssertEqual(now.changes.first?.basis, .stated)
        XCTAssertEqual(now.evidence.map(\.sentence).first?.hasPrefix("Quyết định này có hiệu lực kể từ ngày 15 tháng 6"), true)
        XCTAssertEqual(now.changes.first?.sinceEvidence?.document, "25/2023/QĐ-UBND", "the day comes from the later decree's clause")

        let before = old.status(asOf: "2023-06-14")
        XCTAssertEqual(before.status.state, .inForce)
        XCTAssertEqual(before.status.since, "2019-03-25")
        XCTAssertEqual(before.upcoming.count, 1)
        XCTAssertEqual(old.status(asOf: "2019-03-20").status.state, .notYetInForce)
        XCTAssertEqual(records[2]?.status(asOf: "2024-01-01").status.state, .inForce)
        XCTAssertEqual(old.stops, "2023-06-15")
        XCTAssertNil(records[2]?.stops)
    }

    func testAPartialAmendmentNamingArticles() throws {
        let records = ValidityGraph.records(
            nodes: [node(1, "25/2023/QĐ-UBND", "2023-06-01", EffectClause(start: .date("2023-06-15"))),
                    node(2, "30/2024/QĐ-UBND", "2024-02-20", EffectClause(start: .signing))],
            acts: [act(2, .amends, 1, part: "Điều 5 và khoản 2 Điều 7")])
        let read = try XCTUnwrap(records[1]).status(asOf: "2025-01-01")
        XCTAssertEqual(read.status.state, .amended)
        XCTAssertEqual(read.status.parts, ["Điều 5 và khoản 2 Điều 7"])
        XCTAssertEqual(read.status.since, "2024-02-20")
        XCTAssertEqual(read.changes.first?.basis, .signing)
        XCTAssertFalse(read.status.state.stopped)
        XCTAssertNil(records[1]?.stops)
    }

    func testARepealByListAndOfAPart() throws {
        let records = ValidityGraph.records(
            nodes: [node(1, "40/2024/QĐ-UBND", "2024-06-10", EffectClause(start: .date("2024-07-01"))),
                    node(2, "3/2015/QĐ-UBND", nil, archived: false), node(3, "8/2016/QĐ-UBND", "2016-02-01", archived: false),
                    node(4, "9/2017/QĐ-UBND", "2017-05-05", archived: false)],
            acts: [act(1, .repeals, 2), act(1, .repeals, 3), act(1, .repeals, 4, part: "khoản 3 Điều 4"),
                   // The trích yếu states the same repeal again: one change.
                   act(1, .repeals, 3)])
        for id: Int64 in [2, 3] {
            let read = try XCTUnwrap(records[id]).status(asOf: "2024-07-01")
            XCTAssertEqual(read.status.state, .repealed, "\(id)")
            XCTAssertEqual(read.status.since, "2024-07-01")
            XCTAssertEqual(read.changes.count, 1)
        }
        XCTAssertNil(records[2]?.effect, "a cited document of unknown date")
        let part = try XCTUnwrap(records[4]).status(asOf: "2024-07-01")
        XCTAssertEqual(part.status.state, .partlyRepealed)
        XCTAssertEqual(part.status.parts, ["khoản 3 Điều 4"])
        XCTAssertEqual(records[4]?.status(asOf: "2024-06-30").status.state, .inForce)
    }

    func testAnExpiryDateOfItsOwn() throws {
        let record = try XCTUnwrap(ValidityGraph.records(
            nodes: [node(1, "55/QĐ-UBND", "2020-05-04", EffectClause(start: .signing, ends: "2022-01-01"))], acts: [])[1])
        XCTAssertEqual(record.status(asOf: "2021-12-31").status.state, .inForce)
        let expired = record.status(asOf: "2022-01-01")
        XCTAssertEqual(expired.status.state, .expired)
        XCTAssertEqual(expired.status.since, "2022-01-01")
        XCTAssertEqual(expired.evidence.first?.article, "Điều 3")
        XCTAssertEqual(record.stops, "2022-01-01")
    }

    func testConflictsAreReportedNotResolved() throws {
        let records = ValidityGraph.records(
            nodes: [node(1, "7/2020/QĐ-UBND", "2020-01-02", archived: false),
                    node(2, "50/2024/QĐ-UBND", "2024-03-01", EffectClause(start: .signing)),
                    node(3, "51/2024/QĐ-UBND", "2024-09-01", EffectClause(start: .date("2024-09-15"))),
                    node(4, "60/2022/QĐ-UBND", "2022-05-01", EffectClause(start: .date("2022-05-15"))),
                    node(5, "15/2021/QĐ-UBND", "2021-08-02", EffectClause(start: .signing))],
            acts: [act(3, .replaces, 1), act(2, .replaces, 1), act(5, .repeals, 4)])
        let twice = try XCTUnwrap(records[1])
        XCTAssertEqual(twice.conflicts.map(\.kind), [.severalEnd])
        XCTAssertEqual(twice.conflicts.first?.changes.map(\.by), ["50/2024/QĐ-UBND", "51/2024/QĐ-UBND"], "oldest first")
        let read = twice.status(asOf: "2025-01-01")
        XCTAssertEqual(read.status.state, .replaced)
        XCTAssertEqual(read.status.since, "2024-03-01", "it stopped standing with the first")
        XCTAssertEqual(read.status.by, ["50/2024/QĐ-UBND", "51/2024/QĐ-UBND"])
        XCTAssertTrue(read.status.conflicted)
        XCTAssertEqual(twice.status(asOf: "2024-06-01").upcoming.map(\.by), ["51/2024/QĐ-UBND"])

        let early = try XCTUnwrap(records[4])
        XCTAssertEqual(early.conflicts.map(\.kind), [.beforeOwnDate])
        XCTAssertEqual(early.conflicts.first?.date, "2022-05-01")
        XCTAssertTrue(early.conflicts.first?.message.contains("before its own date 2022-05-01") ?? false)
        XCTAssertEqual(early.status(asOf: "2025-01-01").status.state, .repealed)
    }

    func testAssumedAndUnknownDays() throws {
        let records = ValidityGraph.records(
            nodes: [node(1, "08-HD/BTCTU", "2017-08-16", archived: false), node(2, "hd.pdf", "2025-08"),
                    node(3, "607/QĐ-UBND", "2024-04-04", archived: false), node(4, "draft.docx", nil, EffectClause(start: .signing))],
            acts: [act(2, .replaces, 1), act(4, .replaces, 3)])
        let assumed = try XCTUnwrap(records[1]).status(asOf: "2026-01-01")
        XCTAssertEqual(assumed.status.state, .replaced)
        XCTAssertEqual(assumed.status.since, "2025-08", "the month a blank day leaves")
        XCTAssertTrue(assumed.status.assumed, "the replacing guide states no day: its signing month, assumed")
        XCTAssertEqual(records[1]?.status(asOf: "2017-09-01").status.since, "2017-08-16")
        XCTAssertTrue(records[1]?.status(asOf: "2017-09-01").status.assumed ?? false)
        let unknown = try XCTUnwrap(records[3]).status(asOf: "2026-01-01")
        XCTAssertEqual(unknown.status.state, .replaced, "replaced, on a day nobody knows")
        XCTAssertNil(unknown.status.since)
        XCTAssertEqual(records[3]?.stops, "")
    }

    func testSuspensionAndSelfReference() throws {
        let records = ValidityGraph.records(
            nodes: [node(1, "A", "2020-01-01"), node(2, "B", "2021-01-01")],
            acts: [act(2, .suspends, 1), act(1, .repeals, 1), act(2, .mentions, 1)])
        let read = try XCTUnwrap(records[1]).status(asOf: "2022-01-01")
        XCTAssertEqual(read.status.state, .suspended)
        XCTAssertEqual(read.changes.count, 1, "a document never changes itself; mentions change nothing")
        XCTAssertTrue(read.status.state.stopped)
    }

    func testTheSentenceOfTheChangeIsNotQuotedTwice() throws {
        // "1. Hướng dẫn này có hiệu lực từ ngày ký, thay thế Hướng dẫn số 11-HD/VPTW": the effect
        // clause (with its item number) and the change are one sentence.
        let records = ValidityGraph.records(
            nodes: [node(1, "11-HD/VPTW", "2004-05-28", archived: false), node(2, "36-HD/VPTW", "2018-04-03", EffectClause(start: .signing))],
            acts: [act(2, .replaces, 1, sentence: "36-HD/VPTW có hiệu lực …")])
        let read = try XCTUnwrap(records[1]).status(asOf: "2020-01-01")
        XCTAssertEqual(read.status.since, "2018-04-03")
        XCTAssertNil(read.changes.first?.sinceEvidence)
        XCTAssertEqual(read.evidence.count, 1)
    }
}

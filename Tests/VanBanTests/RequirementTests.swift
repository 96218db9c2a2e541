import Foundation
@testable import VanBan
import XCTest

/// Requirement extraction on the seed's programme, and the queries over it.
final class RequirementTests: XCTestCase {
    nonisolated(unsafe) static var archive: Archive!

    override class func setUp() {
        archive = try! Support.archive(of: Support.corpusCopy()).0
    }

    private func requirement(starting prefix: String) throws -> RequirementHit {
        let all = try Self.archive.requirements(RequirementFilter(document: "60-CTr/ĐUK"))
        return try XCTUnwrap(all.first { $0.sentence.hasPrefix(prefix) }, "no requirement starts \"\(prefix)\"")
    }

    func testCadreAssignmentTarget() throws {
        let hit = try requirement(starting: "- Đảm bảo 100% các tổ chức cơ sở đảng")
        XCTAssertEqual(hit.targets.map(\.text), ["100% các tổ chức cơ sở đảng có phân công cấp ủy viên phụ trách công tác dân vận và xây dựng quy chế phối hợp thực hiện công tác dân vận"])
        XCTAssertEqual(hit.targets.first?.percent, 100)
        XCTAssertEqual(hit.section, "II. MỤC TIÊU, CHỈ TIÊU › 2. Các chỉ tiêu chủ yếu")
    }

    func testRateTargets() throws {
        let hit = try requirement(starting: "- Tỷ lệ tập hợp quần chúng")
        XCTAssertEqual(hit.targets.map(\.text), ["100% đối với các cơ quan hành chính, các đơn vị sự nghiệp",
                                                 "70% đối với trường trung cấp chuyên nghiệp", "80%-100%", "80% trở lên"])
        XCTAssertEqual(hit.targets.map(\.percent), [100, 70, 80, 80])
        XCTAssertEqual(hit.targets[2].upTo, 100)
        XCTAssertEqual(hit.targets.map(\.orMore), [false, false, false, true])
    }

    func testTopicalMeetingAtLeastYearly() throws {
        let hit = try requirement(starting: "Các cấp ủy, tổ chức đảng tiếp tục quán triệt")
        XCTAssertEqual(hit.actors.names(.lead), ["Các cấp ủy", "tổ chức đảng"])
        let schedule = try XCTUnwrap(hit.schedule)
        XCTAssertEqual(schedule.text, "ít nhất mỗi năm sinh hoạt một lần")
        XCTAssertEqual(schedule.kind, .yearly)
        XCTAssertEqual(schedule.everyMonths, [12])
        XCTAssertTrue(schedule.atLeast)
        XCTAssertTrue(hit.action.contains("chú trọng sinh hoạt chuyên đề về công tác dân vận (ít nhất mỗi năm sinh hoạt một lần)"))
    }

    func testHalfYearlyAndYearlyReview() throws {
        let hit = try requirement(starting: "Định kỳ 6 tháng, 1 năm đánh giá kết quả")
        XCTAssertEqual(hit.schedule?.kind, .periodic)
        XCTAssertEqual(hit.schedule?.everyMonths, [6, 12])
        XCTAssertEqual(hit.schedule?.months, [6, 12])
        XCTAssertEqual(hit.actors.names(.reportTo), ["Đảng ủy khối"])
    }

    func testEveryAssignmentHasItsLeadActor() throws {
        let all = try Self.archive.requirements(RequirementFilter(document: "60-CTr/ĐUK"))
        let assignments = all.filter { VietText.key($0.sentence).contains("giao ban") }
        XCTAssertEqual(assignments.map { $0.actors.names(.lead) }, [
            ["Ban Tuyên giáo Đảng ủy khối"], ["Ban Tuyên giáo của Đảng ủy"],
            ["Ban Thường vụ Đoàn khối", "Hội Cựu chiến binh khối", "Ban Thường vụ Công đoàn Viên chức tỉnh"],
            ["Ban Tuyên giáo Đảng ủy khối"],
        ])
        XCTAssertEqual(assignments[0].actors.names(.with), ["Văn phòng", "các ban đảng", "đoàn thể khối"])
        XCTAssertEqual(assignments[2].actors.names(.with), ["cấp ủy cơ sở"])
        XCTAssertEqual(assignments[3].actors.names(.with), ["Văn phòng", "các ban của Đảng ủy khối", "đảng bộ", "chi bộ trực thuộc"])
        XCTAssertTrue(assignments[3].action.hasPrefix("thường xuyên theo dõi, kiểm tra, giám sát, đôn đốc"))
    }

    func testEmulationOnTheFifteenthOfOctober() throws {
        let hit = try requirement(starting: "Ban Tuyên giáo Đảng ủy khối chủ trì phối hợp với Ban Tổ chức")
        XCTAssertNil(hit.schedule, "the emulation is the next sentence")
        let emulation = try requirement(starting: "Hằng năm, nhân ngày truyền thống ngành Dân vận")
        XCTAssertEqual(emulation.actors.names(.lead), ["Ban Tuyên giáo Đảng ủy khối"])
        XCTAssertEqual(emulation.schedule?.kind, .yearly)
        XCTAssertEqual(emulation.schedule?.day, 15)
        XCTAssertEqual(emulation.schedule?.month, 10)
        XCTAssertTrue(emulation.action.contains("phong trào thi đua \"Dân vận khéo\""))
    }

    func testYearlyReportByTheFifteenthOfDecember() throws {
        let hit = try requirement(starting: "Trên đây là Chương trình hành động")
        XCTAssertEqual(hit.actors.names(.lead), ["Văn phòng", "các Ban Đảng ủy Khối", "các chi bộ", "đảng bộ cơ sở trực thuộc"])
        XCTAssertEqual(hit.actors.names(.reportTo), ["Ban Thường vụ Đảng ủy khối"])
        let schedule = try XCTUnwrap(hit.schedule)
        XCTAssertEqual(schedule.text, "trước 15 tháng 12 hàng năm")
        XCTAssertEqual([schedule.day, schedule.month], [15, 12])
        XCTAssertTrue(schedule.deadline)
        XCTAssertEqual(hit.basis.prefix(2), ["164-KH/TU", "25-NQ/TW"])
    }

    func testBackgroundIsNotARequirement() throws {
        let all = try Self.archive.requirements(RequirementFilter(document: "60-CTr/ĐUK"))
        XCTAssertFalse(all.contains { $0.sentence.hasPrefix("Quán triệt sâu sắc tư tưởng dân vận") })
        XCTAssertFalse(all.contains { $0.sentence.hasPrefix("Tạo sự chuyển biến mạnh mẽ") })
    }

    func testUnaccentedActorQuery() throws {
        let accented = try Self.archive.requirements(RequirementFilter(who: "Ban Tuyên giáo"))
        let unaccented = try Self.archive.requirements(RequirementFilter(who: "ban tuyen giao"))
        XCTAssertEqual(unaccented, accented)
        XCTAssertEqual(unaccented.count, 9)
        XCTAssertEqual(try Self.archive.requirements(RequirementFilter(who: "BTG ĐUK")).count, 6, "abbreviations are written out")
    }

    func testDueMonthAndCalendar() throws {
        let december = try Self.archive.requirements(RequirementFilter(due: "12"))
        XCTAssertEqual(Set(december.compactMap { $0.schedule?.text }), ["Định kỳ 6 tháng, 1 năm", "trước 15 tháng 12 hàng năm"])
        XCTAssertEqual(try Self.archive.requirements(RequirementFilter(due: "2024-10")).count, 1)
        XCTAssertThrowsError(try Self.archive.requirements(RequirementFilter(due: "tháng mười")))
        let calendar = try Self.archive.calendar()
        XCTAssertEqual(calendar.map(\.month), [6, 10, 12, nil])
    }

    /// Basis and highlights are stored as JSON written by hand (not JSONEncoder): what any
    /// decoder reads back must be what was stored, quotes and control characters included.
    func testStoredJSONReadsBack() throws {
        let strings = ["25-NQ/TW", "Quy định \"số 101\"", "a\\b", "dòng\nmới\t", "Đảng ủy", ""]
        XCTAssertEqual(try JSONDecoder().decode([String].self, from: Data(PlainJSON.array(strings).utf8)), strings)
        let spans = [[0, 12], [15, 3_000]]
        XCTAssertEqual(try JSONDecoder().decode([[Int]].self, from: Data(PlainJSON.array(spans).utf8)), spans)
        XCTAssertEqual(PlainJSON.array([String]()), "[]")
    }

    func testActors() throws {
        let actors = try Self.archive.actors()
        let tuyenGiao = try XCTUnwrap(actors.first { $0.key == "ban tuyen giao dang uy khoi" })
        XCTAssertEqual(tuyenGiao.requirements, 6)
        XCTAssertEqual(actors.map(\.requirements), actors.map(\.requirements).sorted(by: >))
    }

    /// The feed as a real RFC 5545 parser reads it: one event per dated or recurring
    /// obligation, RRULEs for the rhythms, and UIDs that survive indexing again.
    func testCalendarFeedParsesWithICalendar() throws {
        let path = Self.archive.path
        let feed = try Support.run(["requires", "--calendar", "--format", "ics", "--archive", path])
        XCTAssertEqual(feed.status, 0, feed.stderr)
        let events = try Support.parseICS(feed.stdout)
        let scheduled = try Self.archive.requirements().filter { $0.schedule != nil }
        XCTAssertEqual(events.count, scheduled.count)
        XCTAssertEqual(Set(events.map(\.uid)).count, events.count, "UIDs are unique")
        let review = try XCTUnwrap(events.first { $0.summary.hasPrefix("Định kỳ 6 tháng, 1 năm") })
        XCTAssertEqual(review.rrule, "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1")
        XCTAssertEqual(review.occurrences, ["2014-06-30", "2014-12-31", "2015-06-30"])
        let emulation = try XCTUnwrap(events.first { $0.description.contains("Hằng năm, nhân ngày truyền thống ngành Dân vận") })
        XCTAssertEqual(emulation.rrule, "FREQ=YEARLY")
        XCTAssertEqual(emulation.start, "2014-10-15")
        XCTAssertTrue(emulation.summary.hasPrefix("Ban Tuyên giáo Đảng ủy khối: "), emulation.summary)
        XCTAssertTrue(emulation.description.hasPrefix("60-CTr/ĐUK (2014-05-29) § "), emulation.description)
        let report = try XCTUnwrap(events.first { $0.description.contains("trước 15 tháng 12 hàng năm") })
        XCTAssertEqual([report.start, report.end], ["2014-12-15", "2014-12-16"])

        // Indexed again into another archive: the same events under the same UIDs.
        let again = try Support.archive(of: Support.corpusCopy()).0
        let reindexed = try Support.parseICS(try again.requirementCalendar().ics)
        XCTAssertEqual(reindexed.map(\.uid), events.map(\.uid))
        XCTAssertEqual(reindexed.map(\.start), events.map(\.start))
        let ban = try Support.parseICS(try Self.archive.requirementCalendar(RequirementFilter(who: "ban tuyen giao")).ics)
        XCTAssertEqual(Set(ban.map(\.uid)).subtracting(events.map(\.uid)), [], "a filtered feed keeps the same UIDs")
        XCTAssertLessThan(ban.count, events.count)
    }

    /// Folding and escaping, which the parser above undoes: long Vietnamese lines are cut
    /// between characters, never inside one, and commas, semicolons and line ends are escaped.
    func testCalendarTextFoldingAndEscaping() {
        let line = "DESCRIPTION:" + String(repeating: "Ủy ban nhân dân tỉnh, ", count: 10)
        let folded = RequirementCalendar.folded(line)
        let parts = folded.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(parts.count, 1)
        XCTAssertTrue(parts.allSatisfy { $0.utf8.count <= 75 })
        XCTAssertTrue(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        XCTAssertEqual(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined(), line)
        XCTAssertEqual(RequirementCalendar.escaped("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne")
    }

    func testRequiresCommand() throws {
        let path = Self.archive.path
        let result = try Support.run(["requires", "--who", "ban tuyen giao", "--due", "10", "--archive", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("who:      Ban Tuyên giáo Đảng ủy khối"), result.stdout)
        XCTAssertTrue(result.stdout.contains("when:     yearly, on 15/10"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[Ban Tuyên giáo Đảng ủy khối]"), "highlighted actor")
        let calendar = try Support.run(["requires", "--calendar", "--archive", path])
        XCTAssertTrue(calendar.stdout.contains("Tháng 12"), calendar.stdout)
        let actors = try Support.run(["actors", "--json", "--archive", path])
        XCTAssertTrue(actors.stdout.contains("\"key\" : \"ban tuyen giao dang uy khoi\""))
    }
}

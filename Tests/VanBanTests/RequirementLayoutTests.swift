import Foundation
@testable import VanBan
import XCTest

/// Requirements as real documents assign them (issue 15), on fixtures written to reproduce
/// each layout: a Chỉ thị of the Thủ tướng whose headings name ministries, a UBND công văn with
/// compound and shared-out bodies, a Đảng ủy công văn with a lead-in, a heading without a full
/// stop and a task table, and a Đảng ủy Khối plan in NFD with old tone placement.
final class RequirementLayoutTests: XCTestCase {
    nonisolated(unsafe) static var archive: Archive!

    override class func setUp() {
        archive = try! Support.archive(of: Support.fixtureCopy("requirements")).0
    }

    private func requirements(_ number: String) throws -> [RequirementHit] {
        try Self.archive.requirements(RequirementFilter(document: number))
    }

    private func requirement(_ number: String, starting prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> RequirementHit {
        let all = try requirements(number)
        return try XCTUnwrap(all.first { VietText.nfc($0.sentence).hasPrefix(prefix) }, "no requirement of \(number) starts \"\(prefix)\"",
                             file: file, line: line)
    }

    // MARK: Actors from structure

    func testHeadingWithColonIsTheActorOfItsItems() throws {
        let partners = try requirement("17/CT-TTg", starting: "a) Chủ trì, phối hợp với các Bộ, ngành")
        XCTAssertEqual(partners.actors.names(.lead), ["Bộ Kế hoạch và Đầu tư"])
        XCTAssertEqual(partners.actors.names(.with), ["các Bộ", "ngành"])
        XCTAssertEqual(partners.action, "rà soát danh mục dự án sử dụng vốn nhà nước")
        let report = try requirement("17/CT-TTg", starting: "b) Tổng hợp, báo cáo Thủ tướng")
        XCTAssertEqual(report.actors.names(.lead), ["Bộ Kế hoạch và Đầu tư"])
    }

    func testInlineHeadingNamesTheLeadAndItsPartners() throws {
        let hit = try requirement("17/CT-TTg", starting: "2. Bộ Công Thương: Chủ trì, phối hợp với Bộ Tài chính")
        XCTAssertEqual(hit.actors.names(.lead), ["Bộ Công Thương"])
        XCTAssertEqual(hit.actors.names(.with), ["Bộ Tài chính"])
        XCTAssertTrue(hit.action.hasPrefix("xây dựng phương án dự trữ"), hit.action)
    }

    /// "6. Thanh tra Chính phủ" and "2. Thanh tra tỉnh" are numbered like the items beside them,
    /// so the outline keeps them as items; the dashed items under them are theirs.
    func testNumberedNameWithoutColonIsTheActorOfTheItemsUnderIt() throws {
        let inspect = try requirement("17/CT-TTg", starting: "- Tăng cường thanh tra")
        XCTAssertEqual(inspect.actors.names(.lead), ["Thanh tra Chính phủ"])
        let report = try requirement("17/CT-TTg", starting: "- Báo cáo kết quả thanh tra")
        XCTAssertEqual(report.actors.names(.lead), ["Thanh tra Chính phủ"])
        XCTAssertEqual(report.schedule?.date, "2012-12-31")
        let province = try requirement("1450/UBND-KT", starting: "- Kiểm tra việc chuyển đổi")
        XCTAssertEqual(province.actors.names(.lead), ["Thanh tra tỉnh"])
        XCTAssertFalse(try requirements("1450/UBND-KT").contains { $0.sentence.hasPrefix("2. Thanh tra tỉnh") }, "the name alone is no requirement")
    }

    func testLeadInWithAVerbNamesTheActor() throws {
        for prefix in ["- Rà soát các thủ tục hành chính", "- Hoàn thành việc số hóa hồ sơ"] {
            XCTAssertEqual(try requirement("86-CV/ĐU", starting: prefix).actors.names(.lead), ["Ủy ban nhân dân xã"], prefix)
        }
    }

    /// Ministers, heads of ministry-level bodies and chairs of provincial UBND: a heading of
    /// four actors, the last two one name shared out over "tỉnh, thành phố trực thuộc Trung ương".
    func testHeadingNamingSeveralActors() throws {
        let hit = try requirement("17/CT-TTg", starting: "a) Chỉ đạo kiểm tra việc kê khai")
        XCTAssertEqual(hit.actors.names(.lead), ["Bộ trưởng các Bộ", "Thủ trưởng cơ quan ngang Bộ", "Chủ tịch Ủy ban nhân dân tỉnh",
                                                 "Chủ tịch Ủy ban nhân dân thành phố trực thuộc Trung ương"])
        XCTAssertEqual(hit.action, "Chỉ đạo kiểm tra việc kê khai, niêm yết giá tại các cơ sở kinh doanh")
    }

    func testTaskTableRows() throws {
        let all = try requirements("86-CV/ĐU")
        XCTAssertFalse(all.contains { $0.sentence.hasPrefix("STT") }, "the header is no requirement")
        let first = try requirement("86-CV/ĐU", starting: "1 |")
        XCTAssertEqual(first.action, "Cập nhật dữ liệu đảng viên lên hệ thống")
        XCTAssertEqual(first.actors.names(.lead), ["Văn phòng Đảng ủy"])
        XCTAssertEqual(first.actors.names(.with), ["Các chi bộ"])
        XCTAssertEqual(first.schedule?.date, "2026-05-31")
        let second = try requirement("86-CV/ĐU", starting: "2 |")
        XCTAssertEqual(second.actors.names(.lead), ["Ban xây dựng đảng Đảng ủy"])
        XCTAssertEqual([second.schedule?.date, second.schedule?.within], ["2026-06-30", "quarter"])
        let third = try requirement("86-CV/ĐU", starting: "3 |")
        XCTAssertEqual(third.schedule?.kind, .yearly)
        XCTAssertEqual(third.actors.names(.with), [])
    }

    // MARK: Whole bodies

    func testCompoundBodiesStayWhole() throws {
        XCTAssertEqual(try requirement("1450/UBND-KT", starting: "1. Sở Nông nghiệp và Môi trường chủ trì").actors.names(.lead),
                       ["Sở Nông nghiệp và Môi trường"])
        XCTAssertEqual(try requirement("1450/UBND-KT", starting: "3. Sở Văn hóa, Thể thao và Du lịch").actors.names(.lead),
                       ["Sở Văn hóa, Thể thao và Du lịch"])
        XCTAssertEqual(try requirement("17/CT-TTg", starting: "4. Bộ Lao động").actors.names(.lead),
                       ["Bộ Lao động - Thương binh và Xã hội", "Bộ Văn hóa, Thể thao và Du lịch"])
        let ask = try requirement("86-CV/ĐU", starting: "Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy")
        XCTAssertEqual(ask.actors.names(.lead), ["Ban Tuyên giáo và Dân vận Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc tỉnh"])
        let party = try requirement("86-CV/ĐU", starting: "2. Giao Ban xây dựng đảng Đảng ủy")
        XCTAssertEqual(party.actors.names(.lead), ["Ban xây dựng đảng Đảng ủy"])
        XCTAssertEqual(party.action, "hướng dẫn các chi bộ ứng dụng phần mềm quản lý đảng viên")
    }

    func testSharedOutBodiesGiveOneActorEach() throws {
        let hit = try requirement("1450/UBND-KT", starting: "- Xây dựng kế hoạch chuyển đổi")
        XCTAssertEqual(hit.actors.names(.lead), ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường"])
        XCTAssertEqual(Set(hit.actors.map(\.key)), ["uy ban nhan dan xa", "uy ban nhan dan phuong"])
        let ward = try Self.archive.requirements(RequirementFilter(who: "ủy ban nhân dân phường"))
        XCTAssertEqual(Set(ward.map(\.number)), ["1450/UBND-KT", "812/QĐ-UBND"], "and 'Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu'")
    }

    /// The plan is in NFD with "uỷ": its actors have the keys of "Đảng ủy" in NFC.
    func testOldTonePlacementAndNFDGiveOneActor() throws {
        let hit = try requirement("45-KH/ĐUK", starting: "Ban Tuyên giáo Đảng uỷ Khối chủ trì")
        XCTAssertEqual(hit.actors.map(\.key), ["ban tuyen giao dang uy khoi", "van phong dang uy khoi"])
        XCTAssertEqual(hit.actors.map(\.role), [.lead, .with])
        XCTAssertEqual(try requirement("45-KH/ĐUK", starting: "Uỷ ban Kiểm tra Đảng uỷ Khối").actors.map(\.key), ["uy ban kiem tra dang uy khoi"])
        let modern = try Self.archive.requirements(RequirementFilter(who: "Ban Tuyên giáo Đảng ủy Khối"))
        XCTAssertEqual(modern.filter { $0.number == "45-KH/ĐUK" }.count, 2, "the plan's item and the monthly report")
    }

    func testTimeIsNoActor() throws {
        let hit = try requirement("86-CV/ĐU", starting: "Thời gian thực hiện")
        XCTAssertEqual(hit.actors, [])
        XCTAssertEqual(hit.schedule?.date, "2026-06-30")
        XCTAssertFalse(try Self.archive.actors().contains { $0.key.hasPrefix("thoi gian") })
    }

    // MARK: Deadlines and rhythms

    func testQuarterAndMonthDeadlinesFallDueAtThePeriodsEnd() throws {
        let quarter = try XCTUnwrap(try requirement("17/CT-TTg", starting: "2. Bộ Công Thương").schedule)
        XCTAssertEqual([quarter.text, quarter.date, quarter.within], ["trong quý III năm 2012", "2012-09-30", "quarter"])
        XCTAssertTrue(quarter.deadline)
        XCTAssertEqual(quarter.months, [9])
        let month = try XCTUnwrap(try requirement("17/CT-TTg", starting: "b) Tổng hợp").schedule)
        XCTAssertEqual([month.text, month.date, month.within], ["trong tháng 9 năm 2012", "2012-09-30", "month"])
        XCTAssertEqual(try requirement("1450/UBND-KT", starting: "1. Sở Nông nghiệp").schedule?.date, "2026-11-30", "trong tháng 11/2026")
        XCTAssertEqual(try requirement("86-CV/ĐU", starting: "- Hoàn thành việc số hóa").schedule?.date, "2026-06-30", "trong tháng 6/2026")
        XCTAssertEqual(try requirement("45-KH/ĐUK", starting: "Ban Tuyên giáo").schedule?.date, "2019-06-30", "trong tháng 6 năm 2019")
    }

    func testQuarterlyAndMonthlyDaysOfReport() throws {
        let quarterly = try XCTUnwrap(try requirement("17/CT-TTg", starting: "b) Định kỳ hằng quý").schedule)
        XCTAssertEqual(quarterly.text, "trước ngày 20 của tháng cuối quý")
        XCTAssertEqual([quarterly.everyMonths, quarterly.months], [[3], [3, 6, 9, 12]])
        XCTAssertEqual(quarterly.day, 20)
        XCTAssertTrue(quarterly.deadline)
        XCTAssertEqual(try requirement("45-KH/ĐUK", starting: "Các chi bộ").schedule?.day, 20)
        let monthly = try XCTUnwrap(try requirement("45-KH/ĐUK", starting: "Định kỳ hằng tháng").schedule)
        XCTAssertEqual([monthly.everyMonths, [monthly.day ?? 0]], [[1], [25]])
        XCTAssertEqual(monthly.text, "hằng tháng, trước ngày 25")
    }

    func testLatestByDateAndADeadlineItemKeepItsActor() throws {
        let latest = try XCTUnwrap(try requirement("17/CT-TTg", starting: "5. Bộ Tài chính").schedule)
        XCTAssertEqual([latest.text, latest.date], ["chậm nhất ngày 15 tháng 10 năm 2012", "2012-10-15"])
        let item = try requirement("1450/UBND-KT", starting: "- Tổng hợp kết quả rà soát")
        XCTAssertEqual(item.schedule?.date, "2026-10-05")
        XCTAssertEqual(item.actors.names(.lead), ["Ủy ban nhân dân xã", "Ủy ban nhân dân phường"])
    }

    func testAKindOfPlanIsNoRhythm() throws {
        let hit = try requirement("1450/UBND-KT", starting: "- Xây dựng kế hoạch chuyển đổi 5 năm và hằng năm")
        XCTAssertNil(hit.schedule)
    }

    // MARK: Action and context

    func testActionStartsAfterTheHeadingAndTheMarker() throws {
        // "3. Sử dụng hiệu quả tài sản công, thực hành tiết kiệm" has no full stop, and the line
        // under it starts a sentence of its own.
        let saving = try requirement("86-CV/ĐU", starting: "Các chi bộ trực thuộc phải")
        XCTAssertEqual(saving.actors.names(.lead), ["Các chi bộ trực thuộc"])
        XCTAssertFalse(try requirements("86-CV/ĐU").contains { $0.sentence.contains("thực hành tiết kiệm Các chi bộ") })
        for hit in try Self.archive.requirements() {
            XCTAssertNil(Outline.marker(of: hit.action), "\(hit.action)")
            if !hit.section.isEmpty { XCTAssertFalse(hit.sentence.contains(hit.section), hit.sentence) }
        }
        XCTAssertEqual(try requirement("17/CT-TTg", starting: "- Tăng cường").action, "Tăng cường thanh tra việc chấp hành pháp luật về giá")
    }

    func testPreamblesLeadInsAndReportsAreContext() throws {
        let all = try Self.archive.requirements()
        for prefix in ["Căn cứ", "Thực hiện Kế hoạch số 210-KH/TU", "Ủy ban nhân dân tỉnh có ý kiến", "Để bảo đảm ổn định thị trường",
                       "4. Ban Tuyên giáo và Dân vận Tỉnh ủy đã hướng dẫn", "Thời gian qua"] {
            XCTAssertFalse(all.contains { VietText.nfc($0.sentence).hasPrefix(prefix) }, prefix)
        }
    }

    // MARK: Forms of the real documents (LAYOUTS.md of the measurement set)

    /// "Điều 2. Chức năng, nhiệm vụ của Tổ công tác:" ends a paragraph of articles; the numbered
    /// duties after it are the Tổ công tác's.
    func testDutiesOfANamedBodyAfterAnArticle() throws {
        for prefix in ["1. Là đầu mối", "2. Tổ chức tập huấn", "3. Định kỳ (6 tháng, 01 năm)"] {
            XCTAssertEqual(try requirement("812/QĐ-UBND", starting: prefix).actors.names(.lead), ["Tổ công tác"], prefix)
        }
        let training = try XCTUnwrap(try requirement("812/QĐ-UBND", starting: "2. Tổ chức tập huấn").schedule)
        XCTAssertEqual([training.text], ["tối thiểu 01 lần/năm"])
        XCTAssertTrue(training.atLeast)
        XCTAssertEqual(training.kind, .yearly)
        XCTAssertEqual(try requirement("812/QĐ-UBND", starting: "3. Định kỳ").schedule?.everyMonths, [6, 12])
    }

    func testFrontedTimeAsideAndParenthesisAroundTheActor() throws {
        let term = try requirement("812/QĐ-UBND", starting: "Trong thời hạn 30 ngày làm việc")
        XCTAssertEqual(term.actors.names(.lead), ["Ban Chủ nhiệm Hội Tin học tỉnh"])
        XCTAssertEqual(term.schedule?.kind, .relative)
        XCTAssertEqual(term.schedule?.days, 30)
        XCTAssertEqual(term.schedule?.workingDays, true)
        XCTAssertEqual(try requirement("812/QĐ-UBND", starting: "Hằng năm, cơ quan tài chính").actors.names(.lead), ["cơ quan tài chính các cấp"])
        let health = try requirement("812/QĐ-UBND", starting: "Sở Y tế theo chức năng")
        XCTAssertEqual([health.actors.names(.lead), health.actors.names(.with)], [["Sở Y tế"], ["Sở Khoa học và Công nghệ"]])
        XCTAssertEqual(health.action, "triển khai hồ sơ sức khỏe điện tử")
        XCTAssertEqual(try requirement("812/QĐ-UBND", starting: "Hội Tin học").actors.names(.lead),
                       ["Hội Tin học tỉnh An Hòa (cũ)", "Câu lạc bộ Tin học trẻ tỉnh An Hòa (cũ)"])
        XCTAssertEqual(try requirement("91/CĐ-TTg", starting: "2. Bộ Y tế").actors.names(.with), ["các địa phương"])
    }

    func testImplementationClauseWithSemicolons() throws {
        let hit = try requirement("812/QĐ-UBND", starting: "Chánh Văn phòng Ủy ban nhân dân tỉnh;")
        XCTAssertEqual(hit.actors.names(.lead), ["Chánh Văn phòng Ủy ban nhân dân tỉnh", "Giám đốc Công an tỉnh", "Thủ trưởng các sở", "ban",
                                                 "ngành tỉnh", "Chủ tịch Ủy ban nhân dân xã", "Chủ tịch Ủy ban nhân dân phường",
                                                 "Chủ tịch Ủy ban nhân dân đặc khu"])
        XCTAssertEqual(hit.action, "chịu trách nhiệm thi hành Quyết định này")
    }

    /// "..., yêu cầu cấp ủy, ... thực hiện tốt một số nhiệm vụ sau:" gives the asked the items
    /// numbered after it; a heading of its own ("3. Giao Đảng ủy Chính phủ:") is nearer.
    func testSentenceLeadInAndNestedAssignments() throws {
        for prefix in ["**1.** Bảo đảm", "**2.** Đổi mới"] {
            XCTAssertEqual(try requirement("77-TB/VPTW", starting: prefix).actors.names(.lead), ["cấp ủy", "tổ chức đảng", "chính quyền các cấp"], prefix)
        }
        let first = try requirement("77-TB/VPTW", starting: "**3.** Giao Đảng ủy Chính phủ")
        XCTAssertEqual(first.actors.names(.lead), ["Đảng ủy Chính phủ"])
        XCTAssertTrue(first.action.hasPrefix("Chỉ đạo Đảng ủy Bộ Y tế chủ trì"), first.action)
        XCTAssertEqual(try requirement("77-TB/VPTW", starting: "*(ii)*").actors.names(.lead), ["Đảng ủy Chính phủ"])
        XCTAssertEqual(try requirement("77-TB/VPTW", starting: "Ban Chấp hành Trung ương giao").actors.names(.lead), ["Bộ Chính trị", "Ban Bí thư"])
        XCTAssertFalse(try Self.archive.requirements().contains { $0.sentence.contains("xin thông báo") }, "the writer's closing is no assignment")
    }

    func testHeadingNamingLeadAndPartners() throws {
        for prefix in ["a) Bố trí kinh phí", "b) Chỉ đạo Bảo hiểm xã hội"] {
            let hit = try requirement("91/CĐ-TTg", starting: prefix)
            XCTAssertEqual(hit.actors.names(.lead), ["Bộ Tài chính"], prefix)
            XCTAssertEqual(hit.actors.names(.with), ["các bộ", "địa phương liên quan"], prefix)
        }
    }

    // MARK: Calendar

    func testCalendarRulesForEachRhythm() throws {
        let events = try Support.parseICS(try Self.archive.requirementCalendar().ics)
        func event(_ text: String) throws -> ParsedEvent {
            try XCTUnwrap(events.first { VietText.nfc($0.description).contains(text) }, text)
        }
        let quarterly = try event("trước ngày 20 của tháng cuối quý, báo cáo tình hình giá cả")
        XCTAssertEqual(quarterly.rrule, "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=20")
        XCTAssertEqual(quarterly.occurrences, ["2012-06-20", "2012-09-20", "2012-12-20"], "from the Chỉ thị's date, 20/6/2012")
        XCTAssertTrue(quarterly.description.hasPrefix("17/CT-TTg (2012-06-20) § 1. Bộ trưởng các Bộ"), quarterly.description)
        let monthly = try event("Định kỳ hằng tháng, trước ngày 25")
        XCTAssertEqual(monthly.rrule, "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=25")
        XCTAssertEqual(monthly.occurrences.first, "2019-02-25")
        let quarterEnd = try event("trong quý III năm 2012")
        XCTAssertNil(quarterEnd.rrule)
        XCTAssertEqual(quarterEnd.start, "2012-09-30")
        let yearly = try event("Sơ kết việc thực hiện")
        XCTAssertEqual(yearly.rrule, "FREQ=YEARLY")
        XCTAssertEqual(yearly.start, "2026-12-31", "a yearly act with no day falls due at the year's end")
        XCTAssertTrue(yearly.summary.hasPrefix("Ủy ban Kiểm tra Đảng ủy: Sơ kết"), yearly.summary)
    }
}

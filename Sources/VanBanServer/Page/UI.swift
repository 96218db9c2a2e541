import VanBan

/// Every word the pages show, in one place. The pages are Vietnamese throughout; an English
/// page would be this enum made a protocol with a second set of the same strings. Nothing here
/// is HTML: the pages escape what they take from it.
enum UI {
    static let language = "vi"
    static let site = "vanban"

    // MARK: Frame

    static let searchLabel = "Tìm kiếm"
    static let searchButton = "Tìm"
    static let searchPlaceholder = "dan van kheo, \"quy chế dân chủ\", 25-NQ/TW"
    static let navigation = [("/", "Tìm kiếm"), ("/obligations", "Yêu cầu"), ("/calendar", "Lịch thực hiện")]
    static let apiNote = "JSON API cho máy đọc:"

    // MARK: Home

    static let homeTitle = "Tìm kiếm văn bản"
    static func archiveSize(documents: Int, passages: Int, builtAt: String?) -> String {
        "Kho có \(documents) văn bản, \(passages) đoạn" + (builtAt.map { ", cập nhật \(dateTime($0))" } ?? "") + "."
    }
    static let queryHelp: [(example: String, meaning: String)] = [
        ("dan van kheo", "mọi từ; gõ không dấu thì khớp mọi dấu"),
        ("dân vận", "đúng các dấu đã gõ"),
        ("\"quy chế dân chủ\"", "cả cụm từ"),
        ("dân*", "các từ bắt đầu bằng “dân”"),
        ("dân vận -khéo", "loại các văn bản có từ “khéo”"),
        ("thủy OR thuỷ", "từ này hoặc từ kia"),
        ("25-NQ/TW, nq 25, ke hoach 45 tinh uy", "số hiệu văn bản"),
    ]

    // MARK: Search

    static func found(_ total: Int, query: String) -> String { "\(total) văn bản cho “\(query)”" }
    static func nothingFound(_ query: String) -> String { "Không tìm thấy văn bản nào cho “\(query)”." }
    static func pastTheEnd(offset: Int, total: Int) -> String {
        "Không còn văn bản nào sau vị trí \(offset): câu tìm kiếm này có \(total) văn bản."
    }
    static let firstPage = "Về trang đầu"
    static func shown(first: Int, last: Int, total: Int) -> String { "Văn bản \(first)–\(last) trong \(total)" }
    static let previousPage = "← Trang trước"
    static let nextPage = "Trang sau →"
    static func page(_ number: Int, of pages: Int) -> String { "Trang \(number)/\(pages)" }
    static let anyWordNotice = "Không văn bản nào có đủ mọi từ; dưới đây là các văn bản có nhiều từ nhất."
    static let facetTypes = "Loại"
    static let facetIssuers = "Cơ quan ban hành"
    static let facetYears = "Năm"
    static let removeFilters = "bỏ lọc"
    static func filterType(_ type: String) -> String { "loại \(type)" }
    static func filterIssuer(_ issuer: String) -> String { "cơ quan \(issuer)" }
    static func filterYear(_ year: Int) -> String { "năm \(year)" }
    static func filterFrom(_ year: Int) -> String { "từ năm \(year)" }
    static func filterTo(_ year: Int) -> String { "đến năm \(year)" }
    static let sortedByDate = "mới nhất trước"
    static func notInArchive(citedTimes: Int) -> String { "chưa có toàn văn trong kho; được dẫn chiếu \(citedTimes) lần" }
    static let numberMatch = "khớp số hiệu"

    // The query as it was read.
    static let readingLabel = "Đã đọc là:"
    static func readingNumber(_ number: String) -> String { "số hiệu \(number)" }
    static let readingAll = "văn bản có đủ"
    static let readingAny = "văn bản có ít nhất một trong"
    static func readingWord(_ word: String, marked: Bool) -> String {
        "từ “\(word)” (" + (marked ? "đúng dấu" : "mọi dấu") + ")"
    }
    static func readingPrefix(_ word: String) -> String { "từ bắt đầu bằng “\(word)”" }
    static func readingPhrase(_ phrase: String) -> String { "cụm từ “\(phrase)”" }
    static let readingOr = " hoặc "
    static let readingAnd = ", "
    static func readingExcluded(_ term: String) -> String { "không có \(term)" }

    // MARK: Documents

    static let fieldTitle = "Trích yếu"
    static let fieldIssuer = "Cơ quan ban hành"
    static let fieldParent = "Cấp trên"
    static let fieldPlace = "Nơi ban hành"
    static let fieldDate = "Ngày ban hành"
    static let fieldSigner = "Người ký"
    static let fieldRecipients = "Nơi nhận"
    static let fieldFile = "Tệp"
    static let fieldEncoding = "Bảng mã gốc"
    /// The source file's kind after its name: " (PDF, 3 trang, nhận dạng chữ)"; nothing for text.
    static func fileFormat(_ format: String, pages: Int?, ocr: Bool) -> String {
        let kinds = ["pdf": "PDF", "docx": "Word (DOCX)", "doc": "Word (DOC)", "html": "trang web (HTML)"]
        var parts = kinds[format].map { [$0] } ?? []
        if let pages { parts.append("\(pages) trang") }
        if ocr { parts.append("nhận dạng chữ từ ảnh quét") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
    static let fieldSource = "Nguồn"
    static let fieldMissing = "Chưa đọc được"
    static let fieldConflicts = "Các trích dẫn không thống nhất"
    static let missingFields: [String: String] = [
        "number": "số hiệu", "date": "ngày ban hành", "type": "loại văn bản", "issuer": "cơ quan ban hành", "title": "trích yếu",
    ]
    static let contents = "Mục lục"
    static let text = "Nội dung"
    static let noHeading = "Phần đầu"
    static func externalNotice(_ label: String, citations: Int) -> String {
        "Toàn văn \(label) chưa có trong kho. Thông tin dưới đây tổng hợp từ \(citations) lần văn bản này được dẫn chiếu trong kho."
    }
    static let authorities = "Văn bản được dẫn chiếu"
    static let citedBy = "Được dẫn chiếu bởi"
    static let columnDocument = "Văn bản"
    static let columnRelations = "Quan hệ"
    static let columnTimes = "Số lần"
    static let columnWhere = "Nơi dẫn"
    static let columnValidity = "Hiệu lực"
    static let quotes = "Các câu dẫn chiếu"
    static func statedIn(_ label: String) -> String { "nêu trong \(label)" }
    static let inTitle = "trích yếu"
    static let diagram = "Lược đồ"
    static let openDiagram = "Mở lược đồ riêng"
    static let chain = "Chuỗi văn bản"
    static let openChain = "Xem chuỗi văn bản (lên và xuống)"
    static let requirements = "Yêu cầu"
    static let allRequirements = "Mọi yêu cầu của văn bản này trên trang Yêu cầu"

    /// The relation from the citing document's side ("it implements X"), then from the cited one's.
    static func relation(_ relation: Relation) -> String {
        switch relation {
        case .amends: return "sửa đổi, bổ sung"
        case .replaces: return "thay thế"
        case .repeals: return "bãi bỏ"
        case .ends: return "chấm dứt hiệu lực"
        case .suspends: return "đình chỉ"
        case .guides: return "hướng dẫn"
        case .implements: return "thực hiện"
        case .basedOn: return "căn cứ"
        case .disseminates: return "quán triệt, triển khai"
        case .follows: return "theo"
        case .mentions: return "dẫn chiếu"
        }
    }

    static func reverseRelation(_ relation: Relation) -> String {
        switch relation {
        case .amends: return "bị sửa đổi, bổ sung bởi"
        case .replaces: return "bị thay thế bởi"
        case .repeals: return "bị bãi bỏ bởi"
        case .ends: return "bị chấm dứt hiệu lực bởi"
        case .suspends: return "bị đình chỉ bởi"
        case .guides: return "được hướng dẫn bởi"
        case .implements: return "được thực hiện bởi"
        case .basedOn: return "là căn cứ của"
        case .disseminates: return "được quán triệt, triển khai bởi"
        case .follows: return "được dẫn theo bởi"
        case .mentions: return "được dẫn chiếu bởi"
        }
    }

    /// The groups of the diagram, as the national database's lược đồ names them: what the
    /// document cites by relation, then what cites it.
    static func citedGroup(_ relation: Relation) -> String {
        switch relation {
        case .amends: return "Văn bản được sửa đổi, bổ sung"
        case .replaces: return "Văn bản bị thay thế"
        case .repeals: return "Văn bản bị bãi bỏ"
        case .ends: return "Văn bản bị chấm dứt hiệu lực"
        case .suspends: return "Văn bản bị đình chỉ"
        case .guides: return "Văn bản được hướng dẫn"
        case .implements: return "Văn bản được thực hiện"
        case .basedOn: return "Văn bản căn cứ"
        case .disseminates: return "Văn bản được quán triệt, triển khai"
        case .follows: return "Văn bản được dẫn theo"
        case .mentions: return "Văn bản được dẫn chiếu"
        }
    }

    static func citingGroup(_ relation: Relation) -> String {
        switch relation {
        case .amends: return "Văn bản sửa đổi, bổ sung"
        case .replaces: return "Văn bản thay thế"
        case .repeals: return "Văn bản bãi bỏ"
        case .ends: return "Văn bản chấm dứt hiệu lực"
        case .suspends: return "Văn bản đình chỉ"
        case .guides: return "Văn bản hướng dẫn"
        case .implements: return "Văn bản thực hiện"
        case .basedOn: return "Văn bản lấy làm căn cứ"
        case .disseminates: return "Văn bản quán triệt, triển khai"
        case .follows: return "Văn bản dẫn theo"
        case .mentions: return "Văn bản dẫn chiếu"
        }
    }

    static func status(_ status: String) -> String {
        switch status {
        case "resolved": return "có trong kho"
        case "external": return "chưa có toàn văn trong kho"
        case "ambiguous": return "chưa rõ là văn bản nào: nhiều văn bản cùng số hiệu"
        default: return "chưa xác định được văn bản"
        }
    }

    static let notInArchiveShort = "chưa có trong kho"
    static let unresolvedLinkTitle = "Chưa xác định được văn bản; bấm để tìm theo số hiệu này"

    // MARK: Validity

    static let validity = "Hiệu lực"
    static let validityEvidence = "Căn cứ xác định hiệu lực"
    static let validityChanges = "Các văn bản đã thay đổi hiệu lực"
    static let validityUpcoming = "Thay đổi chưa đến ngày có hiệu lực"
    static let validityConflicts = "Mâu thuẫn giữa các văn bản"
    static let ownEffect = "Điều khoản hiệu lực của chính văn bản"
    static let noOwnEffect = "Văn bản không nêu ngày có hiệu lực; lấy ngày ký."
    static let warnings = "Cảnh báo: dẫn chiếu văn bản không còn hiệu lực"
    static let warningsShort = "Cảnh báo"
    static let noWarnings = "Không văn bản nào được dẫn chiếu đã hết hiệu lực (theo các văn bản trong kho)."
    static let assumedDay = "ngày ký, vì văn bản không nêu ngày có hiệu lực"
    static func warningTiming(_ timing: ValidityWarning.Timing) -> String {
        switch timing {
        case .before: return "đã như vậy trước ngày ban hành văn bản này"
        case .sameDay: return "cùng ngày ban hành văn bản này"
        case .after: return "xảy ra sau ngày ban hành văn bản này"
        case .unknown: return "chưa rõ trước hay sau ngày ban hành văn bản này"
        }
    }

    /// The state as the national database names it.
    static func state(_ state: ValidityState) -> String {
        switch state {
        case .inForce: return "Còn hiệu lực"
        case .notYetInForce: return "Chưa có hiệu lực"
        case .amended: return "Còn hiệu lực, đã được sửa đổi, bổ sung"
        case .partlyRepealed: return "Hết hiệu lực một phần"
        case .suspended: return "Ngưng hiệu lực"
        case .replaced: return "Hết hiệu lực toàn bộ: bị thay thế"
        case .repealed: return "Hết hiệu lực toàn bộ: bị bãi bỏ"
        case .ended: return "Hết hiệu lực toàn bộ"
        case .expired: return "Hết hiệu lực toàn bộ: hết thời hạn"
        }
    }

    /// The badge beside a document: "Bị thay thế bởi 08-QĐi/TW từ 01/01/2018".
    static func badge(_ status: ValidityStatus) -> String {
        let by = status.by.joined(separator: ", ")
        let parts = status.parts.isEmpty ? "" : " (" + status.parts.joined(separator: "; ") + ")"
        var text: String
        switch status.state {
        case .inForce: text = "Còn hiệu lực"
        case .notYetInForce: text = "Chưa có hiệu lực"
        case .amended: text = "Còn hiệu lực; được sửa đổi, bổ sung\(parts) bởi \(by)"
        case .partlyRepealed: text = "Hết hiệu lực một phần\(parts) theo \(by)"
        case .suspended: text = "Ngưng hiệu lực theo \(by)"
        case .replaced: text = "Bị thay thế bởi \(by)"
        case .repealed: text = "Bị bãi bỏ bởi \(by)"
        case .ended: text = "Hết hiệu lực theo \(by)"
        case .expired: text = "Hết hiệu lực (hết thời hạn)"
        }
        if let since = status.since { text += (status.state == .notYetInForce ? ", có hiệu lực từ " : " từ ") + date(since) }
        if status.assumed, status.since != nil { text += " (\(assumedDay))" }
        if status.conflicted { text += "; có mâu thuẫn" }
        return text
    }

    /// How the day was found.
    static func basis(_ basis: Effect.Basis, days: Int? = nil) -> String {
        switch basis {
        case .stated: return "ngày văn bản nêu"
        case .signing: return "kể từ ngày ký"
        case .afterSigning: return "sau \(days.map(String.init) ?? "?") ngày kể từ ngày ký"
        case .assumed: return assumedDay
        }
    }

    /// A change in a sentence: "Quyết định 25/2023/QĐ-UBND thay thế, từ 15/06/2023 (ngày văn bản nêu)".
    /// `named: false` leaves out the changing document, for a line that links it before.
    static func change(_ change: ValidityChange, named: Bool = true) -> String {
        var text = (named ? "\(change.by) " : "") + relation(change.relation) + (change.part.map { " \($0)" } ?? "")
        text += change.since.map { ", từ \(date($0)) (\(basis(change.basis)))" } ?? ", chưa rõ từ ngày nào"
        return text
    }

    static func conflict(_ conflict: ValidityConflict) -> String {
        let list = conflict.changes.map { change($0) }.joined(separator: "; ")
        switch conflict.kind {
        case .severalEnd: return "Nhiều văn bản cùng làm văn bản này hết hiệu lực toàn bộ: \(list)."
        case .beforeOwnDate: return "\(list): trước cả ngày ban hành của văn bản này (\(conflict.date.map(date) ?? "?"))."
        }
    }

    static func searchUnder(_ label: String) -> String { "Tìm trong các văn bản thực hiện \(label)" }
    static let searchUnderButton = "Tìm"
    static func filterUnder(_ label: String) -> String { "trong các văn bản thực hiện \(label)" }
    static func filterCites(_ label: String) -> String { "trong các văn bản dẫn chiếu \(label)" }
    static let filterInForce = "chỉ văn bản còn hiệu lực"
    static let inForceOnly = "Chỉ văn bản còn hiệu lực"

    // MARK: Chain and diagram

    static func chainTitle(_ label: String) -> String { "Chuỗi văn bản của \(label)" }
    static let chainUp = "Văn bản mà văn bản này dựa vào (lên)"
    static let chainDown = "Văn bản thực hiện văn bản này (xuống)"
    static let chainEmpty = "Không có liên kết nào theo hướng này."
    static let chainRepeated = "đã có ở trên (vòng lặp)"
    static let chainOpen = "chuỗi"
    static func diagramTitle(_ label: String) -> String { "Lược đồ của \(label)" }
    static let diagramUnavailable = "Chưa vẽ được lược đồ: máy chủ thiếu Graphviz (lệnh dot). Các liên kết vẫn có ở bảng bên dưới."
    static let diagramEmpty = "Văn bản này chưa dẫn chiếu và chưa được văn bản nào trong kho dẫn chiếu."
    static let diagramLegend = "Bấm vào một văn bản để mở trang của nó. Viền đứt nét: văn bản chưa có toàn văn trong kho."
    static let backToDocument = "Về trang văn bản"
    static func diagramMore(_ count: Int) -> String { "và \(count) văn bản khác\n(xem bảng ở trang văn bản)" }

    // MARK: Requirements and calendar

    static let requirementsTitle = "Yêu cầu: ai phải làm gì, đến khi nào"
    static let calendarTitle = "Lịch thực hiện theo tháng"
    static let filterWho = "Chủ thể"
    static let filterWhoHint = "ban tuyen giao, BTG, chi bộ"
    static let filterDocument = "Văn bản"
    static let filterDocumentHint = "60-CTr/ĐUK"
    static let filterDue = "Đến hạn trong"
    static let filterDueHint = "12, 2024-12, 2024-11-30"
    static let filterButton = "Lọc"
    static let frequentActors = "Chủ thể thường gặp"
    static func requirementsFound(_ count: Int) -> String { "\(count) yêu cầu" }
    static let noRequirements = "Không có yêu cầu nào khớp."
    static let lead = "Chủ trì"
    static let partners = "Phối hợp"
    static let reportTo = "Báo cáo về"
    static let deadline = "Thời hạn"
    static let targets = "Chỉ tiêu"
    static let basis = "Căn cứ"
    static let sentence = "Câu trong văn bản"
    static let openSentence = "xem câu trong văn bản"
    static let showAsCalendar = "Xem theo tháng"
    static let showAsList = "Xem danh sách"
    static func month(_ month: Int) -> String { "Tháng \(month)" }
    static let anyMonth = "Định kỳ, không cố định tháng"
    static let feed = "Lịch iCalendar (.ics) để đăng ký trên điện thoại hoặc Outlook"

    /// A schedule as a reader would say it; the document's own words follow in the page.
    static func schedule(_ schedule: Schedule) -> String {
        let by = schedule.deadline ? "trước " : ""
        switch schedule.kind {
        case .date:
            let within = schedule.within.map { $0 == "quarter" ? " (cuối quý)" : " (cuối tháng)" } ?? ""
            return (schedule.deadline ? "hạn " : "ngày ") + (schedule.date.map(date) ?? "?") + within
        case .yearly:
            var text = schedule.atLeast ? "ít nhất mỗi năm một lần" : "hằng năm"
            if let day = schedule.day, let month = schedule.month { text += ", \(by)ngày \(day)/\(month)" }
            return text
        case .relative:
            return "\(schedule.days ?? 0) ngày\(schedule.workingDays ? " làm việc" : "") tính từ sự việc văn bản nêu"
        case .periodic:
            let periods = schedule.everyMonths.map { $0 % 12 == 0 ? "\($0 / 12) năm" : "\($0) tháng" }
            var text = "định kỳ " + periods.joined(separator: ", ") + (schedule.atLeast ? " (ít nhất)" : "")
            if let day = schedule.day { text += ", \(by)ngày \(day)" }
            return text
        }
    }

    // MARK: Problems

    static let notFoundTitle = "Không tìm thấy"
    static func documentNotFound(_ number: String) -> String {
        "Không có văn bản “\(number)” trong kho, và chưa văn bản nào trong kho dẫn chiếu đến nó."
    }
    static func documentAmbiguous(_ number: String) -> String {
        "“\(number)” là số hiệu của nhiều văn bản; hãy ghi đủ số hiệu cùng cơ quan ban hành. Các văn bản này:"
    }
    static func searchInstead(_ text: String) -> String { "Tìm “\(text)” trong toàn văn" }
    static let badRequestTitle = "Yêu cầu không hợp lệ"
    static let unavailableTitle = "Kho chưa sẵn sàng"
    static let unavailable = "Chưa đọc được kho văn bản. Người quản trị cần chạy lệnh `vanban index` để xây dựng lại kho."
    static let internalTitle = "Lỗi máy chủ"
    static let internalDetail = "Máy chủ chưa trả lời được yêu cầu này; nguyên nhân đã được ghi vào nhật ký."
    static let queryTooLong = "Câu tìm kiếm quá dài (tối đa \(QueryParser.maxLength) byte)."
    static let queryNoWords = "Câu tìm kiếm không có từ nào để tìm."
    static let queryOnlyExcludes = "Câu tìm kiếm chỉ có từ loại trừ (-từ); hãy thêm ít nhất một từ cần tìm."
    static let queryTooManyTerms = "Câu tìm kiếm có quá nhiều từ (tối đa \(QueryParser.maxTerms))."
    static let queryWidePrefix = "Tiền tố (từ*) ứng với quá nhiều từ; hãy gõ thêm vài chữ."
    static let queryUnreadable = "Không đọc được câu tìm kiếm này; hãy viết lại."
    static func wholeNumber(_ label: String, parameter: String, _ range: ClosedRange<Int>) -> String {
        "\(label) (\(parameter)) phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound)."
    }
    static let limitLabel = "Số văn bản mỗi trang"
    static let offsetLabel = "Vị trí bắt đầu"
    static let fromLabel = "Năm bắt đầu"
    static let toLabel = "Năm kết thúc"
    static let depthLabel = "Độ sâu của chuỗi"
    static let emptyYears = "Khoảng năm trống: năm bắt đầu đến sau năm kết thúc."
    static func unknownType(_ type: String) -> String {
        "Không có loại văn bản “\(type)”. Hãy dùng mã như NQ, KH, CTr, CV hoặc tên như “nghị quyết”."
    }
    static func badChoice(_ name: String, _ allowed: [String]) -> String {
        "Tham số “\(name)” chỉ nhận: \(allowed.joined(separator: ", "))."
    }
    static func tooLong(_ name: String) -> String { "Giá trị của “\(name)” quá dài." }
    static let badDue = "“Đến hạn trong” nhận một tháng (12, 2024-12, 12/2024) hoặc một ngày (2024-11-30, 30/11/2024)."
    static let badEncoding = "Địa chỉ có ký tự mã hóa sai (không phải UTF-8)."
    static func badParameter(_ name: String) -> String { "Tham số “\(name)” không hợp lệ." }

    // MARK: Formats

    /// yyyy-mm-dd as Vietnamese documents write dates: dd/mm/yyyy.
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// An ISO 8601 time ("2026-12-01T10:13:23Z") as date and time.
    static func dateTime(_ iso: String) -> String {
        let day = String(iso.prefix(10))
        let time = iso.dropFirst(11).prefix(5)
        return date(day) + (time.isEmpty ? "" : " \(time)")
    }
}

/// A document's citations and requirements, found by their range of ids: ids are given in
/// document order, a document's all at once, so its rows are `documents.first_citation` to
/// `first_citation + citation_count - 1` (see the schema), and likewise its requirements.
enum DocumentRows: String, CaseIterable {
    case citations = "citation", requirements = "requirement"

    var table: String { rawValue + "s" }

    /// SQL: the row aliased `row` is one of the document aliased `document`.
    func contain(_ row: String, of document: String = "d") -> String {
        "\(row).id BETWEEN \(document).first_\(rawValue) AND \(document).first_\(rawValue) + \(document).\(rawValue)_count - 1"
    }
}

/// What `POST /api/letters?format=` returns. A zip of all three is not offered yet.
enum LetterFormat: String, CaseIterable, Sendable {
    case pdf
    case html
    /// The Digital Post message (MeMo) or, for a letter sent by post, the print letter (ForsendelseI).
    case memo

    var contentType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .html: return "text/html; charset=utf-8"
        case .memo: return "application/xml"
        }
    }
}

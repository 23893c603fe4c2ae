/// What `POST /api/letters?format=` returns.
enum LetterFormat: String, CaseIterable, Sendable {
    case pdf
    case html
    /// The Digital Post message (MeMo) or, for a letter sent by post, the print letter (ForsendelseI).
    case memo
    /// All of the letter in one zip: the PDF, the HTML twin and every message (MeMo or print, and kombi).
    case zip

    var contentType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .html: return "text/html; charset=utf-8"
        case .memo: return "application/xml"
        case .zip: return "application/zip"
        }
    }
}

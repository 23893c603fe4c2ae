import BrevPipeline

/// What `POST /api/letters?format=` returns.
enum LetterFormat: String, CaseIterable, Sendable {
    case pdf
    case html
    /// The Digital Post message (MeMo) or, for a letter sent by post, the print letter (ForsendelseI).
    case memo
    /// All of the letter in one zip: the PDF, the HTML twin and every message (MeMo or print, and kombi).
    case zip

    /// What the answer is made from besides the PDF (whose hash goes in the audit log).
    var outputs: LetterOutputs {
        switch self {
        case .pdf: return []
        case .html: return .html
        case .memo: return .messages
        case .zip: return .all
        }
    }

    var contentType: String {
        switch self {
        case .pdf: return "application/pdf"
        case .html: return "text/html; charset=utf-8"
        case .memo: return "application/xml"
        case .zip: return "application/zip"
        }
    }
}

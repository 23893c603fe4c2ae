import BrevPipeline

/// What the API hands out of a rendered letter: its files, their names and the PDF's digest for
/// the audit log. It is made on the render's thread, where the rest of the letter (its laid-out
/// pages and document, most of its memory) is then freed: freeing them on the event loop held
/// up every other request there for about 2% of the server's CPU (`perf`, issue 13).
struct ServedLetter: Sendable {
    var letterId: String
    var fileKind: String
    var fileBaseName: String
    var pdf: [UInt8]
    var html: String
    var messages: [OutputFile]
    /// Lowercase hex, as the audit log keeps it.
    var pdfSHA256: String

    init(_ letter: RenderedLetter) {
        letterId = letter.letterId
        fileKind = letter.fileKind
        fileBaseName = letter.fileBaseName
        pdf = letter.pdf
        html = letter.html
        messages = letter.messages
        pdfSHA256 = PDFDigest.hex(letter.pdf)
    }
}

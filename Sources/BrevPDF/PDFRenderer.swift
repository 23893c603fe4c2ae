import BrevCore
import BrevPages
import Foundation

/// Writes laid-out pages as a tagged PDF that is PDF/UA-1 and PDF/A-2a, in one pass
/// (`PDFDocumentWriter`). One per worker: it keeps the font files and their recent subsets
/// loaded between letters.
public final class PDFRenderer {
    /// The sRGB profile, deflated once: compressing it per letter would cost more than the rest of the metadata.
    private let iccProfileDeflated: [UInt8]
    private var fontPrograms: [String: FontProgram] = [:]
    /// Compressors kept between letters: level 1 for what is new in every letter, `strongLevel`
    /// for font files and ToUnicode maps (kept with the font's subsets, compressed once each).
    private let fast: Deflater
    private let strong: Deflater
    /// libdeflate's level 6: the font files of the example letters as small as zlib's 6 gave
    /// them, ToUnicode maps 7% smaller, in about half zlib's instructions; 10–12 save 1% of
    /// a font for five to ten times the work.
    static let strongLevel: Int32 = 6

    /// Documents from this many pages get bookmarks for their headings.
    public static let bookmarkFromPages = 3

    /// `iccProfilePath`: the sRGB profile for the PDF/A output intent (Debian's icc-profiles-free).
    public init(iccProfilePath: String = "/usr/share/color/icc/sRGB.icc") throws(PDFError) {
        guard let icc = FileManager.default.contents(atPath: iccProfilePath) else {
            throw .iccProfileMissing(iccProfilePath)
        }
        fast = try Deflater(level: PDFFileWriter.compressionLevel)
        strong = try Deflater(level: PDFRenderer.strongLevel)
        iccProfileDeflated = try strong.deflate(Array(icc))
    }

    public func render(_ pages: Pages, metadata: PDFMetadata) throws(PDFError) -> [UInt8] {
        let fonts = try pages.fonts.map { ref throws(PDFError) in try program(ref.path) }
        var writer = PDFDocumentWriter(pages: pages, metadata: metadata, language: PDFRenderer.pdfLanguage(pages.language),
                                       fonts: fonts, iccProfileDeflated: iccProfileDeflated, fast: fast, strong: strong)
        return try writer.write()
    }

    private func program(_ path: String) throws(PDFError) -> FontProgram {
        if let known = fontPrograms[path] { return known }
        let program = try FontProgram(path: path)
        fontPrograms[path] = program
        return program
    }

    /// `da` → `da-DK`: the document language as a full tag.
    static func pdfLanguage(_ language: String) -> String {
        language == "da" ? "da-DK" : language
    }
}

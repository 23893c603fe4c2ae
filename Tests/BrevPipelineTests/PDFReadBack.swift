import BrevTestSupport
import Foundation

/// Reads a PDF back with tools independent of brev (poppler, qpdf), for the design tests.
enum PDFReadBack {
    /// A word's glyph box as `pdftotext -bbox` gives it: points from the page's top-left corner.
    struct Word {
        var text: String
        var xMin: Double, yMin: Double, xMax: Double, yMax: Double
        var height: Double { yMax - yMin }
    }

    /// A line of words as `pdftotext -bbox-layout` groups them, with the flow block it is in.
    struct Line {
        var block: Int
        var words: [Word]
        var text: String { words.map(\.text).joined(separator: " ") }
        var xMin: Double { words.map(\.xMin).min() ?? 0 }
    }

    static func words(_ path: String, page: Int) throws -> [Word] {
        let xml = try TestSupport.run("pdftotext", ["-bbox", "-enc", "UTF-8", "-f", "\(page)", "-l", "\(page)", path, "-"]).stdout
        return parseWords(xml)
    }

    static func lines(_ path: String) throws -> [Line] {
        let xml = try TestSupport.run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", path, "-"]).stdout
        var lines: [Line] = []
        var block = 0
        for chunk in xml.components(separatedBy: "<block ").dropFirst() {
            block += 1
            for lineXML in chunk.components(separatedBy: "<line ").dropFirst() {
                lines.append(Line(block: block, words: parseWords(lineXML)))
            }
        }
        return lines
    }

    private static func parseWords(_ xml: String) -> [Word] {
        let pattern = try! NSRegularExpression(pattern:
            #"<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>"#)
        let ns = xml as NSString
        return pattern.matches(in: xml, range: NSRange(location: 0, length: ns.length)).map { m in
            func d(_ i: Int) -> Double { Double(ns.substring(with: m.range(at: i)))! }
            let text = ns.substring(with: m.range(at: 5))
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            return Word(text: text, xMin: d(1), yMin: d(2), xMax: d(3), yMax: d(4))
        }
    }

    /// poppler's reading of the structure tree: one line per element or text, indented by depth.
    static func structure(_ path: String) throws -> String {
        try TestSupport.run("pdfinfo", ["-struct-text", path]).stdout
    }

    /// The file with every stream decompressed (qpdf's QDF form), as Latin-1 text.
    static func uncompressed(_ path: String) throws -> String {
        let out = path + ".qdf"
        _ = try TestSupport.run("qpdf", ["--qdf", "--object-streams=disable", path, out])
        let data = try Data(contentsOf: URL(fileURLWithPath: out))
        return String(decoding: data.map { UInt16($0) }, as: UTF16.self)
    }

    /// The page content streams of a QDF file (qpdf marks each "%% Contents for page N").
    static func pageContents(_ qdf: String) -> [String] {
        qdf.components(separatedBy: "%% Contents for page").dropFirst().compactMap { chunk in
            guard let start = chunk.range(of: "stream\n"), let end = chunk.range(of: "endstream") else { return nil }
            return String(chunk[start.upperBound..<end.lowerBound])
        }
    }

    /// The painted paths (filled or stroked) of page content, counted by where they stand: in
    /// `/Artifact` marked content, in other (tagged) marked content, or outside any.
    static func paintedPaths(_ content: String) -> (inArtifact: Int, tagged: Int, unmarked: Int) {
        var open: [Bool] = [] // for each open marked-content sequence: whether it is an artifact
        var operands: [Substring] = []
        var inArtifact = 0, tagged = 0, unmarked = 0
        // Literal strings (glyph codes are raw bytes in them) emptied first; a name may follow an
        // operator without white space ("rg/Artifact"): "/" starts a token.
        let spaced = content.replacingOccurrences(of: #"\((?:\\.|[^\\)])*\)"#, with: "()", options: .regularExpression)
            .replacingOccurrences(of: "/", with: " /")
        for token in spaced.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }) {
            let isOperator = token.first.map { $0.isLetter || $0 == "'" || $0 == "\"" } ?? false
            guard isOperator else {
                operands.append(token)
                continue
            }
            switch token {
            case "BMC", "BDC": open.append(operands.first == "/Artifact")
            case "EMC": if !open.isEmpty { open.removeLast() }
            case "f", "F", "f*", "S", "s", "B", "B*", "b", "b*":
                if open.isEmpty { unmarked += 1 } else if open.contains(true) { inArtifact += 1 } else { tagged += 1 }
            default: break
            }
            operands = []
        }
        return (inArtifact, tagged, unmarked)
    }
}

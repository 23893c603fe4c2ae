@testable import BrevLayout
import BrevTestSupport
import Foundation
import Testing

/// `FontManifest.entries` reads the manifest's rows by bytes where it can (issue 15): it must
/// find the same entries as the Character-by-Character reading it replaced, kept here.
@Suite struct FontManifestEntriesTests {
    static func reference(_ text: String) -> [FontManifest.Entry] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, row in
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard row.hasPrefix("|"), let file = cells.first, file.hasSuffix(".ttf"), let sum = cells.last,
                  sum.count == 64, sum.allSatisfy(\.isHexDigit) else { return nil }
            return FontManifest.Entry(file: file, sha256: sum.lowercased(), line: index + 1)
        }
    }

    static func same(_ a: [FontManifest.Entry], _ b: [FontManifest.Entry]) -> Bool {
        a.map { "\($0.file)|\($0.sha256)|\($0.line)" } == b.map { "\($0.file)|\($0.sha256)|\($0.line)" }
    }

    @Test func theManifestAndVariantsOfItReadAsBefore() throws {
        let manifest = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Fonts/MANIFEST.md"), encoding: .utf8)
        #expect(FontManifest.entries(manifest).count == 6)
        let sum = String(repeating: "ab12", count: 16)
        let variants = [
            manifest,
            manifest.replacingOccurrences(of: "\n", with: "\r\n"),
            manifest.replacingOccurrences(of: " | ", with: "\t|\t"),
            "| a.ttf | x | \(sum) |",
            "|\u{00A0}a.ttf\u{2003}| \u{3000}\(sum)\u{00A0}|\n",
            "| a.ttf | \(sum)\u{200B} |\n| b.ttf |\(sum.uppercased())|",
            "| a.ttf\u{301} | \(sum) |\n|\u{301} b.ttf | \(sum) |\n | c.ttf | \(sum) |",
            "| a.ttf | ａ\(sum.dropFirst()) |\n|| b.ttf ||| \(sum) ||\n| c.ttf | \(sum.dropFirst()) |",
            "|a.ttf|\(sum)|\r\n|b.ttf|\(sum)|\n\r|c.ttf|\(sum)|\r",
            "", "|", "\n\n| a.ttf |  \(sum)  |\n",
        ]
        for text in variants {
            #expect(Self.same(FontManifest.entries(text), Self.reference(text)), "\(text.debugDescription)")
        }
    }
}

import BrevCore
import Foundation

/// `Fonts/MANIFEST.md`: the fonts layout may use and the SHA-256 of each. Checked every time
/// brev starts, so a damaged or swapped font stops the run (exit 3) instead of giving blank or
/// different letters.
public enum FontManifest {
    public static let fileName = "MANIFEST.md"

    /// Fonts this process has already hashed, by path, file identity and expected hash.
    /// Hashing the six fonts takes about 12 ms in a release build but about 0.35 s in a debug
    /// build, where the tests build a pipeline per test; an unchanged file is not hashed twice.
    private static let verified = VerifiedFonts()

    /// One row of the manifest's table: `| file.ttf | … | sha256 |`.
    struct Entry {
        var file: String
        var sha256: String
        var line: Int
    }

    static func entries(_ text: String) -> [Entry] {
        // Lines split at LF bytes are the lines split at the Character "\n": LF is a Character of
        // its own except after CR (CR LF is one), so text with CR takes the Character split.
        let rows: [Substring] = text.utf8.contains(13)
            ? text.split(separator: "\n", omittingEmptySubsequences: false)
            : text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { Substring($0) }
        return rows.enumerated().compactMap { index, row in
            // Only a row that begins with `|` can be an entry, and only its first and last cells
            // are read: splitting by Characters and trimming every cell of every line with
            // Foundation cost a start 3.9 M instructions (issue 15).
            guard row.utf8.first == UInt8(ascii: "|"), row.hasPrefix("|") else { return nil }
            let cells = row.split(separator: "|")
            guard let file = cells.first.map(trimmed), file.hasSuffix(".ttf"), let sum = cells.last.map(trimmed),
                  sum.count == 64, sum.allSatisfy(\.isHexDigit) else { return nil }
            return Entry(file: file, sha256: sum.lowercased(), line: index + 1)
        }
    }

    /// `cell.trimmingCharacters(in: .whitespaces)`: spaces and tabs cut as bytes; a cell that
    /// then begins or ends with a non-ASCII scalar (another kind of space?) is trimmed by Foundation.
    static func trimmed(_ cell: Substring) -> String {
        let bytes = cell.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
        while start < end, case let last = bytes.index(before: end), bytes[last] == 0x20 || bytes[last] == 0x09 { end = last }
        if start < end, bytes[start] >= 0x80 || bytes[bytes.index(before: end)] >= 0x80 {
            return cell.trimmingCharacters(in: .whitespaces)
        }
        return String(Substring(bytes[start..<end]))
    }

    /// Checks that every font layout loads is in the manifest and that every font the manifest
    /// names has its hash.
    ///
    /// `checked`: markers of earlier processes (`CheckedResources`): a font file whose inode,
    /// size and change time passed against this manifest hash before is not hashed again.
    public static func verify(directory: URL, checked: CheckedResources? = nil) throws(DiagnosticsError) {
        let manifestPath = "Fonts/\(fileName)"
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(fileName).path) else {
            throw DiagnosticsError([.error(.fontDamaged, at: .file(path: manifestPath, line: 1, column: nil),
                                           "the font manifest is missing: fonts cannot be checked")])
        }
        let listed = entries(String(decoding: data, as: UTF8.self))
        var problems: [Diagnostic] = []
        for name in FontSet.fileNames() where !listed.contains(where: { $0.file == name }) {
            problems.append(.error(.fontDamaged, at: .file(path: manifestPath, line: 1, column: nil),
                                   "Fonts/\(name) is not in the manifest"))
        }
        for entry in listed {
            let at = SourceLocation.file(path: manifestPath, line: entry.line, column: nil)
            let path = directory.appendingPathComponent(entry.file).path
            // Device, inode, size and times from one stat (FileManager's attributes cost more at a start).
            guard let identity = CheckedResources.fileIdentity(path) else {
                problems.append(.error(.fontMissing, at: at, "Fonts/\(entry.file) is missing"))
                continue
            }
            let stamp = "\(path)|\(identity)|\(entry.sha256)"
            if verified.contains(stamp) { continue }
            let marker = CheckedResources.key("font", [Array(stamp.utf8)])
            if checked?.passed(marker) == true {
                verified.insert(stamp)
                continue
            }
            let font = FileManager.default.contents(atPath: path) ?? Data()
            if SHA256.hex(Array(font)) == entry.sha256 {
                verified.insert(stamp)
                checked?.recordPass(marker)
            } else {
                problems.append(.error(.fontDamaged, at: at,
                                       "Fonts/\(entry.file) does not have the SHA-256 its manifest entry names: the font is damaged or swapped"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
    }
}

/// The set of already verified font stamps, shared by the pipelines of one process.
private final class VerifiedFonts: @unchecked Sendable {
    private let lock = NSLock()
    private var stamps: Set<String> = []

    func contains(_ stamp: String) -> Bool { lock.withLock { stamps.contains(stamp) } }
    func insert(_ stamp: String) { lock.withLock { _ = stamps.insert(stamp) } }
}

import BrevCore
import Foundation

/// Which templates and fonts a letter was made with, as the journal records them: a SHA-256 over
/// every file under `LetterTemplates/` (paths and contents, in path order) and of the font
/// manifest (which lists each font's hash). Same versions and same case ⇒ same PDF bytes.
public struct ResourceVersions: Sendable, Hashable {
    public var templates: String
    public var fonts: String

    public init(environment: BrevEnvironment) {
        templates = Self.treeHash(environment.templatesDirectory)
        let manifest = FileManager.default.contents(atPath: environment.fontsDirectory.appendingPathComponent("MANIFEST.md").path)
        fonts = SHA256.hex(Array(manifest ?? Data()))
    }

    static func treeHash(_ root: URL) -> String {
        let base = root.standardizedFileURL.path
        var files: [String] = []
        if let walker = FileManager.default.enumerator(atPath: base) {
            while let relative = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(relative)
                }
            }
        }
        var all: [UInt8] = []
        for relative in files.sorted() {
            let content = FileManager.default.contents(atPath: base + "/" + relative) ?? Data()
            all += Array("\(relative)\n\(content.count)\n".utf8) + Array(content)
        }
        return SHA256.hex(all)
    }
}

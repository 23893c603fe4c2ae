import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// A profile that passed its checks is kept decoded in the cache folder (`CheckedResources`,
/// issue 15), so a start need not parse its YAML again; any change to the file's bytes parses
/// and checks it again, and a broken file is refused whatever was stored before.
@Suite struct StoredProfileTests {
    static let shipped = TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles")

    /// A copy of the shipped profiles, with one line of Ishøj's replaced.
    func profiles(replacing old: String = "id:", with new: String = "id:") throws -> URL {
        let dir = try TestSupport.temporaryDirectory().appendingPathComponent("profiles")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["ishoej-vallensbaek.yaml", "thisted.yaml"] {
            var text = try String(contentsOf: Self.shipped.appendingPathComponent(name), encoding: .utf8)
            if name.hasPrefix("ishoej") {
                #expect(text.contains(old))
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Everything a catalog holds, in a form two catalogs can be compared by.
    func contents(_ catalog: ProfileCatalog) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(catalog.profiles), as: UTF8.self)
    }

    func stored(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("stored-") }
    }

    @Test func aStoredProfileIsTheParsedOne() throws {
        let dir = try profiles()
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        let parsed = try contents(ProfileCatalog.load(directory: dir))
        #expect(try contents(ProfileCatalog.load(directory: dir, checked: checked)) == parsed)
        #expect(try stored(folder).count == 2)
        let readBack = try ProfileCatalog.load(directory: dir, checked: checked)
        #expect(try contents(readBack) == parsed)
        #expect(readBack.profile(forMunicipalityCode: "787")?.id == "thisted")
    }

    @Test func aChangedProfileIsParsedAgainAndABrokenOneRefused() throws {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        _ = try ProfileCatalog.load(directory: try profiles(), checked: checked)
        let changed = try ProfileCatalog.load(directory: try profiles(replacing: "phone: 20 69 28 33", with: "phone: 20 69 28 34"),
                                              checked: checked)
        #expect(changed.profiles.first { $0.id == "ishoej-vallensbaek" }?.centre.phone == "20 69 28 34")
        let broken = try profiles(replacing: "complaint_weeks: 4", with: "complaint_weeks: -4")
        #expect(throws: DiagnosticsError.self) { try ProfileCatalog.load(directory: broken, checked: checked) }
    }

    /// A stored result that does not decode (another format, a damaged file) is parsed again.
    @Test func anUnreadableStoredResultIsParsedAgain() throws {
        let dir = try profiles()
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        let parsed = try contents(ProfileCatalog.load(directory: dir, checked: checked))
        for name in try stored(folder) {
            try Data("{\"profile\": 1}".utf8).write(to: folder.appendingPathComponent(name))
        }
        #expect(try contents(ProfileCatalog.load(directory: dir, checked: checked)) == parsed)
    }
}

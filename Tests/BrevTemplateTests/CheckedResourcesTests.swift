import BrevCore
import BrevTemplate
import BrevTestSupport
import Foundation
import Testing

/// Markers of start-up checks that passed (`CheckedResources`, issue 15): a pass is remembered
/// by a key over what the check read, so a changed or broken input is checked again and
/// refused; a folder others could write is not trusted.
@Suite struct CheckedResourcesTests {
    struct Model {
        var name: String
    }

    func catalog(_ letter: String, checked: CheckedResources) throws(DiagnosticsError) -> TemplateCatalog {
        try TemplateCatalog(letters: ["test": TemplateSource(path: "letters/test/letter.xhtml", text: letter, isPartial: false)],
                            partials: [:], modelSpecimen: Model(name: "x"), checked: checked)
    }

    func markers(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("checked-") }
    }

    @Test func aPassIsRememberedAndAChangedTemplateIsCheckedAgainAndRefused() throws {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        #expect(checked.directory != nil)
        _ = try catalog("<letter><p>Kære {{name}}</p></letter>", checked: checked)
        #expect(try markers(folder).count == 1)
        _ = try catalog("<letter><p>Kære {{name}}</p></letter>", checked: checked)
        #expect(try markers(folder).count == 1, "the same templates need no second marker")
        // Another template: its own key, the full check, and a name the model lacks is refused.
        #expect(throws: DiagnosticsError.self) { try catalog("<letter><p>Kære {{nmae}}</p></letter>", checked: checked) }
        #expect(try markers(folder).count == 1, "a failed check leaves no marker")
        // A lint error (unescaped output) is refused however many passes came before.
        #expect(throws: DiagnosticsError.self) { try catalog("<letter><p>Kære {{{name}}}</p></letter>", checked: checked) }
    }

    @Test func aKeyPassesOnlyAfterItsPassIsRecorded() throws {
        let checked = CheckedResources(directory: try TestSupport.temporaryDirectory().appendingPathComponent("cache").path)
        let key = CheckedResources.key("test", [Array("a".utf8)])
        #expect(!checked.passed(key))
        checked.recordPass(key)
        #expect(checked.passed(key))
        #expect(!checked.passed(CheckedResources.key("test", [Array("b".utf8)])))
        // Parts are length-prefixed: ["ab"] and ["a", "b"] are different inputs.
        #expect(CheckedResources.key("test", [Array("ab".utf8)]) != CheckedResources.key("test", [Array("a".utf8), Array("b".utf8)]))
    }

    @Test func aFolderOthersCanWriteIsNotUsedAndOffTurnsMarkersOff() throws {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(chmod(folder.path, 0o777) == 0)
        #expect(CheckedResources(directory: folder.path).directory == nil)
        #expect(CheckedResources(environment: ["BREV_CACHE_DIR": "off", "HOME": "/root"]).directory == nil)
        let own = try TestSupport.temporaryDirectory().appendingPathComponent("own")
        #expect(CheckedResources(environment: ["BREV_CACHE_DIR": own.path]).directory == own.path)
    }

    @Test func aRewrittenFileHasAnotherIdentity() throws {
        let file = try TestSupport.temporaryDirectory().appendingPathComponent("font.ttf")
        try Data("same bytes".utf8).write(to: file)
        let before = try #require(CheckedResources.fileIdentity(file.path))
        usleep(50_000)  // file times move in kernel ticks
        try Data("same bytes".utf8).write(to: file)
        #expect(CheckedResources.fileIdentity(file.path) != before)
        #expect(CheckedResources.fileIdentity(file.path + ".missing") == nil)
    }
}

import BrevCase
import BrevCore
import BrevDocument
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

    /// After a pass, a start parses only the templates a letter uses, when it first fills one:
    /// every kind then fills exactly as from a catalog that parsed all of them at load.
    @Test func templatesThatPassedBeforeAreParsedOnFirstUseAndFillTheSame() throws {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        let directory = TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates")
        let parsedAtLoad = try TemplateCatalog.load(directory: directory, modelSpecimen: LetterModel.specimen, checked: checked)
        #expect(try markers(folder).count == 1)
        let parsedOnUse = try TemplateCatalog.load(directory: directory, modelSpecimen: LetterModel.specimen, checked: checked)
        for kind in parsedAtLoad.letters.keys.sorted() {
            let expected = DocumentDump.dump(try parsedAtLoad.render(kind: kind, model: LetterModel.specimen))
            #expect(DocumentDump.dump(try parsedOnUse.render(kind: kind, model: LetterModel.specimen)) == expected, "\(kind)")
            // A second letter of the kind reuses what the first parsed.
            #expect(DocumentDump.dump(try parsedOnUse.render(kind: kind, model: LetterModel.specimen)) == expected, "\(kind)")
        }
    }

    /// A result stored under a key is read back only under that key, whole.
    @Test func aStoredResultIsReadBackUnderItsKeyOnly() throws {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        let key = CheckedResources.key("test", [Array("input".utf8)])
        #expect(checked.stored(key) == nil)
        checked.store(Array("result".utf8), as: key)
        #expect(checked.stored(key) == Array("result".utf8))
        #expect(checked.stored(CheckedResources.key("test", [Array("other input".utf8)])) == nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["stored-\(key)"], "no partial file is left behind")
        var s = stat()
        #expect(stat(folder.appendingPathComponent(files[0]).path, &s) == 0 && s.st_mode & 0o777 == 0o600)
        #expect(CheckedResources(directory: nil).stored(key) == nil)
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

    /// The schema folder's marker covers every file under it: a nested file rewritten, or a
    /// file added, gives other identities.
    @Test func aFolderTreeHasAnotherIdentityWhenAFileUnderItChanges() throws {
        let root = try TestSupport.temporaryDirectory().appendingPathComponent("schemas")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("v1/inner"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appendingPathComponent("v1/inner/core.xsd"))
        try Data("b".utf8).write(to: root.appendingPathComponent("top.xsd"))
        let before = try #require(CheckedResources.fileIdentities(under: root.path))
        #expect(Set(before.map { String(decoding: $0, as: UTF8.self).split(separator: "|")[0] }) == ["top.xsd", "v1", "v1/inner", "v1/inner/core.xsd"])
        #expect(CheckedResources.fileIdentities(under: root.path) == before)
        usleep(50_000)  // file times move in kernel ticks
        try Data("A".utf8).write(to: root.appendingPathComponent("v1/inner/core.xsd"))
        let rewritten = try #require(CheckedResources.fileIdentities(under: root.path))
        #expect(rewritten != before)
        try Data("c".utf8).write(to: root.appendingPathComponent("v1/new.xsd"))
        #expect(CheckedResources.fileIdentities(under: root.path)?.count == 5)
        #expect(CheckedResources.fileIdentities(under: root.path + ".missing") == nil)
    }

    /// A file under the folder that is a link is identified by the file it points to.
    @Test func aLinkedFileHasAnotherIdentityWhenItsTargetChanges() throws {
        let folder = try TestSupport.temporaryDirectory()
        let root = folder.appendingPathComponent("schemas")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("real.xsd")
        try Data("a".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("linked.xsd").path, withDestinationPath: target.path)
        let before = try #require(CheckedResources.fileIdentities(under: root.path))
        usleep(50_000)
        try Data("bb".utf8).write(to: target)
        #expect(CheckedResources.fileIdentities(under: root.path) != before)
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

    /// The walk stats each entry by its name in its open folder: the identities are still those
    /// a stat of each whole path gives (an lstat, a stat for a link), for the real schema folder.
    @Test func theSchemaFoldersIdentitiesAreThoseOfEachPath() throws {
        let root = TestSupport.memoSchemas.path
        let walked = try #require(CheckedResources.fileIdentities(under: root))
        var expected: [[UInt8]] = []
        let paths = try #require(FileManager.default.subpathsOfDirectory(atPath: root) as [String]?)
        for path in paths {
            var s = stat()
            #expect(lstat("\(root)/\(path)", &s) == 0)
            if s.st_mode & 0o170000 == 0o120000 { #expect(stat("\(root)/\(path)", &s) == 0) }
            let identity = "\(s.st_dev)|\(s.st_ino)|\(s.st_size)|\(s.st_mtim.tv_sec).\(s.st_mtim.tv_nsec)|\(s.st_ctim.tv_sec).\(s.st_ctim.tv_nsec)"
            expected.append(Array("\(path)|\(identity)".utf8))
        }
        #expect(walked.count > 100)
        #expect(walked == expected.sorted { $0.lexicographicallyPrecedes($1) })
    }
}

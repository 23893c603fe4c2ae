import BrevCore
import BrevTestSupport
import Foundation
import Testing

@Suite struct SecureFileTests {
    @Test func filesAreWrittenWithMode0600AndNoTemporaryFileIsLeft() throws {
        let dir = try TestSupport.temporaryDirectory()
        let path = dir.appendingPathComponent("a.pdf").path
        try SecureFile.write([1, 2, 3], to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.pdf"])
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    }

    @Test func overwritingReplacesTheWholeFile() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("b.html").path
        try SecureFile.write("a much longer first version", to: path)
        try SecureFile.write("short", to: path)
        #expect(String(decoding: FileManager.default.contents(atPath: path)!, as: UTF8.self) == "short")
    }

    @Test func aFolderThatCannotBeWrittenGivesAnErrorNamingThePath() {
        #expect(throws: SecureFile.WriteError.self) {
            try SecureFile.write([1], to: "/proc/brev-cannot-write-here/x.pdf")
        }
    }
}

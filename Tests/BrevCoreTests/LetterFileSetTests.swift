import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// A letter's files appear together or not at all; what a killed run leaves is cleaned at the next start.
@Suite struct LetterFileSetTests {
    func names(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// The id of a process that has ended.
    func deadPID() throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/true")
        try p.run()
        p.waitUntilExit()
        return p.processIdentifier
    }

    @Test func aSetIsWrittenWholeWithMode0600AndNothingElseLeft() throws {
        let dir = try TestSupport.temporaryDirectory()
        try LetterFileSet.write([("a.pdf", [1, 2]), ("a.html", [3]), ("a.memo.xml", [4, 5, 6])], into: dir.path)
        #expect(try names(dir) == ["a.html", "a.memo.xml", "a.pdf"])
        for name in try names(dir) {
            let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(name).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600)
        }
        #expect(FileManager.default.contents(atPath: dir.appendingPathComponent("a.memo.xml").path) == Data([4, 5, 6]))
    }

    @Test func aFailedRenameLeavesNoPartOfTheSet() throws {
        let dir = try TestSupport.temporaryDirectory()
        // A folder where the second file should go: its rename fails after the first succeeded.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a.html"), withIntermediateDirectories: false)
        try Data([0]).write(to: dir.appendingPathComponent("a.html/x"))
        #expect(throws: SecureFile.WriteError.self) {
            try LetterFileSet.write([("a.pdf", [1]), ("a.html", [2]), ("a.kombi.xml", [3])], into: dir.path)
        }
        #expect(try names(dir) == ["a.html"], "no pdf, no temporary file, no marker")
    }

    @Test func aGroupOfSetsIsWrittenWholeWithMode0600AndNothingElseLeft() throws {
        let dir = try TestSupport.temporaryDirectory()
        let sets: [[LetterFileSet.File]] = (0..<5).map { i in
            [("\(i).pdf", [UInt8(i), 1]), ("\(i).html", [UInt8(i), 2]), ("\(i).kombi.xml", Array(repeating: UInt8(i), count: 70_000))]
        }
        try LetterFileSet.write(sets: sets, into: dir.path)
        #expect(try names(dir) == sets.flatMap { $0.map(\.name) }.sorted())
        for set in sets {
            for file in set {
                let path = dir.appendingPathComponent(file.name).path
                #expect(FileManager.default.contents(atPath: path) == Data(file.bytes))
                #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
            }
        }
    }

    @Test func aFailedRenameInAGroupLeavesNoPartOfAnySet() throws {
        let dir = try TestSupport.temporaryDirectory()
        // The last set's html cannot be renamed into place: the sets renamed before it go too.
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("c.html"), withIntermediateDirectories: false)
        try Data([0]).write(to: dir.appendingPathComponent("c.html/x"))
        #expect(throws: SecureFile.WriteError.self) {
            try LetterFileSet.write(sets: [[("a.pdf", [1]), ("a.html", [2])], [("b.pdf", [3]), ("b.html", [4])],
                                           [("c.pdf", [5]), ("c.html", [6])]], into: dir.path)
        }
        #expect(try names(dir) == ["c.html"], "no set of the group, no temporary file, no marker")
    }

    @Test func anInterruptedGroupIsRolledBackWholeAndCountedBySet() throws {
        let dir = try TestSupport.temporaryDirectory()
        let dead = try deadPID()
        func put(_ name: String, _ text: String = "x") throws {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        // A dead run had renamed the first set of its group and part of the second.
        try put("a.pdf"); try put("a.html"); try put("b.pdf")
        try put(".brev-tmp-\(dead)-BBBBBB"); try put(".brev-tmp-\(dead)-CCCCCC")
        try put(".brev-pending-\(dead)-MMMMMM", """
            .brev-tmp-\(dead)-AAAAA1\ta.pdf
            .brev-tmp-\(dead)-AAAAA2\ta.html

            .brev-tmp-\(dead)-AAAAA3\tb.pdf
            .brev-tmp-\(dead)-BBBBBB\tb.html

            .brev-tmp-\(dead)-CCCCCC\tc.pdf

            """)
        try put("z.pdf") // a letter of an earlier, finished run
        let report = try OutputRecovery.recover(directory: dir.path)
        #expect(report.rolledBackSets == 3 && report.removedTemporaries == 0)
        #expect(try names(dir) == ["z.pdf"])
    }

    @Test func anInterruptedSetIsRolledBackAndDeadTemporariesSwept() throws {
        let dir = try TestSupport.temporaryDirectory()
        let dead = try deadPID()
        let live = getpid()
        func put(_ name: String, _ text: String = "x") throws {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        // A dead run renamed the pdf, then died before the html: its marker lists both.
        try put("b.pdf")
        try put(".brev-tmp-\(dead)-AAAAAA")
        try put(".brev-pending-\(dead)-BBBBBB", ".brev-tmp-\(dead)-CCCCCC\tb.pdf\n.brev-tmp-\(dead)-AAAAAA\tb.html\n")
        try put(".brev-tmp-\(dead)-DDDDDD") // a letter being written when it died
        try put(".brev-tmp-\(live)-EEEEEE") // a live run's file in progress
        try put(".brev-pending-\(live)-FFFFFF", ".brev-tmp-\(live)-EEEEEE\tc.pdf\n")
        try put("a.pdf") // a complete earlier letter
        let report = try OutputRecovery.recover(directory: dir.path)
        #expect(report.rolledBackSets == 1 && report.removedTemporaries == 1)
        #expect(try names(dir) == [".brev-pending-\(live)-FFFFFF", ".brev-tmp-\(live)-EEEEEE", "a.pdf"])
    }

    @Test func aMarkerCannotReachOutsideTheFolder() throws {
        let parent = try TestSupport.temporaryDirectory()
        let dir = parent.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: parent.appendingPathComponent("keep.txt"))
        try Data("../keep.txt\t/etc/passwd\n".utf8).write(to: dir.appendingPathComponent(".brev-pending-\(try deadPID())-ZZZZZZ"))
        _ = try OutputRecovery.recover(directory: dir.path)
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("keep.txt").path))
        #expect(try names(dir).isEmpty)
    }
}

import BrevLayout
import BrevTestSupport
import Foundation
import Testing

/// The logo format of LetterTemplates/logos/: the shipped wordmarks read, and a broken file is
/// refused at its line with what is wrong.
@Suite struct LogoFileTests {
    @Test(arguments: ["ishoej-vallensbaek.logo", "thisted.logo"])
    func theShippedWordmarksRead(name: String) throws {
        let url = TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/logos/\(name)")
        let drawing = try LogoFile.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(drawing.width > 0 && drawing.height > 0 && drawing.height <= 18)
        #expect(drawing.shapes.count >= 2)
    }

    @Test(arguments: [
        ("size 10 10\nfill 000000\nsquare 0 0 1 1", 3, "unknown command"),
        ("size 10 10\nrect 0 0 1", 2, "rect takes 4 numbers"),
        ("size 10 10\nfill blue\nrect 0 0 1 1", 2, "six hex digits"),
        ("size 10 10\npath L 1 1 Z", 2, "starts with M"),
        ("size 10 10\ncircle 1e9 0 1", 2, "is not a number"),
        ("fill 000000\nrect 0 0 1 1", 1, "must give its size"),
        ("size 10 10\n# nothing drawn", 1, "draws nothing"),
    ])
    func aBrokenLogoIsNamedAtItsLine(text: String, line: Int, words: String) {
        do {
            _ = try LogoFile.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.message.contains(words), "\(error.message)")
        }
    }
}

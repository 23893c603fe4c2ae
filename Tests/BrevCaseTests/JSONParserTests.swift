import BrevCase
import BrevTestSupport
import Foundation
import Testing

@Suite struct JSONParserTests {
    func syntaxError(_ text: String) -> JSONParser.SyntaxError? {
        do {
            _ = try JSONParser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func aMissingCommaIsReportedWithLineAndColumn() {
        let e = syntaxError("{\n  \"a\": 1\n  \"b\": 2\n}")
        #expect(e?.line == 3)
        #expect(e?.column == 3)
    }

    @Test func columnsCountCharactersNotBytes() {
        let e = syntaxError("{\"navn\": \"Ærø\" x}")
        #expect(e?.line == 1)
        #expect(e?.column == 16)
    }

    @Test func anUnclosedStringPointsAtItsStart() {
        let e = syntaxError("{\"a\":\n \"abc")
        #expect(e?.line == 2)
        #expect(e?.column == 2)
    }

    @Test func duplicateKeysAreAnError() {
        #expect(syntaxError("{\"a\": 1, \"a\": 2}")?.message.contains("twice") == true)
    }

    /// Keys are compared one by one in small objects and hashed in large ones: a repeated key is
    /// found either way, and reported at the repeated key.
    @Test func duplicateKeysAreFoundInObjectsOfAnySize() {
        for count in [1, 15, 16, 17, 40] {
            let keys = (0..<count).map { "\"k\($0)\": \($0)" }
            #expect(syntaxError("{" + keys.joined(separator: ", ") + "}") == nil, "\(count) keys")
            for repeated in [0, count - 1] {
                let text = "{" + keys.joined(separator: ", ") + ", \"k\(repeated)\": 0}"
                let e = syntaxError(text)
                #expect(e?.message.contains("twice") == true, "\(count) keys, k\(repeated) again")
                #expect(e?.column == text.count - "\"k\(repeated)\": 0}".count + 1)
            }
        }
    }

    /// Strings with and without escapes, as Foundation writes them, read back as they were.
    @Test func randomStringsReadBackAsWritten() throws {
        var g = SeededGenerator(seed: 0x15A)
        let alphabet = ["a", "Æ", "ø", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", " ", "😀", "e\u{301}", "\u{A0}", "{", "}", ","]
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...12, using: &g)).map { _ in alphabet.randomElement(using: &g)! }.joined()
            let json = try JSONSerialization.data(withJSONObject: ["s": text, "t": [text]])
            let value = try JSONParser.parse(Array(json))
            #expect(value == .object([("s", .string(text)), ("t", .array([.string(text)]))]) || value == .object([("t", .array([.string(text)])), ("s", .string(text))]),
                    "\(text.debugDescription)")
        }
    }

    @Test func aStringOfInvalidUTF8IsReportedAtItsStart() {
        var bytes = Array("{\"a\": \"ok\", \"b\": \"x".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("parsed")
        } catch {
            #expect(error.message.contains("not valid UTF-8"))
            #expect(error.line == 1 && error.column == 18)
        }
    }

    @Test func halfASurrogatePairIsReportedWithItsPath() {
        let e = syntaxError(#"{"a": [1, {"b": "\uD800"}], "Name Not Shown": ["\uDC00"]}"#)
        #expect(e?.invalidCodePoint == 0xD800)
        #expect(e?.path == "$.a[1].b")
        let f = syntaxError(#"{"Name Not Shown": ["x", "\uDC00"]}"#)
        #expect(f?.path == "$.<key not shown>[1]")
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let v = try JSONParser.parse(#"{"s": "Nguy\u1ec5n \ud83d\ude00 \"q\" \\ /"}"#)
        #expect(v == .object([("s", .string("Nguyễn 😀 \"q\" \\ /"))]))
    }

    @Test func numbersLiteralsAndNesting() throws {
        let v = try JSONParser.parse(#"[1, -2.5e2, true, false, null, {"x": []}]"#)
        #expect(v == .array([.number(1), .number(-250), .bool(true), .bool(false), .null, .object([("x", .array([]))])]))
    }

    @Test func trailingTextAndSingleQuotesAreRejected() {
        #expect(syntaxError("{} x") != nil)
        #expect(syntaxError("{'a': 1}") != nil)
        #expect(syntaxError("[1,]") != nil)
    }
}

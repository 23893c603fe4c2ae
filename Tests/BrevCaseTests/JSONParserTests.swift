import BrevCase
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

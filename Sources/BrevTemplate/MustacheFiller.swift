import BrevCase
import BrevCore
import Foundation
import Mustache

/// Fills brev's templates as swift-mustache does, character for character, with less work a
/// letter (issue 15): tag names split once when the template is parsed, not at every tag of
/// every letter, and values escaped by their bytes instead of by a dictionary look-up for each
/// character (swift-mustache's escaping was most of its time in a letter). The model's values
/// come with their kinds (`MustacheValue`), so a tag is decided by a switch; other values by
/// swift-mustache's casts.
///
/// It reads the part of Mustache brev's templates use (text, variables, sections, inverted
/// sections, partials, comments) with swift-mustache's own rules for standalone tags and the
/// indentation of partials, and nothing else: a template with another tag (unescaped values,
/// new delimiters, inheritance, pragmas, transforms) is not parsed here, and a value of a kind
/// brev's models never hold (a lambda) stops the filling; the caller then fills the letter with
/// swift-mustache. `MustacheFillerTests` compares the two on every template and example letter.
struct MustacheFiller {
    indirect enum Token {
        case text(String)
        /// `names`: the dotted name split at its dots; `["."]` is the current value.
        case variable(names: [String])
        case section(names: [String], [Token])
        case invertedSection(names: [String], [Token])
        case partial(String, indentation: String?)
    }

    /// A template or tag this filler does not read.
    struct Unsupported: Error {}

    /// The parsed templates by the name templates include them by.
    private(set) var templates: [String: [Token]] = [:]

    mutating func register(_ text: String, named name: String) -> Bool {
        guard let tokens = try? MustacheFiller.parse(text) else { return false }
        templates[name] = tokens
        return true
    }

    func contains(_ name: String) -> Bool { templates[name] != nil }

    /// The filled template, or nil when a value needs swift-mustache.
    func render(_ model: Any, withTemplate name: String) -> String? {
        guard let tokens = templates[name] else { return nil }
        return try? render(tokens, Context(stack: [Frame(model)], indentation: nil))
    }

    // MARK: Parsing, after swift-mustache's `MustacheTemplate.parse`

    /// The template as its Characters, each classified once: the parser decides on a byte per
    /// Character and cuts text out of the template's UTF-8 by Character offsets, instead of
    /// comparing Characters and building strings Character by Character (which was most of a
    /// cold start's template parsing). The rules read Characters, as before.
    private struct Parser {
        /// The template's UTF-8.
        let utf8: [UInt8]
        /// Where each Character starts in `utf8`, and the end.
        let starts: [Int]
        /// Per Character: its byte when it is one ASCII scalar, `crlf` for "\r\n", `other` for the rest.
        let codes: [UInt8]
        /// Per Character: `newline` and `whitespace` bits (`Character.isNewline`, `.isWhitespace`).
        let kinds: [UInt8]
        var position = 0

        static let crlf: UInt8 = 0xFF
        static let other: UInt8 = 0x80
        static let newline: UInt8 = 1
        static let whitespace: UInt8 = 2

        /// `Character.isNewline` and `.isWhitespace` of each ASCII Character (0x0A–0x0D; 0x09–0x0D and space).
        static func asciiKind(_ byte: UInt8) -> UInt8 {
            switch byte {
            case 0x0A...0x0D: newline | whitespace
            case 0x09, 0x20: whitespace
            default: 0
            }
        }

        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()
            utf8 = Array(text.utf8)
            var starts: [Int] = [], codes: [UInt8] = [], kinds: [UInt8] = []
            starts.reserveCapacity(utf8.count + 1)
            codes.reserveCapacity(utf8.count)
            kinds.reserveCapacity(utf8.count)
            var offset = 0
            let end = utf8.count
            while offset < end {
                starts.append(offset)
                let byte = utf8[offset]
                // An ASCII scalar followed by another (or by the end) is a Character of its own,
                // but for "\r\n": every scalar that joins a Character to the one before or after
                // it is not ASCII (Unicode's grapheme cluster rules GB3–GB9b).
                if byte < 0x80, offset + 1 == end || (utf8[offset + 1] < 0x80 && !(byte == 0x0D && utf8[offset + 1] == 0x0A)) {
                    codes.append(byte)
                    kinds.append(Parser.asciiKind(byte))
                    offset += 1
                    continue
                }
                let character = text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
                let width = character.utf8.count
                if width == 1 {
                    codes.append(byte)
                    kinds.append(Parser.asciiKind(byte))
                } else {
                    codes.append(character == "\r\n" ? Parser.crlf : Parser.other)
                    kinds.append((character.isNewline ? Parser.newline : 0) | (character.isWhitespace ? Parser.whitespace : 0))
                }
                offset += width
            }
            starts.append(offset)
            self.starts = starts
            self.codes = codes
            self.kinds = kinds
        }

        var count: Int { codes.count }
        var atEnd: Bool { position == codes.count }
        /// swift-mustache's parser reads "\0" past the end: no ASCII tag character, no newline, no white space.
        var current: UInt8 { atEnd ? 0 : codes[position] }
        var currentIsNewline: Bool { !atEnd && kinds[position] & Parser.newline != 0 }

        /// The text of Characters `range`.
        func text(_ range: Range<Int>) -> String {
            String(decoding: utf8[starts[range.lowerBound]..<starts[range.upperBound]], as: UTF8.self)
        }

        /// Reads Characters while `condition` holds for their code; returns their range.
        mutating func read(while condition: (UInt8) -> Bool) -> Range<Int> {
            let start = position
            while !atEnd, condition(codes[position]) { position += 1 }
            return start..<position
        }

        mutating func readWhiteSpace() {
            while !atEnd, kinds[position] & Parser.whitespace != 0 { position += 1 }
        }

        /// Reads the two-Character ASCII `pair` ("{{" or "}}") if it comes next; fewer
        /// Characters left than two is an error, as there.
        mutating func read(_ pair: (UInt8, UInt8)) throws(Unsupported) -> Bool {
            guard codes.count - position >= 2 else { throw Unsupported() }
            guard codes[position] == pair.0, codes[position + 1] == pair.1 else { return false }
            position += 2
            return true
        }
    }

    private static let openTag = (UInt8(ascii: "{"), UInt8(ascii: "{"))
    private static let closeTag = (UInt8(ascii: "}"), UInt8(ascii: "}"))

    /// The characters of names, by byte: all ASCII (a Character that is not one ASCII scalar is none of them).
    private static func asciiSet(_ characters: String) -> [Bool] {
        var set = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { set[Int(byte)] = true }
        return set
    }
    private static let nameCharacters = asciiSet("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = asciiSet("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    static func parse(_ text: String) throws(Unsupported) -> [Token] {
        var parser = Parser(text)
        return try parse(&parser, section: nil, newLine: true)
    }

    private static func isSpaceOrTab(_ code: UInt8) -> Bool { code == UInt8(ascii: " ") || code == UInt8(ascii: "\t") }

    private static func parse(_ parser: inout Parser, section: String?, newLine startsOnNewLine: Bool) throws(Unsupported) -> [Token] {
        var tokens: [Token] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        while !parser.atEnd {
            if newLine { whiteSpaceBefore = parser.text(parser.read(while: isSpaceOrTab)) }
            let text = try readUntilTagOrNewline(&parser)
            if parser.currentIsNewline {
                tokens.append(.text(whiteSpaceBefore + text + parser.text(parser.position..<(parser.position + 1))))
                newLine = true
                parser.position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                newLine = false
            }
            if parser.atEnd { break }
            var setNewLine = false
            switch parser.current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = parser.current == UInt8(ascii: "^")
                parser.position += 1
                let name = try readName(&parser)
                if isStandalone(&parser, newLine: newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let inner = try parse(&parser, section: name, newLine: setNewLine)
                tokens.append(inverted ? .invertedSection(names: try names(name), inner) : .section(names: try names(name), inner))
            case UInt8(ascii: "/"):
                parser.position += 1
                let name = try readName(&parser)
                guard name == section else { throw Unsupported() }
                if !isStandalone(&parser, newLine: newLine), !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                return tokens
            case UInt8(ascii: "!"):
                parser.position += 1
                try skipComment(&parser)
                setNewLine = isStandalone(&parser, newLine: newLine)
            case UInt8(ascii: ">"):
                parser.position += 1
                parser.readWhiteSpace()
                // A dynamic partial ("{{>*name}}") is not read here.
                if parser.current == UInt8(ascii: "*") { throw Unsupported() }
                let name = try readName(&parser, characters: partialNameCharacters)
                // The white space before the tag is kept, and is the partial's indentation too
                // when the tag stands alone on its line.
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                setNewLine = isStandalone(&parser, newLine: newLine)
                tokens.append(.partial(name, indentation: setNewLine ? whiteSpaceBefore : nil))
                whiteSpaceBefore = ""
            case UInt8(ascii: "{"), UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "="), UInt8(ascii: "%"):
                throw Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                tokens.append(.variable(names: try names(try readName(&parser))))
            }
            newLine = setNewLine
        }
        if section != nil { throw Unsupported() }
        return tokens
    }

    /// Text up to a line break (not read) or up to and including "{{". Only "\n" and "\r\n"
    /// end it; another line break (a lone "\r", U+2028, …) is text here, as there.
    private static func readUntilTagOrNewline(_ parser: inout Parser) throws(Unsupported) -> String {
        let start = parser.position
        var end = start
        while !parser.atEnd {
            _ = parser.read { $0 != UInt8(ascii: "\n") && $0 != Parser.crlf && $0 != UInt8(ascii: "{") }
            end = parser.position
            if parser.currentIsNewline { break }
            if parser.current == UInt8(ascii: "{") {
                if try parser.read(openTag) { break }
                parser.position += 1
                end = parser.position
            }
        }
        return parser.text(start..<end)
    }

    /// A tag's name up to and including "}}".
    private static func readName(_ parser: inout Parser, characters: [Bool] = nameCharacters) throws(Unsupported) -> String {
        parser.readWhiteSpace()
        let name = parser.text(parser.read { characters[Int($0)] })
        parser.readWhiteSpace()
        guard try parser.read(closeTag) else { throw Unsupported() }
        return name
    }

    /// A variable or section name split at its dots, as swift-mustache splits it at each tag.
    private static func names(_ name: String) throws(Unsupported) -> [String] {
        // Transforms ("first(list)") and names relative to the current value (".name") are not read here.
        // A name is read from ASCII Characters only (`readName`), so its bytes are its Characters.
        let bytes = name.utf8
        if bytes.contains(UInt8(ascii: "(")) || bytes.contains(UInt8(ascii: ")")) || (bytes.first == UInt8(ascii: ".") && name != ".") {
            throw Unsupported()
        }
        return name == "." ? ["."] : bytes.split(separator: UInt8(ascii: ".")).map { String(decoding: $0, as: UTF8.self) }
    }

    private static func skipComment(_ parser: inout Parser) throws(Unsupported) {
        while !parser.atEnd {
            if parser.current == UInt8(ascii: "}"), parser.position + 1 < parser.count, parser.codes[parser.position + 1] == UInt8(ascii: "}") {
                parser.position += 2
                return
            }
            parser.position += 1
        }
        throw Unsupported()
    }

    /// A tag alone on its line (only spaces and tabs after it): its line break is read with it.
    private static func isStandalone(_ parser: inout Parser, newLine: Bool) -> Bool {
        guard newLine else { return false }
        if parser.atEnd { return true }
        var ahead = parser
        _ = ahead.read(while: isSpaceOrTab)
        guard ahead.currentIsNewline else { return false }
        parser.position = ahead.position + 1
        return true
    }

    // MARK: Filling, after swift-mustache's `MustacheTemplate.render`

    private struct Context {
        var stack: [Frame]
        var indentation: String?
    }

    /// A value met while filling: one whose kind the model named (`MustacheValue`), decided by a
    /// switch, or any other, decided by swift-mustache's casts.
    private enum Held {
        case typed(MustacheValue)
        case dynamic(Any)
    }

    private func render(_ tokens: [Token], _ context: Context) throws(Unsupported) -> String {
        var out = ""
        out.reserveCapacity(16_384)
        try render(tokens, context, into: &out)
        return out
    }

    /// Appends the filled tokens to `out`: one string grows for the whole letter instead of a
    /// string per token and section joined at every level.
    private func render(_ tokens: [Token], _ context: Context, into out: inout String) throws(Unsupported) {
        if let indentation = context.indentation, !indentation.isEmpty {
            // What is indented depends on this level's text alone, token by token, as there.
            var local = ""
            for token in tokens {
                var text = ""
                try render(token, context, into: &text)
                if !text.isEmpty, MustacheFiller.endsWithLineFeed(local) { local += indentation }
                local += text
            }
            out += local
        } else {
            for token in tokens { try render(token, context, into: &out) }
        }
    }

    private func pushing(_ held: Held, on context: Context) -> Context {
        let frame: Frame = switch held {
        case .typed(let value): .typed(value)
        case .dynamic(let value): .dynamic(DynamicFrame(value))
        }
        return Context(stack: context.stack + [frame], indentation: context.indentation)
    }

    private func render(_ token: Token, _ context: Context, into out: inout String) throws(Unsupported) {
        switch token {
        case .text(let text):
            out += text
        case .variable(let names):
            switch try child(names, in: context.stack) {
            case .typed(.string(let string))?: out += MustacheFiller.escaped(string)
            // swift-mustache prints a number or a Bool with `String(describing:)`.
            case .typed(.int(let int))?: out += String(describing: int)
            case .typed(.bool(let bool))?: out += String(describing: bool)
            case .typed(let value)?: try MustacheFiller.printValue(value.any, into: &out)
            case .dynamic(let value)?: try MustacheFiller.printValue(value, into: &out)
            case nil: return
            }
        case .section(let names, let inner):
            switch try child(names, in: context.stack) {
            case .typed(.list(let elements, _))?:
                for element in elements { try render(inner, pushing(.typed(element), on: context), into: &out) }
            case .typed(.bool(let bool))?:
                if bool { try render(inner, context, into: &out) }
            case .typed(let value)?:
                try render(inner, pushing(.typed(value), on: context), into: &out)
            case .dynamic(let value)?:
                switch value {
                case let sequence as any MustacheSequence:
                    for element in MustacheFiller.elements(of: sequence) {
                        try render(inner, pushing(.dynamic(element), on: context), into: &out)
                    }
                case let bool as Bool:
                    if bool { try render(inner, context, into: &out) }
                case is MustacheLambda:
                    throw Unsupported()
                case let null as MustacheCustomRenderable where null.isNull:
                    return
                default:
                    try render(inner, pushing(.dynamic(value), on: context), into: &out)
                }
            case nil:
                return
            }
        case .invertedSection(let names, let inner):
            switch try child(names, in: context.stack) {
            case .typed(let value)?:
                switch value {
                case .list(let elements, _):
                    guard elements.isEmpty else { return }
                    try render(inner, pushing(.typed(value), on: context), into: &out)
                case .bool(let bool):
                    if !bool { try render(inner, context, into: &out) }
                case .string, .int, .object:
                    return
                }
            case .dynamic(let value)?:
                switch value {
                case let sequence as any MustacheSequence:
                    guard MustacheFiller.elements(of: sequence).isEmpty else { return }
                    try render(inner, pushing(.dynamic(sequence), on: context), into: &out)
                case let bool as Bool:
                    if !bool { try render(inner, context, into: &out) }
                case let null as MustacheCustomRenderable where null.isNull:
                    try render(inner, context, into: &out)
                default:
                    return
                }
            case nil:
                try render(inner, context, into: &out)
            }
        case .partial(let name, let indented):
            guard let tokens = templates[name] else { return }
            let indentation = indented.map { (context.indentation ?? "") + $0 } ?? context.indentation
            try render(tokens, Context(stack: context.stack, indentation: indentation), into: &out)
        }
    }

    /// A value swift-mustache prints after its casts.
    private static func printValue(_ value: Any, into out: inout String) throws(Unsupported) {
        if let string = value as? String { out += escaped(string); return }
        if value is MustacheTemplate || value is MustacheLambda { throw Unsupported() }
        if let renderable = value as? MustacheCustomRenderable { out += escaped(renderable.renderText); return }
        out += escaped(String(describing: unwrappingOptional(value)))
    }

    private static func elements<S: Sequence>(of sequence: S) -> [Any] { sequence.map { $0 as Any } }

    /// swift-mustache's look-up: the first name in the innermost value that has it, the rest
    /// inside that value. A model's own kinds are never a `MustacheCustomRepresentation`.
    private func child(_ names: [String], in stack: [Frame]) throws(Unsupported) -> Held? {
        let found = try lookUp(names, in: stack)
        if case .dynamic(let value) = found, let custom = value as? MustacheCustomRepresentation {
            return custom.representation.map { .dynamic($0) }
        }
        return found
    }

    private func lookUp(_ names: [String], in stack: [Frame]) throws(Unsupported) -> Held? {
        if names == ["."] { return stack.last?.held }
        guard let first = names.first else { return stack.last?.held }
        for frame in stack.reversed() {
            guard var value = frame.child(first) else { continue }
            for name in names.dropFirst() {
                switch value {
                case .typed(let typed):
                    // Only a model's struct has named values (Mirror shows none in a string, number, Bool or list).
                    guard case .object(let object) = typed, let next = object.value(named: name) else { return nil }
                    value = .typed(next)
                case .dynamic(let dynamic):
                    // swift-mustache calls a lambda met on the way; brev's models hold none.
                    if dynamic is MustacheLambda { throw Unsupported() }
                    guard let next = MustacheFiller.immediateChild(name, of: dynamic) else { return nil }
                    value = .dynamic(next)
                }
            }
            return value
        }
        return nil
    }

    /// What an Optional in an `Any` holds (itself when it is nil), as swift-mustache prints it.
    private static func unwrappingOptional(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? value
    }

    /// A value on the context stack.
    private enum Frame {
        case typed(MustacheValue)
        case dynamic(DynamicFrame)

        init(_ value: Any) {
            // The letter's model names its values' kinds (a concrete cast: no conformance scan).
            if let model = value as? LetterModel { self = .typed(.object(model)); return }
            if let object = value as? any MustacheObject { self = .typed(.object(object)); return }
            self = .dynamic(DynamicFrame(value))
        }

        var held: Held {
            switch self {
            case .typed(let value): .typed(value)
            case .dynamic(let frame): .dynamic(frame.value)
            }
        }

        func child(_ name: String) -> Held? {
            switch self {
            case .typed(.object(let object)):
                guard let value = object.value(named: name) else { return nil }
                return Held.typed(value)
            case .typed:
                return nil
            case .dynamic(let frame):
                guard let value = frame.child(name) else { return nil }
                return Held.dynamic(value)
            }
        }
    }

    /// A value of no kind the model named, with what `immediateChild` casts it to found once,
    /// when it is pushed, not at every name looked up through it (a cast of the letter's model
    /// to a protocol copied the whole model each time).
    private struct DynamicFrame {
        let value: Any
        /// The value, or the representation it gives (`MustacheCustomRepresentation`).
        let shown: Any?
        let parent: (any MustacheParent)?

        init(_ value: Any) {
            self.value = value
            var shown: Any? = value
            if let custom = value as? MustacheCustomRepresentation { shown = custom.representation }
            self.shown = shown
            parent = shown.flatMap { $0 as? MustacheParent }
        }

        /// `immediateChild(name, of: value)`.
        func child(_ name: String) -> Any? {
            if let parent { return parent.child(named: name) }
            guard let shown else { return nil }
            return MustacheFiller.mirrorChild(name, of: shown)
        }
    }

    private static func immediateChild(_ name: String, of object: Any) -> Any? {
        var object: Any? = object
        if let custom = object as? MustacheCustomRepresentation { object = custom.representation }
        guard let object else { return nil }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        return mirrorChild(name, of: object)
    }

    /// swift-mustache's look-up of a value that is not a `MustacheParent`: its stored property of that name.
    private static func mirrorChild(_ name: String, of object: Any) -> Any? {
        guard let matched = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: matched.value)
        guard mirror.displayStyle == .optional else { return matched.value }
        return mirror.children.first?.value
    }

    /// Whether the last character of `text` is a line feed (not the "\r\n" that is one character).
    private static func endsWithLineFeed(_ text: String) -> Bool {
        var last: UInt8 = 0, beforeLast: UInt8 = 0
        for byte in text.utf8.suffix(2) {
            beforeLast = last
            last = byte
        }
        return last == UInt8(ascii: "\n") && (text.utf8.count < 2 || beforeLast != UInt8(ascii: "\r"))
    }

    private static let escapes: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]

    /// swift-mustache's HTML escaping: a character that is exactly one of the five is replaced.
    /// Those are ASCII, and one with ASCII (or no) bytes on either side is a character of its
    /// own, so such text is escaped as XML text is (`XMLText`); a "<" next to a combining mark is one character
    /// with it, and such rare text is escaped character by character, as there.
    static func escaped(_ text: String) -> String {
        let bytes = text.utf8
        var special = false
        var byCharacter = false
        var previous: UInt8 = 0
        var afterSpecial = false
        for byte in bytes {
            if afterSpecial && byte >= 0x80 { byCharacter = true }
            afterSpecial = false
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                special = true
                afterSpecial = true
                if previous >= 0x80 { byCharacter = true }
            default:
                break
            }
            previous = byte
        }
        guard special else { return text }
        if byCharacter {
            var out = ""
            for c in text { if let e = escapes[c] { out += e } else { out.append(c) } }
            return out
        }
        return XMLText.escaped(text)
    }
}

import BrevCore
import Foundation
import Mustache

/// Fills brev's templates as swift-mustache does, character for character, with less work a
/// letter (issue 15): tag names split once when the template is parsed, not at every tag of
/// every letter, and values escaped by their bytes instead of by a dictionary look-up for each
/// character (swift-mustache's escaping was most of its time in a letter).
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

    private struct Parser {
        let characters: [Character]
        var position = 0

        var atEnd: Bool { position == characters.count }
        /// swift-mustache's parser reads "\0" past the end.
        var current: Character { atEnd ? "\0" : characters[position] }

        mutating func read(while condition: (Character) -> Bool) -> String {
            let start = position
            while !atEnd, condition(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }

        /// Reads `string` if it comes next; fewer characters left than it has is an error, as there.
        mutating func read(_ string: String) throws(Unsupported) -> Bool {
            let wanted = Array(string)
            guard characters.count - position >= wanted.count else { throw Unsupported() }
            guard Array(characters[position..<(position + wanted.count)]) == wanted else { return false }
            position += wanted.count
            return true
        }
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    static func parse(_ text: String) throws(Unsupported) -> [Token] {
        var parser = Parser(characters: Array(text))
        return try parse(&parser, section: nil, newLine: true)
    }

    private static func parse(_ parser: inout Parser, section: String?, newLine startsOnNewLine: Bool) throws(Unsupported) -> [Token] {
        var tokens: [Token] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        while !parser.atEnd {
            if newLine { whiteSpaceBefore = parser.read { $0 == " " || $0 == "\t" } }
            let text = try readUntilTagOrNewline(&parser)
            if parser.current.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(parser.current)))
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
            case "#", "^":
                let inverted = parser.current == "^"
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
            case "/":
                parser.position += 1
                let name = try readName(&parser)
                guard name == section else { throw Unsupported() }
                if !isStandalone(&parser, newLine: newLine), !whiteSpaceBefore.isEmpty {
                    tokens.append(.text(whiteSpaceBefore))
                }
                return tokens
            case "!":
                parser.position += 1
                try skipComment(&parser)
                setNewLine = isStandalone(&parser, newLine: newLine)
            case ">":
                parser.position += 1
                _ = parser.read(while: \.isWhitespace)
                // A dynamic partial ("{{>*name}}") is not read here.
                if parser.current == "*" { throw Unsupported() }
                let name = try readName(&parser, characters: partialNameCharacters)
                // The white space before the tag is kept, and is the partial's indentation too
                // when the tag stands alone on its line.
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                setNewLine = isStandalone(&parser, newLine: newLine)
                tokens.append(.partial(name, indentation: setNewLine ? whiteSpaceBefore : nil))
                whiteSpaceBefore = ""
            case "{", "&", "<", "$", "=", "%":
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

    /// Text up to a line break (not read) or up to and including "{{".
    private static func readUntilTagOrNewline(_ parser: inout Parser) throws(Unsupported) -> String {
        var text = ""
        while !parser.atEnd {
            text += parser.read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if parser.current.isNewline { break }
            if parser.current == "{" {
                if try parser.read("{{") { break }
                text += "{"
                parser.position += 1
            }
        }
        return text
    }

    /// A tag's name up to and including "}}".
    private static func readName(_ parser: inout Parser, characters: Set<Character> = nameCharacters) throws(Unsupported) -> String {
        _ = parser.read(while: \.isWhitespace)
        let name = parser.read { characters.contains($0) }
        _ = parser.read(while: \.isWhitespace)
        guard try parser.read("}}") else { throw Unsupported() }
        return name
    }

    /// A variable or section name split at its dots, as swift-mustache splits it at each tag.
    private static func names(_ name: String) throws(Unsupported) -> [String] {
        // Transforms ("first(list)") and names relative to the current value (".name") are not read here.
        if name.contains("(") || name.contains(")") || (name.first == "." && name != ".") { throw Unsupported() }
        return name == "." ? ["."] : name.split(separator: ".").map(String.init)
    }

    private static func skipComment(_ parser: inout Parser) throws(Unsupported) {
        while !parser.atEnd {
            if parser.current == "}", parser.position + 1 < parser.characters.count, parser.characters[parser.position + 1] == "}" {
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
        _ = ahead.read { $0 == " " || $0 == "\t" }
        guard ahead.current.isNewline else { return false }
        parser.position = ahead.position + 1
        return true
    }

    // MARK: Filling, after swift-mustache's `MustacheTemplate.render`

    private struct Context {
        var stack: [Frame]
        var indentation: String?
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

    private func render(_ token: Token, _ context: Context, into out: inout String) throws(Unsupported) {
        switch token {
        case .text(let text):
            out += text
        case .variable(let names):
            guard let value = try child(names, in: context.stack) else { return }
            if let string = value as? String { out += MustacheFiller.escaped(string); return }
            if value is MustacheTemplate || value is MustacheLambda { throw Unsupported() }
            if let renderable = value as? MustacheCustomRenderable { out += MustacheFiller.escaped(renderable.renderText); return }
            out += MustacheFiller.escaped(String(describing: MustacheFiller.unwrappingOptional(value)))
        case .section(let names, let inner):
            switch try child(names, in: context.stack) {
            case let sequence as any MustacheSequence:
                for element in MustacheFiller.elements(of: sequence) {
                    try render(inner, Context(stack: context.stack + [Frame(element)], indentation: context.indentation), into: &out)
                }
            case let bool as Bool:
                if bool { try render(inner, context, into: &out) }
            case is MustacheLambda:
                throw Unsupported()
            case let null as MustacheCustomRenderable where null.isNull:
                return
            case .some(let value):
                try render(inner, Context(stack: context.stack + [Frame(value)], indentation: context.indentation), into: &out)
            case .none:
                return
            }
        case .invertedSection(let names, let inner):
            switch try child(names, in: context.stack) {
            case let sequence as any MustacheSequence:
                guard MustacheFiller.elements(of: sequence).isEmpty else { return }
                try render(inner, Context(stack: context.stack + [Frame(sequence)], indentation: context.indentation), into: &out)
            case let bool as Bool:
                if !bool { try render(inner, context, into: &out) }
            case let null as MustacheCustomRenderable where null.isNull:
                try render(inner, context, into: &out)
            case .some:
                return
            case .none:
                try render(inner, context, into: &out)
            }
        case .partial(let name, let indented):
            guard let tokens = templates[name] else { return }
            let indentation = indented.map { (context.indentation ?? "") + $0 } ?? context.indentation
            try render(tokens, Context(stack: context.stack, indentation: indentation), into: &out)
        }
    }

    private static func elements<S: Sequence>(of sequence: S) -> [Any] { sequence.map { $0 as Any } }

    /// swift-mustache's look-up: the first name in the innermost value that has it, the rest
    /// inside that value.
    private func child(_ names: [String], in stack: [Frame]) throws(Unsupported) -> Any? {
        let found = try lookUp(names, in: stack)
        if let custom = found as? MustacheCustomRepresentation { return custom.representation }
        return found
    }

    private func lookUp(_ names: [String], in stack: [Frame]) throws(Unsupported) -> Any? {
        if names == ["."] { return stack.last?.value }
        guard let first = names.first else { return stack.last?.value }
        for frame in stack.reversed() {
            guard var value = frame.child(first) else { continue }
            for name in names.dropFirst() {
                // swift-mustache calls a lambda met on the way; brev's models hold none.
                if value is MustacheLambda { throw Unsupported() }
                guard let next = MustacheFiller.immediateChild(name, of: value) else { return nil }
                value = next
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

    /// A value on the context stack, with what `immediateChild` casts it to found once, when it
    /// is pushed, not at every name looked up through it (a cast of the letter's model to a
    /// protocol copied the whole model each time).
    private struct Frame {
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

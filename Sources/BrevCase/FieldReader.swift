import Foundation
import BrevCore

/// Reads the fields of one JSON object, reporting a missing, mistyped or unknown field with
/// its JSON path instead of stopping at the first one.
struct FieldReader {
    let path: String
    let members: [(key: String, value: JSONValue)]
    let diagnostics: DiagnosticCollector
    private let known: KnownKeys

    /// Reference type so that copies of a reader share what was read so far: a flag per member
    /// (keys are unique in an object, so a member asked for by its key is a known key).
    private final class KnownKeys {
        var read: [Bool]
        init(count: Int) { read = Array(repeating: false, count: count) }
    }

    init?(_ value: JSONValue, path: String, diagnostics: DiagnosticCollector) {
        guard case .object(let members) = value else {
            diagnostics.error(.wrongType, path, "expected an object, found \(value.typeName)")
            return nil
        }
        guard members.count <= CaseLimits.maximumObjectMembers else {
            diagnostics.error(.tooManyItems, path, "an object in a case has at most \(CaseLimits.maximumObjectMembers) fields")
            return nil
        }
        self.path = path
        self.members = members
        self.diagnostics = diagnostics
        self.known = KnownKeys(count: members.count)
    }

    func childPath(_ key: String) -> String { JSONPath.child(path, key) }

    /// The raw value of a key; `null` counts as absent.
    func value(_ key: String, required: Bool) -> JSONValue? {
        if diagnostics.recordsFields { diagnostics.noteFieldRead(key, in: path) }
        var found: JSONValue?
        if let i = members.firstIndex(where: { $0.key == key }) {
            known.read[i] = true
            found = members[i].value
        }
        if found == nil || found == .null {
            if required { diagnostics.error(.missingField, childPath(key), "this field is required") }
            return nil
        }
        return found
    }

    /// A string within the length of its kind, free of control, bidi and noncharacters.
    func string(_ key: String, required: Bool = false, kind: CaseLimits.TextKind = .line) -> String? {
        if diagnostics.recordsFields { diagnostics.noteBounds(childPath(key)) { $0.maxLength = kind.maximumLength } }
        return text(key, required: required, kind: kind)
    }

    /// A string whose format bounds it (a date, an enum value): its length is not published.
    func formattedString(_ key: String, required: Bool = false) -> String? {
        text(key, required: required, kind: .code)
    }

    private func text(_ key: String, required: Bool, kind: CaseLimits.TextKind) -> String? {
        guard let v = value(key, required: required) else { return nil }
        guard case .string(let s) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected a string, found \(v.typeName)")
            return nil
        }
        guard FieldReader.checkText(s, kind: kind, path: childPath(key), diagnostics: diagnostics) else { return nil }
        if FieldReader.isBlank(s) {
            if required { diagnostics.error(.missingField, childPath(key), "this field is required and must not be empty") }
            return nil
        }
        return s
    }

    /// Empty or only white space and line breaks. A text that starts with a visible ASCII
    /// character (nearly every one) is decided without Foundation's trimming.
    static func isBlank(_ s: String) -> Bool {
        if let first = s.utf8.first, first > 0x20, first < 0x7F { return false }
        return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// Reports a text that is too long or holds a forbidden character, naming only the code point.
    /// `path` is made only for a problem: most texts have none.
    static func checkText(_ s: String, kind: CaseLimits.TextKind, path: @autoclosure () -> String, diagnostics: DiagnosticCollector) -> Bool {
        let length = s.unicodeScalars.count
        if length > kind.maximumLength {
            diagnostics.error(.valueTooLong, path(), "at most \(kind.maximumLength) characters here, found \(length)")
            return false
        }
        if let word = TextCharacters.longestWordLength(in: s), word > kind.maximumWordLength {
            diagnostics.error(.valueTooLong, path(), "a word (text without a space) is at most \(kind.maximumWordLength) characters here, found \(word)")
            return false
        }
        if let bad = TextCharacters.firstForbidden(in: s, allowingLineBreaks: kind.allowsLineBreaks) {
            let note = bad == "\n" ? " (a line break is allowed only in free text)" : ""
            diagnostics.error(.invalidCharacter, path(), "the character \(TextCharacters.name(bad)) is not allowed\(note)")
            return false
        }
        return true
    }

    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let v = value(key, required: required) else { return nil }
        guard case .bool(let b) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected true or false, found \(v.typeName)")
            return nil
        }
        return b
    }

    /// A number within `range`. The JSON parser lets no infinity through.
    func number(_ key: String, in range: ClosedRange<Double>, required: Bool = false) -> Double? {
        if diagnostics.recordsFields { diagnostics.noteBounds(childPath(key)) { $0.minimum = range.lowerBound; $0.maximum = range.upperBound } }
        guard let v = value(key, required: required) else { return nil }
        guard case .number(let n) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected a number, found \(v.typeName)")
            return nil
        }
        guard range.contains(n) else {
            func shown(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
            diagnostics.error(.outOfRange, childPath(key), "a number from \(shown(range.lowerBound)) to \(shown(range.upperBound))")
            return nil
        }
        return n
    }

    /// A whole number within `range`; checked before any conversion to `Int`, which would trap.
    func wholeNumber(_ key: String, in range: ClosedRange<Int>, required: Bool = false) -> Int? {
        guard let n = number(key, in: Double(range.lowerBound)...Double(range.upperBound), required: required) else { return nil }
        guard n == n.rounded() else {
            diagnostics.error(.invalidValue, childPath(key), "a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return Int(n)
    }

    /// A `YYYY-MM-DD` date between `CaseLimits.earliestDate` and `latestDate`.
    func date(_ key: String, required: Bool = false) -> CivilDate? {
        guard let s = formattedString(key, required: required) else { return nil }
        guard let d = CivilDate(iso: s) else {
            diagnostics.error(.invalidDate, childPath(key), "not a date written as YYYY-MM-DD")
            return nil
        }
        guard d >= CaseLimits.earliestDate, d <= CaseLimits.latestDate else {
            diagnostics.error(.outOfRange, childPath(key),
                              "a date from \(CaseLimits.earliestDate.iso) to \(CaseLimits.latestDate.iso)")
            return nil
        }
        return d
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, required: Bool = false) -> E?
    where E.RawValue == String {
        guard let s = formattedString(key, required: required) else { return nil }
        return FieldReader.decodeEnum(s, type, path: childPath(key), diagnostics: diagnostics)
    }

    static func decodeEnum<E: RawRepresentable & CaseIterable>(_ s: String, _ type: E.Type, path: String,
                                                                diagnostics: DiagnosticCollector) -> E?
    where E.RawValue == String {
        if let e = E(rawValue: s) { return e }
        let allowed = E.allCases.map { $0.rawValue }.joined(separator: ", ")
        // The value given is not repeated: a misplaced name or CPR number must not reach a log.
        diagnostics.error(.invalidValue, path, "not one of: \(allowed)")
        return nil
    }

    func array(_ key: String, maximumCount: Int, required: Bool = false) -> [JSONValue]? {
        if diagnostics.recordsFields { diagnostics.noteBounds(childPath(key)) { $0.maxItems = maximumCount } }
        guard let v = value(key, required: required) else { return nil }
        guard case .array(let items) = v else {
            diagnostics.error(.wrongType, childPath(key), "expected an array, found \(v.typeName)")
            return nil
        }
        guard items.count <= maximumCount else {
            diagnostics.error(.tooManyItems, childPath(key), "at most \(maximumCount) items here, found \(items.count)")
            return nil
        }
        return items
    }

    /// `formatted`: the items' format bounds them (enum values), so their length is not published.
    func stringArray(_ key: String, maximumCount: Int, kind: CaseLimits.TextKind = .line, formatted: Bool = false,
                     required: Bool = false) -> [String]? {
        if !formatted, diagnostics.recordsFields { diagnostics.noteBounds("\(childPath(key))[]") { $0.maxLength = kind.maximumLength } }
        guard let items = array(key, maximumCount: maximumCount, required: required) else { return nil }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if case .string(let s) = item {
                if FieldReader.checkText(s, kind: kind, path: "\(childPath(key))[\(i)]", diagnostics: diagnostics) { out.append(s) }
            } else {
                diagnostics.error(.wrongType, "\(childPath(key))[\(i)]", "expected a string, found \(item.typeName)")
            }
        }
        return out
    }

    func enumArray<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, maximumCount: Int,
                                                       required: Bool = false) -> [E]?
    where E.RawValue == String {
        guard let strings = stringArray(key, maximumCount: maximumCount, kind: .code, formatted: true, required: required) else { return nil }
        return strings.enumerated().compactMap { i, s in
            FieldReader.decodeEnum(s, type, path: "\(childPath(key))[\(i)]", diagnostics: diagnostics)
        }
    }

    func object(_ key: String, required: Bool = false) -> FieldReader? {
        guard let v = value(key, required: required) else { return nil }
        return FieldReader(v, path: childPath(key), diagnostics: diagnostics)
    }

    /// Reports every key that no reader asked for: a misspelt field must not vanish silently.
    func rejectUnknownKeys() {
        // A key given twice (only a JSONValue built in code can hold one) is known if either was read.
        for (member, read) in zip(members, known.read)
        where !read && !zip(members, known.read).contains(where: { $0.1 && $0.0.key == member.key }) {
            diagnostics.error(.unknownField, childPath(member.key), JSONPath.isFieldName(member.key)
                              ? "brev does not know this field (misspelt?)"
                              : "brev does not know this field; field names are lowercase snake_case")
        }
    }
}

import BrevCore
import Mustache

/// Checks that every value a template names exists in the model it is filled from. Mustache
/// prints a missing value as nothing; in a legal letter that would silently drop a deadline or
/// an address, so brev refuses instead, naming the template line.
struct TemplateValueChecker {
    let partials: [String: TemplateSource]

    /// A level of the Mustache context stack.
    private enum Frame {
        case value(Any)
        /// A section on true/false or an inverted section: names resolve further out.
        case transparent
        /// A section over a nil value or an empty list: its content is not rendered and its
        /// names cannot be checked against this model.
        case unknown
    }

    func check(_ source: TemplateSource, model: Any) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        check(source, stack: [.value(model)], problems: &problems, depth: 0)
        return problems
    }

    private func check(_ source: TemplateSource, stack initial: [Frame], problems: inout [Diagnostic], depth: Int) {
        var stack = initial
        for tag in source.tags {
            let at = SourceLocation.file(path: source.path, line: tag.line, column: nil)
            switch tag.kind {
            case .comment, .unescaped, .setDelimiter:
                continue // rejected by the catalog's lint
            case .sectionEnd:
                if stack.count > 1 { stack.removeLast() }
            case .variable:
                switch resolve(tag.name, in: stack) {
                case .missing(let name):
                    problems.append(.error(.templateUnknownValue, at: at, "the model has no value '\(name)'"))
                case .found(let value?) where !TemplateValueChecker.isPrintable(value):
                    // A group, list or flag would print as Swift's description of it.
                    problems.append(.error(.templateUnknownValue, at: at,
                                           "'\(tag.name)' is not a value a letter prints; use it as a section"))
                default:
                    break
                }
            case .section:
                switch resolve(tag.name, in: stack) {
                case .missing(let name):
                    problems.append(.error(.templateUnknownValue, at: at, "the model has no value '\(name)'"))
                    stack.append(.unknown)
                case .unchecked:
                    stack.append(.unknown)
                case .found(let value):
                    stack.append(frame(forSection: value))
                }
            case .invertedSection:
                if case .missing(let name) = resolve(tag.name, in: stack) {
                    problems.append(.error(.templateUnknownValue, at: at, "the model has no value '\(name)'"))
                }
                stack.append(.transparent)
            case .partial:
                guard let partial = partials[tag.name] else {
                    problems.append(.error(.templateMissing, at: at, "no partial '\(tag.name)' in LetterTemplates/partials/"))
                    continue
                }
                if depth < 10 { check(partial, stack: stack, problems: &problems, depth: depth + 1) }
            }
        }
    }

    /// Text and numbers print; anything else (a group of values, a list, a flag) does not.
    private static func isPrintable(_ value: Any) -> Bool {
        value is String || value is Substring || value is Int
    }

    private func frame(forSection value: Any?) -> Frame {
        guard let value else { return .unknown }
        if value is Bool { return .transparent }
        if let list = value as? [Any] {
            return list.first.map { .value($0) } ?? .unknown
        }
        return .value(value)
    }

    private enum Resolution {
        case found(Any?)
        case missing(String)
        case unchecked
    }

    private func resolve(_ name: String, in stack: [Frame]) -> Resolution {
        if name == "." { return .found(nil) }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return .missing(name) }
        for frame in stack.reversed() {
            switch frame {
            case .transparent: continue
            case .unknown: return .unchecked
            case .value(let object):
                guard case .some(let child) = TemplateValueChecker.child(first, of: object) else { continue }
                var current: Any? = child
                for part in parts.dropFirst() {
                    guard let c = current else { return .found(nil) } // through a nil: not rendered
                    guard case .some(let next) = TemplateValueChecker.child(part, of: c) else { return .missing(name) }
                    current = next
                }
                return .found(current)
            }
        }
        return .missing(name)
    }

    /// The stored property `name` of a value: `.none` when there is no such property,
    /// `.some(nil)` when it exists but holds nil.
    private static func child(_ name: String, of object: Any) -> Any?? {
        let mirror = Mirror(reflecting: object)
        guard let match = mirror.children.first(where: { $0.label == name }) else { return .none }
        let value = unwrap(match.value)
        // Mustache reads a MustacheParent through `child(named:)`, not Mirror: a value that it
        // does not hand out there would print as nothing, so it is missing.
        if value != nil, let parent = object as? MustacheParent, parent.child(named: name) == nil { return .none }
        return .some(value)
    }

    private static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        guard let some = mirror.children.first else { return nil }
        return unwrap(some.value)
    }
}

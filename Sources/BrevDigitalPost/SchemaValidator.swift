import BrevCore
import CLibXML2
import Foundation

/// Validates XML against the official schemas with libxml2, inside brev: MeMo 1.1 (official
/// XSD), MeMo 1.2 (the derived XSD) and ForsendelseI (SF1600, through its xmllint driver).
/// Errors come back with the schema's message, its quoted values withheld, and the line.
public final class SchemaValidator {
    public enum Kind: String, Sendable, CaseIterable {
        case memo11 = "MeMo 1.1"
        case memo12 = "MeMo 1.2"
        case forsendelseI = "ForsendelseI"

        /// The schema file under the schema folder (`Schemas/memo/` in this repository).
        var relativePath: String {
            switch self {
            case .memo11: return "v1.1/MeMo_core.xsd"
            case .memo12: return "v1.2-derived/Version1.2/MeMo_core.xsd"
            case .forsendelseI: return "fjernprint-sf1600/ForsendelseI-xmllint.xsd"
            }
        }
    }

    public struct Problem: Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    private let directory: URL
    private var schemas: [Kind: xmlSchemaPtr] = [:]

    public init(schemaDirectory: URL) {
        _ = libxml2Initialized
        directory = schemaDirectory
    }

    deinit {
        for schema in schemas.values { xmlSchemaFree(schema) }
    }

    /// The root schema files (relative paths) absent from `url`: brev needs all of them.
    public static func missingSchemas(in url: URL) -> [String] {
        Kind.allCases.map(\.relativePath).filter { !FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }
    }

    /// Compiles every schema now (about 60 ms for the three), so that a damaged schema stops brev
    /// at start; returns the relative path of each that cannot be compiled.
    public func compileAll() -> [String] {
        Kind.allCases.compactMap { kind in
            do {
                _ = try schema(kind)
                return nil
            } catch {
                return kind.relativePath
            }
        }
    }

    /// What identifies the schema files without reading them (`CheckedResources.fileIdentity`
    /// of every file under the folder, by path), for the marker that they compiled before;
    /// nil if the folder cannot be listed.
    public static func fileIdentities(in url: URL) -> [[UInt8]]? {
        CheckedResources.fileIdentities(under: url.path)
    }

    private func schema(_ kind: Kind) throws(DigitalPostError) -> xmlSchemaPtr {
        if let s = schemas[kind] { return s }
        let path = directory.appendingPathComponent(kind.relativePath).path
        guard FileManager.default.fileExists(atPath: path), let parser = xmlSchemaNewParserCtxt(path) else {
            throw .writer("schema not found: \(path)")
        }
        defer { xmlSchemaFreeParserCtxt(parser) }
        guard let schema = xmlSchemaParse(parser) else { throw .writer("cannot load the schema \(path)") }
        schemas[kind] = schema
        return schema
    }

    /// Which schema a document needs: by its root element and, for MeMo, its memoVersion.
    public static func kind(of bytes: [UInt8]) -> Kind? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if head.contains("ForsendelseI") && !head.contains("MeMo-1") { return .forsendelseI }
        guard head.contains("https://DigitalPost.dk/MeMo-1") else { return nil }
        if memo11Version.firstMatch(in: head, range: NSRange(location: 0, length: head.utf16.count)) != nil { return .memo11 }
        return .memo12
    }

    /// Compiled once: every message brev writes is validated, so every one is asked its kind.
    private static let memo11Version = try! NSRegularExpression(pattern: #"memoVersion\s*=\s*["']1\.1["']"#)

    /// Every problem the schema finds (empty: valid). A document that is not well-formed
    /// gives its parse error.
    public func validate(_ bytes: [UInt8], as kind: Kind) throws(DigitalPostError) -> [Problem] {
        let schema = try schema(kind)
        let collector = ProblemCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let parser = xmlNewParserCtxt() else { throw .writer("libxml2 could not start") }
        defer { xmlFreeParserCtxt(parser) }
        let doc = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                xmlCtxtReadMemory(parser, $0, Int32(p.count), "message.xml", nil, options)
            }
        }
        guard let doc else {
            let e = parser.pointee.lastError
            let message = e.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "not well-formed"
            return [Problem(line: Int(e.line), message: SchemaProblemText.withoutValues(message))]
        }
        defer { xmlFreeDoc(doc) }
        guard let context = xmlSchemaNewValidCtxt(schema) else { throw .writer("libxml2 could not start validation") }
        defer { xmlSchemaFreeValidCtxt(context) }
        xmlSchemaSetValidStructuredErrors(context, collectProblem, Unmanaged.passUnretained(collector).toOpaque())
        let status = xmlSchemaValidateDoc(context, doc)
        if status != 0 && collector.problems.isEmpty {
            collector.problems.append(Problem(line: 0, message: "invalid (libxml2 status \(status))"))
        }
        return collector.problems
    }
}

private final class ProblemCollector {
    var problems: [SchemaValidator.Problem] = []
}

/// A structured error handler: the classic libxml2 handlers are C-variadic and cannot be
/// written in Swift (platform-notes.md §7).
private let collectProblem: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<xmlError>?) -> Void = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "invalid"
    collector.problems.append(SchemaValidator.Problem(line: Int(error.pointee.line), message: SchemaProblemText.withoutValues(message)))
}

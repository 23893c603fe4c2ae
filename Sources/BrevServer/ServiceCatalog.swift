import BrevCase
import BrevCore
import Foundation

/// What the service lists: letter kinds, profiles and templates, read once at start from the
/// same resources the pipelines load.
struct ServiceCatalog: Sendable {
    struct LetterKind: Codable, Sendable {
        var letterType: String
        var template: String
        enum CodingKeys: String, CodingKey {
            case letterType = "letter_type"
            case template
        }
    }

    struct Profile: Codable, Sendable {
        var id: String
        var municipalityCodes: [String]
        var authority: String
        enum CodingKeys: String, CodingKey {
            case id, authority
            case municipalityCodes = "municipality_codes"
        }
    }

    var letterKinds: [LetterKind]
    var profiles: [Profile]
    var templates: [String]
    /// `Schemas/case.schema.json`, served as it is.
    var caseSchema: [UInt8]

    init(environment: BrevEnvironment) throws {
        letterKinds = LetterType.allCases.compactMap { type in
            LetterModelBuilder.templateNames[type].map { LetterKind(letterType: type.rawValue, template: $0) }
        }
        profiles = try ProfileCatalog.load(directory: environment.templatesDirectory.appendingPathComponent("profiles")).profiles.map {
            Profile(id: $0.id, municipalityCodes: $0.municipalityCodes, authority: $0.authority.name)
        }.sorted { $0.id < $1.id }
        let letters = environment.templatesDirectory.appendingPathComponent("letters").path
        templates = try FileManager.default.contentsOfDirectory(atPath: letters).filter { !$0.hasPrefix(".") }.sorted()
        let schema = environment.resourceRoot.appendingPathComponent("Schemas/case.schema.json").path
        guard let data = FileManager.default.contents(atPath: schema) else {
            throw DiagnosticsError([.error(.schemasMissing, at: .file(path: schema, line: 1, column: nil), "the case schema is missing")])
        }
        caseSchema = Array(data)
    }
}

import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// `Schemas/case.schema.json` is the published contract for case files. These tests keep it in
/// step with what the Swift reader understands: the same fields in every object, the same enums.
@Suite struct CaseSchemaTests {
    let schema: [String: Any]

    init() throws {
        let url = TestSupport.repositoryRoot.appendingPathComponent("Schemas/case.schema.json")
        schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    /// Object paths and their property names, as the reader names paths (`$.citizen.address`).
    func schemaObjects() -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        func walk(_ node: [String: Any], path: String) {
            if let props = node["properties"] as? [String: Any] {
                out[path] = Set(props.keys)
                for (key, value) in props {
                    guard let child = value as? [String: Any] else { continue }
                    walk(child, path: "\(path).\(key)")
                    if let items = child["items"] as? [String: Any] { walk(items, path: "\(path).\(key)[]") }
                }
            }
        }
        walk(schema, path: "$")
        return out
    }

    /// A case with every object present, so the reader asks for every field it knows.
    static var everything: [String: Any] { [
        "municipality_code": "183", "letter_type": "AFSLAG", "channel": "DIGITAL_POST", "letter_date": "2026-11-24",
        "begrundelse": [String: Any](), "partshoering": ["performed": true],
        "citizen": ["address": ["street": "Vej 1", "postcode": "2635", "city": "Ishøj"]],
        "caseworker": ["name": "A"], "period_requested": ["from": "2026-12-01", "to": "2026-12-31"],
        "period_granted": ["from": "2026-12-01", "to": "2026-12-31"], "provider": ["name": "P"],
        "free_choice": [String: Any](), "egenbetaling": ["applies": false],
        "behandlingsplan": ["enrolment_date": "2027-01-04", "goals": [["text": "x"]], "education_employment": [String: Any]()],
        "custody_holders": [["name": "B", "address": ["street": "Vej 2", "postcode": "2635", "city": "Ishøj"]]],
        "handleplan": ["consent": true],
        "representative": ["name": "R", "type": "FULDMAGT", "address": ["street": "Vej 3", "postcode": "2635", "city": "Ishøj"]],
    ] }

    @Test func theSchemaAndTheReaderKnowTheSameFields() throws {
        let collector = DiagnosticCollector(recordingFields: true)
        _ = CaseReader.read(json: try TestSupport.json(Self.everything), today: TestSupport.today, diagnostics: collector)
        let read = collector.fieldsRead
        let published = schemaObjects()
        for (path, fields) in read {
            #expect(published[path] == fields, "\(path): reader \(fields.sorted()) vs schema \(published[path]?.sorted() ?? [])")
        }
        for path in published.keys { #expect(read[path] != nil, "the schema describes \(path), which the reader never reads") }
    }

    /// The schema node a reader path names: `$.citizen.name`, `$.legal_citations[]`.
    func schemaNode(_ path: String) -> [String: Any]? {
        var node: [String: Any]? = schema
        for part in path.dropFirst(2).split(separator: ".") {
            var name = Substring(part)
            let items = name.hasSuffix("[]")
            if items { name = name.dropLast(2) }
            node = (node?["properties"] as? [String: Any])?[String(name)] as? [String: Any]
            if items { node = node?["items"] as? [String: Any] }
        }
        return node
    }

    /// The limits of `CaseLimits` as the reader applies them are the schema's maxLength,
    /// maxItems, minimum and maximum, field by field.
    @Test func theSchemaStatesTheReadersBounds() throws {
        let collector = DiagnosticCollector(recordingFields: true)
        _ = CaseReader.read(json: try TestSupport.json(Self.everything), today: TestSupport.today, diagnostics: collector)
        let bounds = collector.fieldBounds
        #expect(bounds["$.begrundelse.assessment"]?.maxLength == CaseLimits.TextKind.freeText.maximumLength)
        #expect(bounds.count > 40, "\(bounds.count) bounded fields")
        for (path, b) in bounds {
            let node = try #require(schemaNode(path), "\(path) is not in the schema")
            #expect(node["maxLength"] as? Int == b.maxLength, "\(path) maxLength")
            #expect(node["maxItems"] as? Int == b.maxItems, "\(path) maxItems")
            #expect((node["minimum"] as? NSNumber)?.doubleValue == b.minimum, "\(path) minimum")
            #expect((node["maximum"] as? NSNumber)?.doubleValue == b.maximum, "\(path) maximum")
        }
    }

    func enumValues(_ path: [String]) -> [String] {
        var node: Any = schema
        for key in path { node = ((node as! [String: Any])["properties"] as! [String: Any])[key]! }
        let n = node as! [String: Any]
        let e = (n["enum"] as? [String]) ?? ((n["items"] as? [String: Any])?["enum"] as? [String]) ?? []
        return e.sorted()
    }

    @Test func theSchemaEnumsAreTheSwiftEnums() {
        #expect(enumValues(["letter_type"]) == LetterType.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["legal_basis"]) == LegalBasis.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["substance_category"]) == SubstanceCategory.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["treatment_type_requested"]) == TreatmentType.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["treatment_type_granted"]) == TreatmentType.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["outcome"]) == Outcome.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["channel"]) == Channel.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["citizen", "digital_post_status"]) == DigitalPostStatus.allCases.map(\.rawValue).sorted())
        #expect(enumValues(["representative", "type"]) == CaseInput.Representative.Kind.allCases.map(\.rawValue).sorted())
    }

    @Test func everyExampleCaseConformsToTheSchema() throws {
        let script = """
        import json, sys, glob, jsonschema
        schema = json.load(open(sys.argv[1]))
        v = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
        bad = 0
        for f in sorted(glob.glob(sys.argv[2] + '/*.json')):
            for e in v.iter_errors(json.load(open(f))):
                print(f, e.json_path, e.message); bad += 1
        print('checked', len(glob.glob(sys.argv[2] + '/*.json')))
        sys.exit(1 if bad else 0)
        """
        let root = TestSupport.repositoryRoot.path
        let r = try TestSupport.run("python3", ["-c", script, "\(root)/Schemas/case.schema.json", "\(root)/Examples/cases"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("checked"))
    }
}

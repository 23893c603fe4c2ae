import BrevCase
import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue 10: valid letters were refused at random, a template could print the CPR number,
/// and two citizens could share one file. These hold by construction now.
@Suite(.serialized) struct PrivacyByConstructionTests {
    let pipeline: LetterPipeline
    let brev: String
    let root = TestSupport.repositoryRoot.path

    init() throws {
        brev = try TestSupport.brevBinary
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func caseObject(_ file: String = "afslag-doegn-sel101.json", name: String? = nil, cpr: String? = nil) throws -> [String: Any] {
        var object = try TestSupport.exampleObject(file)
        var citizen = object["citizen"] as! [String: Any]
        if let name { citizen["name"] = name }
        if let cpr { citizen["cpr"] = cpr }
        object["citizen"] = citizen
        return object
    }

    @Test(arguments: ["Else", "Ole", "Kim", "Ida", "Per", "Ib"])
    func shortFirstNamesGetTheirLetters(first: String) throws {
        for file in ["afslag-doegn-sel101.json", "afslag-doegn-sel101-fysisk-post.json"] {
            let letter = try pipeline.render(caseJSON: try TestSupport.json(try caseObject(file, name: "\(first) Jensen")))
            #expect(letter.fileKind == "afgoerelse")
            #expect(letter.messages.count == 2, "\(file)")
        }
    }

    @Test func idsUseConsonantsOnlySoTheyCannotSpellAWordADateOrACPRNumber() {
        let allowed = Set("bcdfghjklmnpqrstvwxz")
        for i in 0..<2000 {
            let id = LetterModelBuilder.letterId(seed: ["case-\(i)"])
            #expect(id.count == 16)
            #expect(id.allSatisfy { allowed.contains($0) }, "\(id)")
        }
    }

    @Test func twoCitizensWithTheSameCaseNumberTypeAndDateGetDifferentIds() throws {
        let a = try pipeline.render(caseJSON: try TestSupport.json(try caseObject(name: "Else Jensen", cpr: "0101851234")))
        let b = try pipeline.render(caseJSON: try TestSupport.json(try caseObject(name: "Ole Hansen", cpr: "0202902345")))
        let again = try pipeline.render(caseJSON: try TestSupport.json(try caseObject(name: "Else Jensen", cpr: "0101851234")))
        #expect(a.letterId != b.letterId)
        #expect(a.letterId == again.letterId && a.pdf == again.pdf, "the same letter keeps its id and bytes")
        var other = try caseObject(name: "Else Jensen", cpr: "0101851234")
        other["municipality_code"] = "187"
        let vallensbaek = try pipeline.render(caseJSON: try TestSupport.json(other))
        #expect(vallensbaek.letterId != a.letterId, "another municipality's case with the same number")
    }

    /// The model a template is filled from holds no CPR number anywhere, in full or in part.
    @Test func theTemplateModelHoldsNoCPRNumber() throws {
        let profiles = try ProfileCatalog.load(directory: TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles"))
        let collector = DiagnosticCollector()
        let input = try #require(CaseReader.read(json: try TestSupport.exampleBytes("afslag-doegn-sel101.json"),
                                                 today: TestSupport.today, diagnostics: collector))
        let model = try LetterModelBuilder(profile: profiles.profile(forMunicipalityCode: "183")!).build(input)
        var texts: [String] = []
        func collect(_ value: Any) {
            if let s = value as? String { texts.append(s) }
            for child in Mirror(reflecting: value).children { collect(child.value) }
        }
        collect(model)
        #expect(texts.contains("Mette Ærø-Østergård"), "the walk reaches the recipient's name")
        #expect(!texts.contains { $0.contains("0101851234") || $0.contains("010185") || $0.contains("1234") })
        #expect(!Mirror(reflecting: model).children.contains { $0.label == "delivery" })
    }

    @Test func twoCitizensSharingACaseNumberGetTwoFilesAndADuplicateInputIsRefused() throws {
        let dir = try TestSupport.temporaryDirectory()
        let out = dir.appendingPathComponent("out").path
        let first = dir.appendingPathComponent("else.json").path
        let second = dir.appendingPathComponent("ole.json").path
        try Data(try TestSupport.json(try caseObject(name: "Else Jensen", cpr: "0101851234"))).write(to: URL(fileURLWithPath: first))
        try Data(try TestSupport.json(try caseObject(name: "Ole Hansen", cpr: "0202902345"))).write(to: URL(fileURLWithPath: second))
        let r = try TestSupport.run(brev, ["render", "--case", first, "--case", second, "--out", out, "--resources", root])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 8)

        let out2 = dir.appendingPathComponent("out2").path
        let d = try TestSupport.run(brev, ["render", "--case", first, "--case", first, "--out", out2, "--resources", root])
        #expect(d.status == 1)
        #expect(d.stderr.contains("error[DUPLICATE_LETTER]"), "\(d.stderr)")
        #expect(!d.stderr.contains("Else") && !d.stderr.contains("0101851234"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out2).count == 4, "the first letter's set stays, once")
    }
}

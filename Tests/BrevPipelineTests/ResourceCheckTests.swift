import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Resources are checked when brev starts: a broken font, template or profile, or missing
/// schemas, stop it with exit 3 and the file, before any letter is written.
@Suite(.serialized) struct ResourceCheckTests {
    let brev: String
    let exampleCase = TestSupport.example("afslag-doegn-sel101.json").path

    init() throws {
        brev = try TestSupport.brevBinary
    }

    /// A copy of the repository's resources, to damage one of them.
    func resourceCopy(schemas: Bool = true) throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        for folder in ["LetterTemplates", "Fonts"] + (schemas ? ["Schemas"] : []) {
            try FileManager.default.copyItem(at: TestSupport.repositoryRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        return root
    }

    /// `brev render` of the example case with `root` as resources and `$BREV_MEMO_SCHEMAS` as given (unset by default).
    func render(resources root: URL, memoSchemas: String? = nil) throws -> (result: TestSupport.ProcessResult, written: [String]) {
        let out = root.appendingPathComponent("out")
        let schemaVariable = memoSchemas.map { ["BREV_MEMO_SCHEMAS=\($0)"] } ?? ["-u", "BREV_MEMO_SCHEMAS"]
        let r = try TestSupport.run("env", schemaVariable + [brev, "render", "--case", exampleCase, "--out", out.path, "--resources", root.path])
        return (r, (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [])
    }

    @Test func aDamagedFontStopsBrevNamingTheFile() throws {
        let root = try resourceCopy()
        let font = root.appendingPathComponent("Fonts/NotoSans-Bold.ttf")
        var bytes = Array(try Data(contentsOf: font))
        bytes[bytes.count / 2] ^= 0x01 // one bit
        try Data(bytes).write(to: font)
        let (r, written) = try render(resources: root)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("FONT_DAMAGED") && r.stderr.contains("Fonts/NotoSans-Bold.ttf") && r.stderr.contains("MANIFEST.md:"))
        #expect(written.isEmpty)
    }

    @Test func aSwappedFontStopsBrev() throws {
        let root = try resourceCopy()
        let fonts = root.appendingPathComponent("Fonts")
        try FileManager.default.removeItem(at: fonts.appendingPathComponent("NotoSans-Italic.ttf"))
        try FileManager.default.copyItem(at: fonts.appendingPathComponent("NotoSans-Regular.ttf"), to: fonts.appendingPathComponent("NotoSans-Italic.ttf"))
        let (r, written) = try render(resources: root)
        #expect(r.status == 3)
        #expect(r.stderr.contains("FONT_DAMAGED") && r.stderr.contains("Fonts/NotoSans-Italic.ttf"))
        #expect(!r.stderr.contains("NotoSans-Regular.ttf does not"))
        #expect(written.isEmpty)
    }

    @Test func aSelfIncludingPartialStopsBrevWithFileAndLine() throws {
        let root = try resourceCopy()
        let partial = root.appendingPathComponent("LetterTemplates/partials/caseinfo.xhtml")
        var text = try String(contentsOf: partial, encoding: .utf8)
        text = text.replacingOccurrences(of: "<caseinfo>\n", with: "<caseinfo>\n{{> caseinfo}}\n")
        try text.write(to: partial, atomically: true, encoding: .utf8)
        let (r, written) = try render(resources: root)
        #expect(r.status == 3)
        #expect(r.stderr.contains("TEMPLATE_PARTIAL_CYCLE") && r.stderr.contains("partials/caseinfo.xhtml:2"))
        #expect(written.isEmpty)
    }

    @Test func aBrokenProfileStopsBrevWithItsLine() throws {
        let root = try resourceCopy()
        let profile = root.appendingPathComponent("LetterTemplates/profiles/ishoej-vallensbaek.yaml")
        let text = try String(contentsOf: profile, encoding: .utf8).replacingOccurrences(of: "complaint_weeks: 4 ", with: "complaint_weeks: -4 ")
        try text.write(to: profile, atomically: true, encoding: .utf8)
        let (r, written) = try render(resources: root)
        #expect(r.status == 3)
        #expect(r.stderr.contains("PROFILE_STATUTORY_VALUE") && r.stderr.contains("ishoej-vallensbaek.yaml:34"))
        #expect(written.isEmpty)
    }

    @Test func aBrokenLogoStopsBrevWithItsLine() throws {
        let root = try resourceCopy()
        let logo = root.appendingPathComponent("LetterTemplates/logos/ishoej-vallensbaek.logo")
        let text = try String(contentsOf: logo, encoding: .utf8).replacingOccurrences(of: "rect 0 0 14 14", with: "rect 0 0 14")
        try text.write(to: logo, atomically: true, encoding: .utf8)
        let (r, written) = try render(resources: root)
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr.contains("PROFILE_INVALID") && r.stderr.contains("ishoej-vallensbaek.logo:5") && r.stderr.contains("rect takes 4 numbers"),
                "\(r.stderr)")
        #expect(written.isEmpty)
    }

    @Test func missingSchemasStopBrevInsteadOfWritingUnvalidatedMessages() throws {
        let root = try resourceCopy(schemas: false)
        let (r, written) = try render(resources: root)
        #expect(r.status == 3)
        #expect(r.stderr.contains("SCHEMAS_MISSING"))
        #expect(written.isEmpty)
        // The variable still points brev at another copy.
        let (r2, written2) = try render(resources: root, memoSchemas: TestSupport.memoSchemas.path)
        #expect(r2.status == 0, "\(r2.stderr)")
        #expect(written2.contains { $0.hasSuffix(".memo.xml") })
    }

    @Test func aDamagedSchemaStopsBrev() throws {
        let root = try resourceCopy()
        let schema = root.appendingPathComponent("Schemas/memo/v1.1/MeMo_core.xsd")
        let text = try String(contentsOf: schema, encoding: .utf8)
        try String(text.prefix(text.count / 2)).write(to: schema, atomically: true, encoding: .utf8)
        let (r, written) = try render(resources: root)
        #expect(r.status == 3)
        #expect(r.stderr.contains("SCHEMAS_INVALID") && r.stderr.contains("v1.1/MeMo_core.xsd"))
        #expect(written.isEmpty)
    }

    @Test func thePipelineRefusesToStartWithoutSchemas() throws {
        let root = try resourceCopy(schemas: false)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Schemas/memo/v1.1"), withIntermediateDirectories: true)
        let environment = BrevEnvironment(resourceRoot: root, today: TestSupport.today)
        guard ProcessInfo.processInfo.environment["BREV_MEMO_SCHEMAS"] == nil else { return }
        do {
            _ = try LetterPipeline(environment: environment)
            Issue.record("the pipeline started without its schemas")
        } catch {
            #expect(error.exitCode == 3)
            guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); return }
            #expect(diagnostics.count == 3 && diagnostics.allSatisfy { $0.code == .schemasMissing })
        }
    }
}

import BrevCore
import BrevDigitalPost
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Issue "Digital Post": every letter that goes to a citizen leaves as a valid MeMo message or
/// a valid print letter, checked with xmllint against the official schemas.
@Suite(.serialized) struct DigitalPostTests {
    static let xsd = TestSupport.memoSchemas.path
    let pipeline: LetterPipeline

    init() throws {
        pipeline = try LetterPipeline(environment: TestSupport.environment)
    }

    func render(_ file: String = "afslag-doegn-sel101.json", changing change: (inout [String: Any]) -> Void = { _ in }) throws -> RenderedLetter {
        var object = try TestSupport.exampleObject(file)
        change(&object)
        return try pipeline.render(caseJSON: try TestSupport.json(object))
    }

    func message(_ letter: RenderedLetter, _ suffix: String) throws -> [UInt8] {
        try #require(letter.messages.first { $0.suffix == suffix }).bytes
    }

    func xmllint(_ bytes: [UInt8], schema: String, in directory: String? = nil) throws -> TestSupport.ProcessResult {
        let path = try TestSupport.writeTemporary(bytes, name: "m.xml")
        if let directory {
            return try TestSupport.run("sh", ["-c", "cd '\(directory)' && xmllint --noout --schema '\(schema)' '\(path)'"])
        }
        return try TestSupport.run("xmllint", ["--noout", "--schema", schema, path])
    }

    static let examples: [String] = {
        let dir = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.contains("invalid") }.sorted()
    }()

    @Test(arguments: examples)
    func everyExampleCaseSMessageValidatesWithXmllint(file: String) throws {
        let letter = try render(file)
        // Letters handed over in person (the anonymous sheet) are not sent at all.
        let channel = try TestSupport.exampleObject(file)["channel"] as? String
        #expect(letter.messages.isEmpty == (channel == "PERSONLIG" || channel == "INGEN"))
        // Every recipient's message: the copies to custody holders and the citizen's copy beside a representative's letter.
        for each in try pipeline.renderAll(caseJSON: try TestSupport.exampleBytes(file)) {
            if let memo = each.messages.first(where: { $0.suffix == "memo.xml" }) {
                let r = try xmllint(memo.bytes, schema: "\(Self.xsd)/v1.2-derived/Version1.2/MeMo_core.xsd")
                #expect(r.status == 0, "\(file): \(r.stderr)")
            }
            if let print = each.messages.first(where: { $0.suffix == "print.xml" }) {
                let r = try xmllint(print.bytes, schema: "ForsendelseI-xmllint.xsd", in: "\(Self.xsd)/fjernprint-sf1600")
                #expect(r.status == 0, "\(file): \(r.stderr)")
            }
        }
    }

    @Test func memo11OnRequestValidatesAgainstTheOfficial11Schema() throws {
        pipeline.memoVersion = .v1_1
        defer { pipeline.memoVersion = .v1_2 }
        let memo = try message(try render(), "memo.xml")
        #expect(String(decoding: memo.prefix(400), as: UTF8.self).contains("memoSchVersion=\"1.1.0\""))
        let r = try xmllint(memo, schema: "\(Self.xsd)/v1.1/MeMo_core.xsd")
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test func thePDFInsideTheMessageIsTheRenderedPDF() throws {
        let letter = try render()
        let xml = String(decoding: try message(letter, "memo.xml"), as: UTF8.self)
        let content = try #require(xml.range(of: #"(?<=<memo:content>)[^<]+"#, options: .regularExpression))
        // Strict decoding: a line break or any other stray character would fail here.
        let decoded = try #require(Data(base64Encoded: String(xml[content])))
        #expect(SHA256.hex(Array(decoded)) == SHA256.hex(letter.pdf))
        let kombi = String(decoding: try message(letter, "kombi.xml"), as: UTF8.self)
        #expect(kombi.contains("<KombiValgKode>Digital Post</KombiValgKode>"))
        #expect(kombi.contains(String(xml[content])))
    }

    @Test func theMessageUUIDIsStableAndChangesWithVersionOrRecipient() throws {
        func uuid(_ letter: RenderedLetter) throws -> String {
            let xml = String(decoding: try message(letter, "memo.xml"), as: UTF8.self)
            return String(xml[try #require(xml.range(of: #"(?<=<memo:messageUUID>)[^<]+"#, options: .regularExpression))])
        }
        let first = try uuid(try render())
        #expect(first == (try uuid(try render())))
        #expect(first != (try uuid(try render { $0["letter_version"] = 2 })))
        #expect(first != (try uuid(try render {
            var citizen = $0["citizen"] as! [String: Any]
            citizen["cpr"] = "0202854321"
            $0["citizen"] = citizen
        })))
    }

    @Test func labelsNotificationsAndFileNamesRevealNothing() throws {
        let letter = try render()
        let xml = String(decoding: try message(letter, "memo.xml"), as: UTF8.self)
        for field in ["label", "notification", "filename"] {
            let values = xml.components(separatedBy: "<memo:\(field)>").dropFirst().map { String($0.prefix { $0 != "<" }) }
            #expect(!values.isEmpty)
            for v in values {
                #expect(PrivacyGuard.problem(in: v, names: ["Mette Ærø-Østergård"], cpr: "0101851234") == nil, "\(field): \(v)")
            }
        }
        #expect(xml.contains("<memo:label>Afgørelse fra Ishøj Kommune</memo:label>"))
        #expect(!xml.contains("Mette"))
        #expect(xml.contains("<memo:recipientID>0101851234</memo:recipientID>"))
    }

    @Test func aCitizenExemptFromDigitalPostGetsAPrintLetterWithTheWindowAddress() throws {
        let letter = try render("afslag-doegn-sel101-fysisk-post.json")
        #expect(letter.messages.map(\.suffix) == ["print.xml", "kombi.xml"])
        let print = String(decoding: try message(letter, "print.xml"), as: UTF8.self)
        #expect(print.contains("<itst:PersonName>Jens Peter Ølgaard</itst:PersonName>"))
        #expect(print.contains("<dkcc3:PostalAddressFirstLineText>Vejlebrovej 44, st. tv.</dkcc3:PostalAddressFirstLineText>"))
        let kombi = String(decoding: try message(letter, "kombi.xml"), as: UTF8.self)
        #expect(kombi.contains("<KombiValgKode>Fysisk Post</KombiValgKode>"))
        // The PDF: return line and address in the window, top left of page 1.
        let path = try TestSupport.writeTemporary(letter.pdf)
        let window = try TestSupport.run("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", "-x", "50", "-y", "120", "-W", "280", "-H", "110", path, "-"]).stdout
        #expect(window.contains("Retur: Ishøj Kommune, Ishøj Store Torv 20, 2635 Ishøj"))
        #expect(window.contains("Jens Peter Ølgaard"))
        #expect(window.contains("Vejlebrovej 44, st. tv."))
        #expect(window.contains("2635 Ishøj"))
        #expect(!window.lowercased().contains("pitstop") && !window.contains("1203724321"))
    }

    @Test func aCitizenUnder15GetsPaperNotDigitalPost() throws {
        let letter = try render {
            var citizen = $0["citizen"] as! [String: Any]
            citizen["cpr"] = "2411124123"
            citizen["digital_post_status"] = "UNDER_15"
            $0["citizen"] = citizen
            $0["legal_basis"] = ["BL_33"]
            $0["channel"] = "FYSISK"
            $0["custody_holders"] = [["name": "Maria Lindqvist", "cpr": "0307824568", "digital_post_status": "TILMELDT",
                                      "address": ["street": "Vejlebrovej 12, 3. mf.", "postcode": "2635", "city": "Ishøj"]]]
        }
        #expect(letter.messages.map(\.suffix) == ["print.xml", "kombi.xml"])
    }

    @Test func anonymousCasesNeverProduceAMessage() throws {
        #expect {
            _ = try render {
                $0["anonymous"] = true
                $0["legal_basis"] = ["SEL_101A"]
                $0.removeValue(forKey: "citizen")
                $0["channel"] = "FYSISK"
            }
        } throws: { error in
            guard case BrevError.invalid(let d) = error else { return false }
            return d.contains { $0.code == .anonymousNoMessage }
        }
        #expect {
            _ = try render {
                $0["anonymous"] = true
                $0["legal_basis"] = ["SEL_101A"]
                $0.removeValue(forKey: "citizen")
            }
        } throws: { error in
            guard case BrevError.invalid(let d) = error else { return false }
            return d.contains { $0.code == .anonymousNoDigitalPost }
        }
    }

    @Test func aMessageOverTheLimitIsAnErrorNotATruncatedFile() throws {
        pipeline.maxMessageBytes = 20_000
        defer { pipeline.maxMessageBytes = nil }
        #expect {
            _ = try render()
        } throws: { error in
            guard case BrevError.invalid(let d) = error else { return false }
            return d.contains { $0.code == .messageTooLarge }
        }
    }
}

/// `brev render` and `brev check --memo` as a user runs them.
@Suite(.serialized) struct DigitalPostCommandLineTests {
    let root = TestSupport.repositoryRoot.path

    @Test func renderWritesTheMessageNextToThePDF() throws {
        let out = try TestSupport.temporaryDirectory().path
        let r = try TestSupport.run(TestSupport.brevBinary, ["render", "--case", "\(root)/Examples/cases/afslag-doegn-sel101.json",
                                                              "--out", out, "--resources", root])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.count == 4)
        #expect(files.contains { $0.hasSuffix(".memo.xml") } && files.contains { $0.hasSuffix(".kombi.xml") })
        for f in files {
            let mode = try FileManager.default.attributesOfItem(atPath: "\(out)/\(f)")[.posixPermissions] as? Int
            #expect(mode == 0o600)
            #expect(!f.contains("0101851234") && !f.lowercased().contains("mette"))
        }
        let memo = try #require(files.first { $0.hasSuffix(".memo.xml") })
        let check = try TestSupport.run(TestSupport.brevBinary, ["check", "--memo", "\(out)/\(memo)", "--resources", root])
        #expect(check.status == 0)
        #expect(check.stdout.contains("valid"))
        #expect(!r.stdout.contains("0101851234") && !r.stderr.contains("0101851234"), "the log shows a CPR number")
    }

    @Test func checkMemoRejectsTheInvalidExamplesWithTheSchemaErrorAndLine() throws {
        let r = try TestSupport.run(TestSupport.brevBinary, ["check", "--memo", TestSupport.memoExample("invalid-bad-uuid.xml").path,
                                                             "--resources", root])
        #expect(r.status == 1)
        #expect(r.stdout.contains("invalid-bad-uuid.xml:12: error[MESSAGE_INVALID]"))
        #expect(r.stdout.contains("messageUUID"))
    }

    @Test func anOversizedMessageWritesNothing() throws {
        let out = try TestSupport.temporaryDirectory().path
        let r = try TestSupport.run(TestSupport.brevBinary, ["render", "--case", "\(root)/Examples/cases/afslag-doegn-sel101.json",
                                                              "--out", out, "--resources", root, "--max-message-bytes", "20000"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("MESSAGE_TOO_LARGE"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}

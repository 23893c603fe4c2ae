import BrevCore
import BrevDigitalPost
import BrevTestSupport
import Foundation
import Testing

@Suite struct DigitalPostWriterTests {
    static let schemas = TestSupport.memoSchemas

    func letter(cpr: String = "0101851234", cvr: String = "11931316", label: String = "Afgørelse fra Ishøj Kommune",
                filename: String = "afgoerelse-1234.pdf") -> OutgoingLetter {
        OutgoingLetter(
            messageUUID: MessageUUID.derive(from: ["test"]), label: label, notification: "Du har fået en afgørelse fra Ishøj Kommune",
            mandatory: false, legalNotification: true, senderCVR: cvr, senderLabel: "Ishøj Kommune", recipientCPR: cpr,
            recipientName: "Mette Ærø-Østergård", addressLines: ["Strandgårdsvej 12, 2. th.", "2635 Ishøj"],
            caseNumber: "27.36.08-G01-1042-26", caseSystem: "ESDH",
            kle: .init(subjectKey: "27.24.00", version: "KLE 2024", activityFacet: "G01", label: "Eksempel"),
            created: Date(timeIntervalSince1970: Double(CivilDate(iso: "2026-11-24")!.dayNumber * 86400 + 8 * 3600 + 12 * 60)),
            letterDate: "24. november 2026",
            mainDocument: .init(label: "Afgørelse", filename: filename, pdf: Array("%PDF-1.5 test".utf8)))
    }

    @Test func messageUUIDsAreVersion4ShapedDeterministicAndPerRecipient() {
        let pattern = #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#
        let a = MessageUUID.derive(from: ["case", "AFSLAG", "0101851234", "1"])
        #expect(a.range(of: pattern, options: .regularExpression) != nil)
        #expect(a == MessageUUID.derive(from: ["case", "AFSLAG", "0101851234", "1"]))
        #expect(a != MessageUUID.derive(from: ["case", "AFSLAG", "0202855678", "1"]), "a custody holder gets their own")
        #expect(a != MessageUUID.derive(from: ["case", "AFSLAG", "0101851234", "2"]), "a new letter version is a new message")
    }

    @Test func forbiddenFilenameCharactersBecomeHyphens() {
        #expect(Filenames.sanitized("a<b>c:d\"e/f\\g|h?i*j.pdf") == "a-b-c-d-e-f-g-h-i-j.pdf")
        #expect(Filenames.sanitized("brev\u{00A0}\u{2003}nr 1\r\n.pdf") == "brev-nr 1-.pdf")
        #expect(Filenames.sanitized("afgoerelse-57d3.pdf") == "afgoerelse-57d3.pdf")
    }

    @Test func theMessageValidatesAgainstBothSchemas() throws {
        let validator = SchemaValidator(schemaDirectory: Self.schemas)
        let v12 = try MeMoWriter.message(letter(), version: .v1_2)
        #expect(try validator.validate(v12, as: .memo12).isEmpty)
        let v11 = try MeMoWriter.message(letter(), version: .v1_1)
        #expect(try validator.validate(v11, as: .memo11).isEmpty)
        #expect(SchemaValidator.kind(of: v11) == .memo11 && SchemaValidator.kind(of: v12) == .memo12)
        let print = try PrintLetterWriter.forsendelse(letter())
        #expect(try validator.validate(print, as: .forsendelseI).isEmpty)
        // The pipeline validates each message as the kind it wrote: the kind found in it.
        #expect(SchemaValidator.kind(of: print) == .forsendelseI)
    }

    @Test(arguments: ["invalid-bad-uuid.xml", "invalid-datetime-not-utc.xml", "invalid-missing-required.xml", "invalid-wrong-order.xml"])
    func theInvalidExamplesAreRejectedWithALine(file: String) throws {
        let bytes = Array(try Data(contentsOf: TestSupport.memoExample(file)))
        let problems = try SchemaValidator(schemaDirectory: Self.schemas).validate(bytes, as: SchemaValidator.kind(of: bytes)!)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.line > 0 })
    }

    @Test func theOfficialExamplesAreAccepted() throws {
        let validator = SchemaValidator(schemaDirectory: Self.schemas)
        for file in ["official/v1.1/MeMo_Full_Example.xml", "official/v1.2/MeMo_Full_Example.xml", "minimal-valid-v1.2.xml"] {
            let bytes = Array(try Data(contentsOf: TestSupport.memoExample(file)))
            #expect(try validator.validate(bytes, as: SchemaValidator.kind(of: bytes)!).isEmpty, "\(file)")
        }
    }

    @Test func identifiersAreCheckedAsDigits() {
        #expect(throws: DigitalPostError.self) { try MeMoWriter.message(letter(cpr: "010185-1234")) }
        #expect(throws: DigitalPostError.self) { try MeMoWriter.message(letter(cpr: "01018512345")) }
        #expect(throws: DigitalPostError.self) { try MeMoWriter.message(letter(cvr: "1193131")) }
    }

    @Test func aLabelOrFilenameThatRevealsTheCaseIsRefused() {
        #expect(throws: DigitalPostError.self) { try MeMoWriter.message(letter(label: "Afslag på døgnbehandling for kokainmisbrug")) }
        #expect(throws: DigitalPostError.self) { try MeMoWriter.message(letter(label: "Afgørelse til Mette")) }
        #expect(throws: DigitalPostError.self) { try MeMoWriter.message(letter(filename: "0101850000_afslag.pdf")) }
        #expect(throws: DigitalPostError.self) { try MeMoWriter.message(letter(filename: "pitstop.pdf")) }
    }

    @Test func timesAreWrittenInUTCWithZ() throws {
        let xml = String(decoding: try MeMoWriter.message(letter()), as: UTF8.self)
        #expect(xml.contains("<memo:createdDateTime>2026-11-24T08:12:00Z</memo:createdDateTime>"))
    }

    @Test func base64IsOneUnbrokenLine() throws {
        var big = letter()
        big.mainDocument.pdf = [UInt8](repeating: 0x41, count: 5000)
        let xml = String(decoding: try MeMoWriter.message(big), as: UTF8.self)
        let start = try #require(xml.range(of: "<memo:content>"))
        let end = try #require(xml.range(of: "</memo:content>"))
        let content = xml[start.upperBound..<end.lowerBound]
        #expect(!content.contains("\n") && content.count == 6668)
    }

    @Test func theKombiRequestWrapsTheMessageOrThePrintLetter() throws {
        let digital = String(decoding: try KombiRequestWriter.request(letter(), channel: .digitalPost), as: UTF8.self)
        #expect(digital.contains("<KombiValgKode>Digital Post</KombiValgKode>"))
        #expect(digital.contains("<memo:Message"))
        let physical = String(decoding: try KombiRequestWriter.request(letter(), channel: .physicalPost), as: UTF8.self)
        #expect(physical.contains("<KombiValgKode>Fysisk Post</KombiValgKode>"))
        #expect(physical.contains("<fjernprint:ForsendelseISamling") && physical.contains("<fjernprint:ForsendelseI"))
        #expect(!physical.contains("<memo:Message"))
    }

    /// The pipeline writes a message and its request body in one call: the same bytes as each
    /// written on its own, and the same refusal.
    @Test func theMessageAndItsRequestTogetherAreTheMessageAndTheRequest() throws {
        for version in MeMoVersion.allCases {
            let both = try KombiRequestWriter.messageAndRequest(letter(), channel: .digitalPost, version: version)
            #expect(both.message == (try MeMoWriter.message(letter(), version: version)))
            #expect(both.request == (try KombiRequestWriter.request(letter(), channel: .digitalPost, version: version)))
        }
        let print = try KombiRequestWriter.messageAndRequest(letter(), channel: .physicalPost)
        #expect(print.message == (try PrintLetterWriter.forsendelse(letter())))
        #expect(print.request == (try KombiRequestWriter.request(letter(), channel: .physicalPost)))
        #expect(throws: DigitalPostError.self) { try KombiRequestWriter.messageAndRequest(letter(cpr: "010185-1234"), channel: .digitalPost) }
        #expect(throws: DigitalPostError.self) { try KombiRequestWriter.messageAndRequest(letter(label: "Afgørelse til Mette"), channel: .physicalPost) }
    }

    /// The request body is made from the message's own lines (`KombiRequestWriter.wrapping`):
    /// the same bytes as libxml2's writer makes when it writes the message inside the request,
    /// for texts it escapes (`& < > " '`, a carriage return), letters beyond ASCII, no KLE, an
    /// attachment and a PDF of every length's padding; and for a text with a line feed, which
    /// libxml2 writes as it is (not indentation), the request is written by libxml2 again.
    @Test(arguments: 0..<6)
    func theRequestMadeFromTheMessageIsTheOneLibxml2Writes(variant: Int) throws {
        var l = letter()
        switch variant {
        case 0: l.caseNumber = "27.36.08 & <G01> \"x\" 'y'\r"
        case 1: l.kle = nil
                l.recipientName = "Nguyễn Thị Ánh O'Brien & Søn"
        case 2: l.additionalDocuments = [.init(label: "Bilag", filename: "bilag.pdf", pdf: Array(0..<200))]
        case 3: l.mainDocument.pdf = Array(repeating: 0x25, count: 30_001)
        case 4: l.caseNumber = "27.36.08\nG01"
                l.addressLines = ["Strandgårdsvej 12,\n2. th.", "2635 Ishøj"]
        default: l.addressLines = ["c/o A & B <x>", "Strandgårdsvej 12", "2635 Ishøj"]
                 l.countryCode = "GL"
        }
        for version in MeMoVersion.allCases {
            let both = try KombiRequestWriter.messageAndRequest(l, channel: .digitalPost, version: version)
            #expect(both.message == (try MeMoWriter.message(l, version: version)))
            #expect(both.request == (try KombiRequestWriter.request(l, channel: .digitalPost, version: version)))
        }
        let print = try KombiRequestWriter.messageAndRequest(l, channel: .physicalPost)
        #expect(print.message == (try PrintLetterWriter.forsendelse(l)))
        #expect(print.request == (try KombiRequestWriter.request(l, channel: .physicalPost)))
    }

    @Test func privacyGuardFindsTreatmentWordsNamesAndCPR() {
        #expect(PrivacyGuard.problem(in: "Afgørelse fra Ishøj Kommune") == nil)
        #expect(PrivacyGuard.problem(in: "Retur: Pitstop Rusmiddelcenter") != nil)
        #expect(PrivacyGuard.problem(in: "Brev til Ølgaard", names: ["Jens Peter Ølgaard"]) != nil)
        #expect(PrivacyGuard.problem(in: "brev 010185-1234", cpr: "0101851234") != nil)
        #expect(PrivacyGuard.problem(in: "0101650000_afslag.pdf") != nil, "domain.md case 25")
        // Digits that only look like a CPR number when glued together are not one.
        #expect(PrivacyGuard.problem(in: "afgoerelse-1305 2412 34ab.pdf") == nil)
        #expect(PrivacyGuard.problem(in: "27.36.08-G01-1042-26") == nil)
    }
}

import BrevCore
import BrevDigitalPost
import BrevTestSupport
import Foundation
import Testing

/// The neutrality check looks for whole words of the citizen's name in what a person wrote,
/// never inside other words, brev's fixed words or its generated ids; and its errors, like
/// the print letter's, name the field, never the value.
@Suite struct NeutralityTests {
    func letter(name: String, label: String = "Afgørelse fra Ishøj Kommune",
                notification: String = "Du har fået en afgørelse fra Ishøj Kommune",
                addressLines: [String] = ["Strandgårdsvej 12, 2. th.", "2635 Ishøj"],
                sender: String = "Ishøj Kommune") -> OutgoingLetter {
        OutgoingLetter(
            messageUUID: MessageUUID.derive(from: ["test"]), label: label, notification: notification,
            mandatory: false, legalNotification: true, senderCVR: "11931316", senderLabel: sender, recipientCPR: "0101851234",
            recipientName: name, addressLines: addressLines, caseNumber: "27.36.08-G01-1042-26", caseSystem: "ESDH", kle: nil,
            created: Date(timeIntervalSince1970: 1_795_000_000), letterDate: "24. november 2026",
            mainDocument: .init(label: "Afgørelse", filename: "afgoerelse-kdmlpjzsrqhgvbcx.pdf", pdf: Array("%PDF-1.5 test".utf8)))
    }

    @Test(arguments: ["Else Jensen", "Ole Hansen", "Kim Ib Larsen", "Ida Holm", "Per Nielsen", "Ib Sørensen"])
    func aNameHiddenInsideOtherWordsIsNoLeak(name: String) throws {
        // "Afgørelse" holds "else", "afgoerelse" holds "ole": neither is the citizen's name.
        _ = try MeMoWriter.message(letter(name: name))
        _ = try PrintLetterWriter.forsendelse(letter(name: name))
    }

    @Test func theSendersOwnNameIsNotTakenForTheCitizens() throws {
        _ = try MeMoWriter.message(letter(name: "Hans Thisted", label: "Afgørelse fra Thisted Kommune",
                                          notification: "Du har fået post fra Thisted Kommune", sender: "Thisted Kommune"))
    }

    @Test func aLabelWithTheCitizensNameIsStillRefused() {
        for (label, notification) in [("Afgørelse til Else Jensen", "Du har fået post"),
                                      ("Afgørelse fra Ishøj Kommune", "Else Jensen, du har fået post"),
                                      ("Brev til Ølgaard", "Du har fået post")] {
            let name = label.contains("Ølgaard") ? "Jens Peter Ølgaard" : "Else Jensen"
            #expect {
                _ = try MeMoWriter.message(letter(name: name, label: label, notification: notification))
            } throws: { error in
                guard case DigitalPostError.sensitive(let field, let reason)? = error as? DigitalPostError else { return false }
                return ["label", "notification"].contains(field) && reason.contains("name")
            }
        }
        #expect(PrivacyGuard.problem(in: "Brev til Else", names: ["Else Jensen"]) != nil)
        #expect(PrivacyGuard.problem(in: "Afgørelse", names: ["Else Jensen"]) == nil)
    }

    @Test func aTooLongAddressLineIsNamedNotPrinted() {
        let street = "Strandgårdsvej 12, 2. th., lejlighed 4711 bagbygningen"
        #expect {
            _ = try PrintLetterWriter.forsendelse(letter(name: "Mette Hansen", addressLines: [street, "2635 Ishøj"]))
        } throws: { error in
            let text = "\(error)"
            return text.contains("address line 1") && text.contains("PostalAddressFirstLineText")
                && !text.contains("Strand") && !text.contains("4711")
        }
    }

    @Test func schemaMessagesWithholdTheValues() throws {
        let schemas = TestSupport.memoSchemas
        try #require(SchemaValidator.missingSchemas(in: schemas).isEmpty)
        var xml = String(decoding: try MeMoWriter.message(letter(name: "Mette Hansen")), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<grd:cprNumber>0101851234</grd:cprNumber>", with: "<grd:cprNumber>01018512345Hansen</grd:cprNumber>")
        xml = xml.replacingOccurrences(of: "<memo:caseID>27.36.08-G01-1042-26</memo:caseID>",
                                       with: "<memo:caseID>\(String(repeating: "Mette Hansen ", count: 30))</memo:caseID>")
        let problems = try SchemaValidator(schemaDirectory: schemas).validate(Array(xml.utf8), as: .memo12)
        #expect(!problems.isEmpty)
        for p in problems {
            #expect(!p.message.contains("0101851234") && !p.message.contains("Hansen"), "\(p.message)")
        }
    }
}

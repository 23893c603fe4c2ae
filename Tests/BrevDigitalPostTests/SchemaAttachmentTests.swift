@testable import BrevDigitalPost
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// A message is validated with its attachment's base64 checked in Swift and the rest by
/// libxml2 (`SchemaValidator.validate(_:as:attachment:)`): it must give the verdict validating
/// the whole message gives, for valid messages and for broken ones.
@Suite struct SchemaAttachmentTests {
    static let validator = SchemaValidator(schemaDirectory: TestSupport.memoSchemas)

    func letter(pdf: [UInt8], caseNumber: String = "27.36.08-G01-1042-26") -> OutgoingLetter {
        OutgoingLetter(
            messageUUID: MessageUUID.derive(from: ["attachment"]), label: "Afgørelse fra Ishøj Kommune",
            notification: "Du har fået en afgørelse fra Ishøj Kommune", mandatory: false, legalNotification: true,
            senderCVR: "11931316", senderLabel: "Ishøj Kommune", recipientCPR: "0101851234",
            recipientName: "Mette Ærø-Østergård", addressLines: ["Strandgårdsvej 12, 2. th.", "2635 Ishøj"],
            caseNumber: caseNumber, caseSystem: "ESDH", kle: nil,
            created: Date(timeIntervalSince1970: 1_795_000_000), letterDate: "24. november 2026",
            mainDocument: .init(label: "Afgørelse", filename: "afgoerelse-1234.pdf", pdf: pdf))
    }

    /// Pseudo-random bytes (a fixed seed: the same cases every run), every length mod 3.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        }
    }

    /// Every kind of message, each carrying its attachment.
    func messages(pdf: [UInt8]) throws -> [(SchemaValidator.Kind, [UInt8])] {
        let l = letter(pdf: pdf)
        return [(.memo12, try MeMoWriter.message(l, version: .v1_2)), (.memo11, try MeMoWriter.message(l, version: .v1_1)),
                (.forsendelseI, try PrintLetterWriter.forsendelse(l))]
    }

    @Test func validMessagesPassBothWaysWhateverTheAttachmentsLength() throws {
        for count in [0, 1, 2, 3, 4, 5, 6, 7, 100, 1001, 30_002] {
            let pdf = Self.bytes(count, seed: UInt64(count))
            let base64 = Data(pdf).base64EncodedString()
            #expect(Base64Text.isCanonical(base64), "\(count) bytes")
            for (kind, message) in try messages(pdf: pdf) {
                #expect(try Self.validator.validate(message, as: kind).isEmpty, "\(kind) \(count)")
                #expect(try Self.validator.validate(message, as: kind, attachment: base64).isEmpty, "\(kind) \(count)")
            }
        }
    }

    /// The attachment's text made invalid in place: both ways refuse it, at its line.
    @Test(arguments: ["*", "=", " ", "é", "&", "A"])
    func aBrokenAttachmentIsRefusedBothWays(character: String) throws {
        let pdf = Self.bytes(3000, seed: 7)
        for (kind, message) in try messages(pdf: pdf) {
            var text = String(decoding: message, as: UTF8.self)
            let base64 = Data(pdf).base64EncodedString()
            // Break it inside (a character outside the alphabet, or "A": a length that is no whole group).
            let broken = character == "A" ? base64 + "A" : String(base64.prefix(100)) + character + String(base64.dropFirst(101))
            text = text.replacingOccurrences(of: base64, with: broken)
            let bytes = Array(text.utf8)
            let whole = try Self.validator.validate(bytes, as: kind)
            let split = try Self.validator.validate(bytes, as: kind, attachment: broken)
            #expect(!whole.isEmpty, "\(kind) \(character)")
            #expect(!split.isEmpty, "\(kind) \(character)")
            #expect(Set(split.map(\.line)) == Set(whole.map(\.line)), "\(kind) \(character): \(split) \(whole)")
        }
    }

    /// Padding that leaves bits over (`AB==`) is outside base64Binary's lexical space.
    @Test func nonCanonicalPaddingIsRefused() {
        #expect(Base64Text.isCanonical("QQ=="))
        #expect(!Base64Text.isCanonical("QR=="))
        #expect(Base64Text.isCanonical("QUE="))
        #expect(!Base64Text.isCanonical("QUF="))
        #expect(!Base64Text.isCanonical("Q==="))
        #expect(!Base64Text.isCanonical("QUJD\n"))
        #expect(!Base64Text.isCanonical("QU=D"))
    }

    /// A problem elsewhere in the message is found as before, at the same line.
    @Test func aProblemOutsideTheAttachmentIsStillFound() throws {
        let pdf = Self.bytes(2000, seed: 3)
        let base64 = Data(pdf).base64EncodedString()
        let message = try MeMoWriter.message(letter(pdf: pdf), version: .v1_2)
        // A second createdDateTime: out of the schema's order.
        let text = String(decoding: message, as: UTF8.self)
            .replacingOccurrences(of: "<memo:MainDocument>", with: "<memo:createdDateTime>2026-11-24T08:12:00Z</memo:createdDateTime><memo:MainDocument>")
        let whole = try Self.validator.validate(Array(text.utf8), as: .memo12)
        let split = try Self.validator.validate(Array(text.utf8), as: .memo12, attachment: base64)
        #expect(!whole.isEmpty)
        #expect(split.map(\.line) == whole.map(\.line) && split.map(\.message) == whole.map(\.message))
    }

    /// A message whose attachment is not the text given is validated whole.
    @Test func anotherAttachmentMeansTheWholeMessageIsValidated() throws {
        let pdf = Self.bytes(600, seed: 5)
        let message = try MeMoWriter.message(letter(pdf: pdf), version: .v1_2)
        #expect(try Self.validator.validate(message, as: .memo12, attachment: "QUJD").isEmpty)
    }
}

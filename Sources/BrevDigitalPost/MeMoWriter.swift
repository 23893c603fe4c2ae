import BrevCore
import Foundation

/// Writes a MeMo message (memo.md §3) with libxml2's writer, after checking what the schema
/// cannot: CPR and CVR digits, neutral label/notification/file names, forbidden characters.
public enum MeMoWriter {
    static let memo = "https://DigitalPost.dk/MeMo-1"
    static let grd = "https://data.gov.dk/model/core/"
    static let kle = "http://kle-online.dk/"

    public static func message(_ letter: OutgoingLetter, version: MeMoVersion = .v1_2) throws(DigitalPostError) -> [UInt8] {
        try check(letter)
        let w = XMLWriter()
        write(letter, version: version, into: w)
        return try w.finish()
    }

    /// The checks every outgoing letter passes before any XML is written.
    static func check(_ letter: OutgoingLetter) throws(DigitalPostError) {
        guard letter.recipientCPR.count == 10, letter.recipientCPR.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidIdentifier(field: "Recipient/recipientID", reason: "a CPR number is 10 digits")
        }
        guard letter.senderCVR.count == 8, letter.senderCVR.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidIdentifier(field: "Sender/senderID", reason: "a CVR number is 8 digits")
        }
        // Names are looked for only in what a person wrote (the profile's label and notification,
        // an attached document's label); brev's own document label and generated file names
        // are checked for treatment words and CPR numbers alone (PrivacyGuard).
        let names = [letter.recipientName]
        let written = [("label", letter.label), ("notification", letter.notification ?? "")]
            + letter.additionalDocuments.map { ("AdditionalDocument/label", $0.label) }
        let generated = [("MainDocument/label", letter.mainDocument.label), ("filename", letter.mainDocument.filename)]
            + letter.additionalDocuments.map { ("filename", $0.filename) }
        for (field, text) in written {
            if let reason = PrivacyGuard.problem(in: text, names: names, ignoring: letter.senderLabel, cpr: letter.recipientCPR) {
                throw .sensitive(field: field, reason: reason)
            }
        }
        for (field, text) in generated {
            if let reason = PrivacyGuard.problem(in: text, cpr: letter.recipientCPR) {
                throw .sensitive(field: field, reason: reason)
            }
        }
        if letter.label.count > 256 { throw .tooLong(field: "label", limit: 256) }
        if let n = letter.notification, n.count > 150 { throw .tooLong(field: "notification", limit: 150) }
    }

    static func write(_ letter: OutgoingLetter, version: MeMoVersion, into w: XMLWriter) {
        w.start("memo:Message")
        w.attribute("xmlns:memo", memo)
        w.attribute("xmlns:grd", grd)
        if letter.kle != nil { w.attribute("xmlns:kle", kle) }
        w.attribute("memoVersion", version.rawValue)
        if version == .v1_1 { w.attribute("memoSchVersion", "1.1.0") }
        w.element("memo:MessageHeader") {
            w.element("memo:messageType", "DIGITALPOST")
            w.element("memo:messageUUID", letter.messageUUID)
            w.element("memo:label", letter.label)
            w.element("memo:notification", letter.notification)
            w.element("memo:mandatory", letter.mandatory)
            w.element("memo:legalNotification", letter.legalNotification)
            w.element("memo:postType", "MYNDIGHEDSPOST")
            w.element("memo:Sender") {
                w.element("memo:senderID", letter.senderCVR)
                w.element("memo:idType", "CVR")
                w.element("memo:label", letter.senderLabel)
            }
            w.element("memo:Recipient") {
                w.element("memo:recipientID", letter.recipientCPR)
                w.element("memo:idType", "CPR")
            }
            w.element("memo:ContentData") {
                w.element("grd:CPRdata") {
                    w.element("grd:cprNumber", letter.recipientCPR)
                }
                w.element("memo:CaseID") {
                    w.element("memo:caseID", letter.caseNumber)
                    w.element("memo:caseSystem", letter.caseSystem)
                }
                if let kle = letter.kle {
                    w.element("kle:KLEdata") {
                        w.element("kle:subjectKey", kle.subjectKey)
                        w.element("kle:version", kle.version)
                        w.element("kle:activityFacet", kle.activityFacet)
                        w.element("kle:label", kle.label)
                    }
                }
            }
        }
        w.element("memo:MessageBody") {
            w.element("memo:createdDateTime", utc(letter.created))
            w.element("memo:MainDocument") {
                w.element("memo:label", letter.mainDocument.label)
                file(letter.mainDocument, into: w)
            }
            for doc in letter.additionalDocuments {
                w.element("memo:AdditionalDocument") {
                    w.element("memo:label", doc.label)
                    file(doc, into: w)
                }
            }
        }
        w.end()
    }

    private static func file(_ doc: OutgoingLetter.Attachment, into w: XMLWriter) {
        w.element("memo:File") {
            w.element("memo:encodingFormat", "application/pdf")
            w.element("memo:filename", Filenames.sanitized(doc.filename))
            w.element("memo:language", "da")
            w.base64Element("memo:content", doc.base64)
        }
    }

    /// `2026-11-24T08:12:00Z`: MeMo times are UTC with a literal Z.
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = CivilDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(day.iso)T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}

/// File names Digital Post accepts (memo.md §4): no `< > : " / \ | ? *`, line breaks or the
/// listed white-space characters; each run of them becomes one hyphen.
public enum Filenames {
    static let forbidden: Set<Unicode.Scalar> = {
        var s = Set("<>:\"/\\|?*\r\n".unicodeScalars)
        for v in [0x00A0, 0x2028, 0x205F, 0x2060, 0x3000] + Array(0x2000...0x200A) { s.insert(Unicode.Scalar(UInt32(v))!) }
        return s
    }()

    public static func sanitized(_ name: String) -> String {
        var out = ""
        var lastWasReplacement = false
        for scalar in name.unicodeScalars {
            if forbidden.contains(scalar) || scalar.value < 0x20 {
                if !lastWasReplacement { out.append("-") }
                lastWasReplacement = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasReplacement = false
            }
        }
        return out
    }
}

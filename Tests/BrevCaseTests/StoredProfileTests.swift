@testable import BrevCase
import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// A profile that passed its checks is kept decoded in the cache folder (`CheckedResources`,
/// issue 15), so a start need not parse its YAML again; any change to the file's bytes parses
/// and checks it again, and a broken file is refused whatever was stored before.
@Suite struct StoredProfileTests {
    static let shipped = TestSupport.repositoryRoot.appendingPathComponent("LetterTemplates/profiles")

    /// A copy of the shipped profiles, with one line of Ishøj's replaced.
    func profiles(replacing old: String = "id:", with new: String = "id:") throws -> URL {
        let dir = try TestSupport.temporaryDirectory().appendingPathComponent("profiles")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for name in ["ishoej-vallensbaek.yaml", "thisted.yaml"] {
            var text = try String(contentsOf: Self.shipped.appendingPathComponent(name), encoding: .utf8)
            if name.hasPrefix("ishoej") {
                #expect(text.contains(old))
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    /// Everything a catalog holds, in a form two catalogs can be compared by.
    func contents(_ catalog: ProfileCatalog) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(catalog.profiles), as: UTF8.self)
    }

    func stored(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("stored-") }
    }

    @Test func aStoredProfileIsTheParsedOne() throws {
        let dir = try profiles()
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        let parsed = try contents(ProfileCatalog.load(directory: dir))
        #expect(try contents(ProfileCatalog.load(directory: dir, checked: checked)) == parsed)
        #expect(try stored(folder).count == 2)
        let readBack = try ProfileCatalog.load(directory: dir, checked: checked)
        #expect(try contents(readBack) == parsed)
        #expect(readBack.profile(forMunicipalityCode: "787")?.id == "thisted")
    }

    @Test func aChangedProfileIsParsedAgainAndABrokenOneRefused() throws {
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        _ = try ProfileCatalog.load(directory: try profiles(), checked: checked)
        let changed = try ProfileCatalog.load(directory: try profiles(replacing: "phone: 20 69 28 33", with: "phone: 20 69 28 34"),
                                              checked: checked)
        #expect(changed.profiles.first { $0.id == "ishoej-vallensbaek" }?.centre.phone == "20 69 28 34")
        let broken = try profiles(replacing: "complaint_weeks: 4", with: "complaint_weeks: -4")
        #expect(throws: DiagnosticsError.self) { try ProfileCatalog.load(directory: broken, checked: checked) }
    }

    /// A stored result that does not decode (another format, a damaged file) is parsed again.
    @Test func anUnreadableStoredResultIsParsedAgain() throws {
        let dir = try profiles()
        let folder = try TestSupport.temporaryDirectory().appendingPathComponent("cache")
        let checked = CheckedResources(directory: folder.path)
        let parsed = try contents(ProfileCatalog.load(directory: dir, checked: checked))
        for name in try stored(folder) {
            try Data("{\"profile\": 1}".utf8).write(to: folder.appendingPathComponent(name))
        }
        #expect(try contents(ProfileCatalog.load(directory: dir, checked: checked)) == parsed)
    }
}

/// The stored profile is read back by brev's own JSON parser (`StoredProfileReader`), not
/// JSONDecoder: it gives what JSONDecoder gives for what JSONEncoder wrote, and nil (the YAML is
/// then parsed again) for anything else.
@Suite struct StoredProfileReaderTests {
    func encoded(_ stored: MunicipalityProfile.Stored) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array(try encoder.encode(stored))
    }

    @Test func whatJSONEncoderWroteIsReadAsJSONDecoderReadsIt() throws {
        var compared = 0
        for name in ["ishoej-vallensbaek.yaml", "thisted.yaml"] {
            let parsed = try MunicipalityProfile.loadWithLines(path: StoredProfileTests.shipped.appendingPathComponent(name).path)
            var variants = [MunicipalityProfile.Stored(profile: parsed.profile, codeLines: parsed.codeLines)]
            // Every optional set, and every optional left out.
            var full = parsed.profile
            full.authority.email = "a@b.dk"
            full.authority.web = "https://b.dk/æ"
            full.complaints.citizensAdviser = .init(name: "Rådgiver \"x\"", phone: "1", email: nil)
            full.digitalPost.kle = .init(subjectKey: "29.30.10", version: "1", activityFacet: "G01", label: "Misbrug\\/behandling")
            full.centre.phone = "2"
            full.standard = .init(residentialMonths: 3)
            full.letterDesign = LetterDesign(envelopeWindow: .init(leftMM: 20, topMM: 45, widthMM: 90, heightMM: 45),
                                             logo: .init(file: "logo.logo", alt: "Logo"))
            variants.append(.init(profile: full, codeLines: ["183": 3, "187": 4]))
            var bare = parsed.profile
            bare.authority.email = nil
            bare.authority.web = nil
            bare.complaints.citizensAdviser = nil
            bare.digitalPost.kle = nil
            bare.centre.phone = nil
            bare.standard = nil
            bare.letterDesign = LetterDesign(envelopeWindow: nil, logo: nil)
            variants.append(.init(profile: bare, codeLines: [:]))
            for stored in variants {
                let bytes = try encoded(stored)
                let decoded = try JSONDecoder().decode(MunicipalityProfile.Stored.self, from: Data(bytes))
                let read = try #require(StoredProfileReader.read(bytes), "\(name)")
                #expect(try encoded(read) == encoded(decoded), "\(name)")
                #expect(try encoded(read) == bytes, "\(name)")
                compared += 1
            }
        }
        #expect(compared == 6)
    }

    /// The reader names every stored property itself: a property added to a profile's struct
    /// (an optional one compiles unnoticed) must be read there too.
    @Test func theReaderKnowsEveryPropertyOfTheProfile() throws {
        let parsed = try MunicipalityProfile.loadWithLines(path: StoredProfileTests.shipped.appendingPathComponent("thisted.yaml").path).profile
        func labels(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let known: [(Any, [String])] = [
            (parsed, ["id", "municipalityCodes", "authority", "complaints", "deadlines", "centre", "digitalPost", "decisionTitle",
                      "letterTitle", "followUpMonths", "complaintGuidanceOnFullGrant", "standard", "letterDesign"]),
            (parsed.authority, ["name", "unit", "address", "cvr", "phone", "email", "web"]),
            (parsed.complaints, ["recipient", "address", "citizensAdviser"]),
            (MunicipalityProfile.CitizensAdviser(name: "", phone: nil, email: nil), ["name", "phone", "email"]),
            (parsed.deadlines, ["complaintWeeks", "reassessmentWeeks", "paperReceiptWorkingDays", "closedDaysExtra"]),
            (parsed.centre, ["name", "address", "phone"]),
            (parsed.digitalPost, ["notification", "letterNotification", "mandatory", "legalNotification", "caseSystem", "maxMessageBytes", "kle"]),
            (MunicipalityProfile.DigitalPost.KLE(subjectKey: "", version: "", activityFacet: nil, label: ""),
             ["subjectKey", "version", "activityFacet", "label"]),
            (MunicipalityProfile.LocalPractice(residentialMonths: nil), ["residentialMonths"]),
            (LetterDesign(envelopeWindow: nil, logo: nil), ["envelopeWindow", "logo"]),
            (LetterDesign.EnvelopeWindow(leftMM: 0, topMM: 0, widthMM: 0, heightMM: 0), ["leftMM", "topMM", "widthMM", "heightMM"]),
            (LetterDesign.Logo(file: "", alt: ""), ["file", "alt"]),
            (MunicipalityProfile.Stored(profile: parsed, codeLines: [:]), ["profile", "codeLines"]),
        ]
        for (value, names) in known {
            #expect(labels(value) == names, "\(type(of: value)): update StoredProfileReader")
        }
    }

    @Test func anythingElseIsLeftToTheYAML() throws {
        let parsed = try MunicipalityProfile.loadWithLines(path: StoredProfileTests.shipped.appendingPathComponent("thisted.yaml").path)
        let text = String(decoding: try encoded(.init(profile: parsed.profile, codeLines: parsed.codeLines)), as: UTF8.self)
        #expect(StoredProfileReader.read(Array(text.utf8)) != nil)
        for (old, new) in [("\"id\":", "\"ID\":"), ("\"complaint_weeks\":4", "\"complaint_weeks\":4.5"),
                           ("\"complaint_weeks\":4", "\"complaint_weeks\":\"4\""), ("\"mandatory\":", "\"mandatory\":null,\"x\":"),
                           ("{", "[")] {
            #expect(text.contains(old), "\(old)")
            let changed = text.replacingOccurrences(of: old, with: new)
            #expect(StoredProfileReader.read(Array(changed.utf8)) == nil, "\(new)")
            #expect((try? JSONDecoder().decode(MunicipalityProfile.Stored.self, from: Data(changed.utf8))) == nil, "\(new)")
        }
        #expect(StoredProfileReader.read(Array("not json".utf8)) == nil)
    }
}

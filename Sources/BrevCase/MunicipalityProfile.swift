import BrevCore
import Foundation
import Yams

/// The facts of one municipality (or a group served by one authority), read from
/// `LetterTemplates/profiles/*.yaml`. Letters and the quality standard read the same profile,
/// so they cannot disagree.
public struct MunicipalityProfile: Sendable, Codable {
    public var id: String
    public var municipalityCodes: [String]
    public var authority: Authority
    public var complaints: Complaints
    public var deadlines: Deadlines
    public var centre: Centre
    public var digitalPost: DigitalPost
    /// The neutral title a decision letter carries in PDF metadata and Digital Post
    /// ("Afgørelse fra Ishøj Kommune"): never the treatment, never the citizen.
    public var decisionTitle: String
    /// The neutral title of letters that are not decisions ("Brev fra Ishøj Kommune").
    public var letterTitle: String
    public var followUpMonths: [Int]
    /// Whether full grants carry complaint guidance too (allowed; domain.md §9 question 12).
    public var complaintGuidanceOnFullGrant: Bool
    /// Local practice, not law (the quality standard's `standard:` section): checked by `LocalPracticeRule`.
    public var standard: LocalPractice?
    /// How this municipality's letters look: the envelope window, the logo.
    public var letterDesign: LetterDesign?

    public struct LocalPractice: Sendable, Codable {
        /// Residential treatment is granted for up to this many months at a time (Thisted: 3).
        public var residentialMonths: Int?

        enum CodingKeys: String, CodingKey {
            case residentialMonths = "residential_months"
        }
    }

    public struct Authority: Sendable, Codable {
        public var name: String
        public var unit: String
        public var address: [String]
        public var cvr: String
        public var phone: String
        public var email: String?
        public var web: String?
    }

    public struct Complaints: Sendable, Codable {
        /// The authority that made the decision and receives the complaint (RSL § 67).
        public var recipient: String
        public var address: [String]
        public var citizensAdviser: CitizensAdviser?

        enum CodingKeys: String, CodingKey {
            case recipient, address
            case citizensAdviser = "citizens_adviser"
        }
    }

    public struct CitizensAdviser: Sendable, Codable {
        public var name: String
        public var phone: String?
        public var email: String?
    }

    public struct Deadlines: Sendable, Codable {
        public var complaintWeeks: Int
        public var reassessmentWeeks: Int
        public var paperReceiptWorkingDays: Int
        /// `MM-DD` days closed besides the public holidays.
        public var closedDaysExtra: [String]

        enum CodingKeys: String, CodingKey {
            case complaintWeeks = "complaint_weeks"
            case reassessmentWeeks = "reassessment_weeks"
            case paperReceiptWorkingDays = "paper_receipt_working_days"
            case closedDaysExtra = "closed_days_extra"
        }
    }

    /// How this municipality sends Digital Post (MeMo header fields and limits).
    public struct DigitalPost: Sendable, Codable {
        public var notification: String
        public var letterNotification: String
        public var mandatory: Bool
        public var legalNotification: Bool
        public var caseSystem: String
        public var maxMessageBytes: Int
        public var kle: KLE?

        public struct KLE: Sendable, Codable {
            public var subjectKey: String
            public var version: String
            public var activityFacet: String?
            public var label: String

            enum CodingKeys: String, CodingKey {
                case version, label
                case subjectKey = "subject_key"
                case activityFacet = "activity_facet"
            }
        }

        enum CodingKeys: String, CodingKey {
            case notification, mandatory, kle
            case legalNotification = "legal_notification"
            case letterNotification = "letter_notification"
            case caseSystem = "case_system"
            case maxMessageBytes = "max_message_bytes"
        }
    }

    /// The envelope's return line: the authority only, never the treatment centre (domain.md §4.4).
    public var returnLine: String {
        "Retur: \(authority.name), \(authority.address.joined(separator: ", "))"
    }

    public struct Centre: Sendable, Codable {
        public var name: String
        public var address: [String]
        public var phone: String?
    }

    enum CodingKeys: String, CodingKey {
        case id, authority, complaints, deadlines, centre
        case digitalPost = "digital_post"
        case municipalityCodes = "municipality_codes"
        case decisionTitle = "decision_title"
        case letterTitle = "letter_title"
        case followUpMonths = "follow_up_months"
        case complaintGuidanceOnFullGrant = "complaint_guidance_on_full_grant"
        case standard
        case letterDesign = "letter_design"
    }

    /// The calendar and receipt rule this municipality's deadlines use.
    public var complaintDeadlineRule: ComplaintDeadlineRule {
        let days = Set(deadlines.closedDaysExtra.compactMap { text -> DanishCalendar.MonthDay? in
            let p = text.split(separator: "-")
            guard p.count == 2, let m = Int(p[0]), let d = Int(p[1]) else { return nil }
            return DanishCalendar.MonthDay(month: m, day: d)
        })
        return ComplaintDeadlineRule(calendar: DanishCalendar(closedDaysExtra: days),
                                     paperReceiptWorkingDays: deadlines.paperReceiptWorkingDays,
                                     weeks: deadlines.complaintWeeks)
    }

    /// Reads and checks one profile file; problems are reported with the file, the key and its line.
    public static func load(path: String) throws(DiagnosticsError) -> MunicipalityProfile {
        try loadWithLines(path: path).profile
    }

    /// What a profile file decodes to, kept by `CheckedResources` so that a start need not parse
    /// the same YAML again.
    struct Stored: Codable {
        var profile: MunicipalityProfile
        var codeLines: [String: Int]
    }

    /// The profile and the line of each of its municipality codes (for the catalog's duplicate check).
    ///
    /// `checked`: a file whose bytes passed every check below before, with this executable, is
    /// not parsed again: its decoded profile is read back from the cache folder (issue 15).
    static func loadWithLines(path: String, checked: CheckedResources? = nil) throws(DiagnosticsError)
        -> (profile: MunicipalityProfile, codeLines: [String: Int]) {
        let file = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path), data.count <= 64 * 1024 else {
            throw DiagnosticsError([.error(.profileInvalid, at: .file(path: file, line: 1, column: nil),
                                           "cannot read the profile, or it is larger than 64 KB")])
        }
        let bytes = Array(data)
        let key = checked.map { _ in CheckedResources.key("profile-v1", [Array(file.utf8), bytes]) }
        if let key, let stored = checked!.stored(key), let found = StoredProfileReader.read(stored) {
            return (found.profile, found.codeLines)
        }
        let parsed = try parse(bytes, file: file)
        if let key, let encoded = try? JSONEncoder().encode(Stored(profile: parsed.profile, codeLines: parsed.codeLines)) {
            checked!.store(Array(encoded), as: key)
        }
        return parsed
    }

    /// Parses and checks the bytes of the profile file `file`.
    private static func parse(_ data: [UInt8], file: String) throws(DiagnosticsError)
        -> (profile: MunicipalityProfile, codeLines: [String: Int]) {
        func fail(_ code: DiagnosticCode, line: Int, _ message: String) -> DiagnosticsError {
            DiagnosticsError([.error(code, at: .file(path: file, line: line, column: nil), message)])
        }
        if let line = UTF8Validation.lineOfFirstInvalidByte(data) {
            throw fail(.profileInvalid, line: line, "the profile is not valid UTF-8")
        }
        let text = String(decoding: data, as: UTF8.self)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw fail(.profileInvalid, line: 1, "the profile is empty") }
            root = node
        } catch let error as YamlError {
            throw fail(.profileInvalid, line: line(of: error), "not valid YAML: \(problem(of: error))")
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw fail(.profileInvalid, line: 1, "not valid YAML")
        }
        var schema = ProfileSchema(file: file)
        schema.check(root, ProfileSchema.profile, path: "")
        if let months = root.mapping?["follow_up_months"] { schema.checkFollowUp(months) }
        if !schema.problems.isEmpty { throw DiagnosticsError(schema.problems) }

        let profile: MunicipalityProfile
        do {
            profile = try YAMLDecoder().decode(MunicipalityProfile.self, from: root)
        } catch let error as DecodingError {
            throw fail(.profileInvalid, line: 1, describe(error))
        } catch {
            throw fail(.profileInvalid, line: 1, "the profile cannot be read")
        }
        // What shows outside the letter must be neutral (domain.md §7 case 25).
        func lineOf(_ keys: String...) -> Int {
            var node: Node? = root
            for key in keys { node = node?.mapping?[key] }
            return node?.mark?.line ?? 1
        }
        var problems: [Diagnostic] = []
        for (code, field, line, text) in [(DiagnosticCode.sensitiveLabel, "decision_title", lineOf("decision_title"), profile.decisionTitle),
                                          (.sensitiveLabel, "letter_title", lineOf("letter_title"), profile.letterTitle),
                                          (.sensitiveLabel, "digital_post.notification", lineOf("digital_post", "notification"),
                                           profile.digitalPost.notification),
                                          (.sensitiveLabel, "digital_post.letter_notification", lineOf("digital_post", "letter_notification"),
                                           profile.digitalPost.letterNotification),
                                          (.sensitiveReturnAddress, "authority (return line)", lineOf("authority"), profile.returnLine)] {
            if let reason = PrivacyGuard.problem(in: text) {
                problems.append(.error(code, at: .file(path: file, line: line, column: nil), "\(field) must be neutral: \(reason)"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        var codeLines: [String: Int] = [:]
        for code in root.mapping?["municipality_codes"]?.sequence ?? [] {
            if let text = code.scalar?.string { codeLines[text] = code.mark?.line ?? 1 }
        }
        return (profile, codeLines)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return 1
        }
    }

    /// libyaml's own words, without the quoted document text.
    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _): return "a key appears twice (\(duplicates.joined(separator: ", ")))"
        case .reader(let problem, _, _, _): return problem
        default: return "unreadable"
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ ctx: DecodingError.Context) -> String {
            ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "missing key \(path(ctx)).\(key.stringValue)"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "\(path(ctx)): \(ctx.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// All profiles in `LetterTemplates/profiles/`, looked up by municipality code.
public struct ProfileCatalog: Sendable {
    public let profiles: [MunicipalityProfile]

    public init(profiles: [MunicipalityProfile]) {
        self.profiles = profiles
    }

    /// `checked`: where decoded profiles are kept between processes (`CheckedResources`); a
    /// profile file whose bytes are unchanged is not parsed again.
    public static func load(directory: URL, checked: CheckedResources? = nil) throws(DiagnosticsError) -> ProfileCatalog {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var profiles: [MunicipalityProfile] = []
        var problems: [Diagnostic] = []
        // A municipality code must lead to one profile: with two, which one wins would be an accident.
        var firstFile: [String: String] = [:]
        for name in names {
            do {
                let (profile, codeLines) = try MunicipalityProfile.loadWithLines(path: directory.appendingPathComponent(name).path,
                                                                                  checked: checked)
                profiles.append(profile)
                for code in profile.municipalityCodes {
                    if let other = firstFile[code] {
                        problems.append(.error(.profileDuplicateCode, at: .file(path: name, line: codeLines[code] ?? 1, column: nil),
                                               "municipality code \(code) is already in \(other)"))
                    } else {
                        firstFile[code] = name
                    }
                }
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return ProfileCatalog(profiles: profiles)
    }

    public func profile(forMunicipalityCode code: String) -> MunicipalityProfile? {
        profiles.first { $0.municipalityCodes.contains(code) }
    }

    public var knownCodes: [String] { profiles.flatMap(\.municipalityCodes).sorted() }
}

import BrevCore
import Foundation
import Yams

/// The facts of one municipality (or a group served by one authority), read from
/// `LetterTemplates/profiles/*.yaml`. Letters and the quality standard read the same profile,
/// so they cannot disagree.
public struct MunicipalityProfile: Sendable, Decodable {
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

    public struct Authority: Sendable, Decodable {
        public var name: String
        public var unit: String
        public var address: [String]
        public var cvr: String
        public var phone: String
        public var email: String?
        public var web: String?
    }

    public struct Complaints: Sendable, Decodable {
        /// The authority that made the decision and receives the complaint (RSL § 67).
        public var recipient: String
        public var address: [String]
        public var citizensAdviser: CitizensAdviser?

        enum CodingKeys: String, CodingKey {
            case recipient, address
            case citizensAdviser = "citizens_adviser"
        }
    }

    public struct CitizensAdviser: Sendable, Decodable {
        public var name: String
        public var phone: String?
        public var email: String?
    }

    public struct Deadlines: Sendable, Decodable {
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
    public struct DigitalPost: Sendable, Decodable {
        public var notification: String
        public var letterNotification: String
        public var mandatory: Bool
        public var legalNotification: Bool
        public var caseSystem: String
        public var maxMessageBytes: Int
        public var kle: KLE?

        public struct KLE: Sendable, Decodable {
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

    public struct Centre: Sendable, Decodable {
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

    /// Reads and checks one profile file; problems are reported with the file and the key.
    public static func load(path: String) throws(DiagnosticsError) -> MunicipalityProfile {
        let file = (path as NSString).lastPathComponent
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw DiagnosticsError([.error(.profileInvalid, at: .file(path: file, line: 1, column: nil), "cannot read the profile")])
        }
        let profile: MunicipalityProfile
        do {
            profile = try YAMLDecoder().decode(MunicipalityProfile.self, from: text)
        } catch let error as DecodingError {
            throw DiagnosticsError([.error(.profileInvalid, at: .file(path: file, line: 1, column: nil), describe(error))])
        } catch {
            throw DiagnosticsError([.error(.profileInvalid, at: .file(path: file, line: 1, column: nil), "\(error)")])
        }
        var problems: [Diagnostic] = []
        if !(profile.authority.cvr.count == 8 && profile.authority.cvr.allSatisfy(\.isNumber)) {
            problems.append(.error(.invalidCVR, at: .file(path: file, line: 1, column: nil), "authority.cvr must be 8 digits"))
        }
        // What shows outside the letter must be neutral (domain.md §7 case 25).
        let at = SourceLocation.file(path: file, line: 1, column: nil)
        for (code, field, text) in [(DiagnosticCode.sensitiveLabel, "decision_title", profile.decisionTitle),
                                    (.sensitiveLabel, "letter_title", profile.letterTitle),
                                    (.sensitiveLabel, "digital_post.notification", profile.digitalPost.notification),
                                    (.sensitiveLabel, "digital_post.letter_notification", profile.digitalPost.letterNotification),
                                    (.sensitiveReturnAddress, "authority (return line)", profile.returnLine)] {
            if let reason = PrivacyGuard.problem(in: text) {
                problems.append(.error(code, at: at, "\(field) must be neutral: \(reason)"))
            }
        }
        if profile.digitalPost.notification.count > 150 {
            problems.append(.error(.profileInvalid, at: at, "digital_post.notification is longer than 150 characters"))
        }
        for day in profile.deadlines.closedDaysExtra {
            let p = day.split(separator: "-").compactMap { Int($0) }
            if p.count != 2 || CivilDate(year: 2000, month: p[0], day: p[1]) == nil {
                problems.append(.error(.profileInvalid, at: .file(path: file, line: 1, column: nil),
                                       "deadlines.closed_days_extra: '\(day)' is not a day written MM-DD"))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return profile
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

    public static func load(directory: URL) throws(DiagnosticsError) -> ProfileCatalog {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var profiles: [MunicipalityProfile] = []
        var problems: [Diagnostic] = []
        for name in names {
            do {
                profiles.append(try MunicipalityProfile.load(path: directory.appendingPathComponent(name).path))
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

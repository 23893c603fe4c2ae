/// Reads back a profile kept in the cache folder (`MunicipalityProfile.Stored`, written by
/// JSONEncoder) with brev's own JSON parser: JSONDecoder's generic Codable machinery cost a
/// cold start about 4 M instructions for the two profiles (issue 15). It reads what the
/// synthesized `Encodable` writes (keys by `CodingKeys`, a nil optional left out) and decides
/// as the synthesized `Decodable` would; anything else gives nil, and the caller then parses
/// the profile's YAML as before.
enum StoredProfileReader {
    private struct Unreadable: Error {}

    static func read(_ bytes: [UInt8]) -> MunicipalityProfile.Stored? {
        guard let root = try? JSONParser.parse(bytes) else { return nil }
        return try? stored(root)
    }

    /// An object's members by key.
    private struct Members {
        let pairs: [(key: String, value: JSONValue)]

        init(_ value: JSONValue) throws {
            guard case .object(let pairs) = value else { throw Unreadable() }
            self.pairs = pairs
        }

        func value(_ key: String) -> JSONValue? {
            for pair in pairs where pair.key == key { return pair.value }
            return nil
        }

        /// A key that must be there (and not null).
        func required<T>(_ key: String, _ read: (JSONValue) throws -> T) throws -> T {
            guard let value = value(key) else { throw Unreadable() }
            return try read(value)
        }

        /// A key that may be left out or null, as `decodeIfPresent` reads it.
        func optional<T>(_ key: String, _ read: (JSONValue) throws -> T) throws -> T? {
            guard let value = value(key), value != .null else { return nil }
            return try read(value)
        }
    }

    private static func string(_ value: JSONValue) throws -> String {
        guard case .string(let string) = value else { throw Unreadable() }
        return string
    }

    private static func int(_ value: JSONValue) throws -> Int {
        guard case .number(let number) = value, let int = Int(exactly: number) else { throw Unreadable() }
        return int
    }

    private static func bool(_ value: JSONValue) throws -> Bool {
        guard case .bool(let bool) = value else { throw Unreadable() }
        return bool
    }

    private static func array<T>(_ value: JSONValue, _ read: (JSONValue) throws -> T) throws -> [T] {
        guard case .array(let elements) = value else { throw Unreadable() }
        return try elements.map(read)
    }

    private static func strings(_ value: JSONValue) throws -> [String] { try array(value, string) }

    private static func stored(_ value: JSONValue) throws -> MunicipalityProfile.Stored {
        let m = try Members(value)
        let codeLines = try m.required("codeLines") { value -> [String: Int] in
            var lines: [String: Int] = [:]
            for (key, line) in try Members(value).pairs { lines[key] = try int(line) }
            return lines
        }
        return MunicipalityProfile.Stored(profile: try m.required("profile", profile), codeLines: codeLines)
    }

    private static func profile(_ value: JSONValue) throws -> MunicipalityProfile {
        let m = try Members(value)
        return MunicipalityProfile(
            id: try m.required("id", string),
            municipalityCodes: try m.required("municipality_codes", strings),
            authority: try m.required("authority", authority),
            complaints: try m.required("complaints", complaints),
            deadlines: try m.required("deadlines", deadlines),
            centre: try m.required("centre", centre),
            digitalPost: try m.required("digital_post", digitalPost),
            decisionTitle: try m.required("decision_title", string),
            letterTitle: try m.required("letter_title", string),
            followUpMonths: try m.required("follow_up_months") { try array($0, int) },
            complaintGuidanceOnFullGrant: try m.required("complaint_guidance_on_full_grant", bool),
            standard: try m.optional("standard") { MunicipalityProfile.LocalPractice(residentialMonths: try Members($0).optional("residential_months", int)) },
            letterDesign: try m.optional("letter_design", letterDesign))
    }

    private static func authority(_ value: JSONValue) throws -> MunicipalityProfile.Authority {
        let m = try Members(value)
        return MunicipalityProfile.Authority(name: try m.required("name", string), unit: try m.required("unit", string),
                                             address: try m.required("address", strings), cvr: try m.required("cvr", string),
                                             phone: try m.required("phone", string), email: try m.optional("email", string),
                                             web: try m.optional("web", string))
    }

    private static func complaints(_ value: JSONValue) throws -> MunicipalityProfile.Complaints {
        let m = try Members(value)
        return MunicipalityProfile.Complaints(recipient: try m.required("recipient", string), address: try m.required("address", strings),
                                              citizensAdviser: try m.optional("citizens_adviser") { value in
            let a = try Members(value)
            return MunicipalityProfile.CitizensAdviser(name: try a.required("name", string), phone: try a.optional("phone", string),
                                                       email: try a.optional("email", string))
        })
    }

    private static func deadlines(_ value: JSONValue) throws -> MunicipalityProfile.Deadlines {
        let m = try Members(value)
        return MunicipalityProfile.Deadlines(complaintWeeks: try m.required("complaint_weeks", int),
                                             reassessmentWeeks: try m.required("reassessment_weeks", int),
                                             paperReceiptWorkingDays: try m.required("paper_receipt_working_days", int),
                                             closedDaysExtra: try m.required("closed_days_extra", strings))
    }

    private static func centre(_ value: JSONValue) throws -> MunicipalityProfile.Centre {
        let m = try Members(value)
        return MunicipalityProfile.Centre(name: try m.required("name", string), address: try m.required("address", strings),
                                          phone: try m.optional("phone", string))
    }

    private static func digitalPost(_ value: JSONValue) throws -> MunicipalityProfile.DigitalPost {
        let m = try Members(value)
        return MunicipalityProfile.DigitalPost(
            notification: try m.required("notification", string), letterNotification: try m.required("letter_notification", string),
            mandatory: try m.required("mandatory", bool), legalNotification: try m.required("legal_notification", bool),
            caseSystem: try m.required("case_system", string), maxMessageBytes: try m.required("max_message_bytes", int),
            kle: try m.optional("kle") { value in
                let k = try Members(value)
                return MunicipalityProfile.DigitalPost.KLE(subjectKey: try k.required("subject_key", string),
                                                           version: try k.required("version", string),
                                                           activityFacet: try k.optional("activity_facet", string),
                                                           label: try k.required("label", string))
            })
    }

    private static func letterDesign(_ value: JSONValue) throws -> LetterDesign {
        let m = try Members(value)
        return LetterDesign(
            envelopeWindow: try m.optional("envelope_window") { value in
                let w = try Members(value)
                return LetterDesign.EnvelopeWindow(leftMM: try w.required("left_mm", int), topMM: try w.required("top_mm", int),
                                                   widthMM: try w.required("width_mm", int), heightMM: try w.required("height_mm", int))
            },
            logo: try m.optional("logo") { value in
                let l = try Members(value)
                return LetterDesign.Logo(file: try l.required("file", string), alt: try l.required("alt", string))
            })
    }
}

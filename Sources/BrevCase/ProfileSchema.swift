import BrevCore
import Foundation
import Yams

/// The shape a municipality profile must have: every key known, every value of its type and in
/// its range, the statutory periods exactly as the law sets them. Checked on the YAML node tree,
/// so each problem names the file, the key's path and the line it stands on; the walk follows the
/// schema, never the document, so no document can make it loop or recurse without bound.
struct ProfileSchema {
    indirect enum Shape: Sendable {
        /// A non-empty string of at most this many characters.
        case text(maxCharacters: Int)
        /// Exactly this many ASCII digits (CVR numbers, municipality codes).
        case digits(Int)
        /// A day of the year written `MM-DD`.
        case monthDay
        case whole(ClosedRange<Int>)
        /// A value the law sets; the profile must state it unchanged.
        case statutory(Int, law: String)
        case flag
        case list(Shape, count: ClosedRange<Int>)
        case mapping([String: Field])
    }

    struct Field: Sendable {
        var shape: Shape
        var required = true
    }

    /// Every key a profile may have. Limits that are not law are sanity bounds: they keep a typo
    /// (an extra zero) from passing and keep date arithmetic finite.
    static let profile: Shape = {
        let line = Shape.text(maxCharacters: 200)
        let address = Shape.list(line, count: 1...6)
        return .mapping([
            "id": Field(shape: .text(maxCharacters: 64)),
            "municipality_codes": Field(shape: .list(.digits(3), count: 1...99)),
            "decision_title": Field(shape: line),
            "letter_title": Field(shape: line),
            "follow_up_months": Field(shape: .list(.whole(1...24), count: 1...12)),
            "complaint_guidance_on_full_grant": Field(shape: .flag),
            "authority": Field(shape: .mapping([
                "name": Field(shape: line), "unit": Field(shape: line), "address": Field(shape: address),
                "cvr": Field(shape: .digits(8)), "phone": Field(shape: line),
                "email": Field(shape: line, required: false), "web": Field(shape: line, required: false),
            ])),
            "complaints": Field(shape: .mapping([
                "recipient": Field(shape: line), "address": Field(shape: address),
                "citizens_adviser": Field(shape: .mapping([
                    "name": Field(shape: line),
                    "phone": Field(shape: line, required: false), "email": Field(shape: line, required: false),
                ]), required: false),
            ])),
            "deadlines": Field(shape: .mapping([
                "complaint_weeks": Field(shape: .statutory(StatutoryPeriods.complaintWeeks, law: "RSL § 66")),
                "reassessment_weeks": Field(shape: .statutory(StatutoryPeriods.reassessmentWeeks, law: "RSL § 67")),
                // Local choice within bounds: never earlier than the guidance (see StatutoryPeriods).
                "paper_receipt_working_days": Field(shape: .whole(StatutoryPeriods.minimumPaperReceiptWorkingDays...15)),
                // At most a month of extra closed days, so "the next working day" is always near.
                "closed_days_extra": Field(shape: .list(.monthDay, count: 0...31)),
            ])),
            "digital_post": Field(shape: .mapping([
                // MeMo 1.1 limits the notification to 150 characters (Schemas/memo/v1.1/MeMo_dataTypes.xsd).
                "notification": Field(shape: .text(maxCharacters: 150)),
                "letter_notification": Field(shape: .text(maxCharacters: 150)),
                "mandatory": Field(shape: .flag),
                "legal_notification": Field(shape: .flag),
                "case_system": Field(shape: .text(maxCharacters: 64)),
                "max_message_bytes": Field(shape: .whole(10_000...100_000_000)),
                "kle": Field(shape: .mapping([
                    "subject_key": Field(shape: .text(maxCharacters: 64)),
                    "version": Field(shape: .text(maxCharacters: 64)),
                    "activity_facet": Field(shape: .text(maxCharacters: 64), required: false),
                    "label": Field(shape: line),
                ]), required: false),
            ])),
            "letter_design": Field(shape: .mapping([
                // Bounds that keep the window on the upper half of an A4 sheet and big enough for an address.
                "envelope_window": Field(shape: .mapping([
                    "left_mm": Field(shape: .whole(5...60)), "top_mm": Field(shape: .whole(20...120)),
                    "width_mm": Field(shape: .whole(60...120)), "height_mm": Field(shape: .whole(30...60)),
                ]), required: false),
                "logo": Field(shape: .mapping([
                    "file": Field(shape: .text(maxCharacters: 64)), "alt": Field(shape: .text(maxCharacters: 200)),
                ]), required: false),
            ]), required: false),
            "centre": Field(shape: .mapping([
                "name": Field(shape: line), "address": Field(shape: address), "phone": Field(shape: line, required: false),
            ])),
            // Facts only the quality standard prints (BrevStandard reads them as `{{standard.…}}`).
            "standard": Field(shape: .mapping([
                "publisher": Field(shape: line),
                "centre_email": Field(shape: line, required: false),
                "centre_web": Field(shape: line, required: false),
                "social_email": Field(shape: line, required: false),
                "youth_offer": Field(shape: line, required: false),
                "patient_office": Field(shape: address, required: false),
                "conference_weeks": Field(shape: .whole(1...52), required: false),
                "conference_days": Field(shape: .whole(1...730), required: false),
                "residential_months": Field(shape: .whole(1...24), required: false),
                // Monitoring targets in per cent (domain.md §4.8), and the months a relapse is counted over.
                "targets": Field(shape: .mapping([
                    "drug_free_min": Field(shape: .whole(0...100)),
                    "reduced_min": Field(shape: .whole(0...100)),
                    "relapse_max": Field(shape: .whole(0...100)),
                    "relapse_months": Field(shape: .whole(1...60)),
                ]), required: false),
            ]), required: false),
        ])
    }()

    let file: String
    private(set) var problems: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Checks `node` against `shape`; `path` is the key path shown in messages (`deadlines.complaint_weeks`).
    mutating func check(_ node: Node, _ shape: Shape, path: String) {
        switch shape {
        case .text(let maxCharacters):
            guard let text = scalar(node, path, "text") else { return }
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                fail(.profileInvalid, node, "\(path) must not be empty")
            } else if text.count > maxCharacters {
                fail(.profileOutOfRange, node, "\(path) is longer than \(maxCharacters) characters")
            }
        case .digits(let count):
            guard let text = scalar(node, path, "text") else { return }
            if !(text.utf8.count == count && text.utf8.allSatisfy { (0x30...0x39).contains($0) }) {
                fail(.profileInvalid, node, "\(path) must be exactly \(count) digits")
            }
        case .monthDay:
            guard let text = scalar(node, path, "text") else { return }
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            let numbers = parts.compactMap { $0.count == 2 ? Int($0) : nil }
            if !(parts.count == 2 && numbers.count == 2 && CivilDate(year: 2000, month: numbers[0], day: numbers[1]) != nil) {
                fail(.profileInvalid, node, "\(path) must be a day written MM-DD")
            }
        case .whole(let range):
            guard let value = whole(node, path) else { return }
            if !range.contains(value) {
                fail(.profileOutOfRange, node, "\(path) must be from \(range.lowerBound) to \(range.upperBound)")
            }
        case .statutory(let value, let law):
            guard let given = whole(node, path) else { return }
            if given != value {
                fail(.profileStatutoryValue, node, "\(path) is set by law (\(law)): it must be \(value)")
            }
        case .flag:
            guard let text = scalar(node, path, "true or false") else { return }
            if text != "true" && text != "false" {
                fail(.profileInvalid, node, "\(path) must be true or false")
            }
        case .list(let element, let count):
            guard let items = node.sequence else {
                return fail(.profileInvalid, node, "\(path) must be a list")
            }
            guard count.contains(items.count) else {
                return fail(.profileOutOfRange, node, "\(path) must have from \(count.lowerBound) to \(count.upperBound) entries")
            }
            var seen: Set<String> = []
            for (i, item) in items.enumerated() {
                check(item, element, path: "\(path)[\(i)]")
                if let text = item.scalar?.string, !seen.insert(text).inserted {
                    fail(.profileInvalid, item, "\(path)[\(i)] repeats an earlier entry")
                }
            }
        case .mapping(let fields):
            guard let mapping = node.mapping else {
                return fail(.profileInvalid, node, "\(path.isEmpty ? "the profile" : path) must be a mapping of keys to values")
            }
            let prefix = path.isEmpty ? "" : path + "."
            var present: Set<String> = []
            for (key, value) in mapping {
                guard let name = key.scalar?.string, let field = fields[name] else {
                    // Only the key's position: its text is the profile author's, but a typo is best fixed by line.
                    fail(.profileUnknownKey, key, "\(prefix)\(key.scalar?.string ?? "?") is not a profile key (known here: \(fields.keys.sorted().joined(separator: ", ")))")
                    continue
                }
                present.insert(name)
                check(value, field.shape, path: prefix + name)
            }
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) where field.required && !present.contains(name) {
                fail(.profileInvalid, node, "missing key \(prefix)\(name)")
            }
        }
    }

    /// The follow-up months must include the statutory ones.
    mutating func checkFollowUp(_ node: Node) {
        guard let items = node.sequence else { return }
        let months = Set(items.compactMap { $0.scalar.flatMap { Int($0.string) } })
        for required in StatutoryPeriods.followUpMonths where !months.contains(required) {
            fail(.profileStatutoryValue, node, "follow_up_months must include \(required) (Order 1477/2019 § 4 stk. 2)")
        }
    }

    private mutating func scalar(_ node: Node, _ path: String, _ expected: String) -> String? {
        guard let scalar = node.scalar else {
            fail(.profileInvalid, node, "\(path) must be \(expected)")
            return nil
        }
        return scalar.string
    }

    private mutating func whole(_ node: Node, _ path: String) -> Int? {
        guard let text = scalar(node, path, "a whole number") else { return nil }
        guard let value = Int(text) else {
            fail(.profileOutOfRange, node, "\(path) must be a whole number of reasonable size")
            return nil
        }
        return value
    }

    mutating func fail(_ code: DiagnosticCode, _ node: Node, _ message: String) {
        problems.append(.error(code, at: .file(path: file, line: node.mark?.line ?? 1, column: node.mark?.column), message))
    }
}

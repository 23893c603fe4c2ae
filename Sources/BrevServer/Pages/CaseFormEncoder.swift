import Foundation

/// Turns the form back into a case: each filled field becomes its property, typed by the
/// schema; an empty field is left out (so the case reader names what is missing). A value of
/// the wrong type (letters in a number field, broken JSON) is passed on as text: the case
/// reader then refuses it with WRONG_TYPE at that field's path, as `brev check` would.
enum CaseFormEncoder {
    static func caseJSON(from form: FormData, schema: CaseFormSchema) -> [UInt8] {
        let object = encode(schema.fields, form: form)
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Array(data)
    }

    static func encode(_ fields: [CaseFormSchema.Field], form: FormData) -> [String: Any] {
        var object: [String: Any] = [:]
        for field in fields {
            if let value = value(of: field, form: form) { object[field.name] = value }
        }
        return object
    }

    static func value(of field: CaseFormSchema.Field, form: FormData) -> Any? {
        let raw = form[field.path] ?? ""
        let text = raw.trimmingCharacters(in: .whitespaces)
        switch field.kind {
        case .group(let inner):
            let object = encode(inner, form: form)
            return object.isEmpty ? nil : object
        case .choices:
            let picked = (form.values[field.path] ?? []).filter { !$0.isEmpty }
            return picked.isEmpty ? nil : picked
        case .lines:
            let lines = raw.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return lines.isEmpty ? nil : lines
        case .yesNo:
            switch text {
            case "ja": return true
            case "nej": return false
            default: return nil
            }
        case .number(let integer):
            if text.isEmpty { return nil }
            if integer, let n = Int(text) { return n }
            if !integer, let n = Double(text) { return n }
            return text
        case .json:
            if text.isEmpty { return nil }
            return (try? JSONSerialization.jsonObject(with: Data(raw.utf8), options: [.fragmentsAllowed])) ?? raw
        case .text(let multiline):
            // Free text keeps its line breaks; a line field is trimmed.
            let value = multiline ? raw.replacingOccurrences(of: "\r\n", with: "\n") : text
            return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : value
        case .date, .choice:
            return text.isEmpty ? nil : text
        }
    }
}

/// The form's HTML: a label for every field, the field's errors beside it (`aria-describedby`,
/// `aria-invalid`), and an error summary at the top whose links move focus to the fields
/// (WCAG 2.2: 1.3.1, 3.3.1, 3.3.3). No script is needed to use it; the preview script only adds.
struct CaseFormView {
    let schema: CaseFormSchema
    let form: FormData
    /// Problems by field path; problems that belong to no field are shown in the summary only.
    let problems: [String: [ProblemDetails.Problem]]

    func html() -> String {
        schema.fields.map(field).joined(separator: "\n")
    }

    func field(_ f: CaseFormSchema.Field) -> String {
        let errors = problems[f.path] ?? []
        let errorId = "\(f.id)-fejl"
        let helpId = "\(f.id)-hjaelp"
        var described: [String] = []
        if f.help != nil { described.append(helpId) }
        if !errors.isEmpty { described.append(errorId) }
        let aria = (described.isEmpty ? "" : " aria-describedby=\"\(described.joined(separator: " "))\"")
            + (errors.isEmpty ? "" : " aria-invalid=\"true\"") + (f.required ? " aria-required=\"true\"" : "")
        let label = FieldLabels.label(for: f)
        let help = f.help.map { "<p class=\"hjaelp\" id=\"\(helpId)\">\(HTML.escape($0))</p>" } ?? ""
        let errorList = errors.isEmpty ? "" : "<p class=\"fejl\" id=\"\(errorId)\">" + errors.map {
            "<span class=\"kode\">\(HTML.escape($0.code))</span> \(HTML.escape($0.message))"
        }.joined(separator: "<br>") + "</p>"
        let value = HTML.escape(form[f.path] ?? "")
        let name = HTML.escape(f.path)
        let mark = f.required ? " <span aria-hidden=\"true\">*</span><span class=\"sr\">(skal udfyldes)</span>" : ""
        let wrap = { (control: String) in
            "<div class=\"felt\(errors.isEmpty ? "" : " har-fejl")\" data-felt=\"\(name)\"><label for=\"\(f.id)\">\(label)\(mark)</label>\(help)\(errorList)\(control)</div>"
        }
        // A fieldset (ARIA group) may not carry aria-required (WCAG 4.1.2; axe's aria-allowed-attr):
        // its legend says "(skal udfyldes)" and its own fields carry it.
        let groupAria = aria.replacingOccurrences(of: " aria-required=\"true\"", with: "")
        switch f.kind {
        case .group(let inner):
            return "<fieldset id=\"\(f.id)\" class=\"gruppe\(errors.isEmpty ? "" : " har-fejl")\" data-felt=\"\(name)\"\(groupAria)><legend>\(label)\(mark)</legend>\(help)\(errorList)"
                + inner.map(field).joined(separator: "\n") + "</fieldset>"
        case .text(let multiline):
            return wrap(multiline
                ? "<textarea id=\"\(f.id)\" name=\"\(name)\" rows=\"4\"\(aria)>\(value)</textarea>"
                : "<input id=\"\(f.id)\" name=\"\(name)\" type=\"text\" value=\"\(value)\"\(aria)>")
        case .date:
            return wrap("<input id=\"\(f.id)\" name=\"\(name)\" type=\"date\" value=\"\(value)\"\(aria)>")
        case .number(let integer):
            return wrap("<input id=\"\(f.id)\" name=\"\(name)\" type=\"text\" inputmode=\"\(integer ? "numeric" : "decimal")\" value=\"\(value)\"\(aria)>")
        case .choice(let options):
            return wrap(select(f, options: options.map { ($0, $0) }, aria: aria))
        case .yesNo:
            return wrap(select(f, options: [("ja", "Ja"), ("nej", "Nej")], aria: aria))
        case .lines, .json:
            return wrap("<textarea id=\"\(f.id)\" name=\"\(name)\" rows=\"3\"\(aria)>\(value)</textarea>")
        case .choices(let options):
            let picked = Set(form.values[f.path] ?? [])
            let boxes = options.enumerated().map { i, o in
                "<label class=\"valg\"><input type=\"checkbox\" name=\"\(name)\" value=\"\(HTML.escape(o))\"\(picked.contains(o) ? " checked" : "")\(i == 0 ? " id=\"\(f.id)\"" : "")> \(HTML.escape(o))</label>"
            }.joined(separator: " ")
            return "<fieldset class=\"felt\(errors.isEmpty ? "" : " har-fejl")\" data-felt=\"\(name)\"\(groupAria)><legend>\(label)\(mark)</legend>\(help)\(errorList)\(boxes)</fieldset>"
        }
    }

    func select(_ f: CaseFormSchema.Field, options: [(value: String, text: String)], aria: String) -> String {
        let current = form[f.path] ?? ""
        let items = ["<option value=\"\">(ikke valgt)</option>"] + options.map {
            "<option value=\"\(HTML.escape($0.value))\"\($0.value == current ? " selected" : "")>\(HTML.escape($0.text))</option>"
        }
        return "<select id=\"\(f.id)\" name=\"\(HTML.escape(f.path))\"\(aria)>\(items.joined())</select>"
    }

    /// The summary at the top: each error links to its field.
    static func summary(_ problems: [ProblemDetails.Problem], schema: CaseFormSchema) -> String {
        let errors = problems.filter { $0.severity == "error" }
        guard !errors.isEmpty else { return "" }
        let items = errors.map { p -> String in
            let text = "<span class=\"kode\">\(HTML.escape(p.code))</span> \(HTML.escape(p.path)): \(HTML.escape(p.message))"
            guard let path = schema.fieldPath(forJSONPath: p.path) else { return "<li>\(text)</li>" }
            return "<li><a href=\"#f-\(HTML.escape(path.replacingOccurrences(of: ".", with: "-")))\">\(text)</a></li>"
        }
        return """
        <div class="fejlopsummering" role="alert" tabindex="-1" id="fejlopsummering">
        <h2>Sagen har \(errors.count) fejl</h2><ul>\(items.joined())</ul></div>
        """
    }
}

/// Danish labels for the fields a caseworker fills most; other fields show their name from the
/// case schema (domain.md §6), which the help text under it explains.
enum FieldLabels {
    static let danish: [String: String] = [
        "municipality_code": "Kommunenummer", "case_number": "Sagsnummer", "letter_type": "Brevtype",
        "legal_basis": "Lovgrundlag", "legal_citations": "Lovhenvisninger (én pr. linje)", "outcome": "Afgørelse",
        "substance_category": "Rusmiddel", "treatment_type_requested": "Ansøgt behandling",
        "treatment_type_granted": "Bevilget behandling", "application_received_date": "Ansøgning modtaget",
        "begrundelse": "Begrundelse", "begrundelse.facts": "Faktiske oplysninger (én pr. linje)",
        "begrundelse.assessment": "Vurdering", "citizen": "Borger", "citizen.cpr": "CPR-nummer", "citizen.name": "Navn",
        "citizen.address": "Adresse", "citizen.address.street": "Vej og nummer", "citizen.address.postcode": "Postnummer",
        "citizen.address.city": "By", "citizen.address.co": "c/o", "citizen.digital_post_status": "Digital Post",
        "channel": "Forsendelse", "letter_date": "Brevets dato", "caseworker": "Sagsbehandler",
        "caseworker.name": "Navn", "caseworker.title": "Titel", "caseworker.phone": "Telefon", "caseworker.email": "E-mail",
        "partshoering": "Partshøring", "provider": "Behandlingssted", "anonymous": "Anonym behandling",
        "citizen_views": "Borgerens synspunkter", "period_granted": "Bevilget periode", "period_requested": "Ansøgt periode",
    ]

    static func label(for field: CaseFormSchema.Field) -> String {
        HTML.escape(danish[field.path] ?? field.name)
    }
}

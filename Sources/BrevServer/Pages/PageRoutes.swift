import BrevBatch
import BrevCore
import BrevPipeline
import Foundation
import Hummingbird
import NIOCore

/// The caseworkers' pages (Danish): log in with the token, choose municipality and letter kind,
/// fill the form generated from the case schema, see errors at the fields and a live preview,
/// download the PDF or the MeMo message, and read the journal.
struct PageRoutes: Sendable {
    let api: APIRoutes
    let sessions: Sessions
    let form: CaseFormSchema
    let database: ServerDatabase

    static let loginCookie = "brev_login"

    func add(to router: Router<ServiceContext>) {
        router.get("/") { _, _ in PageShell.redirect(to: "/breve/ny") }
        router.get("/login") { _, _ in loginPage(problem: nil) }
        router.post("/login") { request, context in try await login(request, context: context) }
        let pages = router.group().add(middleware: SessionMiddleware(sessions: sessions))
        pages.post("/logout") { request, context in
            _ = try await readForm(request, context: context)
            if let id = Sessions.cookie(named: Sessions.cookieName, in: request.headers[.cookie]) { try await sessions.end(id) }
            return PageShell.redirect(to: "/login", headers: [.setCookie: Sessions.setCookie("", maxAge: 0)])
        }
        pages.get("/breve/ny") { request, context in newLetterPage(request, context: context) }
        pages.post("/breve/ny") { request, context in try await submit(request, context: context) }
        pages.post("/breve/forhaandsvisning") { request, context in try await preview(request, context: context) }
        pages.get("/breve/brev.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: PreviewScript.text)))
        }
        pages.get("/journal") { _, context in try await journalPage(context: context) }
        pages.get("/breve/sendt/{id}") { request, context in try await api.reopen(request, context: context) }
    }

    // MARK: Log in

    func loginPage(problem: String?) -> Response {
        let nonce = CaseworkerTokens.newToken()
        let error = problem.map { "<p class=\"fejl\" role=\"alert\" id=\"login-fejl\">\(HTML.escape($0))</p>" } ?? ""
        let body = """
        <p>Log ind med den adgangsnøgle, du fik af din administrator (<code>brev users add</code>).</p>
        \(error)
        <form method="post" action="/login"><input type="hidden" name="_csrf" value="\(nonce)">
        <div class="felt"><label for="token">Adgangsnøgle</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required\(problem == nil ? "" : " aria-describedby=\"login-fejl\" aria-invalid=\"true\"")></div>
        <button type="submit">Log ind</button></form>
        """
        return PageShell.response(PageShell.page(title: "Log ind", caseworker: nil, csrf: nil, body: body),
                                  status: problem == nil ? .ok : .unauthorized,
                                  headers: [.setCookie: "\(PageRoutes.loginCookie)=\(nonce); Path=/login; HttpOnly; Secure; SameSite=Strict"])
    }

    func login(_ request: Request, context: ServiceContext) async throws -> Response {
        let form = FormData(try await api.caseBody(request, context: context))
        // The login form is protected too: its hidden token must match the cookie set with it.
        guard let sent = form["_csrf"], let cookie = Sessions.cookie(named: PageRoutes.loginCookie, in: request.headers[.cookie]),
              Sessions.sameToken(sent, cookie) else {
            throw ProblemDetails(status: .forbidden, code: .csrfInvalid, detail: "the form is stale; open the log-in page again")
        }
        guard let token = form["token"], !token.isEmpty, let name = try CaseworkerTokens.caseworker(forToken: token, in: database) else {
            return loginPage(problem: "Adgangsnøglen er ikke gyldig (TOKEN_INVALID).")
        }
        let session = try await sessions.start(for: name)
        return PageShell.redirect(to: "/breve/ny", headers: [.setCookie: Sessions.setCookie(session)])
    }

    // MARK: The letter form

    func newLetterPage(_ request: Request, context: ServiceContext) -> Response {
        var values: [String: [String]] = [:]
        let query = request.uri.queryParameters
        values["municipality_code"] = [query["kommune"].map(String.init) ?? ""]
        values["letter_type"] = [query["brevtype"].map(String.init) ?? ""]
        values["letter_date"] = [api.pool.today.iso]
        var data = FormData([])
        data.values = values
        return formPage(data, problems: [], context: context, status: .ok)
    }

    func formPage(_ data: FormData, problems: [ProblemDetails.Problem], context: ServiceContext, status: HTTPResponse.Status) -> Response {
        var byField: [String: [ProblemDetails.Problem]] = [:]
        for p in problems where p.severity == "error" {
            if let path = form.fieldPath(forJSONPath: p.path) { byField[path, default: []].append(p) }
        }
        let chooser = chooserForm(municipality: data["municipality_code"] ?? "", kind: data["letter_type"] ?? "")
        let view = CaseFormView(schema: form, form: data, problems: byField)
        let csrf = HTML.escape(context.csrf ?? "")
        let body = """
        \(chooser)
        \(CaseFormView.summary(problems, schema: form))
        <div class="arbejde"><section aria-labelledby="sag-overskrift"><h2 id="sag-overskrift">Sagen</h2>
        <p>Felter med * skal udfyldes. Fejl vises ved feltet, mens du skriver.</p>
        <form id="sag" method="post" action="/breve/ny" novalidate><input type="hidden" name="_csrf" value="\(csrf)">
        \(view.html())
        <p><button type="submit" name="handling" value="tjek">Tjek sagen</button>
        <button type="submit" name="handling" value="pdf">Hent PDF</button>
        <button type="submit" name="handling" value="memo">Hent Digital Post-besked</button>
        <button type="submit" name="handling" value="zip">Hent alt (zip)</button>
        <button type="submit" name="handling" value="send">Send</button></p>
        </form></section>
        <section aria-labelledby="vis-overskrift"><h2 id="vis-overskrift">Forhåndsvisning</h2>
        <p id="status" role="status" aria-live="polite"></p>
        <iframe id="forhaandsvisning" title="Forhåndsvisning af brevet" sandbox></iframe></section></div>
        """
        return PageShell.response(PageShell.page(title: "Nyt brev", caseworker: context.caseworker, csrf: context.csrf, body: body, script: true),
                                  status: status)
    }

    func chooserForm(municipality: String, kind: String) -> String {
        let municipalities = api.catalog.profiles.flatMap { p in p.municipalityCodes.map { ($0, "\($0) \(p.authority)") } }
        let kinds = api.catalog.letterKinds.map { ($0.letterType, $0.template) }
        func options(_ items: [(String, String)], _ current: String) -> String {
            items.map { "<option value=\"\(HTML.escape($0.0))\"\($0.0 == current ? " selected" : "")>\(HTML.escape($0.1))</option>" }.joined()
        }
        return """
        <form method="get" action="/breve/ny" class="vaelg"><div class="felt"><label for="kommune">Kommune</label>
        <select id="kommune" name="kommune">\(options(municipalities, municipality))</select></div>
        <div class="felt"><label for="brevtype">Brevtype</label><select id="brevtype" name="brevtype">\(options(kinds, kind))</select></div>
        <button type="submit">Vælg</button></form>
        """
    }

    /// "Tjek sagen" shows the form again with its problems; "Hent PDF" and "Hent …besked" download
    /// the letter when the case has no errors (and show the problems when it has).
    func submit(_ request: Request, context: ServiceContext) async throws -> Response {
        let data = try await readForm(request, context: context)
        let caseJSON = CaseFormEncoder.caseJSON(from: data, schema: form)
        let action = data["handling"] ?? "tjek"
        if let format = [LetterFormat.pdf, .memo, .zip].first(where: { $0.rawValue == action }) {
            do {
                return try await api.letterResponse(caseJSON: caseJSON, format: format, caseworker: context.caseworker ?? "")
            } catch let problem as ProblemDetails where problem.statusCode == 422 {
                return formPage(data, problems: problem.problems, context: context, status: .unprocessableContent)
            }
        }
        if action == "send" {
            do {
                let sent = try await api.sendToOutbox(caseJSON: caseJSON, caseworker: context.caseworker ?? "", logger: context.logger)
                return sentPage(sent, context: context)
            } catch let problem as ProblemDetails where problem.statusCode == 422 {
                return formPage(data, problems: problem.problems, context: context, status: .unprocessableContent)
            }
        }
        let problems = try await api.problems(caseJSON: caseJSON)
        return formPage(data, problems: problems, context: context, status: problems.contains { $0.severity == "error" } ? .unprocessableContent : .ok)
    }

    /// After "Send": each letter of the case by its id, with a link to open it again.
    func sentPage(_ outcomes: [OutboxDelivery.Outcome], context: ServiceContext) -> Response {
        let items = outcomes.map { o in
            "<li><a href=\"/breve/sendt/\(HTML.escape(o.letterId))\">Brev <code>\(HTML.escape(o.letterId))</code></a>: "
                + (o.alreadySent ? "var allerede sendt" : "lagt i udbakken") + " \(HTML.escape(UTCTimestamp.string(from: o.dispatchedAt)))</li>"
        }.joined()
        let body = """
        <p role="status">Sagens breve er lagt i udbakken. Hvert brev sendes kun én gang.</p>
        <ul>\(items)</ul><p><a href="/breve/ny">Nyt brev</a> · <a href="/journal">Journal</a></p>
        """
        return PageShell.response(PageShell.page(title: "Sendt", caseworker: context.caseworker, csrf: context.csrf, body: body))
    }

    struct PreviewAnswer: Codable {
        struct FieldProblem: Codable {
            var severity: String
            var code: String
            var path: String
            var message: String
            /// The form field the problem belongs to (`citizen.cpr`), if any.
            var field: String?
        }

        var ok: Bool
        var problems: [FieldProblem]
        var html: String?
    }

    /// For the preview script: the problems at their fields, and the letter's HTML twin when it renders.
    func preview(_ request: Request, context: ServiceContext) async throws -> Response {
        let data = try await readForm(request, context: context)
        let caseJSON = CaseFormEncoder.caseJSON(from: data, schema: form)
        // One render gives both the problems (`brev check`'s) and, when there is no error, the HTML twin.
        let (problems, letter) = try await api.problemsAndLetter(caseJSON: caseJSON, making: .html)
        let html = letter?.html
        let answer = PreviewAnswer(ok: html != nil, problems: problems.map {
            .init(severity: $0.severity, code: $0.code, path: $0.path, message: $0.message, field: form.fieldPath(forJSONPath: $0.path))
        }, html: html)
        return ServerJSON.response(answer)
    }

    /// The form's fields, once its CSRF token matched the session's.
    func readForm(_ request: Request, context: ServiceContext) async throws -> FormData {
        let data = FormData(try await api.caseBody(request, context: context))
        guard let sent = data["_csrf"], let expected = context.csrf, Sessions.sameToken(sent, expected) else {
            throw ProblemDetails(status: .forbidden, code: .csrfInvalid, detail: "the form did not carry this session's CSRF token; reload the page")
        }
        return data
    }

    // MARK: The journal

    /// A letter that went out is opened again by its id (the only way to find it); others show the id alone.
    func letterCell(_ entry: AuditLog.Entry) -> String {
        guard let id = entry.letterId else { return "" }
        let code = "<code>\(HTML.escape(id))</code>"
        return entry.action == AuditLog.Action.sent.rawValue ? "<a href=\"/breve/sendt/\(HTML.escape(id))\">\(code)</a>" : code
    }

    func journalPage(context: ServiceContext) async throws -> Response {
        let rows = try await api.audit.entries().map { e in
            "<tr><td>\(HTML.escape(e.at))</td><td>\(HTML.escape(e.caseworker))</td><td>\(HTML.escape(e.action))</td>"
                + "<td>\(HTML.escape(e.letterKind ?? ""))</td><td>\(letterCell(e))</td>"
                + "<td><code>\(HTML.escape(String((e.pdfSHA256 ?? "").prefix(16))))</code></td></tr>"
        }.joined(separator: "\n")
        let body = """
        <p>De seneste breve, nyeste først. Listen viser hverken CPR-nummer eller navn.</p>
        <table><caption class="sr">Journal over breve</caption><thead><tr><th scope="col">Tidspunkt</th><th scope="col">Sagsbehandler</th>
        <th scope="col">Handling</th><th scope="col">Art</th><th scope="col">Brev-id</th><th scope="col">PDF (SHA-256)</th></tr></thead>
        <tbody>\(rows)</tbody></table>
        """
        return PageShell.response(PageShell.page(title: "Journal", caseworker: context.caseworker, csrf: context.csrf, body: body))
    }
}

/// Pages need a session; without one a page sends the caseworker to the log-in.
struct SessionMiddleware: RouterMiddleware {
    let sessions: Sessions

    func handle(_ request: Request, context: ServiceContext,
                next: (Request, ServiceContext) async throws -> Response) async throws -> Response {
        guard let id = Sessions.cookie(named: Sessions.cookieName, in: request.headers[.cookie]),
              let session = try sessions.session(id) else {
            if request.method == .get { return PageShell.redirect(to: "/login") }
            throw ProblemDetails(status: .unauthorized, code: .tokenMissing, detail: "log in first")
        }
        var context = context
        context.caseworker = session.caseworker
        context.csrf = session.csrf
        return try await next(request, context)
    }
}

import BrevCase
import BrevCore
import BrevDigitalPost
import BrevDocument
import BrevLayout
import BrevPDF
import BrevTemplate
import BrevWebFont
import Foundation

/// The one place that knows every stage: case JSON → validated case → LetterModel → filled
/// template → Document → pages → PDF (and HTML). Holds loaded fonts, templates and profiles;
/// create one per worker and reuse it.
public final class LetterPipeline {
    public let environment: BrevEnvironment
    let profiles: ProfileCatalog
    let templates: TemplateCatalog
    let layout: DocumentLayout
    /// Each profile's logo, by profile id, read once.
    let logos: [String: (drawing: VectorDrawing, alt: String)]
    let pdf: PDFRenderer
    let webFonts: WebFontSubsetter
    /// The HTML twin's texts with no-break spaces, from earlier letters (bounded).
    let joinedTexts = JoinedTexts()
    let schemas: SchemaValidator
    public var memoVersion: MeMoVersion = .v1_2
    /// Overrides the profile's message size limit (bytes).
    public var maxMessageBytes: Int?
    /// When set, each stage's CPU time is added to it (the benchmarks' per-stage split).
    public var stageClock: StageClock?

    /// The caches layout keeps between letters (shaping, font coverage, hyphenation): size and
    /// hit rate, for measuring their bounds.
    public var layoutCacheStatistics: [(name: String, statistics: CacheStatistics)] { layout.cacheStatistics }

    /// The HTML twin's reuse between letters: pages whose web fonts were made before, and
    /// texts whose no-break spaces were (`JoinedTexts`); for measuring their bounds.
    public var htmlReuse: [(name: String, hits: Int, misses: Int)] {
        let fonts = webFonts.reuse
        return [("web fonts", fonts.hits, fonts.misses), ("joined texts", joinedTexts.hits, joinedTexts.misses)]
    }

    public init(environment: BrevEnvironment) throws(BrevError) {
        self.environment = environment
        do {
            profiles = try ProfileCatalog.load(directory: environment.templatesDirectory.appendingPathComponent("profiles"),
                                               checked: .shared)
            templates = try TemplateCatalog.load(directory: environment.templatesDirectory, modelSpecimen: LetterModel.specimen,
                                                 checked: .shared)
        } catch {
            throw .invalid(error.diagnostics)
        }
        logos = try LetterPipeline.loadLogos(of: profiles,
                                             from: environment.templatesDirectory.appendingPathComponent("logos"))
        do {
            try FontManifest.verify(directory: environment.fontsDirectory, checked: .shared)
        } catch {
            throw .invalid(error.diagnostics)
        }
        do {
            layout = try DocumentLayout(fontsDirectory: environment.fontsDirectory,
                                        hyphenationDictionary: environment.hyphenationDictionary)
        } catch {
            throw .layout(error)
        }
        do {
            pdf = try PDFRenderer(iccProfilePath: environment.iccProfile)
        } catch {
            throw .pdf(error)
        }
        do {
            webFonts = try WebFontSubsetter(fontsDirectory: environment.fontsDirectory)
        } catch {
            throw error.brevError
        }
        // brev never writes a message it could not validate: without the schemas it does not start.
        let schemaDirectory = environment.memoSchemaDirectory
        let missing = SchemaValidator.missingSchemas(in: schemaDirectory)
        if !missing.isEmpty {
            throw .invalid(missing.map { .error(.schemasMissing, at: .file(path: schemaDirectory.appendingPathComponent($0).path, line: 1, column: nil),
                                                "the official schema is missing; restore Schemas/memo/ or set BREV_MEMO_SCHEMAS") })
        }
        schemas = SchemaValidator(schemaDirectory: schemaDirectory)
        // Compiling the three schemas takes longer than the rest of a start: files that compiled
        // before (`CheckedResources`) are compiled when a message first needs them.
        let compiledBefore = SchemaValidator.fileIdentities(in: schemaDirectory).map { CheckedResources.key("schemas", $0) }
        if compiledBefore.map(CheckedResources.shared.passed) != true {
            let broken = schemas.compileAll()
            if !broken.isEmpty {
                throw .invalid(broken.map { .error(.schemasInvalid, at: .file(path: schemaDirectory.appendingPathComponent($0).path, line: 1, column: nil),
                                                   "the official schema cannot be compiled; restore Schemas/memo/ or set BREV_MEMO_SCHEMAS") })
            }
            if let compiledBefore { CheckedResources.shared.recordPass(compiledBefore) }
        }
    }

    /// Validates a MeMo or ForsendelseI document against its official schema.
    public func validateMessage(_ bytes: [UInt8]) throws(BrevError) -> [SchemaValidator.Problem] {
        guard let kind = SchemaValidator.kind(of: bytes) else {
            return [SchemaValidator.Problem(line: 1, message: "neither a MeMo message nor a ForsendelseI print letter")]
        }
        do {
            return try schemas.validate(bytes, as: kind)
        } catch {
            throw .io("\(error)")
        }
    }

    /// Every problem with a case (errors and warnings): `brev check`. It runs everything `render`
    /// runs, to the finished letters and their messages, and writes nothing, so that a case
    /// `check` passes always renders. It makes no HTML twin and checks the messages around a
    /// stand-in for the PDF, which refuses exactly what the whole render refuses
    /// (`render(caseJSON:making:)`). A broken resource (a template's words, a font) is returned
    /// as `failure` with its exit status, 3; a case problem as 1.
    public func checkAll(caseJSON: [UInt8]) -> (diagnostics: [Diagnostic], failure: BrevError?) {
        let checked = check(caseJSON: caseJSON, making: [])
        return (checked.diagnostics, checked.failure)
    }

    /// `checkAll`, and when the case renders, its first letter with `outputs` made (the caseworker's
    /// preview): one render for both. Every recipient's letter is rendered as for `checkAll`; what
    /// `outputs` leaves out is refused exactly as when it is made (`render(caseJSON:making:)`).
    public func check(caseJSON: [UInt8], making outputs: LetterOutputs)
        -> (diagnostics: [Diagnostic], failure: BrevError?, letter: RenderedLetter?) {
        let diagnostics = DiagnosticCollector()
        guard let input = CaseReader.read(json: caseJSON, today: environment.today, diagnostics: diagnostics) else {
            return (diagnostics.diagnostics, .invalid(diagnostics.diagnostics), nil)
        }
        CaseValidator(profiles: profiles).validate(input, into: diagnostics)
        // An anonymous case always gets the in-person sheet, whatever its letter type.
        if !diagnostics.hasErrors, !AnonymityRule.isAnonymous(input), LetterModelBuilder.templateNames[input.letterType] == nil {
            diagnostics.error(.unsupportedLetterType, "$.letter_type",
                              "brev has no template for letter type \(input.letterType.rawValue) yet")
        }
        if diagnostics.hasErrors { return (diagnostics.diagnostics, .invalid(diagnostics.diagnostics), nil) }
        do {
            let letters = try letters(caseJSON: caseJSON, dispatchedAt: nil, first: outputs, others: [])
            var seen = Set(diagnostics.diagnostics)
            var all = diagnostics.diagnostics
            for warning in letters.flatMap(\.warnings) where seen.insert(warning).inserted { all.append(warning) }
            return (all, nil, letters[0])
        } catch {
            let found: [Diagnostic]
            switch error {
            case .invalid(let d): found = d
            case .layout(let e): found = [.error(e.code, at: .unknown, "\(e)")]
            case .pdf(let e): found = [.error(.renderFailed, at: .unknown, "pdf: \(e)")]
            case .io(let message): found = [.error(.renderFailed, at: .unknown, message)]
            }
            return (diagnostics.diagnostics.filter { $0.severity == .warning } + found, error, nil)
        }
    }

    /// The problems `checkAll` finds.
    public func check(caseJSON: [UInt8]) -> [Diagnostic] {
        checkAll(caseJSON: caseJSON).diagnostics
    }

    /// The first letter of `renderAll`: the citizen's, or their representative's when they have one.
    public func render(caseJSON: [UInt8]) throws(BrevError) -> RenderedLetter {
        try renderAll(caseJSON: caseJSON)[0]
    }

    /// The first letter of `renderAll` with its PDF and only the `outputs` asked for: what it
    /// leaves out stays empty (`html` "", `messages` []). It refuses a case exactly when and as
    /// `renderAll` does: every recipient's letter is laid out and drawn, and its messages are
    /// written and schema-validated around a stand-in for the PDF with their sizes counted for
    /// the real one (`messages(…writing: false)`). For the service's single-format answers.
    public func render(caseJSON: [UInt8], making outputs: LetterOutputs) throws(BrevError) -> RenderedLetter {
        try letters(caseJSON: caseJSON, dispatchedAt: nil, first: outputs, others: [])[0]
    }

    /// One letter per recipient: the citizen, then each custody holder of a young person, each
    /// with its own address, channel, deadline and message.
    ///
    /// `dispatchedAt`: the instant the transport will send the letters (the batch), in place of the
    /// case's own `dispatch_datetime`: the complaint deadline runs from the actual dispatch. A
    /// letter sent before its own date counts from its date, as without a dispatch time.
    public func renderAll(caseJSON: [UInt8], dispatchedAt: Date? = nil) throws(BrevError) -> [RenderedLetter] {
        try letters(caseJSON: caseJSON, dispatchedAt: dispatchedAt, first: .all, others: .all)
    }

    /// Every recipient's letter, the first with `first` of its outputs made, the rest with `others`.
    private func letters(caseJSON: [UInt8], dispatchedAt: Date?, first: LetterOutputs,
                         others: LetterOutputs) throws(BrevError) -> [RenderedLetter] {
        let diagnostics = DiagnosticCollector()
        let read = stageClock.time(.caseInput) { () -> CaseInput? in
            guard var input = CaseReader.read(json: caseJSON, today: environment.today, diagnostics: diagnostics) else { return nil }
            if let dispatchedAt {
                let day = CopenhagenTime.date(of: dispatchedAt)
                let afterLetterDate = day >= input.letterDate
                input.dispatchDate = afterLetterDate ? day : nil
                input.dispatchInstant = afterLetterDate ? dispatchedAt : nil
            }
            CaseValidator(profiles: profiles).validate(input, into: diagnostics)
            return input
        }
        guard let input = read, !diagnostics.hasErrors else { throw .invalid(diagnostics.diagnostics) }
        let profile = profiles.profile(forMunicipalityCode: input.municipalityCode)!
        var letters: [RenderedLetter] = []
        for recipient in LetterModelBuilder.recipients(of: input) {
            letters.append(try render(input, profile: profile, for: recipient, caseJSON: caseJSON,
                                      warnings: diagnostics.diagnostics.filter { $0.severity == .warning },
                                      making: letters.isEmpty ? first : others))
        }
        return letters
    }

    private func render(_ input: CaseInput, profile: MunicipalityProfile, for recipient: LetterModelBuilder.Recipient,
                        caseJSON: [UInt8], warnings: [Diagnostic], making outputs: LetterOutputs) throws(BrevError) -> RenderedLetter {
        let model: LetterModel
        let builder = LetterModelBuilder(profile: profile)
        do {
            model = try stageClock.time(.caseInput) { () throws -> LetterModel in try builder.build(input, for: recipient) }
        } catch {
            throw .invalid([.error(.unsupportedLetterType, at: .jsonPath("$.letter_type"), "\(error)")])
        }
        let document: Document
        do {
            document = try stageClock.time(.template) { () throws(DiagnosticsError) -> Document in
                AddressLinks.apply(TypographicQuotes.apply(try templates.render(kind: model.templateName, model: model)))
            }
        } catch {
            throw .invalid(error.diagnostics)
        }
        let letterSource = templates.letters[model.templateName].map { [$0] } ?? []
        let textProblems = stageClock.time(.template) {
            LetterTextRules.check(document, model: model, sources: letterSource + templates.partials.values.sorted { $0.path < $1.path })
        }
        if textProblems.contains(where: { $0.severity == .error }) { throw .invalid(textProblems) }
        let laidOut: LaidOutDocument
        do {
            layout.geometry = LetterPipeline.geometry(for: profile)
            layout.logo = logos[profile.id]
            laidOut = try stageClock.time(.layout) { () throws(LayoutError) -> LaidOutDocument in try layout.layout(document) }
        } catch {
            throw LetterPipeline.locate(error, in: caseJSON)
        }
        // The /ID follows from the input and the letter it became (a letter id covers kind and recipient).
        let metadata = PDFMetadata(title: model.documentTitle, author: profile.authority.name,
                                   date: CopenhagenTime.isoMidnight(input.letterDate),
                                   identity: Array("brev-pdf-v1|\(model.letterId)|".utf8) + caseJSON)
        let bytes: [UInt8]
        do {
            bytes = try stageClock.time(.pdf) { () throws(PDFError) -> [UInt8] in try pdf.render(laidOut.pages, metadata: metadata) }
        } catch {
            throw .pdf(error)
        }
        var html = ""
        if outputs.contains(.html) {
            do {
                html = try stageClock.time(.html) { () throws(WebFontSubsetter.Failure) -> String in
                    HTMLWriter.html(document, fonts: try webFonts.fonts(for: document), joined: joinedTexts)
                }
            } catch {
                throw error.brevError
            }
        }
        var letter = RenderedLetter(letterId: model.letterId, pdf: bytes, html: html, document: document,
                                    pageCount: laidOut.pages.pages.count, overfullLines: laidOut.overfullLines,
                                    warnings: warnings + textProblems, messages: [], fileKind: model.fileKind,
                                    pages: laidOut.pages)
        let person: String
        switch recipient {
        case .citizen: person = "$.citizen"
        case .custodyHolder(let i): person = "$.custody_holders[\(i)]"
        case .representative: person = "$.representative"
        }
        let fileName = "\(letter.fileBaseName).pdf"
        letter.messages = try stageClock.time(.messages) { () throws(BrevError) -> [OutputFile] in
            try messages(for: model, delivery: builder.delivery(input, for: recipient), pdf: bytes,
                         fileName: fileName, recipientPath: person, writing: outputs.contains(.messages))
        }
        return letter
    }
}

extension LetterPipeline {
    /// The Digital Post message or the print letter, each with its SF1601 request body.
    /// `recipientPath` is the JSON path of the recipient (`$.citizen`), named by errors about their name or address.
    ///
    /// `writing` false: the same checks and refusals, and nothing returned. The messages are
    /// written and validated around `standInPDF`: a PDF is one unbroken line of base64 in them
    /// (`XMLWriter.base64Element`), which the schemas take as any base64Binary, so only the
    /// messages' sizes depend on it, and those are counted for `pdf`.
    func messages(for model: LetterModel, delivery d: LetterDelivery, pdf: [UInt8], fileName: String,
                  recipientPath: String = "$.citizen", writing: Bool = true) throws(BrevError) -> [OutputFile] {
        guard d.channel == .digitalPost || d.channel == .print, !d.printedLocally else { return [] }
        guard let cpr = d.recipientCPR else {
            throw .invalid([.error(.anonymousNoMessage, at: .jsonPath("\(recipientPath).cpr"),
                                   "Digital Post and remote print need the recipient's CPR number")])
        }
        let p = d.profile
        let outgoing = OutgoingLetter(
            messageUUID: d.messageUUID, label: model.documentTitle,
            notification: d.isDecision ? p.digitalPost.notification : p.digitalPost.letterNotification,
            mandatory: p.digitalPost.mandatory, legalNotification: d.isDecision && p.digitalPost.legalNotification,
            senderCVR: p.authority.cvr, senderLabel: p.authority.name, recipientCPR: cpr, recipientName: d.recipientName,
            addressLines: d.addressLines, caseNumber: d.caseNumber, caseSystem: p.digitalPost.caseSystem,
            kle: p.digitalPost.kle.map { .init(subjectKey: $0.subjectKey, version: $0.version, activityFacet: $0.activityFacet, label: $0.label) },
            created: d.created, letterDate: model.letterDate,
            mainDocument: .init(label: model.documentLabel, filename: fileName, pdf: writing ? pdf : LetterPipeline.standInPDF),
            countryCode: d.countryCode)
        // What the real PDF's base64 adds to each message over the stand-in's.
        let sizeOfPDF = writing ? 0 : Base64.encodedCount(pdf.count) - Base64.encodedCount(LetterPipeline.standInPDF.count)
        var files: [OutputFile] = []
        do {
            // The message and the SF1601 body that wraps it, the letter checked once for both.
            if d.channel == .digitalPost {
                let written = try KombiRequestWriter.messageAndRequest(outgoing, channel: .digitalPost, version: memoVersion)
                files.append(OutputFile(suffix: "memo.xml", bytes: written.message))
                files.append(OutputFile(suffix: "kombi.xml", bytes: written.request))
            } else {
                let written = try KombiRequestWriter.messageAndRequest(outgoing, channel: .physicalPost)
                files.append(OutputFile(suffix: "print.xml", bytes: written.message))
                files.append(OutputFile(suffix: "kombi.xml", bytes: written.request))
            }
        } catch {
            throw .invalid([LetterPipeline.diagnostic(for: error, recipientPath: recipientPath)])
        }
        let limit = maxMessageBytes ?? p.digitalPost.maxMessageBytes
        for file in files where file.bytes.count + sizeOfPDF > limit {
            throw .invalid([.error(.messageTooLarge, at: .unknown,
                                   "the \(file.suffix) message would be \(file.bytes.count + sizeOfPDF) bytes, over the limit of \(limit); nothing was written")])
        }
        // A message that fails the schema is a bug in brev: refuse it rather than send it. It is
        // validated as the kind brev wrote, which is the kind `SchemaValidator.kind(of:)` finds
        // in it (DigitalPostWriterTests); finding it again by Foundation's string search and a
        // regex in the message's first 4 kB cost more than validating the message.
        let kind: SchemaValidator.Kind = d.channel == .digitalPost ? (memoVersion == .v1_1 ? .memo11 : .memo12) : .forsendelseI
        for file in files where file.suffix != "kombi.xml" {
            let found: [SchemaValidator.Problem]
            do {
                found = try schemas.validate(file.bytes, as: kind)
            } catch {
                throw .io("\(error)")
            }
            if case let problems = found, !problems.isEmpty {
                throw .invalid(problems.map { .error(.messageInvalid, at: .file(path: file.suffix, line: $0.line, column: nil), $0.message) })
            }
        }
        return writing ? files : []
    }

    /// What the messages carry in place of the PDF when they are only checked: the start of every PDF.
    static let standInPDF: [UInt8] = Array("%PDF-1.7\n".utf8)

    /// Names the field and where it came from; never the value (an address or a name).
    /// A character layout cannot set is the case's problem when the case's text holds it: the
    /// refusal names each field with that character (by JSON path and code point, never the text).
    static func locate(_ error: LayoutError, in caseJSON: [UInt8]) -> BrevError {
        let codepoint: UInt32
        let why: String
        switch error {
        case .rightToLeft(let cp, _): (codepoint, why) = (cp, "is right-to-left text (Hebrew or Arabic), which brev cannot set yet")
        case .missingGlyph(_, let cp, _): (codepoint, why) = (cp, "is a character none of brev's fonts has")
        case .refusedCharacter(let cp, _): (codepoint, why) = (cp, "is a control or bidirectional formatting character")
        default: return .layout(error)
        }
        guard let scalar = Unicode.Scalar(codepoint) else { return .layout(error) }
        let paths = CaseTextSearch.paths(containing: scalar, in: caseJSON)
        guard !paths.isEmpty else { return .layout(error) }
        return .invalid(paths.map { .error(error.code, at: .jsonPath($0), "\(codePointName(codepoint)) \(why)") })
    }

    static func diagnostic(for error: DigitalPostError, recipientPath: String = "$.citizen") -> Diagnostic {
        switch error {
        case .sensitive(let field, let reason):
            let code: DiagnosticCode = field == "filename" ? .sensitiveFilename : .sensitiveLabel
            return .error(code, at: .unknown, "\(field) must be neutral: \(reason)")
        case .invalidIdentifier(let field, let reason):
            return .error(field.hasPrefix("Recipient") ? .invalidCPR : .invalidCVR, at: .unknown, "\(field): \(reason)")
        case .noAddress:
            return .error(.missingField, at: .jsonPath("\(recipientPath).address"), "\(error)")
        case .tooLong(let field, _) where field.contains("PersonName"):
            return .error(.messageInvalid, at: .jsonPath("\(recipientPath).name"), "\(error)")
        case .tooLong(let field, _) where field.hasPrefix("ModtagerAdresse"), .tooManyLines(let field, _):
            return .error(.messageInvalid, at: .jsonPath("\(recipientPath).address"), "\(error)")
        default:
            return .error(.messageInvalid, at: .unknown, "\(error)")
        }
    }
}

/// A file that goes with the letter (the MeMo message, the print letter, the SF1601 body).
public struct OutputFile: Sendable {
    public var suffix: String
    public var bytes: [UInt8]
}

/// One rendered letter.
public struct RenderedLetter: Sendable {
    /// Opaque and deterministic; file names are built from it.
    public var letterId: String
    public var pdf: [UInt8]
    public var html: String
    public var document: Document
    public var pageCount: Int
    public var overfullLines: Int
    public var warnings: [Diagnostic]
    /// Digital Post or print messages, written next to the PDF.
    public var messages: [OutputFile]

    /// `afgoerelse-<id>` or `brev-<id>`: reveals neither the citizen nor the treatment.
    public var fileBaseName: String { "\(fileKind)-\(letterId)" }
    public var fileKind: String
    /// The laid-out pages the PDF was drawn from (for PNG previews and visual tests).
    public var pages: Pages

    /// Writes `<base>.pdf`, `<base>.html` and the messages into `directory` as one set: all of
    /// them or none, mode 0600 (`LetterFileSet`); returns the paths.
    public func write(to directory: String) throws(BrevError) -> [String] {
        try RenderedLetter.write([self], to: directory)[0]
    }

    /// Letters written as one group by `render` with many cases: the flushes of a letter set
    /// cost more than rendering it on this machine's disk, and a group of 32 sets needs three
    /// in all. Its output lines come in bursts of at most this many letters.
    public static let lettersPerFlush = 32

    /// Writes several letters, each as one set, with one flush of the disk for all of them
    /// (`LetterFileSet.write(sets:into:)`): all of them or, on failure, none; returns each
    /// letter's paths.
    public static func write(_ letters: [RenderedLetter], to directory: String) throws(BrevError) -> [[String]] {
        let sets = letters.map(\.files)
        do {
            try SecureFile.makeDirectory(directory)
            try LetterFileSet.write(sets: sets, into: directory)
        } catch {
            throw .io("\(error)")
        }
        return sets.map { $0.map { (directory as NSString).appendingPathComponent($0.name) } }
    }

    /// The letter's files by name.
    var files: [LetterFileSet.File] {
        [(name: "\(fileBaseName).pdf", bytes: pdf), (name: "\(fileBaseName).html", bytes: Array(html.utf8))]
            + messages.map { (name: "\(fileBaseName).\($0.suffix)", bytes: $0.bytes) }
    }
}

extension LetterPipeline {
    /// The sheet for a municipality's letters: its print supplier's envelope window, or DIN 680's.
    static func geometry(for profile: MunicipalityProfile) -> PageGeometry {
        guard let window = profile.letterDesign?.envelopeWindow else { return PageGeometry() }
        let mm = PageGeometry.mm
        return PageGeometry(window: .init(x: Double(window.leftMM) * mm, y: Double(window.topMM) * mm,
                                          width: Double(window.widthMM) * mm, height: Double(window.heightMM) * mm))
    }

    /// The logo files the profiles name, in `LetterTemplates/logos/`. A missing or broken file
    /// stops brev like a broken profile (exit 3), at the file's line.
    static func loadLogos(of profiles: ProfileCatalog, from directory: URL) throws(BrevError)
        -> [String: (drawing: VectorDrawing, alt: String)] {
        var logos: [String: (drawing: VectorDrawing, alt: String)] = [:]
        var problems: [Diagnostic] = []
        for profile in profiles.profiles {
            guard let logo = profile.letterDesign?.logo else { continue }
            let name = (logo.file as NSString).lastPathComponent
            let path = directory.appendingPathComponent(name).path
            guard name == logo.file, name.hasSuffix(".logo"),
                  let data = FileManager.default.contents(atPath: path), data.count <= 64 * 1024 else {
                problems.append(.error(.profileInvalid, at: .file(path: path, line: 1, column: nil),
                                       "the logo of profile \(profile.id) is missing or over 64 KB: name a .logo file in LetterTemplates/logos/"))
                continue
            }
            do {
                logos[profile.id] = (try LogoFile.parse(String(decoding: data, as: UTF8.self)), logo.alt)
            } catch {
                problems.append(.error(.profileInvalid, at: .file(path: path, line: error.line, column: nil), error.message))
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return logos
    }
}

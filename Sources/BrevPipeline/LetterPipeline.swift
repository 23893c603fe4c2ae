import BrevCase
import BrevCore
import BrevDocument
import BrevLayout
import BrevPDF
import BrevTemplate
import Foundation

/// The one place that knows every stage: case JSON → validated case → LetterModel → filled
/// template → Document → pages → PDF (and HTML). Holds loaded fonts, templates and profiles;
/// create one per worker and reuse it.
public final class LetterPipeline {
    public let environment: BrevEnvironment
    let profiles: ProfileCatalog
    let templates: TemplateCatalog
    let layout: DocumentLayout
    let pdf: PDFRenderer

    public init(environment: BrevEnvironment) throws(BrevError) {
        self.environment = environment
        do {
            profiles = try ProfileCatalog.load(directory: environment.templatesDirectory.appendingPathComponent("profiles"))
            templates = try TemplateCatalog.load(directory: environment.templatesDirectory)
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
    }

    /// Every problem with a case (errors and warnings), without rendering.
    public func check(caseJSON: [UInt8]) -> [Diagnostic] {
        let diagnostics = DiagnosticCollector()
        if let input = CaseReader.read(json: caseJSON, today: environment.today, diagnostics: diagnostics) {
            CaseValidator(profiles: profiles).validate(input, into: diagnostics)
            if !diagnostics.hasErrors, LetterModelBuilder.templateNames[input.letterType] == nil {
                diagnostics.error(.unsupportedLetterType, "$.letter_type",
                                  "brev has no template for letter type \(input.letterType.rawValue) yet")
            }
        }
        return diagnostics.diagnostics
    }

    /// For the benchmark: the PDF as cairo writes it, before the finishing pass.
    public func renderUnfinishedPDF(caseJSON: [UInt8]) throws(BrevError) -> [UInt8] {
        let letter = try render(caseJSON: caseJSON)
        do {
            let laidOut = try layout.layout(letter.document)
            return try pdf.renderUnfinished(laidOut.pages, metadata: PDFMetadata(title: letter.document.title, author: "",
                                                                                 date: "2026-11-24T00:00:00+01:00", identity: caseJSON))
        } catch let error as LayoutError {
            throw .layout(error)
        } catch {
            throw .pdf(error as! PDFError)
        }
    }

    /// For the benchmark: the finishing pass alone.
    public func finishPDF(_ bytes: [UInt8], caseJSON: [UInt8], language: String = "da") throws(BrevError) -> [UInt8] {
        do {
            return try pdf.finish(bytes, language: language, identity: caseJSON)
        } catch {
            throw .pdf(error)
        }
    }

    public func render(caseJSON: [UInt8]) throws(BrevError) -> RenderedLetter {
        let diagnostics = DiagnosticCollector()
        guard let input = CaseReader.read(json: caseJSON, today: environment.today, diagnostics: diagnostics) else {
            throw .invalid(diagnostics.diagnostics)
        }
        CaseValidator(profiles: profiles).validate(input, into: diagnostics)
        if diagnostics.hasErrors { throw .invalid(diagnostics.diagnostics) }
        let profile = profiles.profile(forMunicipalityCode: input.municipalityCode)!
        let model: LetterModel
        do {
            model = try LetterModelBuilder(profile: profile).build(input)
        } catch {
            throw .invalid([.error(.unsupportedLetterType, at: .jsonPath("$.letter_type"), "\(error)")])
        }
        let document: Document
        do {
            document = try templates.render(kind: model.templateName, model: model)
        } catch {
            throw .invalid(error.diagnostics)
        }
        let laidOut: LaidOutDocument
        do {
            laidOut = try layout.layout(document)
        } catch {
            throw .layout(error)
        }
        // The /ID follows from the input and the letter it became (a letter id covers the kind).
        let metadata = PDFMetadata(title: model.documentTitle, author: profile.authority.name,
                                   date: CopenhagenTime.isoMidnight(input.letterDate),
                                   identity: Array("brev-pdf-v1|\(model.letterId)|".utf8) + caseJSON)
        let bytes: [UInt8]
        do {
            bytes = try pdf.render(laidOut.pages, metadata: metadata)
        } catch {
            throw .pdf(error)
        }
        return RenderedLetter(letterId: model.letterId, pdf: bytes, html: HTMLWriter.html(document), document: document,
                              pageCount: laidOut.pages.pages.count, overfullLines: laidOut.overfullLines,
                              warnings: diagnostics.diagnostics.filter { $0.severity == .warning })
    }
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

    /// `afgoerelse-<id>`: reveals neither the citizen nor the treatment.
    public var fileBaseName: String { "afgoerelse-\(letterId)" }

    /// Writes `<base>.pdf` and `<base>.html` into `directory` (mode 0600, atomically); returns the paths.
    public func write(to directory: String) throws(BrevError) -> [String] {
        do {
            try SecureFile.makeDirectory(directory)
            let pdfPath = (directory as NSString).appendingPathComponent("\(fileBaseName).pdf")
            let htmlPath = (directory as NSString).appendingPathComponent("\(fileBaseName).html")
            try SecureFile.write(pdf, to: pdfPath)
            try SecureFile.write(html, to: htmlPath)
            return [pdfPath, htmlPath]
        } catch {
            throw .io("\(error)")
        }
    }
}

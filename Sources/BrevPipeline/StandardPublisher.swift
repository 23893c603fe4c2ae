import BrevCase
import BrevCore
import BrevDocument
import BrevLayout
import BrevPDF
import BrevStandard
import BrevWebFont
import Foundation

/// Publishes a municipality's quality standard: content YAML + profile facts → checklist →
/// Document → pages (laid out twice, so the table of contents carries the pages its headings
/// land on) → tagged PDF, and the same Document as one HTML page with a linked contents list.
public final class StandardPublisher {
    public let environment: BrevEnvironment
    let layout: DocumentLayout
    let pdf: PDFRenderer
    let webFonts: WebFontSubsetter

    public init(environment: BrevEnvironment) throws(BrevError) {
        self.environment = environment
        do {
            layout = try DocumentLayout(fontsDirectory: environment.fontsDirectory,
                                        hyphenationDictionary: environment.hyphenationDictionary)
        } catch {
            throw .layout(error)
        }
        layout.runningHeaderFromSections = true
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
    }

    public var standardDirectory: URL { environment.templatesDirectory.appendingPathComponent("standard") }

    /// The editions written for a profile, oldest first (`<profile>-<edition>.yaml`).
    public func editions(profile: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: standardDirectory.path)) ?? []
        return names.filter { $0.hasPrefix("\(profile)-") && $0.hasSuffix(".yaml") }
            .map { String($0.dropFirst(profile.count + 1).dropLast(5)) }.sorted()
    }

    /// The content file for a profile and edition; without an edition, the profile's only one.
    public func contentPath(profile: String, edition: String?) throws(BrevError) -> String {
        let known = editions(profile: profile)
        let chosen: String
        if let edition {
            guard known.contains(edition) else {
                throw .invalid([.error(.standardNotFound, at: .unknown,
                                       "no standard for profile '\(profile)', edition '\(edition)' (editions: \(known.joined(separator: ", ")))")])
            }
            chosen = edition
        } else {
            guard known.count == 1 else {
                let message = known.isEmpty ? "no standard for profile '\(profile)' in LetterTemplates/standard/"
                    : "profile '\(profile)' has several editions; choose one with --edition (\(known.joined(separator: ", ")))"
                throw .invalid([.error(.standardNotFound, at: .unknown, message)])
            }
            chosen = known[0]
        }
        return standardDirectory.appendingPathComponent("\(profile)-\(chosen).yaml").path
    }

    /// Reads the content and the profile's facts, and checks the law's checklist. `draft`: a
    /// standard not adopted yet is printed as a draft that says so (`StandardChecklist`); the
    /// warnings go to `warnings`.
    public func load(profile: String, edition: String?, draft: Bool = false,
                     warnings: ((Diagnostic) -> Void)? = nil) throws(BrevError) -> StandardDocumentBuilder {
        let path = try contentPath(profile: profile, edition: edition)
        let profilePath = environment.templatesDirectory.appendingPathComponent("profiles/\(profile).yaml").path
        do throws(DiagnosticsError) {
            let content = try StandardReader.read(path: path)
            _ = try MunicipalityProfile.load(path: profilePath)
            let facts = try StandardFacts.load(profilePath: profilePath)
            let problems = StandardChecklist.problems(in: content, draft: draft)
            if problems.contains(where: { $0.severity == .error }) { throw DiagnosticsError(problems) }
            problems.forEach { warnings?($0) }
            return StandardDocumentBuilder(content: content, facts: facts)
        } catch {
            throw .invalid(error.diagnostics)
        }
    }

    public func publish(profile: String, edition: String?, draft: Bool = false,
                        warnings: ((Diagnostic) -> Void)? = nil) throws(BrevError) -> PublishedStandard {
        let builder = try load(profile: profile, edition: edition, draft: draft, warnings: warnings)
        do {
            let entries = try builder.tocEntries()
            // Lay out until the numbers the contents show are the pages the headings are on;
            // the numbers can change the contents' own length, so a few rounds at most.
            var pageOf: [Int]? = nil
            var laidOut = try layout.layout(try builder.document(pageOf: nil))
            for _ in 0..<4 {
                let found = StandardPublisher.pages(of: entries, in: laidOut.pages)
                if found == pageOf { break }
                pageOf = found
                laidOut = try layout.layout(try builder.document(pageOf: found))
            }
            laidOut.pages = StandardPublisher.destinations(for: entries, in: laidOut.pages)
            let document = try builder.document(pageOf: pageOf)
            let content = builder.content
            let date = content.adoption.date ?? environment.today
            let metadata = PDFMetadata(title: document.title, author: builder.facts.value("authority.name") ?? "",
                                       date: CopenhagenTime.isoMidnight(date),
                                       identity: Array("brev-standard-v1|\(content.profile)|\(content.edition)|".utf8)
                                           + Array(document.blocks.map { "\($0)" }.joined().utf8))
            let bytes = try pdf.render(laidOut.pages, metadata: metadata)
            let web = try builder.document(linkedTOC: true)
            let fonts: [WebFont]
            do {
                fonts = try webFonts.fonts(for: web)
            } catch {
                throw error.brevError
            }
            // Long web addresses in the footnotes may break anywhere on a phone: HTMLStyle's `a` rule.
            let html = StandardPublisher.anchorHeadings(HTMLWriter.html(web, fonts: fonts), entries: entries)
            return PublishedStandard(profile: content.profile, edition: content.edition, pdf: bytes, html: html,
                                     document: document, pages: laidOut.pages, tocPages: pageOf ?? [],
                                     overfullLines: laidOut.overfullLines)
        } catch let error as DiagnosticsError {
            throw .invalid(error.diagnostics)
        } catch let error as LayoutError {
            throw .layout(error)
        } catch let error as PDFError {
            throw .pdf(error)
        } catch let error as BrevError {
            throw error
        } catch {
            throw .io("\(error)")
        }
    }

    /// What changed in the service level between two editions (`brev standard --diff`). The new
    /// edition is usually a draft the committee is asked to adopt, so neither needs an adoption date.
    public func diff(profile: String, from old: String, to new: String) throws(BrevError) -> StandardDiff {
        StandardDiff.compare(old: try load(profile: profile, edition: old, draft: true),
                             new: try load(profile: profile, edition: new, draft: true))
    }

    /// The changes as a page for the committee, set in the standard's own face as its HTML is.
    public func html(of diff: StandardDiff) throws(BrevError) -> String {
        let document = diff.document
        do {
            return HTMLWriter.html(document, fonts: try webFonts.fonts(for: document))
        } catch {
            throw error.brevError
        }
    }

    /// The 1-based page each entry's heading is on (0 if not found).
    static func pages(of entries: [StandardDocumentBuilder.TOCEntry], in pages: Pages) -> [Int] {
        headings(of: entries, in: pages).map { ($0?.page ?? -1) + 1 }
    }

    /// Each entry's heading gets a named destination at its first line, the entry's anchor:
    /// where the contents' links go. Found as the page numbers are, so the two agree.
    static func destinations(for entries: [StandardDocumentBuilder.TOCEntry], in pages: Pages) -> Pages {
        var marked = pages
        for (entry, found) in zip(entries, headings(of: entries, in: pages)) {
            guard let found, case .run(var run) = marked.pages[found.page].items[found.item] else { continue }
            run.destination = entry.anchor
            marked.pages[found.page].items[found.item] = .run(run)
        }
        return marked
    }

    /// Where each entry's heading is (its page and the item of its first run, 0-based),
    /// matching headings in order by their text.
    static func headings(of entries: [StandardDocumentBuilder.TOCEntry], in pages: Pages) -> [(page: Int, item: Int)?] {
        var headings: [(text: String, page: Int, item: Int)] = []
        var current: (text: String, page: Int, item: Int)?
        for (index, page) in pages.pages.enumerated() {
            for (itemIndex, item) in page.items.enumerated() {
                switch item {
                case .begin(let role) where role == .h1 || role == .h2 || role == .h3:
                    current = ("", index, -1)
                case .end(let role) where role == .h1 || role == .h2 || role == .h3:
                    if let c = current { headings.append(c) }
                    current = nil
                case .run(let run):
                    if current != nil {
                        if current!.item < 0 { current!.page = index; current!.item = itemIndex }
                        current!.text += run.text
                    }
                default:
                    break
                }
            }
        }
        var result: [(page: Int, item: Int)?] = []
        var next = 0
        for entry in entries {
            let key = squeeze(entry.text)
            while next < headings.count && squeeze(headings[next].text) != key { next += 1 }
            result.append(next < headings.count && headings[next].item >= 0 ? (headings[next].page, headings[next].item) : nil)
            next += 1
        }
        return result
    }

    /// Text without spaces and soft hyphens, as a heading's runs join.
    static func squeeze(_ s: String) -> String {
        String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{AD}" && $0 != "-" }
            .map(Character.init))
    }

    /// Gives each heading the contents list links to its anchor, in order.
    static func anchorHeadings(_ html: String, entries: [StandardDocumentBuilder.TOCEntry]) -> String {
        var out = html
        var searchFrom = out.startIndex
        for entry in entries {
            let tag = "<h\(entry.level)>"
            let wanted = "\(tag)\(HTMLWriter.text(entry.text))</h\(entry.level)>"
            guard let range = out.range(of: wanted, range: searchFrom..<out.endIndex) else { continue }
            let replacement = "<h\(entry.level) id=\"\(entry.anchor)\">"
            out.replaceSubrange(range.lowerBound..<out.index(range.lowerBound, offsetBy: tag.count), with: replacement)
            searchFrom = out.index(range.lowerBound, offsetBy: replacement.count)
        }
        return out
    }
}

/// A published standard: the PDF, the HTML page and what they were made from.
public struct PublishedStandard: Sendable {
    public var profile: String
    public var edition: String
    public var pdf: [UInt8]
    public var html: String
    public var document: Document
    public var pages: Pages
    /// The page of each contents entry, as printed.
    public var tocPages: [Int]
    public var overfullLines: Int

    /// `kvalitetsstandard-<profile>-<edition>`: no personal data in a standard, but a stable name.
    public var fileBaseName: String { "kvalitetsstandard-\(profile)-\(edition)" }

    /// Writes `<base>.pdf` and `<base>.html` into `directory` (mode 0600); returns the paths.
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

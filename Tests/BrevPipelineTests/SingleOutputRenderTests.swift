import BrevCore
@testable import BrevPipeline
import BrevCase
import BrevTestSupport
import Foundation
import Testing

/// `render(caseJSON:making:)`, which the service uses for a single format, refuses exactly the
/// cases `renderAll` refuses, with the same diagnostics, and gives the same bytes for what it makes.
@Suite(.serialized) struct SingleOutputRenderTests {
    static let outputSets: [LetterOutputs] = [[], .html, .messages, .all]

    /// Every example, the committed hostile inputs, generated mutations of the examples, and
    /// cases refused in the messages (a name in the label, a print address or name too long),
    /// in layout and in the messages of a letter after the first (a custody holder's).
    static func corpus() throws -> [(name: String, bytes: [UInt8])] {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Examples/cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        var inputs: [(name: String, bytes: [UInt8])] = try names.map { ($0, try TestSupport.exampleBytes($0)) }
        inputs += try HostileInputTests.fixtures()
        var generator = HostileMutations(seed: 20261201)
        inputs += try generator.generate(30, from: names.map { ($0, try TestSupport.exampleObject($0)) }).map { ($0.name, $0.bytes) }
        inputs += try messageAndLaterLetterRefusals()
        return inputs
    }

    static func messageAndLaterLetterRefusals() throws -> [(name: String, bytes: [UInt8])] {
        func mutated(_ file: String, _ name: String, _ change: (inout [String: Any]) -> Void) throws -> (name: String, bytes: [UInt8]) {
            var object = try TestSupport.exampleObject(file)
            change(&object)
            return (name, try TestSupport.json(object))
        }
        func citizen(_ o: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
            var c = o["citizen"] as! [String: Any]
            change(&c)
            o["citizen"] = c
        }
        func holder(_ o: inout [String: Any], _ i: Int, _ change: (inout [String: Any]) -> Void) {
            var holders = o["custody_holders"] as! [[String: Any]]
            change(&holders[i])
            o["custody_holders"] = holders
        }
        let long = "Vestervangsvejens Allé 1234, 3. sal th"
        let young = "bevilling-ambulant-bl33-ung-16-aar.json"
        return [
            try mutated("afslag-doegn-sel101.json", "name-in-label") { o in citizen(&o) { $0["name"] = "Afgørelse Jensen" } },
            try mutated("afslag-doegn-sel101.json", "print-address-line-too-long") { o in
                o["channel"] = "FYSISK"
                citizen(&o) { c in
                    var a = c["address"] as! [String: Any]
                    a["street"] = long
                    c["address"] = a
                }
            },
            try mutated("afslag-doegn-sel101.json", "print-name-too-long") { o in
                o["channel"] = "FYSISK"
                citizen(&o) { $0["name"] = Array(repeating: "Aaaaaaaaaa", count: 13).joined(separator: " ") }
            },
            try mutated("afslag-doegn-sel101.json", "right-to-left-name") { o in citizen(&o) { $0["name"] = "Mette \u{05D0} Hansen" } },
            try mutated(young, "custody-holder-print-address-line-too-long") { o in
                holder(&o, 1) { h in
                    var a = h["address"] as! [String: Any]
                    a["street"] = long
                    h["address"] = a
                }
            },
            try mutated(young, "custody-holder-right-to-left-name") { o in holder(&o, 1) { $0["name"] = "Henrik \u{05D0} Lindqvist" } },
            try mutated("anonym-information-sel101a.json", "anonymous-by-post") { $0["channel"] = "FYSISK" },
        ]
    }

    /// What a render came to, for comparing: the error's exit status and every diagnostic, or the first letter.
    enum Outcome: Equatable {
        case refused(exitCode: Int32, diagnostics: [Diagnostic], text: String)
        case letter(id: String, pdf: [UInt8], html: String, messages: [[UInt8]], warnings: [Diagnostic])

        init(_ render: () throws(BrevError) -> RenderedLetter) {
            do {
                let letter = try render()
                self = .letter(id: letter.letterId, pdf: letter.pdf, html: letter.html, messages: letter.messages.map(\.bytes),
                               warnings: letter.warnings)
            } catch {
                if case .invalid(let d) = error {
                    self = .refused(exitCode: error.exitCode, diagnostics: d, text: "")
                } else {
                    self = .refused(exitCode: error.exitCode, diagnostics: [], text: error.description)
                }
            }
        }

        /// The full letter with only `outputs` kept, as `render(caseJSON:making:)` leaves it.
        func keeping(_ outputs: LetterOutputs) -> Outcome {
            guard case .letter(let id, let pdf, let html, let messages, let warnings) = self else { return self }
            return .letter(id: id, pdf: pdf, html: outputs.contains(.html) ? html : "",
                           messages: outputs.contains(.messages) ? messages : [], warnings: warnings)
        }

        var summary: String {
            switch self {
            case .refused(let exit, let d, let text): return "refused (\(exit)): \(d.map { "\($0.code.rawValue) \($0.location)" }) \(text.prefix(80))"
            case .letter(let id, _, _, let m, _): return "letter \(id), \(m.count) message(s)"
            }
        }
    }

    func expectSameOutcomes(_ inputs: [(name: String, bytes: [UInt8])], pipeline: LetterPipeline) -> (letters: Int, refusals: Int) {
        var counts = (letters: 0, refusals: 0)
        for input in inputs {
            let full = Outcome { () throws(BrevError) in try pipeline.renderAll(caseJSON: input.bytes)[0] }
            if case .letter = full { counts.letters += 1 } else { counts.refusals += 1 }
            for outputs in Self.outputSets {
                let single = Outcome { () throws(BrevError) in try pipeline.render(caseJSON: input.bytes, making: outputs) }
                #expect(single == full.keeping(outputs),
                        "\(input.name) making \(outputs.rawValue): \(single.summary), rendering everything: \(full.summary)")
            }
        }
        return counts
    }

    @Test func everyCaseIsRefusedOrRenderedAsWhenEverythingIsMade() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let inputs = try Self.corpus()
        let counts = expectSameOutcomes(inputs, pipeline: pipeline)
        // The corpus holds both kinds, and refusals from the messages and from a later letter.
        #expect(counts.letters >= 30 && counts.refusals >= 30, "\(counts)")
        for name in ["name-in-label", "print-address-line-too-long", "custody-holder-print-address-line-too-long",
                     "custody-holder-right-to-left-name"] {
            let bytes = try #require(inputs.first { $0.name == name }).bytes
            #expect(throws: BrevError.self, "\(name)") { try pipeline.render(caseJSON: bytes, making: []) }
        }
    }

    /// MESSAGE_TOO_LARGE is decided on the messages' sizes with the real PDF in them, counted
    /// when they are only checked: at each message's own size as the limit the case passes, a byte
    /// under it the same message is refused with the same byte count.
    @Test func theMessageSizeLimitRefusesAtTheSameByte() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        for file in ["afslag-doegn-sel101.json", "afslag-doegn-sel101-fysisk-post.json", "bevilling-ambulant-bl33-ung-16-aar.json"] {
            let bytes = try TestSupport.exampleBytes(file)
            let sizes = try pipeline.renderAll(caseJSON: bytes).flatMap { $0.messages.map(\.bytes.count) }
            #expect(!sizes.isEmpty, "\(file)")
            var refusals = 0
            for limit in Set(sizes.flatMap { [$0, $0 - 1] }).sorted() {
                pipeline.maxMessageBytes = limit
                defer { pipeline.maxMessageBytes = nil }
                let full = Outcome { () throws(BrevError) in try pipeline.renderAll(caseJSON: bytes)[0] }
                if case .refused(_, let d, _) = full, d.contains(where: { $0.code == .messageTooLarge }) { refusals += 1 }
                for outputs in Self.outputSets {
                    let single = Outcome { () throws(BrevError) in try pipeline.render(caseJSON: bytes, making: outputs) }
                    #expect(single == full.keeping(outputs), "\(file) limit \(limit) making \(outputs.rawValue): \(single.summary), \(full.summary)")
                }
            }
            #expect(refusals > 0, "\(file)")
        }
    }

    /// `check` (brev check, the service's check and preview) renders without the HTML twin and
    /// checks the messages around a stand-in for the PDF: it finds exactly what it found when it
    /// rendered every recipient's letter with everything made (the reference below is that code),
    /// and the preview's letter is the whole render's first letter.
    @Test func checkFindsWhatTheWholeRenderFinds() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        var previews = 0
        for input in try Self.corpus() {
            let reference = referenceCheck(input.bytes, pipeline: pipeline)
            let checked = pipeline.checkAll(caseJSON: input.bytes)
            #expect(checked.diagnostics == reference.diagnostics, "\(input.name)")
            #expect(checked.failure.map(\.exitCode) == reference.failure.map(\.exitCode), "\(input.name)")
            let preview = pipeline.check(caseJSON: input.bytes, making: .html)
            #expect(preview.diagnostics == reference.diagnostics, "\(input.name)")
            let full = try? pipeline.renderAll(caseJSON: input.bytes)[0]
            #expect(preview.letter?.html == full?.html, "\(input.name)")
            #expect(preview.letter?.pdf == full?.pdf, "\(input.name)")
            if preview.letter != nil { previews += 1 }
        }
        #expect(previews >= 30, "\(previews)")
    }

    /// `checkAll` as it was before it made less: every letter with everything made.
    func referenceCheck(_ caseJSON: [UInt8], pipeline: LetterPipeline) -> (diagnostics: [Diagnostic], failure: BrevError?) {
        let diagnostics = DiagnosticCollector()
        guard let input = CaseReader.read(json: caseJSON, today: TestSupport.environment.today, diagnostics: diagnostics) else {
            return (diagnostics.diagnostics, .invalid(diagnostics.diagnostics))
        }
        CaseValidator(profiles: pipeline.profiles).validate(input, into: diagnostics)
        if !diagnostics.hasErrors, !AnonymityRule.isAnonymous(input), LetterModelBuilder.templateNames[input.letterType] == nil {
            diagnostics.error(.unsupportedLetterType, "$.letter_type",
                              "brev has no template for letter type \(input.letterType.rawValue) yet")
        }
        if diagnostics.hasErrors { return (diagnostics.diagnostics, .invalid(diagnostics.diagnostics)) }
        do {
            let letters = try pipeline.renderAll(caseJSON: caseJSON)
            var seen = Set(diagnostics.diagnostics)
            var all = diagnostics.diagnostics
            for warning in letters.flatMap(\.warnings) where seen.insert(warning).inserted { all.append(warning) }
            return (all, nil)
        } catch {
            let found: [Diagnostic]
            switch error {
            case .invalid(let d): found = d
            case .layout(let e): found = [.error(e.code, at: .unknown, "\(e)")]
            case .pdf(let e): found = [.error(.renderFailed, at: .unknown, "pdf: \(e)")]
            case .io(let message): found = [.error(.renderFailed, at: .unknown, message)]
            }
            return (diagnostics.diagnostics.filter { $0.severity == .warning } + found, error)
        }
    }
}

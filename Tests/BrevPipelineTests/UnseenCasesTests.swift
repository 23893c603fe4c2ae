import BrevCore
import BrevPipeline
import BrevTestSupport
import Foundation
import Testing

/// Cases no one here has written: combinations of the schema's values, generated from a fixed
/// seed. Each must render, or be refused with at least one error that has a stable code and a
/// location; none may crash brev or produce a letter that names the wrong appeal body.
@Suite(.serialized) struct UnseenCasesTests {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(next() % UInt64(xs.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    @Test func generatedCasesRenderOrFailWithACode() throws {
        let pipeline = try LetterPipeline(environment: TestSupport.environment)
        let examples = ["afslag-doegn-sel101.json", "bevilling-ambulant-sel101.json", "delvis-bevilling-doegn-egenbetaling.json",
                        "behandlingsplan-sel101.json", "handleplan-sel141.json", "bevilling-ambulant-bl33-ung-16-aar.json"]
        let types = ["BEVILLING", "AFSLAG", "DELVIS_BEVILLING", "AFSLAG_FORLAENGELSE", "OPHOER", "PARTSHOERING",
                     "GENVURDERING_AENDRET", "VIDERESENDT_AST", "SVARFRIST_ORIENTERING", "AKTINDSIGT", "BEHANDLINGSPLAN", "HANDLEPLAN"]
        let bases = [["SEL_101"], ["SUL_141"], ["SEL_101A"], ["BL_33"], ["SUL_142", "SEL_101"], ["SEL_141"], []]
        let treatments = ["AMBULANT", "DAG", "DOEGN", "AFGIFTNING", "SUBSTITUTION"]
        var g = Generator(state: 20261124)
        var rendered = 0
        var refused = 0
        for _ in 0..<300 {
            var o = try TestSupport.exampleObject(g.pick(examples))
            o["letter_type"] = g.pick(types)
            let basis = g.pick(bases)
            o["legal_basis"] = basis
            // Mostly the substance the basis is for (SubstanceBasisRule), sometimes any.
            o["substance_category"] = g.chance(80) ? (basis.contains("SUL_141") ? "ALKOHOL" : "STOF") : g.pick(["STOF", "ALKOHOL", "BEGGE"])
            if g.chance(50) { o["treatment_type_requested"] = g.pick(treatments) }
            if g.chance(30) { o["treatment_type_granted"] = g.pick(treatments) }
            if g.chance(20) { o["channel"] = g.pick(["DIGITAL_POST", "FYSISK", "PERSONLIG", "INGEN"]) }
            if g.chance(10) { o["anonymous"] = true }
            if g.chance(15) { o.removeValue(forKey: g.pick(Array(o.keys))) }
            do {
                let letters = try pipeline.renderAll(caseJSON: try TestSupport.json(o))
                rendered += 1
                let basis = o["legal_basis"] as? [String] ?? []
                if !basis.contains("SEL_101") && !basis.contains("BL_33") && o["letter_type"] as? String != "VIDERESENDT_AST" {
                    for letter in letters {
                        let text = DocumentPlainText.of(letter)
                        #expect(!text.contains("Ankestyrelsen"), "\(o["letter_type"] ?? "") \(basis)")
                    }
                }
            } catch let error as BrevError {
                refused += 1
                guard case .invalid(let d) = error else {
                    Issue.record("not a case error: \(error)")
                    continue
                }
                #expect(d.contains { $0.severity == .error && !$0.code.rawValue.isEmpty && $0.location != .unknown || $0.code == .unsupportedLetterType })
            }
        }
        #expect(rendered > 10 && refused > 10, "rendered \(rendered), refused \(refused)")
    }
}

/// The plain text of a rendered letter's Document, for checks on its words: the HTML's body
/// (not its style sheet and fonts), tags taken out, no-break spaces as spaces.
enum DocumentPlainText {
    static func of(_ letter: RenderedLetter) -> String {
        let body = letter.html.range(of: "<body>").map { String(letter.html[$0.upperBound...]) } ?? letter.html
        return body.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "\u{00A0}", with: " ")
    }
}

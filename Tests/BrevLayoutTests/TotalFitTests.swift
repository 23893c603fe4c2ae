@testable import BrevLayout
import BrevTestSupport
import Foundation
import Testing

/// Knuth–Plass total fit against first fit, on a long Danish paragraph.
@Suite struct TotalFitTests {
    let layout: DocumentLayout
    static let text = """
    Kommunen skal tilbyde social behandling af stofmisbrug, og behandlingen skal være iværksat senest 14 dage \
    efter henvendelsen, jf. servicelovens § 101, stk. 4. Stofmisbrugsbehandlingstilbuddet tilrettelægges ud fra \
    en konkret og individuel vurdering af den enkeltes behov, og kommunalbestyrelsen skal vælge det tilbud, der \
    bedst og mindst indgribende kan imødekomme disse behov. Døgnbehandlingsinstitutionen samarbejder med \
    rusmiddelcentret om udslusning, og borgeren kan kontakte sagsbehandleren på telefon 43 57 71 38 med \
    journalnummer 27.36.08-G01-1042-26, hvis der er spørgsmål til afgørelsen af 24. november 2026.
    """

    init() throws {
        layout = try DocumentLayout(fontsDirectory: TestSupport.repositoryRoot.appendingPathComponent("Fonts"),
                                    hyphenationDictionary: TestSupport.environment.hyphenationDictionary)
    }

    func set(_ style: ParagraphStyle, _ algorithm: ParagraphSetter.Algorithm) throws -> [SetLine] {
        try ParagraphSetter(shaper: layout.shaper, hyphenator: layout.hyphenator)
            .set([StyledText(text: Self.text, style: .regular)], style: style, algorithm: algorithm)
    }

    /// The lines' text as a reader gets it: a line broken between words ends in its space, so
    /// only the soft hyphens go.
    func rejoined(_ lines: [SetLine]) -> String {
        lines.flatMap(\.runs).map(\.text).joined().replacingOccurrences(of: "\u{AD}", with: "")
    }

    @Test func justifiedLinesFillTheMeasureAndTheTextRejoins() throws {
        let style = ParagraphStyle(size: 10, leading: 14, width: 300, justified: true)
        let lines = try set(style, .totalFit)
        #expect(lines.count > 5)
        for line in lines.dropLast() { #expect(abs(line.width - 300) < 0.05, "line width \(line.width)") }
        #expect(lines.allSatisfy { !$0.overfull })
        #expect(rejoined(lines) == Self.text)
    }

    @Test func raggedTotalFitIsEvenerThanFirstFit() throws {
        for width in [220.0, 260.0, 300.0, 340.0] {
            let style = ParagraphStyle(size: 10, leading: 14, width: width)
            func unevenness(_ lines: [SetLine]) -> Double {
                lines.dropLast().map { pow(width - $0.width, 2) }.reduce(0, +)
            }
            func hyphens(_ lines: [SetLine]) -> Int { lines.filter { $0.runs.last?.text.hasSuffix("\u{AD}") ?? false }.count }
            let total = try set(style, .totalFit)
            let first = try set(style, .firstFit)
            // Ragged total fit takes a hyphen only as a last resort (HyphenationPolicy): it is
            // evener, or it breaks fewer words.
            #expect(unevenness(total) <= unevenness(first) || hyphens(total) < hyphens(first),
                    "width \(width): \(unevenness(total)) vs \(unevenness(first)), hyphens \(hyphens(total)) vs \(hyphens(first))")
            #expect(total.allSatisfy { !$0.overfull })
            #expect(rejoined(total) == Self.text)
        }
    }

    @Test func protectedNumbersAndSectionsStayOnOneLine() throws {
        for width in stride(from: 180.0, through: 360.0, by: 20) {
            let lines = try set(ParagraphStyle(size: 10, leading: 14, width: width), .totalFit)
            let texts = lines.map { $0.runs.map(\.text).joined() }
            for protected in ["§ 101", "stk. 4", "43 57 71 38", "27.36.08-G01-1042-26", "24. november 2026"] {
                #expect(texts.contains { $0.contains(protected) }, "'\(protected)' broken at width \(width)")
            }
        }
    }
}

// How layout time grows with the length of hostile text (issue 10): one paragraph of 10k to
// 80k characters of each kind, and tables of 1k to 8k rows, each laid out once through
// DocumentLayout (line breaking, hyphenation, pagination). Doubling the input should roughly
// double the time; a quadratic step shows as ×4.
//   layout-scaling-benchmark [MAX_SECONDS]   → one line per input: kind, size, CPU seconds, pages
// A kind stops growing once one of its inputs takes longer than MAX_SECONDS (default 60).
import BrevCore
import BrevDocument
import BrevLayout
import Foundation

func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// `unit` repeated up to exactly `count` characters.
func repeated(_ unit: String, to count: Int) -> String {
    let chars = Array(unit)
    return String((0..<count).map { chars[$0 % chars.count] })
}

let limit = CommandLine.arguments.count > 1 ? Double(CommandLine.arguments[1]) ?? 60 : 60
guard let root = BrevEnvironment.locateResources() else {
    print("run from the repository: Fonts/ not found")
    exit(2)
}
let layout = try DocumentLayout(fontsDirectory: root.appendingPathComponent("Fonts"),
                                hyphenationDictionary: "/usr/share/hyphen/hyph_da_DK.dic")

let paragraphKinds: [(name: String, unit: String)] = [
    ("one word", "behandlingsgaranti"),
    ("one digit word", "27.36.08-G01-1042-26"),
    ("digit tokens", "a1 "),
    ("zero-width breaks", "\u{200B}"),
    ("narrow words", "i\u{200B}"),
    ("one-letter words", "i "),
    ("prose", "Kommunen skal efter § 101, stk. 4, tilbyde behandling inden 14 dage efter henvendelsen. "),
]
for kind in paragraphKinds {
    for size in [10_000, 20_000, 40_000, 80_000] {
        let document = Document(title: "T", blocks: [.paragraph([.text(repeated(kind.unit, to: size))])])
        let start = processCPUSeconds()
        let pages = try layout.layout(document).pages.pages.count
        let seconds = processCPUSeconds() - start
        print("\(kind.name)\t\(size) chars\t\(String(format: "%.3f", seconds)) s\t\(pages) pages")
        if seconds > limit { break }
    }
}
for rows in [1_000, 2_000, 4_000, 8_000] {
    let table = Table(header: [[[.text("Dato")], [.text("Ydelse")]]],
                      rows: (0..<rows).map { [[.text("\($0 % 28 + 1). november 2026")], [.text("Ambulant behandling")]] })
    let start = processCPUSeconds()
    let pages = try layout.layout(Document(title: "T", blocks: [.table(table)])).pages.pages.count
    let seconds = processCPUSeconds() - start
    print("table\t\(rows) rows\t\(String(format: "%.3f", seconds)) s\t\(pages) pages")
    if seconds > limit { break }
}

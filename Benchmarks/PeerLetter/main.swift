// The peer letter (../shared/bench/peers/letter.json with data/variants.json) through brev's
// layout and PDF stages: justified body, tagged and finished PDF/UA + PDF/A, written to disk.
// Same CLI and output as the peers' `batch` mode, so Benchmarks/compare-typst.sh can run both
// side by side:  peer-letter-benchmark PEERS_DIR N WARMUP OUTDIR  → one JSON line.
import BrevCore
import BrevDocument
import BrevLayout
import BrevPDF
import Foundation

func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func wallSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let args = CommandLine.arguments
guard args.count == 5, let n = Int(args[2]), let warmup = Int(args[3]) else {
    print("usage: peer-letter-benchmark PEERS_DIR N WARMUP OUTDIR")
    exit(64)
}
let peers = URL(fileURLWithPath: args[1])
let outdir = args[4]
let text = try JSONSerialization.jsonObject(with: Data(contentsOf: peers.appendingPathComponent("letter.json"))) as! [String: Any]
let variants = try JSONSerialization.jsonObject(with: Data(contentsOf: peers.appendingPathComponent("data/variants.json"))) as! [[String: String]]
guard let root = BrevEnvironment.locateResources() else {
    print("run from the repository: Fonts/ not found")
    exit(2)
}

/// `{placeholder}` filling, as the peers' common.resolve does.
func fill(_ s: String, _ fields: [String: String]) -> String {
    var out = s
    for (k, v) in fields { out = out.replacingOccurrences(of: "{\(k)}", with: v) }
    return out
}

/// The peer letter as a brev Document: the same blocks the peers' templates lay out.
@MainActor func document(_ fields: [String: String]) -> Document {
    let sender = text["sender"] as! [String: Any]
    var blocks: [Block] = []
    blocks.append(.letterhead([[.strong([.text(sender["org"] as! String)])], [.text(sender["unit"] as! String)]]
        + (sender["lines"] as! [String]).map { [.text($0)] }))
    blocks.append(.recipient([[.text(fields["navn"]!)], [.text(fields["gade"]!)], [.text("\(fields["postnr"]!) \(fields["by"]!)")]]))
    blocks.append(.caseInfo((text["meta"] as! [[String]]).map { CaseInfoField(label: $0[0], value: [.text(fill($0[1], fields))]) }))
    blocks.append(.heading(level: 1, [.text(text["heading"] as! String)]))
    blocks.append(.paragraph([.text(fill(text["salutation"] as! String, fields))]))
    blocks.append(.paragraph([.text(fill(text["intro"] as! String, fields))]))
    blocks.append(.paragraph([.strong([.text(fill(text["decision"] as! String, fields))])]))
    for section in text["sections"] as! [[String: Any]] {
        blocks.append(.heading(level: 2, [.text(section["title"] as! String)]))
        for block in section["blocks"] as! [[String: Any]] {
            if let p = block["p"] as? String { blocks.append(.paragraph([.text(fill(p, fields))])) }
            if let ul = block["ul"] as? [String] { blocks.append(.list(ordered: false, items: ul.map { [.paragraph([.text(fill($0, fields))])] })) }
        }
    }
    blocks.append(.paragraph([.text(fill(text["closing_text"] as! String, fields))]))
    blocks.append(.signature([[.text(text["closing"] as! String)]] + (text["signature"] as! [String]).map { [.text(fill($0, fields))] }))
    return Document(title: "Afgørelse fra Ishøj Kommune", blocks: blocks)
}

// Built once per process, as the peers build theirs: fonts, shaping cache, cairo faces, ICC profile.
let layout = try DocumentLayout(fontsDirectory: root.appendingPathComponent("Fonts"),
                                hyphenationDictionary: "/usr/share/hyphen/hyph_da_DK.dic", justifyBody: true)
let renderer = try PDFRenderer()
try FileManager.default.createDirectory(atPath: outdir, withIntermediateDirectories: true)

@MainActor func render(_ i: Int) throws -> [UInt8] {
    let fields = variants[i % variants.count]
    let pages = try layout.layout(document(fields)).pages
    return try renderer.render(pages, metadata: PDFMetadata(title: "Afgørelse fra Ishøj Kommune", author: "Ishøj Kommune",
                                                              date: "2026-11-24T00:00:00+01:00", identity: Array("peer-\(i)".utf8)))
}

for i in 0..<warmup { _ = try render(i) }
var sizes = 0
let t0 = wallSeconds(), c0 = processCPUSeconds()
for i in warmup..<(warmup + n) {
    let pdf = try render(i)
    try Data(pdf).write(to: URL(fileURLWithPath: "\(outdir)/\(String(format: "%04d", i)).pdf"))
    sizes += pdf.count
}
let dt = wallSeconds() - t0, cpu = processCPUSeconds() - c0
print("{\"n\": \(n), \"seconds\": \(dt), \"cpu_seconds\": \(cpu), \"letters_per_s\": \(Double(n) / dt), \"letters_per_cpu_s\": \(Double(n) / cpu), \"mean_size\": \(sizes / n)}")

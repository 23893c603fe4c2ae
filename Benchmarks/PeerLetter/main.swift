// The peer letter (../shared/bench/peers/letter.json with data/variants.json) through brev's
// whole pipeline, the work of a user's letter: a case file in (read, validated, the model
// built), the template filled (Benchmarks/PeerLetter/template/letter.xhtml: the peer letter's
// text, its variable fields from the case), laid out, a tagged PDF/UA + PDF/A, HTML, the MeMo
// message and its SF1601 body built and schema-validated, and the letter's files written as
// one set. Same CLI and output as the peers' `batch` mode, so Benchmarks/compare-typst.sh runs
// both side by side:  peer-letter-benchmark PEERS_DIR N WARMUP OUTDIR  → one JSON line, with
// each stage's share of the CPU time.
import BrevCore
import BrevPipeline
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
let variants = try JSONSerialization.jsonObject(with: Data(contentsOf: peers.appendingPathComponent("data/variants.json"))) as! [[String: String]]
guard let repository = BrevEnvironment.locateResources() else {
    print("run from the repository: LetterTemplates/ and Fonts/ not found")
    exit(2)
}

// A resource folder like the shipped one, whose only letter kind is the peer letter: brev's
// fonts, schemas, profiles, partials and logos, and the peer template as the afslag letter.
let fm = FileManager.default
let resources = URL(fileURLWithPath: outdir + ".resources")
try? fm.removeItem(at: resources)
let afslag = resources.appendingPathComponent("LetterTemplates/letters/afslag")
try fm.createDirectory(at: afslag.deletingLastPathComponent(), withIntermediateDirectories: true)
func link(_ name: String, to target: URL) throws {
    try fm.createSymbolicLink(at: resources.appendingPathComponent(name), withDestinationURL: target)
}
try link("Fonts", to: repository.appendingPathComponent("Fonts"))
try link("Schemas", to: repository.appendingPathComponent("Schemas"))
try link("LetterTemplates/profiles", to: repository.appendingPathComponent("LetterTemplates/profiles"))
try link("LetterTemplates/partials", to: repository.appendingPathComponent("LetterTemplates/partials"))
try link("LetterTemplates/logos", to: repository.appendingPathComponent("LetterTemplates/logos"))
try link("LetterTemplates/letters/afslag", to: repository.appendingPathComponent("Benchmarks/PeerLetter/template"))

let environment = BrevEnvironment(resourceRoot: resources, today: CivilDate(year: 2026, month: 11, day: 24)!)
let pipeline = try LetterPipeline(environment: environment)
let clock = StageClock()
pipeline.stageClock = clock

// Each variant becomes a case: brev's afslag example with the variant's recipient, journal
// number and caseworker (the dates stay the example's: brev formats them from the case).
let example = try JSONSerialization.jsonObject(
    with: Data(contentsOf: repository.appendingPathComponent("Examples/cases/afslag-doegn-sel101.json"))) as! [String: Any]
@MainActor func caseJSON(_ i: Int) throws -> [UInt8] {
    let v = variants[i % variants.count]
    var c = example
    var citizen = c["citizen"] as! [String: Any]
    citizen["name"] = v["navn"]!
    citizen["address"] = ["street": v["gade"]!, "postcode": v["postnr"]!, "city": v["by"]!]
    c["citizen"] = citizen
    c["case_number"] = "27.36.08-G01-\(1000 + i)-26"
    c["caseworker"] = ["name": v["sagsbehandler"]!, "title": v["titel"]!, "phone": v["telefon"]!, "email": v["email"]!]
    return Array(try JSONSerialization.data(withJSONObject: c, options: [.sortedKeys]))
}
let cases = try (0..<(warmup + n)).map(caseJSON)

try fm.createDirectory(atPath: outdir, withIntermediateDirectories: true)
var writing = 0.0
// Letters are written as `brev render` with many cases writes them: in groups of
// `RenderedLetter.lettersPerFlush`, each letter's files one set, one flush of the disk a group.
var waiting: [RenderedLetter] = []
@MainActor func write() throws {
    let start = StageClock.threadCPUSeconds()
    _ = try RenderedLetter.write(waiting, to: outdir)
    waiting.removeAll()
    writing += StageClock.threadCPUSeconds() - start
}
@MainActor func render(_ i: Int) throws -> Int {
    let letters = try pipeline.renderAll(caseJSON: cases[i])
    waiting += letters
    if waiting.count >= RenderedLetter.lettersPerFlush { try write() }
    return letters.reduce(0) { $0 + $1.pdf.count }
}

for i in 0..<warmup { _ = try render(i) }
try write()
clock.reset()
writing = 0
var sizes = 0
let t0 = wallSeconds(), c0 = processCPUSeconds()
for i in warmup..<(warmup + n) { sizes += try render(i) }
try write()
let dt = wallSeconds() - t0, cpu = processCPUSeconds() - c0

// Milliseconds per letter in each stage; "other" is the rest of the process's CPU time.
var stages = StageClock.Stage.allCases.map { ($0.rawValue, clock.seconds[$0, default: 0]) } + [("write", writing)]
stages.append(("other", cpu - stages.reduce(0) { $0 + $1.1 }))
let split = stages.map { "\"\($0.0)\": \(String(format: "%.3f", $0.1 * 1000 / Double(n)))" }.joined(separator: ", ")
print("{\"n\": \(n), \"seconds\": \(dt), \"cpu_seconds\": \(cpu), \"letters_per_s\": \(Double(n) / dt), \"letters_per_cpu_s\": \(Double(n) / cpu), \"mean_size\": \(sizes / n), \"stage_ms\": {\(split)}}")

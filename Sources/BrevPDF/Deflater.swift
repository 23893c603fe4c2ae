import CLibDeflate
import Glibc

/// A libdeflate compressor (FlateDecode: zlib format) kept for the streams of many letters.
/// libdeflate compresses a whole buffer at once, which is all the writer ever has, two to three
/// times faster than zlib for the same size. Not thread-safe: one per renderer (one per worker),
/// freed with it. The bytes depend only on the input and the level.
final class Deflater {
    private let compressor: OpaquePointer
    let level: Int32

    init(level: Int32) throws(PDFError) {
        self.level = level
        guard let compressor = libdeflate_alloc_compressor(level) else {
            throw .writing("cannot start libdeflate at level \(level)")
        }
        self.compressor = compressor
    }

    deinit { libdeflate_free_compressor(compressor) }

    /// The last inputs `deflateRecalling` compressed and what it gave for each, oldest first.
    private var recent: [(input: [UInt8], output: [UInt8])] = []
    /// How many of the streams asked for were found in `recent` (for tests and benchmarks).
    private(set) var recalled = 0
    var recentCount: Int { recent.count }
    /// The pages and object streams of some ten letters (a letter's object stream recurs when
    /// its glyph sets do, which may be a dozen letters later), at most `recentInputLimit` bytes
    /// each: a letter's page is 10–16 KB before compression, its object stream about 13 KB.
    static let recentLimit = 48
    static let recentInputLimit = 32 * 1024

    /// `deflate(input)`, or what it gave for the same bytes before if they are among the last
    /// `recentLimit` inputs: letters of one template repeat whole streams (a page that shows
    /// neither the recipient nor the case number; the object stream of a letter whose glyph sets
    /// were seen before), and comparing bytes costs a fraction of compressing them. The output
    /// depends only on the input and the level, so it is the same bytes either way.
    func deflateRecalling(_ input: [UInt8]) throws(PDFError) -> [UInt8] {
        for i in recent.indices.reversed() where Deflater.same(recent[i].input, input) {
            recalled += 1
            return recent[i].output
        }
        let output = try deflate(input)
        guard input.count <= Deflater.recentInputLimit else { return output }
        if recent.count >= Deflater.recentLimit { recent.removeFirst() }
        // Kept at its own size, not the compressor's bound.
        recent.append((input, Array(output[...])))
        return output
    }

    private static func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    func deflate(_ input: [UInt8]) throws(PDFError) -> [UInt8] {
        let bound = libdeflate_zlib_compress_bound(compressor, input.count)
        let output = input.withUnsafeBytes { inBuf in
            [UInt8](unsafeUninitializedCapacity: bound) { outBuf, count in
                count = libdeflate_zlib_compress(compressor, inBuf.baseAddress, inBuf.count, outBuf.baseAddress, outBuf.count)
            }
        }
        // The bound is libdeflate's own worst case: 0 (did not fit) cannot happen.
        guard !output.isEmpty else { throw .writing("libdeflate could not compress \(input.count) bytes") }
        return output
    }
}

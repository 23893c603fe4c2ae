import CLibDeflate

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

import CZlib

/// A zlib stream (FlateDecode) kept open and reset for each stream compressed: setting one up
/// allocates and clears a quarter of a megabyte, more work than compressing a page's content.
/// The bytes are zlib's for the level, the same as a fresh stream's (`Zlib.deflate`).
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    let level: Int32

    init(level: Int32) throws(PDFError) {
        self.level = level
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // Window bits 15 (a zlib header and Adler-32, as FlateDecode wants), memory level 8: zlib's defaults.
        let started = deflateInit2_(stream, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                    Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else {
            stream.deallocate()
            throw .writing("cannot start zlib (\(started))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func deflate(_ input: [UInt8]) throws(PDFError) -> [UInt8] {
        guard deflateReset(stream) == Z_OK else { throw .writing("cannot reset zlib") }
        let bound = Int(deflateBound(stream, uLong(input.count)))
        var status: Int32 = Z_OK
        let output = input.withUnsafeBufferPointer { inBuf in
            [UInt8](unsafeUninitializedCapacity: bound) { outBuf, count in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress)
                stream.pointee.avail_in = uInt(inBuf.count)
                stream.pointee.next_out = outBuf.baseAddress
                stream.pointee.avail_out = uInt(outBuf.count)
                status = CZlib.deflate(stream, Z_FINISH)
                count = Int(stream.pointee.total_out)
            }
        }
        guard status == Z_STREAM_END else { throw .writing("zlib error \(status)") }
        return output
    }
}

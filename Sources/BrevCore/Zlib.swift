import CZlib

/// Flate (zlib) for PDF streams and the service's zip downloads. Deflate output is
/// deterministic for the same input and level.
public enum Zlib {
    public struct Failure: Error, CustomStringConvertible {
        public var code: Int32
        public var description: String { "zlib error \(code)" }
    }

    /// A zlib stream (header and Adler-32, as PDF's FlateDecode wants) or raw deflate data (zip's method 8).
    public enum Format: Sendable {
        case zlib
        case raw
    }

    public static func inflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw Failure(code: Z_STREAM_ERROR) }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output += outBuf[0..<(outBuf.count - Int(stream.avail_out))]
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw Failure(code: status) }
        return output
    }

    public static func deflate(_ input: [UInt8], level: Int32 = 6, format: Format = .zlib) throws -> [UInt8] {
        var stream = z_stream()
        // Window bits 15, negative for raw data without header and checksum; memory level 8 (zlib's default).
        let windowBits: Int32 = format == .raw ? -15 : 15
        let started = deflateInit2_(&stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                    Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else { throw Failure(code: started) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                stream.next_in = inBuf.baseAddress
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress
                stream.avail_out = uInt(outBuf.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw Failure(code: status) }
        return Array(output[0..<Int(stream.total_out)])
    }

    /// The CRC-32 zip stores for each entry.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}

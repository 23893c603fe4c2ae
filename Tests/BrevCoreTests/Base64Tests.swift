import BrevCore
import BrevTestSupport
import Foundation
import Testing

/// `Base64` writes what Foundation's encoder writes: every length from 0 to 300 (each
/// remainder and padding) and random bytes up to a PDF's size.
@Suite struct Base64Tests {
    @Test func everyShortLengthIsFoundationsText() {
        var random = SeededGenerator(seed: 15)
        for count in 0...300 {
            let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &random) }
            #expect(Base64.encoded(bytes) == Data(bytes).base64EncodedString(), "\(count) bytes")
        }
    }

    @Test func longRandomBytesAreFoundationsText() {
        var random = SeededGenerator(seed: 1601)
        for _ in 0..<20 {
            let bytes = (0..<Int.random(in: 1...60_000, using: &random)).map { _ in UInt8.random(in: .min ... .max, using: &random) }
            #expect(Base64.encoded(bytes) == Data(bytes).base64EncodedString(), "\(bytes.count) bytes")
        }
        #expect(Base64.encoded(Array("Man".utf8)) == "TWFu" && Base64.encoded(Array("Ma".utf8)) == "TWE=" && Base64.encoded([0xFF]) == "/w==")
    }

    @Test func theCountIsTheTextsLength() {
        for count in 0...20 {
            #expect(Base64.encodedCount(count) == Base64.encoded([UInt8](repeating: 7, count: count)).utf8.count)
        }
    }
}

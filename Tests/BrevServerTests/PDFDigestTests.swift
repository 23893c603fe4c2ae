import BrevCore
@testable import BrevServer
import BrevTestSupport
import Testing

@Suite struct PDFDigestTests {
    /// The service's hash of a PDF is BrevCore's SHA-256 (itself checked against sha256sum), at
    /// every length around the block edges and for letter-sized inputs.
    @Test func isBrevCoresSHA256() {
        var generator = SeededGenerator(seed: 1601)
        for length in Array(0...200) + [4_096, 25_600, 100_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(PDFDigest.hex(bytes) == SHA256.hex(bytes), "length \(length)")
        }
    }
}

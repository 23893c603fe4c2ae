import BrevCore
import Crypto

/// The SHA-256 of a PDF the service hands out, for its audit row, as lowercase hex: the same
/// digest as BrevCore's `SHA256.hex` (tested), from swift-crypto's BoringSSL, which uses the
/// CPU's SHA instructions. The service hashes every letter it renders, and BrevCore's portable
/// hash of a 25 KB PDF cost a tenth of a request (callgrind, issue 13). BrevCore keeps its own
/// so that `brev` links no cryptography library.
enum PDFDigest {
    static func hex(_ bytes: [UInt8]) -> String {
        BrevCore.SHA256.hexString(Crypto.SHA256.hash(data: bytes))
    }
}

import BrevDocument
import Foundation

/// Where a line may end in a paragraph: ICU's line-break rules (UAX #14) for Danish, minus
/// the places brev must never break (`NoBreakRules`, in BrevDocument: the HTML twin keeps the
/// same text together).
enum BreakOpportunities {
    /// UTF-16 offsets after which a line may end, each with whether the break is mandatory.
    /// `breaker`: the worker's reused iterator; without one, one is opened for this text.
    static func find(in text: String, using breaker: LineBreaker? = nil) throws(LayoutError) -> [(offset: Int, hard: Bool)] {
        try find(in: text, utf16: Array(text.utf16), using: breaker)
    }

    /// The same, with the text's UTF-16 code units, which the paragraph setter already holds.
    static func find(in text: String, utf16: [UInt16], using breaker: LineBreaker?) throws(LayoutError) -> [(offset: Int, hard: Bool)] {
        if utf16.isEmpty { return [] }
        let iterator: LineBreaker
        if let breaker { iterator = breaker } else { iterator = try LineBreaker() }
        let (offsets, hard) = try iterator.breaks(in: utf16)
        let protected = NoBreakRules.protectedOffsets(in: text, utf16Count: utf16.count)
        var out: [(Int, Bool)] = []
        for i in offsets.indices {
            let offset = Int(offsets[i])
            // A break "at" offset separates offset-1 and offset; inside a protected range it is dropped.
            if !hard[i].boolValue && protected[offset] { continue }
            out.append((offset, hard[i] != 0))
        }
        return out
    }
}

private extension UInt8 {
    var boolValue: Bool { self != 0 }
}

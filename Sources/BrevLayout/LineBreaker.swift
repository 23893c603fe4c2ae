import CICUBreak

/// ICU's Danish line-break iterator, opened once per worker and reused for every paragraph:
/// opening one costs more than breaking a paragraph. Not thread-safe, like `DocumentLayout`.
final class LineBreaker {
    private let iterator: UnsafeMutableRawPointer

    init() throws(LayoutError) {
        var status: Int32 = 0
        guard let iterator = cicu_line_breaker_open("da", &status) else {
            throw .lineBreakingFailed("ICU error \(status)")
        }
        self.iterator = iterator
    }

    deinit { cicu_line_breaker_close(iterator) }

    /// UTF-16 offsets after which a line may end; `hard[i]` is 1 where the break is mandatory.
    func breaks(in utf16: [UInt16]) throws(LayoutError) -> (offsets: [Int32], hard: [UInt8]) {
        var offsets = [Int32](repeating: 0, count: utf16.count + 1)
        var hard = [UInt8](repeating: 0, count: utf16.count + 1)
        let n = cicu_line_breaks(iterator, utf16, Int32(utf16.count), &offsets, &hard, Int32(offsets.count))
        if n < 0 { throw .lineBreakingFailed("ICU error \(-n)") }
        return (Array(offsets.prefix(Int(n))), Array(hard.prefix(Int(n))))
    }
}

/// Content bytes written through a pointer into room made beforehand (`ScratchBytes`): no
/// capacity or uniqueness check per byte, as each `Array.append` makes. Whoever writes sees
/// to it that what is written fits in the room asked for.
struct ByteWriter {
    let start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(start: UnsafeMutablePointer<UInt8>) { self.start = start }

    @inline(__always)
    mutating func byte(_ b: UInt8) {
        start[count] = b
        count += 1
    }

    @inline(__always)
    mutating func raw(_ s: StaticString) {
        let at = start + count
        count += s.withUTF8Buffer { bytes in
            at.update(from: bytes.baseAddress!, count: bytes.count)
            return bytes.count
        }
    }

    mutating func integer(_ value: Int) { count += PDFNumber.write(value, to: start + count) }

    /// A number and a space.
    mutating func number(_ value: Double) {
        count += PDFNumber.write(value, to: start + count)
        byte(UInt8(ascii: " "))
    }

    /// `/F<n> `: a font's resource name.
    mutating func fontName(_ n: Int) {
        raw("/F")
        integer(n)
        byte(UInt8(ascii: " "))
    }

    /// As `PageContent.glyphCode`: the two bytes in a literal string, escaped where they must be.
    @inline(__always)
    mutating func glyphCode(_ id: UInt32) {
        literalByte(UInt8(truncatingIfNeeded: id >> 8))
        literalByte(UInt8(truncatingIfNeeded: id))
    }

    @inline(__always)
    private mutating func literalByte(_ b: UInt8) {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
            byte(UInt8(ascii: "\\"))
            byte(b)
        case 0x0D:
            byte(UInt8(ascii: "\\"))
            byte(UInt8(ascii: "r"))
        default:
            byte(b)
        }
    }

    /// As `PageContent.beginActualText`: 4 hex digits a unit and 33 bytes.
    mutating func beginActualText(_ utf16: ArraySlice<UInt16>) {
        raw("/Span <</ActualText <FEFF")
        @inline(__always) func digit(_ d: UInt16) -> UInt8 { UInt8(truncatingIfNeeded: d < 10 ? 0x30 + d : 0x37 + d) }
        for unit in utf16 {
            byte(digit(unit >> 12 & 15))
            byte(digit(unit >> 8 & 15))
            byte(digit(unit >> 4 & 15))
            byte(digit(unit & 15))
        }
        raw(">>> BDC\n")
    }
}

/// Room for one glyph run's content bytes, kept from run to run and grown when a run needs more.
final class ScratchBytes {
    private var pointer: UnsafeMutablePointer<UInt8>
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        pointer = .allocate(capacity: capacity)
    }

    deinit { pointer.deallocate() }

    /// A writer at the start of the room, which holds at least `room` bytes.
    func writer(room: Int) -> ByteWriter {
        if room > capacity {
            pointer.deallocate()
            capacity = max(room, 2 * capacity)
            pointer = .allocate(capacity: capacity)
        }
        return ByteWriter(start: pointer)
    }
}

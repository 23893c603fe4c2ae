import BrevPages

/// A page's content stream as it is written (ISO 32000-1 §8, §9, §14.6): operators as bytes,
/// in PDF's coordinates (origin at the bottom left; layout's run from the top left).
struct PageContent {
    private(set) var bytes: [UInt8] = []
    let height: Double
    /// Text state outlives text objects (§9.3): what is set need not be set again.
    var font = -1
    var size = -1.0
    var rise = 0.0

    init(height: Double) {
        self.height = height
        bytes.reserveCapacity(16 * 1024)
        // Text in black, in the output intent's RGB.
        raw("0 0 0 rg\n")
    }

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    /// Bytes written elsewhere (a glyph run's, `ByteWriter`), in one copy.
    mutating func append(_ written: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: written) }

    mutating func name(_ s: String) {
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: s.utf8)
        bytes.append(UInt8(ascii: " "))
    }

    /// A number and a space.
    mutating func number(_ value: Double) {
        PDFNumber.append(value, to: &bytes)
        bytes.append(UInt8(ascii: " "))
    }

    mutating func integer(_ value: Int) {
        PDFNumber.append(value, to: &bytes)
    }

    mutating func hex4(_ value: UInt32) { PageContent.appendHex4(value, to: &bytes) }

    /// A glyph's two-byte code (Identity-H) inside a literal string: the bytes as they are, half
    /// the size of hex digits, but for `(`, `)` and `\` escaped and a carriage return as `\r`
    /// (a reader would take a bare one for a line feed, §7.3.4.2).
    @inline(__always)
    mutating func glyphCode(_ id: UInt32) {
        PageContent.appendLiteralByte(UInt8(truncatingIfNeeded: id >> 8), to: &bytes)
        PageContent.appendLiteralByte(UInt8(truncatingIfNeeded: id), to: &bytes)
    }

    @inline(__always)
    static func appendLiteralByte(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
            out.append(UInt8(ascii: "\\"))
            out.append(b)
        case 0x0D:
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "r"))
        default:
            out.append(b)
        }
    }

    /// The low 16 bits of `value` as four upper-case hex digits.
    @inline(__always)
    static func appendHex4(_ value: UInt32, to out: inout [UInt8]) {
        @inline(__always) func digit(_ d: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: d < 10 ? 0x30 + d : 0x37 + d) }
        out.append(digit(value >> 12 & 15))
        out.append(digit(value >> 8 & 15))
        out.append(digit(value >> 4 & 15))
        out.append(digit(value & 15))
    }

    /// `/Tag <</MCID n>> BDC`: marked content that belongs to a structure element.
    mutating func beginMarkedContent(_ tag: String, mcid: Int) {
        name(tag)
        raw("<</MCID ")
        integer(mcid)
        raw(">> BDC\n")
    }

    /// Page furniture and decoration, outside the structure tree (ISO 32000-1 §14.8.2.2).
    mutating func beginArtifact() { raw("/Artifact BMC\n") }

    mutating func endMarkedContent() { raw("EMC\n") }

    /// `/Span <</ActualText (…)>> BDC`: the text that the glyphs until EMC stand for.
    mutating func beginActualText(_ utf16: ArraySlice<UInt16>) {
        raw("/Span <</ActualText <FEFF")
        for unit in utf16 { hex4(UInt32(unit)) }
        raw(">>> BDC\n")
    }

    mutating func color(_ c: RGBColor, stroke: Bool) {
        number(c.red)
        number(c.green)
        number(c.blue)
        if stroke { raw("RG\n") } else { raw("rg\n") }
    }

    /// A rectangle given from its top-left corner in layout's coordinates.
    mutating func rectangle(x: Double, y: Double, width: Double, height h: Double) {
        number(x)
        number(height - y - h)
        number(width)
        number(h)
        raw("re\n")
    }

    mutating func decoration(_ decoration: Decoration) {
        raw("q\n")
        switch decoration.paint {
        case .fill(let c):
            color(c, stroke: false)
            rectangle(x: decoration.x, y: decoration.y, width: decoration.width, height: decoration.height)
            raw("f\n")
        case .stroke(let c, let width):
            color(c, stroke: true)
            number(width)
            raw("w\n")
            rectangle(x: decoration.x, y: decoration.y, width: decoration.width, height: decoration.height)
            raw("S\n")
        }
        raw("Q\n")
    }

    /// A vector figure: its shapes filled in order (non-zero winding, as cairo fills), in the
    /// drawing's own units under a matrix that places, scales and flips it.
    mutating func figure(_ figure: PlacedFigure) {
        raw("q\n")
        number(figure.scale)
        raw("0 0 ")
        number(-figure.scale)
        number(figure.x)
        number(height - figure.y)
        raw("cm\n")
        for shape in figure.drawing.shapes {
            color(shape.fill, stroke: false)
            for step in shape.path {
                switch step {
                case .move(let x, let y):
                    number(x); number(y); raw("m\n")
                case .line(let x, let y):
                    number(x); number(y); raw("l\n")
                case .curve(let x1, let y1, let x2, let y2, let x, let y):
                    number(x1); number(y1); number(x2); number(y2); number(x); number(y); raw("c\n")
                case .close:
                    raw("h\n")
                }
            }
            raw("f\n")
        }
        raw("Q\n")
    }
}

import BrevPages
import CCairo

/// Pages as PNG images (cairo image surface), for visual tests: a layout regression shows up as
/// pixels that moved, compared against small golden images with a tolerance. A module of its
/// own, so that the programs that write letters do not load cairo and the libraries it pulls
/// in (X11, xcb, fontconfig, pixman…) at every start (issue 15).
public final class PageImages {
    private let fontFaces = FontFaceCache()

    public init() {}

    /// One page at `dpi`, white background, as PNG bytes.
    public func png(_ pages: Pages, page index: Int, dpi: Double) throws(PageImageError) -> [UInt8] {
        let scale = dpi / 72
        let width = Int32((pages.width * scale).rounded(.up))
        let height = Int32((pages.height * scale).rounded(.up))
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)!
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)!
        defer { cairo_destroy(cr) }
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_rgb(cr, 0, 0, 0)
        cairo_scale(cr, scale, scale)
        let faces = try pages.fonts.map { ref throws(PageImageError) in try fontFaces.cairoFace(path: ref.path) }
        for item in pages.pages[index].items {
            switch item {
            case .run(let run), .artifact(let run): RunDrawing.draw(run, cr: cr, face: faces[run.font])
            case .decoration(let decoration): DecorationDrawing.draw(decoration, cr: cr)
            case .figure(let figure): FigureDrawing.draw(figure, cr: cr)
            default: continue
            }
        }
        cairo_surface_flush(surface)
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, writePNG, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw .cairo(String(cString: cairo_status_to_string(status))) }
        return sink.bytes
    }

    /// How two PNG images differ: the share of pixels whose colour differs by more than
    /// `threshold` (0–255) in some channel, and the mean absolute difference per channel.
    /// Images of different sizes differ completely. With `block` > 1 each image is first
    /// averaged over blocks of block × block pixels, so that two rasterisers' ways of placing a
    /// glyph's edge within a pixel do not count, while text or lines that moved still do.
    public static func difference(_ a: [UInt8], _ b: [UInt8], threshold: Int = 48, block: Int = 1) -> (differingShare: Double, meanDifference: Double) {
        guard let x = decode(a), let y = decode(b) else { return (1, 255) }
        defer {
            cairo_surface_destroy(x)
            cairo_surface_destroy(y)
        }
        let w = Int(cairo_image_surface_get_width(x)), h = Int(cairo_image_surface_get_height(x))
        guard w == Int(cairo_image_surface_get_width(y)), h == Int(cairo_image_surface_get_height(y)) else { return (1, 255) }
        let sx = Int(cairo_image_surface_get_stride(x)), sy = Int(cairo_image_surface_get_stride(y))
        let px = cairo_image_surface_get_data(x)!, py = cairo_image_surface_get_data(y)!
        var differing = 0
        var total = 0
        let k = max(1, block)
        let rows = h / k, cols = w / k
        guard rows > 0, cols > 0 else { return (1, 255) }
        for row in 0..<rows {
            for col in 0..<cols {
                var pixelDiffers = false
                for channel in 0..<3 {
                    var sumX = 0, sumY = 0
                    for r in row * k..<(row + 1) * k {
                        for c in col * k..<(col + 1) * k {
                            sumX += Int(px[r * sx + c * 4 + channel])
                            sumY += Int(py[r * sy + c * 4 + channel])
                        }
                    }
                    let d = abs(sumX - sumY) / (k * k)
                    total += d
                    if d > threshold { pixelDiffers = true }
                }
                if pixelDiffers { differing += 1 }
            }
        }
        return (Double(differing) / Double(rows * cols), Double(total) / Double(rows * cols * 3))
    }

    private static func decode(_ png: [UInt8]) -> OpaquePointer? {
        let source = PNGSource(bytes: png)
        let surface = cairo_image_surface_create_from_png_stream(readPNG, Unmanaged.passUnretained(source).toOpaque())!
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            return nil
        }
        return surface
    }
}

private final class PNGSink {
    var bytes: [UInt8] = []
}

private final class PNGSource {
    let bytes: [UInt8]
    var offset = 0
    init(bytes: [UInt8]) { self.bytes = bytes }
}

private let writePNG: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> cairo_status_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}

private let readPNG: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, UInt32) -> cairo_status_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
    let source = Unmanaged<PNGSource>.fromOpaque(closure).takeUnretainedValue()
    let n = Int(length)
    guard source.offset + n <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
    for i in 0..<n { data[i] = source.bytes[source.offset + i] }
    source.offset += n
    return CAIRO_STATUS_SUCCESS
}

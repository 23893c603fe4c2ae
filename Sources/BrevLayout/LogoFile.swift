import Foundation

/// brev's own small vector format for a municipality's logo (`LetterTemplates/logos/*.logo`;
/// the format is described in that folder's README). One command a line, in drawing order:
///
///     size 42 14            the drawing's width and height, in millimetres
///     fill 1f4e79           the colour of the shapes that follow (sRGB, hex)
///     rect 0 0 14 14        x y width height
///     circle 7 7 4          centre x, centre y, radius
///     path M 0 0 L 4 0 C 5 1 6 2 7 3 Z   move, line, cubic curve, close
///
/// Everything is checked: a wrong command or number is named with its file and line.
public enum LogoFile {
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    static let maxBytes = 64 * 1024
    static let maxShapes = 500
    /// Coordinates stay on an A4 sheet.
    static let coordinates = -300.0...300.0

    public static func parse(_ text: String) throws(Problem) -> VectorDrawing {
        guard text.utf8.count <= maxBytes else { throw Problem(line: 1, message: "a logo file holds at most \(maxBytes) bytes") }
        var size: (Double, Double)?
        var fill = RGBColor(red: 0, green: 0, blue: 0)
        var shapes: [VectorDrawing.Shape] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let words = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let command = words.first else { continue }
            let args = Array(words.dropFirst())
            func numbers(_ count: Int) throws(Problem) -> [Double] {
                guard args.count == count else { throw Problem(line: line, message: "\(command) takes \(count) numbers") }
                return try args.map { (word: String) throws(Problem) -> Double in try number(word, line: line) }
            }
            switch command {
            case "size":
                let n = try numbers(2)
                guard n[0] > 0, n[1] > 0 else { throw Problem(line: line, message: "size must be positive") }
                size = (n[0], n[1])
            case "fill":
                guard args.count == 1, let color = hexColor(args[0]) else {
                    throw Problem(line: line, message: "fill takes a colour as six hex digits (1f4e79)")
                }
                fill = color
            case "rect":
                let n = try numbers(4)
                shapes.append(.init(path: [.move(x: n[0], y: n[1]), .line(x: n[0] + n[2], y: n[1]),
                                           .line(x: n[0] + n[2], y: n[1] + n[3]), .line(x: n[0], y: n[1] + n[3]), .close],
                                    fill: fill))
            case "circle":
                let n = try numbers(3)
                shapes.append(.init(path: circle(cx: n[0], cy: n[1], r: n[2]), fill: fill))
            case "path":
                shapes.append(.init(path: try path(args, line: line), fill: fill))
            default:
                throw Problem(line: line, message: "unknown command \"\(command.prefix(20))\" (size, fill, rect, circle, path)")
            }
            if shapes.count > maxShapes { throw Problem(line: line, message: "a logo holds at most \(maxShapes) shapes") }
        }
        guard let (width, height) = size else { throw Problem(line: 1, message: "the file must give its size (size WIDTH HEIGHT)") }
        guard !shapes.isEmpty else { throw Problem(line: 1, message: "the logo draws nothing") }
        return VectorDrawing(width: width, height: height, shapes: shapes)
    }

    private static func number(_ word: String, line: Int) throws(Problem) -> Double {
        guard let value = Double(word), value.isFinite, coordinates.contains(value) else {
            throw Problem(line: line, message: "\"\(word.prefix(20))\" is not a number from \(Int(coordinates.lowerBound)) to \(Int(coordinates.upperBound))")
        }
        return value
    }

    private static func hexColor(_ word: String) -> RGBColor? {
        guard word.count == 6, let value = UInt32(word, radix: 16) else { return nil }
        return RGBColor(red: Double(value >> 16 & 0xFF) / 255, green: Double(value >> 8 & 0xFF) / 255,
                        blue: Double(value & 0xFF) / 255)
    }

    private static func path(_ args: [String], line: Int) throws(Problem) -> [VectorDrawing.PathStep] {
        var steps: [VectorDrawing.PathStep] = []
        var i = 0
        func take(_ count: Int, for letter: String) throws(Problem) -> [Double] {
            guard i + count <= args.count else { throw Problem(line: line, message: "\(letter) takes \(count) numbers") }
            var out: [Double] = []
            for word in args[i..<(i + count)] { out.append(try number(word, line: line)) }
            i += count
            return out
        }
        while i < args.count {
            let letter = args[i]
            i += 1
            switch letter {
            case "M": let n = try take(2, for: letter); steps.append(.move(x: n[0], y: n[1]))
            case "L": let n = try take(2, for: letter); steps.append(.line(x: n[0], y: n[1]))
            case "C":
                let n = try take(6, for: letter)
                steps.append(.curve(x1: n[0], y1: n[1], x2: n[2], y2: n[3], x: n[4], y: n[5]))
            case "Z": steps.append(.close)
            default: throw Problem(line: line, message: "a path is made of M, L, C and Z, not \"\(letter.prefix(20))\"")
            }
        }
        guard case .move? = steps.first else { throw Problem(line: line, message: "a path starts with M") }
        return steps
    }

    /// A circle as four Bézier quarters (the usual 0.5523 control distance).
    private static func circle(cx: Double, cy: Double, r: Double) -> [VectorDrawing.PathStep] {
        let k = 0.5523 * r
        return [
            .move(x: cx + r, y: cy),
            .curve(x1: cx + r, y1: cy + k, x2: cx + k, y2: cy + r, x: cx, y: cy + r),
            .curve(x1: cx - k, y1: cy + r, x2: cx - r, y2: cy + k, x: cx - r, y: cy),
            .curve(x1: cx - r, y1: cy - k, x2: cx - k, y2: cy - r, x: cx, y: cy - r),
            .curve(x1: cx + k, y1: cy - r, x2: cx + r, y2: cy - k, x: cx + r, y: cy),
            .close,
        ]
    }
}

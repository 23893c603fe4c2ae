/// A rectangle the layout draws for the eye alone: the frame of the decision box, a rule
/// between table rows. Exporters draw it outside the structure tree (a PDF artifact).
public struct Decoration: Sendable, Hashable {
    public enum Paint: Sendable, Hashable {
        case fill(RGBColor)
        /// The outline, centred on the rectangle's edge.
        case stroke(RGBColor, width: Double)
    }

    /// Top-left corner and size, in points from the page's top-left corner.
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public var paint: Paint

    public init(x: Double, y: Double, width: Double, height: Double, paint: Paint) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.paint = paint
    }
}

/// sRGB components from 0 to 1 (the PDF's output intent is sRGB).
public struct RGBColor: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }
}

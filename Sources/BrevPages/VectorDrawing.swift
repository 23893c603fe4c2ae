/// A small vector drawing in its own units (a logo): filled paths, drawn in order.
public struct VectorDrawing: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var shapes: [Shape]

    public init(width: Double, height: Double, shapes: [Shape]) {
        self.width = width
        self.height = height
        self.shapes = shapes
    }

    public struct Shape: Sendable, Equatable {
        public var path: [PathStep]
        public var fill: RGBColor

        public init(path: [PathStep], fill: RGBColor) {
            self.path = path
            self.fill = fill
        }
    }

    public enum PathStep: Sendable, Equatable {
        case move(x: Double, y: Double)
        case line(x: Double, y: Double)
        /// A cubic Bézier curve through two control points to (x, y).
        case curve(x1: Double, y1: Double, x2: Double, y2: Double, x: Double, y: Double)
        case close
    }
}

/// A drawing placed on the page as a figure: what a screen reader says for it is `alt`.
public struct PlacedFigure: Sendable, Equatable {
    public var drawing: VectorDrawing
    /// Top-left corner on the page, and points per drawing unit.
    public var x: Double
    public var y: Double
    public var scale: Double
    public var alt: String

    public init(drawing: VectorDrawing, x: Double, y: Double, scale: Double, alt: String) {
        self.drawing = drawing
        self.x = x
        self.y = y
        self.scale = scale
        self.alt = alt
    }
}

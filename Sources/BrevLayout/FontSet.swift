import Foundation

/// The faces layout may use, loaded once per worker: the main family in four styles, and a
/// fallback family for the characters the main one lacks. A face is named by its index, which
/// is also its index in `Pages.fonts`.
final class FontSet {
    enum Style: Int, CaseIterable {
        case regular, bold, italic, boldItalic

        var isBold: Bool { self == .bold || self == .boldItalic }
    }

    let faces: [FontFace]
    let refs: [FontRef]
    /// Index of the first fallback face: regular, then bold.
    let fallbackStart: Int
    private var coverage: [Int: [UInt32: Bool]] = [:]

    /// Loads `<family>-Regular.ttf`, `-Bold`, `-Italic` and `-BoldItalic`, and the fallback
    /// `<fallback>.ttf` and `<fallback>-Bold.ttf`, from `directory`.
    init(directory: URL, family: String = "NotoSans", fallback: String = "DejaVuSans") throws(LayoutError) {
        let paths = FontSet.fileNames(family: family, fallback: fallback).map { directory.appendingPathComponent($0).path }
        var faces: [FontFace] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw .fontMissing(path: path) }
            faces.append(try FontFace(path: path))
        }
        self.faces = faces
        self.refs = faces.map { FontRef(path: $0.path, faceIndex: 0) }
        self.fallbackStart = 4
    }

    /// The files, in face order: the family's four styles, then the fallback's regular and bold.
    static func fileNames(family: String = "NotoSans", fallback: String = "DejaVuSans") -> [String] {
        ["Regular", "Bold", "Italic", "BoldItalic"].map { "\(family)-\($0).ttf" } + ["\(fallback).ttf", "\(fallback)-Bold.ttf"]
    }

    static func style(bold: Bool, italic: Bool) -> Style {
        switch (bold, italic) {
        case (false, false): return .regular
        case (true, false): return .bold
        case (false, true): return .italic
        case (true, true): return .boldItalic
        }
    }

    func face(_ style: Style) -> FontFace { faces[style.rawValue] }

    /// The faces to try for a style, in order: the main face, then the fallback of its weight.
    func candidates(_ style: Style) -> [Int] {
        [style.rawValue, fallbackStart + (style.isBold ? 1 : 0)]
    }

    func covers(_ face: Int, _ scalar: Unicode.Scalar) -> Bool {
        if let known = coverage[face]?[scalar.value] { return known }
        let has = faces[face].hasGlyph(scalar)
        coverage[face, default: [:]][scalar.value] = has
        return has
    }

    /// The first face of the style's candidates that has every scalar of `character`, or nil.
    func face(for character: Character, style: Style) -> Int? {
        candidates(style).first { face in character.unicodeScalars.allSatisfy { covers(face, $0) || $0.properties.isDefaultIgnorableCodePoint } }
    }
}

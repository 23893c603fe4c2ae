import Foundation

/// The faces of brev's font family, loaded once per worker and reused for every letter.
final class FontSet {
    enum Style: Int, CaseIterable {
        case regular, bold, italic, boldItalic
    }

    let faces: [FontFace]
    let refs: [FontRef]

    /// Loads `<family>-Regular.ttf`, `-Bold`, `-Italic` and `-BoldItalic` from `directory`.
    init(directory: URL, family: String = "NotoSans") throws(LayoutError) {
        let names = ["Regular", "Bold", "Italic", "BoldItalic"]
        var faces: [FontFace] = []
        for name in names {
            let path = directory.appendingPathComponent("\(family)-\(name).ttf").path
            guard FileManager.default.fileExists(atPath: path) else { throw .fontMissing(path: path) }
            faces.append(try FontFace(path: path))
        }
        self.faces = faces
        self.refs = faces.map { FontRef(path: $0.path, faceIndex: 0) }
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
}

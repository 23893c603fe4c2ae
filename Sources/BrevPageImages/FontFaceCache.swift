import CCairo
import CFreeType
import Foundation
import Synchronization

/// cairo font faces for the font files layout used, each on its own FT_Face: never the face
/// HarfBuzz shaped with (platform-notes.md §2: a shared face gives wrong advances).
///
/// cairo may drop its last reference to a face on any thread (when its global cache evicts a
/// scaled font); the FT_Face is then freed in cairo's destroy callback. `FT_New_Face` and
/// `FT_Done_Face` on one FT_Library must not run at once, so both take `libraryLock`.
final class FontFaceCache {
    private static let library: Mutex<FT_Library?> = {
        var lib: FT_Library?
        FT_Init_FreeType(&lib)
        return Mutex(lib)
    }()

    private var faces: [String: OpaquePointer] = [:]

    deinit {
        for face in faces.values { cairo_font_face_destroy(face) }
    }

    func cairoFace(path: String) throws(PageImageError) -> OpaquePointer {
        if let face = faces[path] { return face }
        let ftFace: FT_Face? = FontFaceCache.library.withLock { lib in
            var face: FT_Face?
            guard let lib, FT_New_Face(lib, path, 0, &face) == 0 else { return nil }
            return face
        }
        guard let ftFace else { throw PageImageError.fontUnreadable(path) }
        let cairoFace = cairo_ft_font_face_create_for_ft_face(ftFace, Int32(FT_LOAD_NO_HINTING))!
        let status = cairo_font_face_set_user_data(cairoFace, ftFaceKey, UnsafeMutableRawPointer(ftFace), releaseFTFace)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(cairoFace)
            FontFaceCache.library.withLock { _ in _ = FT_Done_Face(ftFace) }
            throw PageImageError.cairo("cannot attach the font face: \(String(cString: cairo_status_to_string(status)))")
        }
        faces[path] = cairoFace
        return cairoFace
    }

    fileprivate static func doneFace(_ face: FT_Face) {
        library.withLock { _ in _ = FT_Done_Face(face) }
    }
}

/// The user-data key needs a stable address for the life of the process.
private nonisolated(unsafe) let ftFaceKey = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)

private let releaseFTFace: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
    guard let pointer else { return }
    FontFaceCache.doneFace(pointer.assumingMemoryBound(to: FT_FaceRec_.self))
}

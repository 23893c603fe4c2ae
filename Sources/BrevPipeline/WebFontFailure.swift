import BrevCore
import BrevWebFont

extension WebFontSubsetter.Failure {
    /// A font the HTML twin cannot be made from is a broken resource, as for the PDF (exit 3).
    var brevError: BrevError {
        .invalid([.error(.fontDamaged, at: .file(path: "Fonts/\(file)", line: 1, column: nil), description)])
    }
}

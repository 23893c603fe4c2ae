/// Type sizes and spacing of brev's letters, in points. One place to change the look.
struct TextStyles {
    struct Spec {
        var size: Double
        var leading: Double
        var bold: Bool
        var spaceBefore: Double
    }

    var body = Spec(size: 10, leading: 14, bold: false, spaceBefore: 6)
    var h1 = Spec(size: 15, leading: 19, bold: true, spaceBefore: 14)
    var h2 = Spec(size: 11.5, leading: 15, bold: true, spaceBefore: 14)
    var h3 = Spec(size: 10.5, leading: 14, bold: true, spaceBefore: 10)
    var small = Spec(size: 8.5, leading: 11.5, bold: false, spaceBefore: 0)
    var returnLine = Spec(size: 7, leading: 9, bold: false, spaceBefore: 0)
    var letterheadName = Spec(size: 12, leading: 15, bold: true, spaceBefore: 0)
    var listItemSpace = 3.0
    var listIndent = 14.0
    var signatureSpace = 18.0

    func heading(_ level: Int) -> Spec {
        switch level {
        case 1: return h1
        case 2: return h2
        default: return h3
        }
    }
}

/// Type sizes and spacing of brev's letters, in points. One place to change the look.
struct TextStyles {
    struct Spec {
        var size: Double
        var leading: Double
        var bold: Bool
        var spaceBefore: Double
    }

    // A scale of clear steps (18 : 13 : 11 over a 10.5 body); what the citizen must quote or
    // copy (case number, phone) is at least 9 pt, the envelope's return line 8 pt.
    var body = Spec(size: 10.5, leading: 15, bold: false, spaceBefore: 6.5)
    var h1 = Spec(size: 18, leading: 23, bold: true, spaceBefore: 16)
    var h2 = Spec(size: 13, leading: 17, bold: true, spaceBefore: 15)
    var h3 = Spec(size: 11, leading: 15, bold: true, spaceBefore: 10)
    var small = Spec(size: 9, leading: 12.5, bold: false, spaceBefore: 0)
    var returnLine = Spec(size: 8, leading: 10, bold: false, spaceBefore: 0)
    /// The address in the window: body size, set closer, so six lines fit the window's interior.
    var address = Spec(size: 10.5, leading: 13, bold: false, spaceBefore: 0)
    var letterheadName = Spec(size: 13, leading: 17, bold: true, spaceBefore: 0)
    var listItemSpace = 3.0
    var listIndent = 14.0
    var signatureSpace = 18.0

    /// The rules between table rows: thin and grey between body rows, dark under the header.
    struct TableRule {
        /// Space between rows; the rule lies in its middle.
        var rowGap: Double
        var width: Double
        var headerWidth: Double
        var color: RGBColor
        var headerColor: RGBColor
    }
    /// Space between table rows (a repeated header's too).
    static let tableRowGap = 6.0
    var tableRule = TableRule(rowGap: TextStyles.tableRowGap, width: 0.5, headerWidth: 0.9,
                              color: RGBColor(red: 0.72, green: 0.74, blue: 0.77),
                              headerColor: RGBColor(red: 0.12, green: 0.25, blue: 0.42))

    /// The framed box that holds the decision.
    struct Box {
        /// Between the frame and the text, on every side.
        var padding: Double
        /// The thick rule along the left edge, in the frame's colour.
        var rule: Double
        var frameWidth: Double
        var frame: RGBColor
        var tint: RGBColor
    }
    // A dark blue frame (contrast 10:1 on white) on a faint blue tint that leaves black text at 19:1.
    var decisionBox = Box(padding: 9, rule: 3, frameWidth: 0.75,
                          frame: RGBColor(red: 0.12, green: 0.25, blue: 0.42),
                          tint: RGBColor(red: 0.94, green: 0.96, blue: 0.985))

    func heading(_ level: Int) -> Spec {
        switch level {
        case 1: return h1
        case 2: return h2
        default: return h3
        }
    }
}

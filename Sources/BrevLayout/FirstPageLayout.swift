import BrevDocument

/// The fixed parts of page 1: the sender's block and the case information in the right-hand
/// column, and the recipient's address in the envelope window.
struct FirstPageLayout {
    let setter: ParagraphSetter
    let styles: TextStyles
    let fonts: FontSet
    let geometry: PageGeometry
    var logo: (drawing: VectorDrawing, alt: String)? = nil

    /// The tallest and widest a logo is drawn (its units are millimetres).
    static let logoMaxHeight = 18 * PageGeometry.mm
    static let logoMaxWidth = 80 * PageGeometry.mm

    /// Items for page 1 and the y where the body may start.
    func layout(_ blocks: [Block]) throws(LayoutError) -> (items: [PageItem], bodyTop: Double) {
        var items: [PageItem] = []
        var lowest = 0.0
        var usesWindow = false
        if let logo {
            // At the head of the left column, first in reading order.
            let d = logo.drawing
            let scale = min(PageGeometry.mm, FirstPageLayout.logoMaxHeight / d.height, FirstPageLayout.logoMaxWidth / d.width)
            items.append(.figure(PlacedFigure(drawing: d, x: geometry.marginLeft, y: geometry.marginTop, scale: scale,
                                              alt: logo.alt)))
            lowest = geometry.marginTop + d.height * scale
        }
        for (index, block) in blocks.enumerated() {
            do {
                lowest = max(lowest, try layout(block, into: &items))
            } catch {
                throw error.located(.block(index, block))
            }
            if case .recipient = block { usesWindow = true }
            if case .returnAddress = block { usesWindow = true }
        }
        // A sheet handed over in person (no address) keeps no empty window zone.
        let gap = 10 * PageGeometry.mm
        return (items, usesWindow ? max(geometry.firstPageBodyTop, lowest + gap) : lowest + gap)
    }

    /// The address's first line: below the return line, which keeps its place when there is none.
    private var addressTop: Double {
        geometry.returnLineTop + styles.returnLine.leading + 1.5 * PageGeometry.mm
    }

    /// Places one block if it belongs on page 1; returns the lowest y it reaches (0 for none).
    private func layout(_ block: Block, into items: inout [PageItem]) throws(LayoutError) -> Double {
        var lowest = 0.0
        switch block {
        case .letterhead(let lines):
            var y = geometry.marginTop
            items.append(.begin(.div))
            for (i, line) in lines.enumerated() {
                let spec = i == 0 ? styles.letterheadName : styles.small
                y = try place(line, spec: spec, x: geometry.rightColumnX, top: y, width: geometry.rightColumnWidth,
                              role: .p, into: &items)
                if i == 0 { y += 2 }
            }
            items.append(.end(.div))
            lowest = max(lowest, y)
        case .returnAddress(let inlines):
            // One small line above the address, inside the window (domain.md §4.4).
            items.append(.begin(.div))
            _ = try place(inlines, spec: styles.returnLine, x: geometry.addressX, top: geometry.returnLineTop,
                          width: geometry.addressWidth, role: .p, into: &items)
            items.append(.end(.div))
        case .recipient(let lines):
            var y = addressTop
            items.append(.begin(.div))
            for line in lines {
                y = try place(line, spec: styles.address, x: geometry.addressX, top: y, width: geometry.addressWidth,
                              role: .p, into: &items)
            }
            items.append(.end(.div))
            lowest = max(lowest, y)
        case .caseInfo(let fields):
            var y = geometry.caseInfoTop
            let labelWidth = 24 * PageGeometry.mm
            items.append(.begin(.table))
            for field in fields {
                items.append(.begin(.tr))
                _ = try place([.text(field.label)], spec: styles.small, x: geometry.rightColumnX, top: y,
                              width: labelWidth, role: .th, into: &items)
                y = try place(field.value, spec: styles.small, x: geometry.rightColumnX + labelWidth, top: y,
                              width: geometry.rightColumnWidth - labelWidth, role: .td, into: &items)
                items.append(.end(.tr))
            }
            items.append(.end(.table))
            lowest = max(lowest, y)
        default:
            break
        }
        return lowest
    }

    /// Sets inline content at a fixed place, wrapped in one structure element; returns the y
    /// below it.
    private func place(_ inlines: [Inline], spec: TextStyles.Spec, x: Double, top: Double, width: Double,
                       role: StructureRole, into items: inout [PageItem]) throws(LayoutError) -> Double {
        let lines = try setter.set(InlineFlattening.flatten(inlines, bold: spec.bold),
                                   style: ParagraphStyle(size: spec.size, leading: spec.leading, width: width))
        let baseline = LineMetrics.baseline(fonts: fonts, size: spec.size, leading: spec.leading)
        var y = top
        items.append(.begin(role))
        for line in lines {
            for var run in line.runs {
                run.x += x
                run.y += y + baseline
                items.append(.run(run))
            }
            y += spec.leading
        }
        items.append(.end(role))
        return y
    }
}

/// Marks page furniture as artifacts: text objects (BT … ET) and painted paths (a frame, a
/// rule: from the first path operator's operands to the painting operator) that cairo left
/// outside any marked content are wrapped in `/Artifact BMC … EMC` (cairo 1.16 cannot tag
/// artifacts itself, platform-notes.md §3). brev draws body text only inside leaf structure
/// elements, so what stands outside is exactly the running footer and the decorations.
enum ArtifactMarker {
    /// Operators that begin a path, and those that paint (or discard) it.
    private static let pathStart: Set<[UInt8]> = Set(["m", "re"].map { Array($0.utf8) })
    private static let pathPaint: Set<[UInt8]> = Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"].map { Array($0.utf8) })

    static func markUntaggedText(in content: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(content.count + 256)
        var depth = 0
        var wrapping = false
        var wrappingPath = false
        // Where the operands of the next operator begin in `out`: just after the last operator.
        var operandsStart = 0
        var i = 0
        let n = content.count
        func isRegular(_ b: UInt8) -> Bool {
            !(b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00) && !"()<>[]{}/%".utf8.contains(b)
        }
        while i < n {
            let b = content[i]
            switch b {
            case UInt8(ascii: "("):
                // A literal string: copy it whole, minding escapes and nested parentheses.
                var level = 0
                let start = i
                repeat {
                    let c = content[i]
                    if c == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    if c == UInt8(ascii: "(") { level += 1 }
                    if c == UInt8(ascii: ")") { level -= 1 }
                    i += 1
                } while level > 0 && i < n
                out += content[start..<min(i, n)]
            case UInt8(ascii: "<") where i + 1 < n && content[i + 1] != UInt8(ascii: "<"):
                // A hex string: its digits are not operators.
                let start = i
                while i < n && content[i] != UInt8(ascii: ">") { i += 1 }
                i = min(i + 1, n)
                out += content[start..<i]
            case UInt8(ascii: "%"):
                let start = i
                while i < n && content[i] != 0x0A && content[i] != 0x0D { i += 1 }
                out += content[start..<i]
            default:
                guard isRegular(b) else {
                    out.append(b)
                    i += 1
                    continue
                }
                let start = i
                while i < n && isRegular(content[i]) { i += 1 }
                let token = content[start..<i]
                let isName = start > 0 && content[start - 1] == UInt8(ascii: "/")
                let first = token.first!
                let isOperand = isName || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
                    || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
                    || token.elementsEqual("true".utf8) || token.elementsEqual("false".utf8) || token.elementsEqual("null".utf8)
                if isOperand {
                    out += token
                    continue
                }
                defer { operandsStart = out.count }
                // Path operators are one or two bytes: longer tokens skip the set lookups.
                let short = token.count <= 2
                if short && depth == 0 && !wrapping && !wrappingPath && pathStart.contains(Array(token)) {
                    out.insert(contentsOf: Array("\n/Artifact BMC\n".utf8), at: operandsStart)
                    wrappingPath = true
                } else if short && wrappingPath && pathPaint.contains(Array(token)) {
                    out += token
                    out += Array("\nEMC".utf8)
                    wrappingPath = false
                    continue
                }
                if token.elementsEqual("BDC".utf8) || token.elementsEqual("BMC".utf8) {
                    depth += 1
                } else if token.elementsEqual("EMC".utf8) {
                    depth -= 1
                } else if token.elementsEqual("BT".utf8) && depth == 0 {
                    out += Array("/Artifact BMC\n".utf8)
                    wrapping = true
                } else if token.elementsEqual("ET".utf8) && wrapping {
                    out += token
                    out += Array("\nEMC".utf8)
                    wrapping = false
                    continue
                }
                out += token
            }
        }
        return out
    }
}

import BrevCore
import BrevLayout
import BrevPDF

/// Every way a render can fail, mapped to what the user sees and the exit status, in one place.
public enum BrevError: Error, CustomStringConvertible {
    /// The case (or a template or profile) has problems; each names where and has a code.
    case invalid([Diagnostic])
    case layout(LayoutError)
    case pdf(PDFError)
    case io(String)

    public var description: String {
        switch self {
        case .invalid(let diagnostics): return diagnostics.map(\.description).joined(separator: "\n")
        case .layout(let e): return "layout: \(e)"
        case .pdf(let e): return "pdf: \(e)"
        case .io(let message): return message
        }
    }

    /// Documented in the README: 1 the input has errors, 3 a resource (template, profile,
    /// font) is broken, 4 output could not be written.
    public var exitCode: Int32 {
        switch self {
        case .invalid(let diagnostics):
            let inputCodes: Set<String> = ["TEMPLATE_NOT_WELL_FORMED", "TEMPLATE_UNKNOWN_ELEMENT", "TEMPLATE_UNKNOWN_VALUE",
                                           "TEMPLATE_UNESCAPED", "TEMPLATE_SYNTAX", "TEMPLATE_MISSING", "PROFILE_INVALID",
                                           "FONT_DAMAGED", "FONT_MISSING", "TEMPLATE_NOT_UTF8", "TEMPLATE_PARTIAL_CYCLE", "TEMPLATE_PARTIAL_MISSING",
                                           "PROFILE_UNKNOWN_KEY", "PROFILE_OUT_OF_RANGE", "PROFILE_STATUTORY_VALUE",
                                           "PROFILE_DUPLICATE_CODE", "SCHEMAS_MISSING", "SCHEMAS_INVALID"]
            // Words of a template that break a rule of the law are the template's fault, not the case's.
            let inTemplate = diagnostics.contains {
                if $0.severity == .error, case .file(let path, _, _) = $0.location { return path.hasSuffix(".xhtml") }
                return false
            }
            return diagnostics.contains { inputCodes.contains($0.code.rawValue) } || inTemplate ? 3 : 1
        case .layout(.missingGlyph), .layout(.rightToLeft), .layout(.refusedCharacter): return 1
        case .layout, .pdf: return 3
        case .io: return 4
        }
    }
}

/// Characters layout will not set: control characters (other than tab, line feed and carriage
/// return, which are white space to the line breaker) and the bidirectional formatting
/// characters, which would reorder or hide text in a reader that honours them (a right-to-left
/// override can make "1042" read "2401"). The case reader refuses them first, with the field's
/// JSON path; this is the defence in depth behind it.
enum RefusedCharacters {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true // C0 and C1 controls, DEL
        case 0x061C, 0x200E, 0x200F: return true // Arabic letter mark, left-to-right and right-to-left marks
        case 0x202A...0x202E: return true // embeddings and overrides
        case 0x2066...0x2069: return true // isolates
        default: return false
        }
    }
}

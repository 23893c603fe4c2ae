import BrevCore

/// Finds a CPR number inside a case number (`SAG-010160-5123`, `2024/0101605123`): a case number
/// is printed in letters, file names and MeMo headers, where a CPR number must never be.
enum CaseNumberCPR {
    /// True when some run of ten digits, or six digits, a hyphen or space and four digits, not
    /// touching other digits, is a CPR number with a real birth date.
    static func containsCPR(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].properties.numericType == .decimal && scalars[i].isASCII }
        var i = 0
        while i < scalars.count {
            guard isDigit(i), !isDigit(i - 1) else { i += 1; continue }
            var end = i
            while isDigit(end) { end += 1 }
            var candidate: String?
            if end - i == 10 {
                candidate = String(String.UnicodeScalarView(scalars[i..<end]))
            } else if end - i == 6, end < scalars.count, scalars[end] == "-" || scalars[end] == " " {
                var tail = end + 1
                while isDigit(tail) { tail += 1 }
                if tail - (end + 1) == 4 {
                    candidate = String(String.UnicodeScalarView(scalars[i..<end])) + String(String.UnicodeScalarView(scalars[(end + 1)..<tail]))
                }
            }
            if let candidate, case .success = CPR.parse(candidate) { return true }
            i = end
        }
        return false
    }
}

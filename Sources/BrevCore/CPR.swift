/// A Danish CPR number (domain.md §5). Stored without the hyphen. The modulus-11 check is
/// deliberately not applied: numbers without it have been issued since 2007.
public struct CPR: Sendable, Hashable {
    public let digits: String
    public let birthDate: CivilDate

    public enum Problem: Error, Sendable, Hashable, CustomStringConvertible {
        case notTenDigits
        case noSuchDate
        case inTheFuture

        public var description: String {
            switch self {
            case .notTenDigits: return "a CPR number has 10 digits (DDMMYY-SSSS)"
            case .noSuchDate: return "the first six digits are not a real birth date in the century the 7th digit gives"
            case .inTheFuture: return "the birth date lies in the future"
            }
        }
    }

    /// Accepts `DDMMYYSSSS` or `DDMMYY-SSSS`. `today` rejects birth dates in the future.
    public static func parse(_ text: String, today: CivilDate? = nil) -> Result<CPR, Problem> {
        var s = text
        if s.count == 11, s[s.index(s.startIndex, offsetBy: 6)] == "-" {
            s.remove(at: s.index(s.startIndex, offsetBy: 6))
        }
        guard s.count == 10, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.notTenDigits) }
        let n = s.compactMap { $0.wholeNumberValue }
        let day = n[0] * 10 + n[1]
        let month = n[2] * 10 + n[3]
        let yy = n[4] * 10 + n[5]
        let year = century(seventhDigit: n[6], yy: yy) + yy
        guard let birth = CivilDate(year: year, month: month, day: day) else { return .failure(.noSuchDate) }
        if let today, birth > today { return .failure(.inTheFuture) }
        return .success(CPR(digits: s, birthDate: birth))
    }

    /// The century from the 7th digit and the two-digit year (CPR office table, domain.md §5).
    static func century(seventhDigit d: Int, yy: Int) -> Int {
        switch d {
        case 0...3: return 1900
        case 4, 9: return yy <= 36 ? 2000 : 1900
        default: // 5–8
            if yy <= 36 { return 2000 }
            return yy <= 57 ? 2000 : 1800
        }
    }

    /// Whole years of age on `date`.
    public func age(on date: CivilDate) -> Int {
        var years = date.year - birthDate.year
        if (date.month, date.day) < (birthDate.month, birthDate.day) { years -= 1 }
        return years
    }

    /// `241126-XXXX`: the only form a CPR number may take in a letter.
    public var masked: String { String(digits.prefix(6)) + "-XXXX" }
}

/// Danish amounts: `2.500 kr.`, `1.234,50 kr.` (full stop for thousands, comma for decimals).
public enum DanishNumberFormat {
    public static func kroner(_ amount: Double) -> String {
        let ore = Int((amount * 100).rounded())
        let whole = ore / 100
        let cents = ore % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = digits + grouped
        return cents == 0 ? "\(grouped) kr." : "\(grouped),\(cents < 10 ? "0" : "")\(cents) kr."
    }
}

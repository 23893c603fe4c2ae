import BrevCore

/// Own payment (SEL § 163) is for board and, when the citizen keeps no home of their own,
/// lodging during residential treatment only; outpatient and day treatment are free, and
/// alcohol treatment under SUL § 141 is free (domain.md §0, §3 "Own payment, details").
/// The letter shows the amount, what it covers and the calculation basis.
public enum OwnPaymentRule: CaseRule {
    public static let domainSection = "§0 own payment, §3 residential and own payment details, §6 egenbetaling"
    public static let codes: [DiagnosticCode] = [.missingEgenbetalingBasis, .ownPaymentNotAllowed, .missingField]

    public static func check(_ c: CaseInput, _ context: RuleContext, _ d: DiagnosticCollector) {
        guard c.isNamedCase, c.isGrant, let e = c.egenbetaling, e.applies else { return }
        if let granted = c.treatmentTypeGranted, granted != .doegn {
            d.error(.ownPaymentNotAllowed, "$.egenbetaling.applies",
                    "own payment is only for residential treatment; \(granted.danishNoun) is free (serviceloven § 163)")
        }
        if c.legalBasis.contains(.sul141), !c.legalBasis.contains(where: { $0 == .sel101 || $0 == .bl33 }) {
            d.error(.ownPaymentNotAllowed, "$.egenbetaling.applies", "alcohol treatment (sundhedsloven § 141) is free")
        }
        if e.basis == nil {
            d.error(.missingEgenbetalingBasis, "$.egenbetaling.basis", "own payment needs its calculation basis (serviceloven § 163)")
        }
        if e.amount == nil { d.error(.missingField, "$.egenbetaling.amount", "own payment needs its amount") }
        if e.covers == nil { d.error(.missingField, "$.egenbetaling.covers", "say what the own payment covers (board, lodging)") }
        if e.keepsOwnHome == true, let covers = e.covers, coversLodging(covers) {
            d.error(.ownPaymentNotAllowed, "$.egenbetaling.covers",
                    "the citizen keeps their own home: own payment may cover board, not lodging")
        }
    }

    /// Lodging (logi, husleje, bolig, ophold) named in what the payment covers.
    static func coversLodging(_ covers: String) -> Bool {
        let words = covers.lowercased()
        return ["logi", "husleje", "bolig", "værelse", "overnatning"].contains { words.contains($0) }
    }
}

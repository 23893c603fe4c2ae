/// The treatment guarantee: treatment starts at the latest this many days after the citizen
/// asked for it (SEL § 101 stk. 4, SUL §§ 141–142). The quality standard prints it as the fact
/// `{{law.guarantee_days}}`.
public enum TreatmentGuarantee {
    public static let days = 14
}

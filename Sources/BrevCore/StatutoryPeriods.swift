/// Periods set by law, not by a municipality (domain.md §1.3 and the table of §2.4). A
/// municipality profile must state exactly these; it may add to them only where the law allows.
public enum StatutoryPeriods {
    /// RSL § 66: the complaint must be received within 4 weeks of receiving the decision.
    public static let complaintWeeks = 4
    /// RSL § 67: the municipality reassesses and forwards the complaint to Ankestyrelsen within
    /// 4 weeks of receiving it.
    public static let reassessmentWeeks = 4
    /// Order 1477/2019 § 4 stk. 2: follow-up at the latest 1 and 6 months after treatment ends.
    /// A municipality may add more (Ishøj adds 3 and 12), never drop these.
    public static let followUpMonths = [1, 6]
    /// The Ministry of Justice's 2018 guidance presumes a paper letter received 6 postal days after
    /// posting; domain.md §2.2 takes the latest known rule, which favours the citizen. A profile may
    /// presume a later receipt, never an earlier one: that would move complaint deadlines earlier.
    /// ⚠ Assumption for the municipality's lawyer (domain.md §2.2 ⚠, §9 question 5): PostNord
    /// stopped delivering letters on 30 December 2025, and no presumption for dao is known yet.
    public static let minimumPaperReceiptWorkingDays = 6
}

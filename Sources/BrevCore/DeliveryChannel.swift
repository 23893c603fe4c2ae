/// How a letter reaches the citizen, as far as the law's receipt presumptions care
/// (domain.md §2.2).
public enum DeliveryChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Received the day the message is available in the mailbox.
    case digitalPost = "DIGITAL_POST"
    /// Ordinary paper post: presumed received some working days after posting.
    case paper = "FYSISK"
    /// Handed over in person: received the same day.
    case inPerson = "PERSONLIG"
}

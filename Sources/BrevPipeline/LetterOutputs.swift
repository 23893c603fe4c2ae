/// What a render makes besides the PDF, which it always makes (a letter's refusals and its
/// messages' sizes depend on it, and the service records its hash).
public struct LetterOutputs: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The HTML twin.
    public static let html = LetterOutputs(rawValue: 1 << 0)
    /// The Digital Post message or the print letter, with its SF1601 request body.
    public static let messages = LetterOutputs(rawValue: 1 << 1)
    public static let all: LetterOutputs = [.html, .messages]
}

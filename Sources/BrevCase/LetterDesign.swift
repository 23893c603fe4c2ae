/// A municipality's letter design, from its profile's `letter_design:` section: where its
/// print supplier's envelope window is, and the logo its letters carry. Everything is optional:
/// without it brev uses the DIN 680 window of C5 and C6/5 envelopes and prints no logo.
public struct LetterDesign: Sendable, Codable {
    public var envelopeWindow: EnvelopeWindow?
    public var logo: Logo?

    /// The window of the envelope the letter is folded into, measured on the A4 sheet, in whole
    /// millimetres from its top-left corner.
    public struct EnvelopeWindow: Sendable, Codable, Equatable {
        public var leftMM: Int
        public var topMM: Int
        public var widthMM: Int
        public var heightMM: Int

        public init(leftMM: Int, topMM: Int, widthMM: Int, heightMM: Int) {
            self.leftMM = leftMM
            self.topMM = topMM
            self.widthMM = widthMM
            self.heightMM = heightMM
        }

        enum CodingKeys: String, CodingKey {
            case leftMM = "left_mm"
            case topMM = "top_mm"
            case widthMM = "width_mm"
            case heightMM = "height_mm"
        }
    }

    /// A vector logo in brev's own small drawing format (`LetterTemplates/logos/*.logo`, see its
    /// README) and the words a screen reader says for it.
    public struct Logo: Sendable, Codable {
        /// A file name in `LetterTemplates/logos/`.
        public var file: String
        public var alt: String
    }

    enum CodingKeys: String, CodingKey {
        case envelopeWindow = "envelope_window"
        case logo
    }
}

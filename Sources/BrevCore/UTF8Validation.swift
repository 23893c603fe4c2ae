/// Where a resource file stops being valid UTF-8, so the error can name its line.
public enum UTF8Validation {
    /// The 1-based line of the first byte that is not valid UTF-8, or nil when all are valid.
    public static func lineOfFirstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == 0x0A { line += 1 }
            case .error:
                return line
            case .emptyInput:
                return nil
            }
        }
    }
}

import BrevCore

/// Escapes text for HTML element content and attribute values: brev's one escaping function.
enum HTML {
    static func escape(_ text: String) -> String { XMLText.escaped(text) }
}

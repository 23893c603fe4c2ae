/// JSON paths as diagnostics print them (`$.citizen.address.street`, `$.goals[0]`). A key is
/// shown only when it looks like a field name: any other key came from the case and may be
/// personal data, or hold a line break that would forge a line in `brev check`'s output.
enum JSONPath {
    static func child(_ parent: String, _ key: String) -> String {
        parent + component(key)
    }

    /// `.key`, or `.<key not shown>` for a key that is not lowercase letters, digits and `_`.
    static func component(_ key: String) -> String {
        isFieldName(key) ? ".\(key)" : ".<key not shown>"
    }

    /// Every field brev knows is lowercase snake_case (or `$schema`), at most 64 characters, with
    /// at most two digits in a row (`children_under_18_at_home`): a longer run of digits may be a
    /// CPR or phone number.
    static func isFieldName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, key.unicodeScalars.count <= 64 else { return false }
        guard ("a"..."z").contains(first) || first == "$" else { return false }
        var digitsInARow = 0
        for s in key.unicodeScalars.dropFirst() {
            digitsInARow = ("0"..."9").contains(s) ? digitsInARow + 1 : 0
            guard ("a"..."z").contains(s) || s == "_" || digitsInARow > 0, digitsInARow <= 2 else { return false }
        }
        return true
    }
}

import Mustache

/// A model's value with its kind named by the model's own code, so `MustacheFiller` decides what
/// a tag does with it by a switch instead of the dynamic casts swift-mustache makes (to
/// `MustacheSequence`, `MustacheParent`, `MustacheCustomRenderable`, …). Each of those casts
/// scans the protocol conformances of the whole executable the first time a type meets a
/// protocol: about 10 M instructions of a cold one-letter `brev render` (issue 15).
public enum MustacheValue {
    case string(String)
    case bool(Bool)
    case int(Int)
    case object(any MustacheObject)
    /// The elements, and the array they came from (what swift-mustache is handed).
    case list([MustacheValue], Any)

    public static func list(_ strings: [String]) -> MustacheValue { .list(strings.map { .string($0) }, strings) }
    public static func list<Element: MustacheObject>(_ objects: [Element]) -> MustacheValue { .list(objects.map { .object($0) }, objects) }

    /// The value as swift-mustache is handed it (`MustacheParent.child(named:)`).
    public var any: Any {
        switch self {
        case .string(let string): string
        case .bool(let bool): bool
        case .int(let int): int
        case .object(let object): object
        case .list(_, let array): array
        }
    }
}

/// A struct of the model that hands the templates its values by name, with their kinds; to
/// swift-mustache it is a `MustacheParent` giving the same values.
public protocol MustacheObject: MustacheParent {
    /// The stored property called `name`; nil for a name the type does not have, or an optional that is nil.
    func value(named name: String) -> MustacheValue?
}

extension MustacheObject {
    public func child(named name: String) -> Any? { value(named: name)?.any }
}

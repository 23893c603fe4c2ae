import BrevCase
import Hummingbird

/// The request context of brev's service: who is asking (set by `TokenMiddleware`), and the
/// largest body any route reads, the case limit.
public struct ServiceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caseworker's name once the token was accepted.
    public var caseworker: String?
    /// The page session's CSRF token (pages only).
    var csrf: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        caseworker = nil
        csrf = nil
    }

    public var maxUploadSize: Int { CaseLimits.maximumFileBytes }
}

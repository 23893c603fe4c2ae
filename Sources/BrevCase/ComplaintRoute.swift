/// Where a citizen can complain about a decision (domain.md §0, rule R0). The route follows
/// from the legal basis: it is chosen here, in one place, and never hard-coded in a template.
public enum ComplaintRoute: String, Sendable, Hashable, Codable, CaseIterable {
    /// SEL § 101 and BL § 33: to the municipality, which reassesses; then Ankestyrelsen.
    case astViaKommune = "AST_VIA_KOMMUNE"
    /// SUL § 141 (alcohol): no administrative appeal; complaints about treatment to the site.
    case noneAlcohol = "NONE_ALCOHOL"
    /// SEL § 101a (anonymous): no appeal to another administrative authority.
    case none101a = "NONE_101A"
    /// SUL § 142, the health-professional part: Styrelsen for Patientklager.
    case stpk = "STPK"

    /// The routes for a decision on these legal bases, in the order of the table. One letter can
    /// need two (substitution treatment granted with social support).
    public static func routes(for bases: [LegalBasis]) -> [ComplaintRoute] {
        var routes: [ComplaintRoute] = []
        func add(_ r: ComplaintRoute) { if !routes.contains(r) { routes.append(r) } }
        for basis in bases {
            switch basis {
            case .sel101, .bl33, .sel163: add(.astViaKommune)
            case .sul141: add(.noneAlcohol)
            case .sel101a: add(.none101a)
            case .sul142: add(.stpk)
            case .sel141: break // a handleplan is not a decision
            }
        }
        return routes
    }

    /// With more than one route, each route's guidance stands under a heading that says which
    /// part of the decision it covers (domain.md §0 rule R0; a case for both alcohol and drugs,
    /// substitution with social support). One route needs no heading.
    public static func heading(of route: ComplaintRoute, among routes: [ComplaintRoute]) -> String? {
        guard routes.count > 1 else { return nil }
        switch route {
        case .astViaKommune:
            return routes.contains(.noneAlcohol) ? "Klage over den del af afgørelsen, der gælder behandlingen for stoffer"
                                                 : "Klage over den sociale del af afgørelsen"
        case .noneAlcohol: return "Den del af afgørelsen, der gælder alkoholbehandlingen"
        case .stpk: return "Klage over den sundhedsfaglige behandling"
        case .none101a: return nil
        }
    }
}

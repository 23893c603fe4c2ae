import BrevCase
import Testing

/// domain.md §0, rule R0: the route comes from the legal basis.
@Suite struct ComplaintRouteTests {
    @Test func socialTreatmentGoesToTheMunicipalityThenAnkestyrelsen() {
        #expect(ComplaintRoute.routes(for: [.sel101]) == [.astViaKommune])
        #expect(ComplaintRoute.routes(for: [.bl33]) == [.astViaKommune])
    }

    @Test func alcoholAndAnonymousDecisionsCannotBeAppealed() {
        #expect(ComplaintRoute.routes(for: [.sul141]) == [.noneAlcohol])
        #expect(ComplaintRoute.routes(for: [.sel101a]) == [.none101a])
    }

    @Test func substitutionWithSocialSupportHasTwoRoutes() {
        #expect(ComplaintRoute.routes(for: [.sul142, .sel101]) == [.stpk, .astViaKommune])
    }
}

import BrevCore
import Testing

/// domain.md §7, case 23: CPR numbers, century from the 7th digit, no modulus-11 check.
@Suite struct CPRTests {
    let today = CivilDate(year: 2026, month: 11, day: 24)!

    func parse(_ s: String) -> Result<CPR, CPR.Problem> { CPR.parse(s, today: today) }

    @Test func aLeapDayIn2000IsValid() throws {
        let cpr = try parse("2902004123").get()
        #expect(cpr.birthDate == CivilDate(iso: "2000-02-29"))
    }

    @Test func aLeapDayIn1900IsInvalid() {
        #expect(parse("2902001123") == .failure(.noSuchDate))
    }

    @Test func aNumberFailingModulus11IsAccepted() throws {
        #expect(try parse("0101652345").get().birthDate == CivilDate(iso: "1965-01-01"))
    }

    @Test func theHyphenIsStrippedAndDigit5WithYear60MeansThe1800s() throws {
        let cpr = try parse("010160-5123").get()
        #expect(cpr.digits == "0101605123")
        #expect(cpr.birthDate == CivilDate(iso: "1860-01-01"))
    }

    @Test func digit4WithYear50MeansThe1900s() throws {
        #expect(try parse("0101504123").get().birthDate == CivilDate(iso: "1950-01-01"))
    }

    @Test func eightDigitsIsInvalid() {
        #expect(parse("24112612") == .failure(.notTenDigits))
    }

    @Test func aBirthDateInTheFutureIsInvalid() {
        #expect(parse("0112264123") == .failure(.inTheFuture))
    }

    @Test func ageAndMasking() throws {
        let cpr = try parse("2411124123").get() // born 24 Nov 2012
        #expect(cpr.age(on: today) == 14)
        #expect(cpr.age(on: CivilDate(iso: "2026-11-23")!) == 13)
        #expect(cpr.masked == "241112-XXXX")
    }
}

import BrevStore
import BrevTestSupport
import Foundation
import Testing

/// The PostgreSQL journal's claims and leases, two workers (two journals) on a real server.
@Suite(.serialized, .enabled(if: TestPostgres.binaries != nil, Comment(rawValue: TestPostgres.missingMessage)))
final class PostgresJournalTests {
    let server: TestPostgres

    init() throws { server = try TestPostgres() }

    func worker(_ url: String, lease: Double) throws -> PostgresBatchJournal {
        try PostgresBatchJournal(location: PostgresJournalLocation(url: url), leaseSeconds: lease, password: server.password)
    }

    @Test func aCaseIsOneWorkersUntilItsLeaseRunsOutThenAnothersAndTheFirstCannotSettleIt() throws {
        let url = try server.createDatabase("leases")
        let a = try worker(url, lease: 1)
        let b = try worker(url, lease: 1)
        #expect(a.workerId != b.workerId)

        #expect(try a.claimCase(line: 1, inputSHA256: "s1") == .claimed)
        #expect(try b.claimCase(line: 1, inputSHA256: "s1") == .leasedElsewhere)
        #expect(try b.claimCase(line: 1, inputSHA256: "other") == .otherInput)
        #expect(try b.casesLeasedElsewhere() == 1)
        try a.startCase(line: 1, inputSHA256: "s1", caseNumber: "27.36.08-G01-1-26")
        try a.completeCase(line: 1, sameAsLine: nil)
        #expect(try b.claimCase(line: 1, inputSHA256: "s1") == .settled)
        #expect(try b.casesLeasedElsewhere() == 0)

        // A renews its lease on line 2 and keeps it; then stops renewing (as if dead) and loses it.
        #expect(try a.claimCase(line: 2, inputSHA256: "s2") == .claimed)
        try a.startCase(line: 2, inputSHA256: "s2", caseNumber: nil)
        try a.recordRendered(LetterEntry(letterId: "L2", line: 2, messageUUID: "u2", templateVersion: "t", fontVersion: "f",
                                         pdfSHA256: "p", renderMilliseconds: 1))
        Thread.sleep(forTimeInterval: 0.6)
        try a.renewLeases()
        Thread.sleep(forTimeInterval: 0.6)
        #expect(try b.claimExpiredCases(limit: 10).isEmpty, "a renewed lease is still running")
        Thread.sleep(forTimeInterval: 1.0)
        #expect(try b.claimExpiredCases(limit: 10) == [2: "s2"])
        #expect(try a.claimCase(line: 2, inputSHA256: "s2") == .leasedElsewhere)

        // B sends the letter; A, waking up, can neither mark it failed nor settle the case.
        try b.recordSent(letterId: "L2", dispatchedAt: Date(timeIntervalSince1970: 1_800_000_000), sendMilliseconds: 5)
        try a.recordSendFailed(letterId: "L2", reason: "timeout")
        #expect(try b.letterState(letterId: "L2") == .sent)
        #expect(try b.sentLetter(letterId: "L2")?.dispatchedAt == Date(timeIntervalSince1970: 1_800_000_000))
        try a.failCase(line: 2, reason: "not sent")
        #expect(try b.summary().count(CaseState.failed) == 0)
        try b.completeCase(line: 2, sameAsLine: nil)
        #expect(try a.summary().count(CaseState.done) == 2)
        #expect(try a.settledCases() == [1: "s1", 2: "s2"])
    }

    @Test func aStoppedWorkerReleasesItsCasesAndRetryQueuesFailedOnes() throws {
        let url = try server.createDatabase("release")
        let a = try worker(url, lease: 60)
        let b = try worker(url, lease: 60)
        #expect(try a.claimCase(line: 1, inputSHA256: "s1") == .claimed)
        #expect(try a.claimCase(line: 2, inputSHA256: "s2") == .claimed)
        try a.startCase(line: 1, inputSHA256: "s1", caseNumber: "27.36.08-G01-1-26")
        try a.refuseCase(line: 1, problems: [CaseProblem(code: "MISSING_BEGRUNDELSE", path: "$.begrundelse.facts")])
        try a.releaseLeases()
        #expect(try b.claimExpiredCases(limit: 10) == [2: "s2"])
        try b.startCase(line: 2, inputSHA256: "s2", caseNumber: nil)
        try b.failCase(line: 2, reason: "PDF failed")
        #expect(try b.refusedCases() == [RefusedCase(line: 1, caseNumber: "27.36.08-G01-1-26",
                                                     problems: [CaseProblem(code: "MISSING_BEGRUNDELSE", path: "$.begrundelse.facts")])])
        #expect(try b.failedCases() == [FailedCase(line: 2, caseNumber: nil, reason: "PDF failed")])
        #expect(try a.requeueFailed() == 1)
        #expect(try a.claimExpiredCases(limit: 10) == [2: "s2"], "a queued-again case belongs to no one")
    }

    @Test func blocksAreClaimedInOneGoAndSettledOnlyUnderTheirLease() throws {
        let url = try server.createDatabase("blocks")
        let a = try worker(url, lease: 1)
        let b = try worker(url, lease: 60)
        #expect(try a.claimCases([1: "s1", 2: "s2", 3: "s3"]) == [1: .claimed, 2: .claimed, 3: .claimed])
        #expect(try b.claimCases([2: "s2", 3: "other", 4: "s4"]) == [2: .leasedElsewhere, 3: .otherInput, 4: .claimed])
        #expect(try a.claimCases([1: "s1"]) == [1: .claimed], "a worker's own claim renews it")
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try a.settle([JournalBlockTests.done(1, letters: [JournalBlockTests.letter("L1", line: 1, sent: true, at: at)]),
                      CaseSettlement(line: 2, inputSHA256: "s2", caseNumber: nil,
                                     outcome: .refused([CaseProblem(code: "MALFORMED_JSON", path: "-")]))])
        #expect(try b.claimCases([1: "s1", 2: "s2"]) == [1: .settled, 2: .settled])
        #expect(try b.sentLetter(letterId: "L1")?.dispatchedAt == at)
        #expect(try b.refusedCases().map(\.line) == [2])
        #expect(try b.summary().count(CaseState.done) == 1)

        // A dies holding line 3: once its lease runs out, B's block claim takes it over, and A, waking
        // up, cannot settle it; its letter's confirmed send is recorded all the same (a fact), and a
        // failure never overwrites it.
        Thread.sleep(forTimeInterval: 1.3)
        #expect(try b.claimCases([3: "s3"]) == [3: .claimed])
        try a.settle([JournalBlockTests.done(3, letters: [JournalBlockTests.letter("L3", line: 3, sent: true, at: at)])])
        #expect(try b.summary().count(CaseState.done) == 1)
        #expect(try b.letterState(letterId: "L3") == .sent)
        try b.settle([CaseSettlement(line: 3, inputSHA256: "s3", caseNumber: nil, outcome: .failed(reason: "x"),
                                     letters: [JournalBlockTests.letter("L3", line: 3, sent: false)]),
                      JournalBlockTests.done(4, letters: [])])
        #expect(try b.letterState(letterId: "L3") == .sent)
        #expect(try b.failedCases().map(\.line) == [3])
        #expect(try b.settledCases() == [1: "s1", 2: "s2", 3: "s3", 4: "s4"])
        #expect(try b.settledCases(lines: 3...9) == [3: "s3", 4: "s4"])
    }

    @Test func aWrongPasswordIsRefusedWithoutShowingIt() throws {
        let url = try server.createDatabase("password")
        let error = #expect(throws: JournalError.self) {
            _ = try PostgresBatchJournal(location: PostgresJournalLocation(url: url), password: "not-the-password")
        }
        let text = error?.description ?? ""
        #expect(text.contains("cannot connect to the journal postgres://brev@127.0.0.1"), "\(text)")
        #expect(!text.contains("not-the-password"))
    }
}

/// Reading `--journal` URLs and the password file, without a server.
struct PostgresJournalLocationTests {
    @Test func aURLWithAPasswordIsRefusedAndTheMessageDoesNotRepeatIt() {
        let error = #expect(throws: JournalError.self) {
            _ = try PostgresJournalLocation(url: "postgres://brev:s3cret@db.example:5433/batch")
        }
        #expect(error?.description.contains("PGPASSWORD") == true)
        #expect(error?.description.contains("s3cret") == false)
    }

    @Test func theURLGivesHostPortDatabaseAndTLSMode() throws {
        let location = try PostgresJournalLocation(url: "postgresql://worker@db.example:5433/batch2026?sslmode=require")
        #expect(location.description == "postgres://worker@db.example:5433/batch2026")
        #expect(location.sslMode == .require)
        #expect(PostgresJournalLocation.isPostgres("postgres://x@h/d"))
        #expect(!PostgresJournalLocation.isPostgres("outbox/journal.sqlite"))
        #expect(throws: JournalError.self) { try PostgresJournalLocation(url: "postgres://worker@db.example:5433/") }
        #expect(throws: JournalError.self) { try PostgresJournalLocation(url: "postgres://worker@db.example/b?sslmode=maybe") }
    }

    @Test func thePasswordComesFromPGPASSWORDOrAPrivatePasswordFile() throws {
        let location = try PostgresJournalLocation(url: "postgres://worker@db.example:5433/batch")
        #expect(location.password(environment: ["PGPASSWORD": "from-env"]) == "from-env")
        let file = try TestSupport.temporaryDirectory().appendingPathComponent("pgpass").path
        try Data("# comment\nother:5433:batch:worker:no\ndb.example:5433:*:worker:pa\\:ss\n".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        #expect(location.password(environment: ["PGPASSFILE": file]) == "pa:ss")
        // Others may read it: ignored, as libpq does.
        chmod(file, 0o644)
        #expect(location.password(environment: ["PGPASSFILE": file]) == nil)
    }
}

@testable import BrevServer
import BrevTestSupport
import Testing

@Suite struct ServerSettingsTests {
    func settings(_ host: String, proxy: Bool = false) -> ServerSettings {
        ServerSettings(host: host, databasePath: "/nonexistent", environment: TestSupport.environment, behindTLSProxy: proxy)
    }

    @Test func loopbackByDefaultAndElsewhereOnlyBehindATLSProxy() {
        #expect(ServerSettings.defaultHost == "127.0.0.1" && ServerSettings.defaultPort == 8080)
        for host in ["127.0.0.1", "localhost", "::1"] { #expect(settings(host).bindingProblem == nil) }
        for host in ["0.0.0.0", "192.0.2.7", "::"] {
            #expect(settings(host).bindingProblem != nil)
            #expect(settings(host, proxy: true).bindingProblem == nil)
        }
    }

    @Test func brevServeRefusesAnotherHostWithoutTheProxyFlagBeforeItListens() throws {
        let folder = try TestSupport.temporaryDirectory()
        let database = folder.appendingPathComponent("brev.sqlite").path
        let refused = try TestSupport.run(try TestSupport.brevBinary, ["serve", "--host", "0.0.0.0", "--port", "0", "--database", database])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("refusing to listen on 0.0.0.0 without TLS"), "\(refused.stderr)")
        let badTimeout = try TestSupport.run(try TestSupport.brevBinary, ["serve", "--request-timeout", "0", "--database", database])
        #expect(badTimeout.status == 64)
        #expect(badTimeout.stderr.contains("--request-timeout"))
    }

    @Test func theDefaultDatabaseFollowsTheEnvironment() {
        #expect(ServerSettings.defaultDatabasePath(environment: ["BREV_DATABASE": "/x/b.sqlite"]) == "/x/b.sqlite")
        #expect(ServerSettings.defaultDatabasePath(environment: ["XDG_DATA_HOME": "/d"]) == "/d/brev/brev.sqlite")
    }

    @Test func tokensAreLongRandomAndFoundOnlyByThemselves() async throws {
        let folder = try TestSupport.temporaryDirectory()
        let db = try ServerDatabase(path: folder.appendingPathComponent("t.sqlite").path)
        let a = try CaseworkerTokens.add(name: "ab", to: db)
        let b = try CaseworkerTokens.add(name: "cd", to: db)
        #expect(a != b && a.count == 69)
        #expect(try CaseworkerTokens.caseworker(forToken: a, in: db) == "ab")
        #expect(try CaseworkerTokens.caseworker(forToken: String(a.dropLast()) + "x", in: db) == nil)
        #expect(throws: CaseworkerTokens.AddError.self) { try CaseworkerTokens.add(name: "ab", to: db) }
        #expect(throws: CaseworkerTokens.AddError.self) { try CaseworkerTokens.add(name: "a\u{202E}b", to: db) }
        #expect(throws: CaseworkerTokens.AddError.self) { try CaseworkerTokens.add(name: "", to: db) }
    }
}

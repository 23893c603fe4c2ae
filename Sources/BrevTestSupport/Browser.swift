import Foundation

/// The browser checks (`Tests/Browser/`): Debian's chromium driven by selenium through
/// chromium-driver, with axe-core from PyPI's axe-playwright-python (scripts/setup.sh installs all).
extension TestSupport {
    /// Whether chromium, its driver, selenium and axe-core are here; tests that need them are
    /// skipped with this reason otherwise.
    public static let browserAvailable: Bool = {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && ((try? run("python3", ["-c", "import selenium, axe_playwright_python"]).status) == 0)
    }()

    public static let browserMissing = "needs chromium, chromium-driver, selenium and axe-playwright-python (scripts/setup.sh)"

    /// Runs one of the scripts in `Tests/Browser/`.
    public static func browserScript(_ name: String, _ arguments: [String]) throws -> ProcessResult {
        try run("python3", [repositoryRoot.appendingPathComponent("Tests/Browser/\(name)").path] + arguments)
    }

    /// axe-core's WCAG 2.0–2.2 A and AA rules on HTML files: exit status 0 when there is no violation;
    /// the output names each violation's page, rule and CSS target.
    public static func axe(files: [String]) throws -> ProcessResult {
        try browserScript("axe_check.py", ["files"] + files)
    }
}

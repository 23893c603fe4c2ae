import BrevCommandLine
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands `brev batch|serve|users …` to `brev-service` in the folder of the running `brev`: brev
/// replaces itself with it (execv), so the process id, arguments, environment, standard streams,
/// signals and exit status are those of the command the user typed.
enum ServiceLauncher {
    /// A service command, or help on one (`brev help serve`).
    static func isServiceCommand(_ arguments: [String]) -> Bool {
        guard let first = arguments.first else { return false }
        if ServiceCommands.names.contains(first) { return true }
        return first == "help" && arguments.count > 1 && ServiceCommands.names.contains(arguments[1])
    }

    /// Runs `brev-service` with `arguments` (those after the program name) in this process;
    /// returns only by exiting with status 3 when it is missing or cannot be started.
    static func exec(_ arguments: [String]) -> Never {
        let service = executableFolder() + "/" + ServiceCommands.executableName
        var argv: [UnsafeMutablePointer<CChar>?] = ([service] + arguments).map { strdup($0) }
        argv.append(nil)
        execv(service, argv)
        let problem = errno == ENOENT ? "it is missing" : String(cString: strerror(errno))
        printError("brev: \(arguments[0]) runs in \(ServiceCommands.executableName), beside brev: cannot start \(service): \(problem) "
                   + "(build it as brev is built: swift build --product \(ServiceCommands.executableName))")
        exit(3)
    }

    /// The folder of the running executable, symbolic links resolved (so a `brev` linked into
    /// ~/bin finds `brev-service` beside the real file).
    static func executableFolder() -> String {
        var path: String?
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
        if count > 0 {
            buffer[count] = 0
            path = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
        #endif
        let executable = path ?? Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
        let folder = (executable as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}

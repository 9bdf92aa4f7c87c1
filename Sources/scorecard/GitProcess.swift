#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `git` and collects what it prints, with posix_spawn rather than Foundation, so the
/// command line keeps its start-up time.
enum GitProcess {
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        var succeeded: Bool { status == 0 }
        /// git's own message, for the hint of an error.
        var message: String {
            String(decoding: stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        }
    }

    /// Nil when git could not be started at all (not installed, not on PATH).
    static func run(_ arguments: [String]) -> Output? {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { return nil }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return nil
        }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        let argv: [UnsafeMutablePointer<CChar>?] = (["git"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { return nil }
        // Both pipes are drained together: git blocks on a full pipe, so reading one to its end
        // before the other could wait forever on a large message.
        let (stdout, stderr) = drain(outPipe[0], errPipe[0])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7f == 0
        // 127: the shell convention for "could not run"; posix_spawnp reports it this way on some systems.
        if exited && (status >> 8) & 0xff == 127 { return nil }
        return Output(status: exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), stdout: stdout, stderr: stderr)
    }

    /// Everything written to either descriptor, read as it comes until both are closed.
    private static func drain(_ first: Int32, _ second: Int32) -> ([UInt8], [UInt8]) {
        var collected: [[UInt8]] = [[], []]
        var open = [true, true]
        let descriptors = [first, second]
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open.contains(true) {
            var polled = descriptors.indices.map { index in
                pollfd(fd: open[index] ? descriptors[index] : -1, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&polled, nfds_t(polled.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for index in descriptors.indices where open[index] && polled[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptors[index], $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    open[index] = false
                } else {
                    collected[index] += buffer[..<count]
                }
            }
        }
        return (collected[0], collected[1])
    }
}

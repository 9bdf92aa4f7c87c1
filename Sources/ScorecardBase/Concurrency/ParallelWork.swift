#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Independent pieces of work done at once, one thread each, the first on the calling thread.
///
/// `body` must only touch what its own index owns (its own part of a file, its own sink) and
/// read what nobody writes meanwhile: the threads are joined before `map` returns, and that is
/// the only synchronisation there is.
public enum ParallelWork {
    /// The number of processors online, at least 1.
    public static var processorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// `body(0)`, …, `body(count - 1)`, run at once, results in index order. Falls back to
    /// running one after another when a thread cannot be started.
    public static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        return withoutActuallyEscaping(body) { escapable in
            let job = Job(count: count, body: escapable)
            var threads: [pthread_t?] = []
            for index in 1..<count {
                let context = Unmanaged.passRetained(Slot(job: job, index: index)).toOpaque()
                var thread = pthread_t()
                if pthread_create(&thread, nil, runSlot, context) == 0 {
                    threads.append(thread)
                } else {
                    Unmanaged<Slot<T>>.fromOpaque(context).release()
                    job.run(index)
                    threads.append(nil)
                }
            }
            job.run(0)
            for case let thread? in threads { pthread_join(thread, nil) }
            return job.collect()
        }
    }

    /// What every thread shares: the work and a place for each result.
    private final class Job<T>: @unchecked Sendable {
        let body: (Int) -> T
        /// One place per index, each written by one thread only and read after all are joined.
        private let results: UnsafeMutablePointer<T?>
        private let count: Int

        init(count: Int, body: @escaping (Int) -> T) {
            self.body = body
            self.count = count
            self.results = .allocate(capacity: count)
            results.initialize(repeating: nil, count: count)
        }

        deinit {
            results.deinitialize(count: count)
            results.deallocate()
        }

        func run(_ index: Int) {
            results[index] = body(index)
        }

        func collect() -> [T] {
            (0..<count).compactMap { results[$0] }
        }
    }

    private final class Slot<T>: SlotRunning {
        let job: Job<T>
        let index: Int
        init(job: Job<T>, index: Int) {
            self.job = job
            self.index = index
        }
        func run() { job.run(index) }
    }
}

private protocol SlotRunning: AnyObject {
    func run()
}

#if canImport(Darwin)
private func runSlot(_ context: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? {
    let slot = Unmanaged<AnyObject>.fromOpaque(context).takeRetainedValue()
    (slot as? SlotRunning)?.run()
    return nil
}
#else
private func runSlot(_ context: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let context else { return nil }
    let slot = Unmanaged<AnyObject>.fromOpaque(context).takeRetainedValue()
    (slot as? SlotRunning)?.run()
    return nil
}
#endif

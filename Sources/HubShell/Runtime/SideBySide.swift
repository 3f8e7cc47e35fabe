import Foundation
import Synchronization

/// Runs independent blocking calls side by side on threads of their own, for listings that ask
/// the engine one question per hub: on a cluster each question is a round trip, and one that
/// waits for a server that is down should not make the others wait behind it.
enum SideBySide {
    /// `transform` of each of `items`, in order, computed on up to `width` threads at a time.
    /// One item, or a width of 1, runs on the calling thread.
    static func map<Item: Sendable, Value: Sendable>(
        _ items: [Item], width: Int = 8, _ transform: @escaping @Sendable (Item) -> Value
    ) -> [Value] {
        let threads = min(width, items.count)
        guard threads > 1 else { return items.map(transform) }
        let next = Atomic<Int>(0)
        let values = Mutex<[Value?]>(Array(repeating: nil, count: items.count))
        let finished = DispatchGroup()
        for _ in 0..<threads {
            finished.enter()
            Thread.detachNewThread {
                defer { finished.leave() }
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < items.count else { return }
                    let value = transform(items[index])
                    values.withLock { $0[index] = value }
                }
            }
        }
        finished.wait()
        return values.withLock { $0.map { $0! } }
    }
}

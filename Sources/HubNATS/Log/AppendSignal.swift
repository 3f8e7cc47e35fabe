import Foundation
import HubCore

/// Counts appends seen by this process and wakes whoever waits for the next one.
///
/// Local appends count as soon as they are acknowledged. Once some thread waits, a core NATS
/// subscription on every event subject of the namespace counts appends of other processes
/// too (its handler runs on a libnats thread); it is made only then, because it receives a
/// copy of every event published in the namespace.
final class NATSAppendSignal: @unchecked Sendable {
    private let condition = NSCondition()
    /// Read and written only while holding `condition`.
    private var count: UInt64 = 0
    private var messages: UInt64 = 0
    private var subscription: CallbackSubscription?
    private var stopped = false

    var current: UInt64 { condition.withLock { count } }
    var acknowledgedMessages: UInt64 { condition.withLock { messages } }

    func noteLocalAppend(messages acknowledged: UInt64) {
        condition.withLock {
            count &+= 1
            messages &+= acknowledged
            condition.broadcast()
        }
    }

    private func noteRemoteMessage() {
        condition.withLock {
            count &+= 1
            condition.broadcast()
        }
    }

    /// Starts the subscription on `subject` once; a failure leaves waiting to its timeout.
    func listen(_ connection: NATSConnection, subject: String) {
        condition.withLock {
            guard subscription == nil, !stopped else { return }
            subscription = try? CallbackSubscription(connection, subject: subject) {
                [weak self] _ in self?.noteRemoteMessage()
            }
        }
    }

    func wait(after seen: UInt64, timeoutNanos: UInt64) -> UInt64 {
        let deadline = Date(timeIntervalSinceNow: Double(timeoutNanos) / 1e9)
        return condition.withLock {
            while count == seen && condition.wait(until: deadline) {}
            return count
        }
    }

    func stop() {
        let ending: CallbackSubscription? = condition.withLock {
            stopped = true
            defer { subscription = nil }
            return subscription
        }
        ending?.cancel()
    }
}

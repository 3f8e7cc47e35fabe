import CSupport

/// A 32-bit word one thread sets and other threads of this process sleep on until it changes.
///
/// A thin wrapper over a Linux futex (`hubsh_word_wait`, `hubsh_word_wake`): a sleeper costs
/// nothing until the word is set, and setting it wakes only the threads sleeping on this word,
/// unlike a condition variable shared by many waiters, whose broadcast wakes them all and
/// makes them queue for its mutex. Loads acquire and stores release, so what a thread wrote
/// before `set` is visible to a thread that sees the new value.
final class WaitWord: @unchecked Sendable {
    private let word: UnsafeMutablePointer<UInt32>

    init(_ value: UInt32 = 0) {
        word = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
        word.initialize(to: value)
    }

    deinit {
        word.deallocate()
    }

    var value: UInt32 { hubsh_word_load(word) }

    /// Stores `value` without waking anyone: for a word that sleepers read after another
    /// word wakes them.
    func store(_ value: UInt32) {
        hubsh_word_store(word, value)
    }

    /// Stores `value`, then wakes every thread sleeping on the word.
    func set(_ value: UInt32) {
        hubsh_word_store(word, value)
        hubsh_word_wake(word, Int32.max)
    }

    /// Adds one to the word, then wakes every thread sleeping on it.
    func bump() {
        _ = hubsh_word_increment(word)
        hubsh_word_wake(word, Int32.max)
    }

    /// Sets `bits` in the word, then wakes every thread sleeping on it.
    func setBits(_ bits: UInt32) {
        _ = hubsh_word_or(word, bits)
        hubsh_word_wake(word, Int32.max)
    }

    /// Sleeps until the word no longer holds `value`, and returns what it holds then.
    @discardableResult
    func wait(whileEqualTo value: UInt32) -> UInt32 {
        while true {
            let current = hubsh_word_load(word)
            guard current == value else { return current }
            _ = hubsh_word_wait(word, value, -1)
        }
    }

    /// Sleeps while the word holds `value`, for `nanos` at most; may return early (a spurious
    /// wake-up), so callers check what they wait for again.
    func wait(whileEqualTo value: UInt32, nanos: UInt64) {
        guard hubsh_word_load(word) == value else { return }
        _ = hubsh_word_wait(word, value, Int64(min(nanos, UInt64(Int64.max))))
    }
}

import Glibc
import Synchronization

/// Keeps the pages of the memory map that this process has touched from piling up in its
/// resident memory.
///
/// Reading through LMDB's map makes every page read resident in this process, and they stay
/// counted (as file-backed memory, `RssFile`) until the map is dropped: scanning or tailing a
/// hub of 10 million events would leave the whole file resident, more than a gigabyte.
/// Pages hold no data of their own: the map is read-only and shared (LMDB writes through
/// `pwrite` unless `MDB_WRITEMAP`, which hubsh does not use), so the kernel may take them back
/// at any time and a later read maps them in again from the page cache. `MappedPages`
/// therefore tells the kernel to drop them (`madvise` with `MADV_DONTNEED`) after every
/// `budget` bytes that reads and writes went through.
///
/// LMDB does not tell where its map is (`mdb_env_info` reports an address only for
/// `MDB_FIXEDMAP`), so the mapping of the data file is looked up in `/proc/self/maps` at each
/// release; it moves whenever the map grows.
///
/// Thread-safe: any thread notes its bytes; the thread that crosses the budget releases.
final class MappedPages: Sendable {
    /// How many bytes of reads and writes go by between two releases.
    static let budget = 4 * 1_048_576

    /// The data file whose mapping is released.
    private let dataFile: String
    private let sinceRelease = Atomic<Int>(0)

    init(directory: String) {
        dataFile = directory + "/data.mdb"
    }

    /// Counts `bytes` read or written through the map; past the budget, drops the map's
    /// resident pages. The caller holds the environment's gate, so the map cannot move.
    func note(_ bytes: Int) {
        let total = sinceRelease.add(bytes, ordering: .relaxed).newValue
        guard total >= MappedPages.budget else { return }
        guard sinceRelease.compareExchange(
            expected: total, desired: 0, ordering: .relaxed).exchanged
        else { return }
        release()
    }

    /// `madvise` with `MADV_DONTNEED` over every mapping of the data file.
    func release() {
        for range in mappings() {
            let start = UnsafeMutableRawPointer(bitPattern: range.lowerBound)
            madvise(start, range.count, MADV_DONTNEED)
        }
    }

    /// The address ranges mapping the data file, from the lines of `/proc/self/maps` that
    /// end with its path: `7f1c2a000000-7f1c3a000000 r--s 00000000 fe:00 1234  /path/data.mdb`.
    private func mappings() -> [Range<UInt>] {
        guard let file = fopen("/proc/self/maps", "r") else { return [] }
        defer { fclose(file) }
        var ranges: [Range<UInt>] = []
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0, let line {
            let text = String(cString: line).trimmingSuffix("\n")
            guard text.hasSuffix(" " + dataFile) else { continue }
            let bounds = text.prefix { $0 != " " }.split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16),
                  let end = UInt(bounds[1], radix: 16), end > start
            else { continue }
            ranges.append(start..<end)
        }
        return ranges
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}

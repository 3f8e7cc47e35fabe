/// A record that does not decode: the data file holds bytes hubsh did not write.
///
/// `detail` says which record, such as `event 12 of partition 3 of hub 'orders' ends early`;
/// the log turns it into `HubError.corrupt` with the directory's path.
struct StoreDamage: Error, Equatable {
    let detail: String

    init(_ detail: String) {
        self.detail = detail
    }
}

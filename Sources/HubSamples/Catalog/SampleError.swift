/// What can go wrong when a person names a sample stream.
public enum SampleError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No stream has this name or alias; `suggestion` is a close one, if any.
    case unknownStream(String, suggestion: String?)

    public var description: String {
        switch self {
        case .unknownStream(let name, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
            return "there is no sample stream '\(name)'\(hint); use one of: "
                + SampleCatalog.hubNames.joined(separator: ", ")
        }
    }
}

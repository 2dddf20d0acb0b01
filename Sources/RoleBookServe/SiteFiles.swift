import Foundation

/// The files of one served version by site path, spread over a fixed number of buckets.
///
/// Copying a snapshot copies only the bucket list, and changing a few files copies only their
/// buckets (copy on write): a rebuild that changed three pages updates the site in place instead
/// of building a new map of tens of thousands of entries, while requests still holding the
/// previous snapshot keep seeing it whole.
public struct SiteFiles: Sendable {
    /// One file as served.
    struct Entry: Sendable {
        /// The bytes served (pages with the live script).
        var data: Data
        /// Hash of the file as rendered, to tell whether a rebuild changed it.
        var hash: UInt64
        /// Fingerprint of what the page was rendered from (``OutputFile/inputs``).
        var inputs: UInt64?
        /// The version in which the file last changed.
        var stamp: Int
    }

    private static let bucketCount = 256
    private var buckets = [[String: Entry]](repeating: [:], count: SiteFiles.bucketCount)
    /// How many files there are.
    public private(set) var count = 0

    public init() {}

    private static func bucket(_ path: String) -> Int {
        // Within one process only: Swift's hash is seeded per process, which is all buckets need.
        Int(UInt(bitPattern: path.hashValue) % UInt(bucketCount))
    }

    subscript(entry path: String) -> Entry? {
        get { buckets[Self.bucket(path)][path] }
        set {
            let b = Self.bucket(path)
            if let newValue {
                if buckets[b].updateValue(newValue, forKey: path) == nil { count += 1 }
            } else if buckets[b].removeValue(forKey: path) != nil {
                count -= 1
            }
        }
    }

    /// The bytes served at `path`.
    public subscript(path: String) -> Data? { self[entry: path]?.data }

    /// Every path, in no particular order.
    public var paths: [String] { buckets.flatMap(\.keys) }
}

extension SiteFiles: Equatable {
    /// The same paths with the same bytes.
    public static func == (a: SiteFiles, b: SiteFiles) -> Bool {
        a.count == b.count && a.buckets.allSatisfy { bucket in bucket.allSatisfy { b[$0.key] == $0.value.data } }
    }
}

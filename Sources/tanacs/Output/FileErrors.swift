import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file system error in plain words ("permission denied", "not a directory"): the system's own
/// message for the underlying errno when Foundation carries one, never "NSCocoaErrorDomain error 512".
func plainWords(_ error: Error) -> String {
    var current: NSError? = error as NSError
    while let e = current {
        if e.domain == NSPOSIXErrorDomain, let text = strerror(Int32(e.code)) { return String(cString: text).lowercased() }
        current = e.userInfo[NSUnderlyingErrorKey] as? NSError
    }
    let ns = error as NSError
    if ns.domain == NSCocoaErrorDomain {
        switch CocoaError.Code(rawValue: ns.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or directory"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "file exists"
        case .fileWriteInvalidFileName: return "invalid file name"
        default: return "the file system refused (code \(ns.code))"
        }
    }
    return ns.localizedDescription
}

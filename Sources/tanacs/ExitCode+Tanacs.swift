import ArgumentParser

/// Exit statuses from sysexits.h, as documented in the README.
extension ExitCode {
    static let usage = ExitCode(64)
    static let badData = ExitCode(65)
    /// EX_NOINPUT: no dataset where one was named or looked for.
    static let noInput = ExitCode(66)
    static let unavailable = ExitCode(69)
}

extension ExitCode {
    /// EX_CANTCREAT: an export could not be written.
    static let cannotCreate = ExitCode(73)
}

extension ExitCode {
    /// EX_IOERR: standard output could not be written (a full disk, /dev/full, a closed descriptor).
    static let ioError = ExitCode(74)
}

extension ExitCode {
    /// EX_OSERR: the dataset does not fit under the process's memory limits.
    static let outOfMemory = ExitCode(71)
}

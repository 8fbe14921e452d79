import CNcursesw

/// How the process reports a crash when no terminal is taken over (the query commands).
public enum CrashReport {
    /// One line on standard error instead of the Swift runtime's backtrace, for a crash such as
    /// running out of memory; `TANACS_BACKTRACE=1` keeps the runtime's report for debugging.
    public static func installOneLineReport() {
        tanacs_install_crash_report()
    }
}

import COpenBLAS

/// The OpenBLAS library the process is linked against: its build configuration and the
/// number of threads its kernels use.
///
/// Thread count is process-global state in OpenBLAS; results of a GEMM can differ in the last
/// bits between thread counts, so deterministic runs pin it.
public enum BLASRuntime {
    /// OpenBLAS's own description of its build, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
    public static var configuration: String {
        guard let c = openblas_get_config() else { return "unknown" }
        return String(cString: c)
    }

    /// The CPU kernel family OpenBLAS selected at load time, e.g. "Haswell".
    public static var coreName: String {
        guard let c = openblas_get_corename() else { return "unknown" }
        return String(cString: c)
    }

    /// Threads OpenBLAS uses for its level-3 kernels.
    public static var threads: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }
}

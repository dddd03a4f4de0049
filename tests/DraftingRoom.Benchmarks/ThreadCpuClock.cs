using System.Runtime.InteropServices;

namespace DraftingRoom.Benchmarks;

/// <summary>
/// The CPU time the current thread has used (Linux: clock_gettime with CLOCK_THREAD_CPUTIME_ID, nanosecond
/// resolution). Unlike wall-clock time it leaves out the time the thread waited for a core, so it stays meaningful
/// on a machine shared with other work.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary>Whether the clock can be read here.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>The thread's CPU time so far, in milliseconds.</summary>
    public static double Milliseconds() => TryRead(out var ms) ? ms : double.NaN;

    private static bool TryRead(out double milliseconds)
    {
        milliseconds = 0;
        try
        {
            if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
            {
                return false;
            }

            milliseconds = time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the signature is blittable, and the benchmarks do not compile unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
#pragma warning restore SYSLIB1054
}

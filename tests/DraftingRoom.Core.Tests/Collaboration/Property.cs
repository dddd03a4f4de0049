using System.Globalization;

namespace DraftingRoom.Core.Tests.Collaboration;

/// <summary>
/// Runs seeded random cases. Case i uses <c>new Random(baseSeed + i)</c>; the base seed comes from the environment
/// variable DRAFTINGROOM_TEST_SEED or is fixed, so a failure names the seed that replays it as the first case.
/// </summary>
internal static class Property
{
    public const string SeedVariable = "DRAFTINGROOM_TEST_SEED";
    private const int DefaultBaseSeed = 20261126;

    public static int BaseSeed =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultBaseSeed;

    public static void ForAll(int cases, Action<Random> body)
    {
        var baseSeed = BaseSeed;
        for (var i = 0; i < cases; i++)
        {
            var seed = unchecked(baseSeed + i);
            try
            {
                body(new Random(seed));
            }
            catch (Exception e)
            {
                throw new PropertyFailedException(
                    $"Case {i} failed with seed {seed}; replay it with {SeedVariable}={seed}. {e.Message}", e);
            }
        }
    }
}

internal sealed class PropertyFailedException(string message, Exception inner) : Exception(message, inner);

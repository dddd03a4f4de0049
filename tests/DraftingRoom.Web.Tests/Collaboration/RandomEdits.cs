using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>Keystrokes made up from a seeded random source: mostly one-letter inserts, some emoji, some deletes.</summary>
public static class RandomEdits
{
    public static TextOperation Next(Random random, string text)
    {
        // Positions never fall inside a surrogate pair (an emoji is two UTF-16 units).
        int Whole(int index) => index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;
        var position = Whole(random.Next(text.Length + 1));
        if (text.Length > 20 && random.Next(4) == 0)
        {
            var end = Whole(Math.Min(text.Length, position + random.Next(1, 4)));
            if (end > position)
                return TextOperation.Builder().Retain(position).Delete(end - position).Retain(text.Length - end).Build();
        }
        var insert = random.Next(8) == 0 ? "🌍" : ((char)('a' + random.Next(26))).ToString();
        return TextOperation.Builder().Retain(position).Insert(insert).Retain(text.Length - position).Build();
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="describe"/> at the deadline.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(describe());
            await Task.Delay(20);
        }
    }

    public static Task WaitForAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe) =>
        WaitForAsync(() => Task.FromResult(condition()), timeout, describe);
}

namespace DraftingRoom.Web.Seeding;

/// <summary>What the first start puts in an empty database, from the "Seed" configuration section.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Demo organisations and users, for trying DraftingRoom out (on in Development).</summary>
    public bool DemoAccounts { get; set; }

    /// <summary>The sample declaration, clearly marked as a sample (on in Development).</summary>
    public bool SampleDeclaration { get; set; }

    /// <summary>
    /// Comments, replies and proposals from the demo accounts on the sample declaration, as in a consultation under
    /// way (on in Development; needs the demo accounts and the sample declaration).
    /// </summary>
    public bool SampleConsultation { get; set; }

    /// <summary>The password of every demo account.</summary>
    public string DemoPassword { get; set; } = "solidarity-demo-2027";

    /// <summary>The first Admin of a production database: created at start-up if no Admin exists yet.</summary>
    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

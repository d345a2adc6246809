namespace CultureHealth.Content.Data;

internal sealed record DemoArticle(
    Guid Id, string Slug, string Title, string Excerpt, string[] Tags, string? CallToAction, string Markdown,
    (string Name, string Email, string Body)[] Comments);

internal static class ContentDemoArticles
{
    public static readonly DemoArticle[] All =
    [
        new(Guid.Parse("0c8f1f0a-5a11-4c38-9d55-000000000001"),
            "how-running-injuries-can-trigger-lower-back-pain",
            "How Running Injuries Can Trigger Lower Back Pain",
            "Your back pain may start at your hips, glutes or stride. How running loads the spine, the usual culprits, and what to do about them.",
            ["running", "back-pain"], "initial-assessment",
            """
            Many runners who come to us with lower back pain are surprised to hear the problem may not start in the back at all.

            ## How running loads the spine

            Every stride sends a force of two to three times your body weight up through your legs. Your hips, glutes and
            core muscles absorb most of it. When one link in that chain is weak or stiff, the lumbar spine takes more than its share.

            ## Common culprits

            - **Weak glutes.** When the glutes tire, the pelvis drops on each step and the lower back muscles work overtime to keep you upright.
            - **Overstriding.** Landing with your foot far ahead of your body acts as a brake and jars the spine with every step.
            - **Tight hip flexors.** Long days sitting shorten the hip flexors, which tilt the pelvis forward and arch the lower back.
            - **A sudden jump in mileage.** Tissues adapt to load over weeks, not days.

            ## When to see a physio

            See a physiotherapist if your pain lasts more than two weeks, wakes you at night, spreads into your leg, or comes with
            numbness or pins and needles. Seek urgent care for any change in bladder or bowel control.

            ## Exercises to start with

            1. **Glute bridges:** 3 sets of 12, squeezing at the top for two seconds.
            2. **Side-lying clams:** 3 sets of 15 each side.
            3. **Kneeling hip flexor stretch:** 3 × 30 seconds each side.
            4. **Cadence drill:** add 5 % to your steps per minute on easy runs to shorten your stride.

            > Pain is information, not an instruction to stop moving. Keep running within a comfortable range while you rebuild.
            """,
            [("Hannah K.", "hannah.k@example.com", "The bit about overstriding was me exactly. Shorter steps and the ache has gone after three weeks."),
             ("Marcus", "marcus.runs@example.com", "Glute bridges every morning since I read this.\nBack feels much better on long runs.")]),
        new(Guid.Parse("0c8f1f0a-5a11-4c38-9d55-000000000002"),
            "desk-posture-what-actually-matters",
            "Desk Posture: What Actually Matters",
            "There is no perfect posture, but there is a best next posture. Simple changes for people who sit all day.",
            ["posture", "back-pain", "workplace"], "initial-assessment",
            """
            ## The myth of perfect posture

            Research has not found one "correct" sitting posture. What matters more is **how long** you stay in any position.

            ## What helps

            - Change position every 30 minutes.
            - Keep your screen at eye level and your feet supported.
            - Take calls standing or walking.

            ## Try this at your desk

            1. Seated thoracic rotations: 10 each way.
            2. Chin tucks: 10 slow repetitions.
            3. Stand up and reach for the ceiling, twice an hour.
            """,
            [("Priya", "priya.d@example.com", "Standing for calls is such an easy win. Thank you!")]),
        new(Guid.Parse("0c8f1f0a-5a11-4c38-9d55-000000000003"),
            "ankle-sprain-rehab-a-week-by-week-guide",
            "Ankle Sprain Rehab: A Week-by-Week Guide",
            "Most ankle sprains recover well with the right loading. What to do in the first days, weeks and months.",
            ["ankle", "sports-injuries", "rehab"], "initial-assessment",
            """
            ## Days 1–3: protect and move gently

            Elevate, compress and keep the ankle moving within comfort: trace the alphabet with your toes.

            ## Weeks 1–2: restore movement

            Walk as normally as you can. Add calf raises on both legs, then on the injured side.

            ## Weeks 3–6: balance and strength

            Single-leg balance, first on the floor, then on a cushion. Poor balance is the biggest predictor of a second sprain.

            ## Return to sport

            Hop, jump and change direction without pain before you play again.
            """,
            []),
        new(Guid.Parse("0c8f1f0a-5a11-4c38-9d55-000000000004"),
            "foam-rolling-myths-and-facts",
            "Foam Rolling: Myths and Facts",
            "Foam rolling does not break up scar tissue or release fascia, but it can still help you move. Here is what the evidence says.",
            ["recovery", "running"], null,
            """
            ## Myth: it breaks up knots and scar tissue

            The forces involved are far too small to change tissue structure.

            ## Fact: it can reduce soreness and improve range of motion for a while

            The effect is mostly on the nervous system and lasts up to about half an hour, which makes it useful before training.

            ## How to use it

            - 30–60 seconds per area.
            - Moderate pressure; it should not hurt.
            - Follow it with movement, not more rolling.
            """,
            []),
        new(Guid.Parse("0c8f1f0a-5a11-4c38-9d55-000000000005"),
            "sciatica-or-back-pain-how-to-tell-the-difference",
            "Sciatica or Back Pain? How to Tell the Difference",
            "Leg pain that travels below the knee is a clue. What sciatica is, what it is not, and when to get help.",
            ["back-pain", "sciatica"], "initial-assessment",
            """
            ## What sciatica is

            Sciatica describes pain from an irritated nerve root in the lower back, felt along the back of the leg, often below the knee.

            ## Signs it may be nerve pain

            - Burning or electric pain in the leg, worse than the back pain.
            - Numbness or pins and needles in the foot.

            ## Most cases settle

            With graded activity and advice, most people improve within six to twelve weeks. A physiotherapist can guide which
            movements to keep and which to modify.
            """,
            []),
    ];
}

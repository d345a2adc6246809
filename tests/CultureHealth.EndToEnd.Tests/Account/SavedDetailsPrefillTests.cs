using CultureHealth.EndToEnd.Tests.Booking;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CultureHealth.EndToEnd.Tests.Account;

/// <summary>
/// Issue 17, saved details: a signed-in patient's booking and checkout forms start with the name and phone they saved
/// and the address they proved, which they may change for that booking or order without changing what is saved; a
/// guest in another browser sees the forms empty; with the patients service away the forms still work, just empty.
/// The forms are filled on the server (nothing here needs JavaScript); every page on the way passes axe.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SavedDetailsPrefillTests(SiteStack site, ITestOutputHelper output)
{
    // Quotes and angle brackets: unless the value attribute carries them encoded, the field would be cut short.
    private const string SavedName = "Priya \"Pri\" O'Neil <b>";
    private const string SavedPhone = "07700 900789";
    private const string Product = "spiky-massage-ball";

    [Fact]
    public async Task A_signed_in_patients_saved_details_start_the_booking_and_checkout_forms_and_nobody_elses()
    {
        var email = $"prefill.{Guid.NewGuid():N}@example.com";
        await using var patient = await Browse.OpenAsync(site, Screen.Desktop, output);
        var page = patient.Page;
        var bookingDetails = "";
        await BookingSteps.RunAsync(patient, "prefill", async () =>
        {
            await patient.VisitAsync("/account/details", "prefill-sign-in-first");
            await PatientSignIn.SignInAsync(site, patient, email, "prefill-sign-in");
            await Expect(page.Locator("h1")).ToHaveTextAsync("Saved details");
            await page.GetByLabel("Name").FillAsync(SavedName);
            await page.GetByLabel("Phone").FillAsync(SavedPhone);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
            await Expect(page.Locator(".notice-success")).ToContainTextAsync("saved");

            await new Shopper(patient).AddToCartAsync(Product, 1, "prefill-product");
            var checkout = await patient.VisitAsync("/checkout", "prefill-checkout");
            Assert.Contains("no-store", await checkout.HeaderValueAsync("cache-control") ?? "", StringComparison.Ordinal);
            await Expect(page.GetByLabel("Full name")).ToHaveValueAsync(SavedName);
            await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(email);
            // The patients service keeps no postal address: the delivery address is typed as before.
            await Expect(page.GetByLabel("Address line 1")).ToHaveValueAsync("");

            await BookingSteps.ToTimesAsync(patient, BookingSteps.InitialAssessment, "First available", "prefill-book");
            await BookingSteps.PickNextWeeksFirstSlotAsync(patient, "prefill-book-times");
            bookingDetails = new Uri(page.Url).PathAndQuery;
            var details = await patient.VisitAsync(bookingDetails, "prefill-book-details");
            Assert.Contains("no-store", await details.HeaderValueAsync("cache-control") ?? "", StringComparison.Ordinal);
            await Expect(page.GetByLabel("Full name")).ToHaveValueAsync(SavedName);
            await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(email);
            await Expect(page.GetByLabel("Phone number")).ToHaveValueAsync(SavedPhone);
            await Expect(page.GetByLabel("Anything we should know?")).ToHaveValueAsync("");
        });

        // Another browser, signed in as nobody: the same forms, empty, and nothing of the patient's on them.
        await using var guest = await Browse.OpenAsync(site, Screen.Desktop, output);
        await BookingSteps.RunAsync(guest, "prefill-guest", async () =>
        {
            await guest.VisitAsync(bookingDetails, "prefill-guest-book-details");
            await Expect(guest.Page.GetByLabel("Full name")).ToHaveValueAsync("");
            await Expect(guest.Page.GetByLabel("Email address")).ToHaveValueAsync("");
            await Expect(guest.Page.GetByLabel("Phone number")).ToHaveValueAsync("");
            await new Shopper(guest).AddToCartAsync(Product, 1, "prefill-guest-product");
            await guest.VisitAsync("/checkout", "prefill-guest-checkout");
            await Expect(guest.Page.GetByLabel("Full name")).ToHaveValueAsync("");
            await Expect(guest.Page.GetByLabel("Email address")).ToHaveValueAsync("");
            Assert.DoesNotContain(email, await guest.Page.ContentAsync(), StringComparison.Ordinal);
        });

        // The patients service away: the same signed-in patient (cookies go to every port) still gets both forms, empty.
        await using (var degraded = await DegradedSite.StartAsync(site, "patients"))
        {
            await BookingSteps.RunAsync(patient, "prefill-patients-down", async () =>
            {
                await patient.VisitAsync(degraded.Url("/checkout"), "prefill-patients-down-checkout");
                await Expect(page.GetByLabel("Full name")).ToHaveValueAsync("");
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" })).ToBeVisibleAsync();
                await patient.VisitAsync(degraded.Url(bookingDetails), "prefill-patients-down-book-details");
                await Expect(page.GetByLabel("Full name")).ToHaveValueAsync("");
                // Booking still knows the proven address (from the token), so the booking is confirmed at once as before.
                await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(email);
                await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Book appointment" })).ToBeVisibleAsync();
            });
        }

        // What the patient changes on a form is for that order: the saved details stay as they were.
        await BookingSteps.RunAsync(patient, "prefill-changed", async () =>
        {
            await patient.VisitAsync("/checkout", "prefill-checkout-again");
            await new Shopper(patient).FillDetailsAsync(new Buyer("Priya Gift-Buyer", email));
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
            await page.WaitForAddressAsync("**/checkout/payment");
            Assert.Contains("Priya Gift-Buyer", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await patient.VisitAsync("/account/details", "prefill-details-unchanged");
            await Expect(page.GetByLabel("Name")).ToHaveValueAsync(SavedName);
            await Expect(page.GetByLabel("Phone")).ToHaveValueAsync(SavedPhone);
        });
    }
}

using CultureHealth.BackOffice.Web;

namespace CultureHealth.BackOffice.Pages.Diary;

public sealed class IndexModel : StaffPageModel
{
    public void OnGet()
    {
    }
}

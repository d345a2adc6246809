// Refreshes the dashboard's panels every few seconds (data-refresh-seconds). The page works without this:
// the Refresh link reloads it. The request says it is a background refresh, so it does not keep an idle
// session alive; if the session has ended the server answers with the sign-in page, and we reload to show it.
(() => {
  const panels = document.getElementById('dashboard-panels');
  const updated = document.getElementById('dashboard-updated');
  if (!panels) return;
  const seconds = Math.max(10, Number(panels.dataset.refreshSeconds) || 60);
  const url = new URL(window.location.href);
  url.searchParams.set('handler', 'Panels');
  url.searchParams.delete('done');

  async function refresh() {
    if (document.hidden) return;
    try {
      const response = await fetch(url, { headers: { 'X-Background-Refresh': '1' }, credentials: 'same-origin', redirect: 'manual' });
      if (response.type === 'opaqueredirect' || response.status === 401) { window.location.reload(); return; }
      if (!response.ok) return;
      panels.innerHTML = await response.text();
      if (updated) {
        updated.textContent = 'Updated ' + new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
      }
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }

  setInterval(refresh, seconds * 1000);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refresh(); });
})();

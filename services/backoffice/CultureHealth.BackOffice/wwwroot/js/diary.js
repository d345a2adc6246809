// Drag an appointment to a free time in the same column to move it. Only an enhancement: every appointment
// links to its page, whose "Move to another time" works without script. The move is the same POST that page
// makes (with this session's antiforgery token); the diary then reloads to show the result.
(() => {
  const table = document.querySelector('[data-diary]');
  const token = document.querySelector('input[name="__RequestVerificationToken"]')?.value;
  if (!table) return;
  // Open the day at its first appointment rather than at opening time.
  const first = table.querySelector('a[data-booking]');
  const scroller = table.closest('.diary-scroll');
  if (first && scroller) {
    scroller.scrollTop = Math.max(0, first.closest('td').offsetTop - 80);
  }
  if (!token) return;
  const movable = table.querySelectorAll('a[data-movable="true"]');
  if (movable.length === 0) return;

  const hint = document.getElementById('drag-hint');
  if (hint) hint.hidden = false;
  const live = document.createElement('div');
  live.setAttribute('role', 'alert');
  live.className = 'drag-message';
  table.closest('.diary-scroll').before(live);

  let dragged = null;
  let target = null;
  const setTarget = (td) => {
    if (target === td) return;
    target?.classList.remove('diary__drop');
    target = td;
    target?.classList.add('diary__drop');
  };
  const dropCell = (event) => {
    const td = event.target.closest('td[data-start]');
    return td && dragged && td.dataset.practitioner === dragged.dataset.practitioner ? td : null;
  };

  movable.forEach((a) => {
    a.draggable = true;
    a.addEventListener('dragstart', (event) => {
      dragged = a;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', a.dataset.booking);
      a.classList.add('booking--dragging');
    });
    a.addEventListener('dragend', () => {
      a.classList.remove('booking--dragging');
      setTarget(null);
      dragged = null;
    });
  });

  table.addEventListener('dragover', (event) => {
    const td = dropCell(event);
    if (!td) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    setTarget(td);
  });

  table.addEventListener('drop', async (event) => {
    const td = dropCell(event);
    if (!td) return;
    event.preventDefault();
    const booking = dragged;
    setTarget(null);
    live.textContent = 'Moving…';
    try {
      const response = await fetch(booking.getAttribute('href') + '/move', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ Start: td.dataset.start, __RequestVerificationToken: token }),
      });
      if (response.ok && response.redirected && !response.url.endsWith('/move')) {
        const url = new URL(window.location.href);
        url.searchParams.set('done', 'moved');
        window.location.assign(url);
        return;
      }
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const reason = page.querySelector('.error-summary')?.textContent?.replace(/\s+/g, ' ').trim();
      live.textContent = 'Not moved. ' + (reason || 'Open the appointment to move it.');
    } catch {
      live.textContent = 'Not moved: the clinic system did not answer. Try again.';
    }
  });
})();

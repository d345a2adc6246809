// Progressive enhancement for the booking pages' week strip and times: choosing a day or another week swaps
// the panel in place (no full page load, the scroll position stays) and moves focus to the new heading, so a
// screen reader announces it. Without JavaScript, or if anything fails, the links simply load the page.
(() => {
  'use strict';
  const selector = '[data-slot-picker]';
  if (!document.querySelector(selector) || !window.fetch || !window.DOMParser) {
    return;
  }

  const swap = async (url, focusId, push) => {
    const current = document.querySelector(selector);
    current.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error('status ' + response.status);
      }
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const next = page.querySelector(selector);
      if (!next) {
        throw new Error('no slot picker in the page');
      }
      current.replaceWith(document.importNode(next, true));
      if (push) {
        history.pushState({ slotPicker: true }, '', url);
      }
      const heading = document.getElementById(focusId) || document.getElementById('slots-title');
      if (heading) {
        heading.focus();
      }
    } catch {
      window.location.assign(url);
    }
  };

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-slot-nav]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    swap(link.href, link.dataset.focus || 'week-title', true);
  });

  window.addEventListener('popstate', () => swap(window.location.href, 'week-title', false));
})();

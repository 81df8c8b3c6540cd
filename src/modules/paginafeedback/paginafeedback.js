// Loket page feedback (ADR 0039), for the gemeente's own website: sends a feedback form
// (`<form data-loket-feedback>`) in place instead of leaving the page. No cookies, no other code,
// no inline script or style (a Content-Security-Policy of the website only needs to allow this
// file in script-src and Loket in connect-src and form-action). Without it, the form still works:
// the browser posts it and Loket sends the visitor back to the page.
// The whole script is one function, so it adds nothing to the website's global scope.
// oxlint-disable unicorn/consistent-function-scoping
(() => {
  'use strict';

  const zonderQuery = () => `${location.origin}${location.pathname}`;

  const toon = (form, id) => {
    const doel = id ? document.getElementById(id) : null;
    if (!doel) return;
    doel.hidden = false;
    if (!doel.hasAttribute('tabindex')) doel.setAttribute('tabindex', '-1');
    doel.focus();
  };

  const verstuur = async (form, event) => {
    event.preventDefault();
    const velden = new URLSearchParams(new FormData(form));
    velden.set('js', '1');
    const knop = form.querySelector('[type="submit"]');
    if (knop) knop.disabled = true;
    try {
      const antwoord = await fetch(form.action, {
        method: 'POST',
        body: velden,
        headers: { Accept: 'application/json' },
        credentials: 'omit',
        mode: 'cors',
        referrerPolicy: 'strict-origin',
      });
      if (antwoord.ok) {
        form.hidden = true;
        toon(form, form.dataset.loketBedankt || 'feedback-bedankt');
        return;
      }
      toon(form, form.dataset.loketFout || 'feedback-fout');
    } catch {
      // No connection with Loket from here (a blocked request): post the form the ordinary way.
      form.submit();
      return;
    } finally {
      if (knop) knop.disabled = false;
    }
  };

  for (const form of document.querySelectorAll('form[data-loket-feedback]')) {
    for (const naam of ['pagina', 'terug']) {
      const veld = form.elements.namedItem(naam);
      if (veld && 'value' in veld && veld.value === '') veld.value = naam === 'pagina' ? zonderQuery() : location.href.split('#')[0];
    }
    form.addEventListener('submit', (event) => void verstuur(form, event));
    // "Nee": open the questions about the page.
    for (const keuze of form.querySelectorAll('input[name="gevonden"]')) {
      keuze.addEventListener('change', () => {
        const meer = form.querySelector('details');
        if (meer && keuze.checked && keuze.value === 'nee') meer.open = true;
      });
    }
  }
})();

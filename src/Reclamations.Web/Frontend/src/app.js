// Back office behaviour: htmx for partial updates, and small progressive enhancements (no inline script: CSP).
import htmx from 'htmx.org';

window.htmx = htmx;

// Send the antiforgery token with every htmx request (the token is in a meta tag of the layout).
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="request-verification-token"]')?.getAttribute('content');
  if (token) event.detail.headers['RequestVerificationToken'] = token;
});

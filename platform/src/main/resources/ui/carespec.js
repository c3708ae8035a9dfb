// GOV.UK Frontend's components, started once the page has loaded. No inline script anywhere: the pages' Content
// Security Policy allows scripts from this site only. Every page works without this file.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

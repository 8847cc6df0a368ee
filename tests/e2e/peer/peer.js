// GOV.UK Frontend's own start-up, as a service using it would have.
import { initAll } from './govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

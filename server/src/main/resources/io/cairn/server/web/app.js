// Cairn's web page: picks the screen named in the URL, renders it from the URL's state, and shows failures as
// readable messages. Every screen is a plain URL, so it can be bookmarked and shared.

import { ApiError } from './api.js';
import { h, put } from './dom.js';
import { exportTables } from './export.js';
import { problem } from './problem.js';
import { timings } from './timings.js';
import * as learner from './learner.js';
import * as advisor from './advisor.js';
import * as catalog from './catalog.js';
import * as credential from './credential.js';
import * as designer from './designer.js';
import * as employer from './employer.js';
import * as plan from './plan.js';

const SCREENS = { learner, plan, advisor, catalog, credential, designer, employer };
const NAV_OF = { credential: 'catalog' };

async function start() {
  const params = new URLSearchParams(window.location.search);
  const name = params.get('screen') ?? 'learner';
  const screen = SCREENS[name];
  timings.screen = name;
  const current = NAV_OF[name] ?? name;
  document.querySelectorAll('nav a[data-screen]').forEach((a) => {
    if (a.dataset.screen === current) a.setAttribute('aria-current', 'page');
    // opened from the LMS: the other screens read the launch's SIS holdings too
    if (params.has('lti')) a.href = `${a.getAttribute('href')}&lti=1`;
  });
  const main = document.getElementById('main');
  main.replaceChildren();
  try {
    if (!screen) {
      put(main, h('h1', {}, 'No such screen'), problem(new ApiError('Unknown screen',
        `There is no screen called "${name}". Choose one from the menu above.`, 400)));
    } else {
      await screen.render(main, params);
      // every result table a screen did not offer for download itself gets CSV and JSON links
      exportTables(main.querySelector('#results') ?? main, name);
    }
  } catch (e) {
    put(main, problem(e));
  }
  timings.readyMs = Math.round(performance.now());
  document.body.dataset.ready = 'true';
}

start();
